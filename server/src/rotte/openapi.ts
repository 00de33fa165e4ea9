// GET /api/openapi.json: the contract as OpenAPI 3.1, for a backend team that reads it in Java or PHP rather than our
// TypeScript. Every body is generated from the zod schemas the code uses: the widget's (what it sends, what its list
// accepts) and rotte/schemi.ts (the answers). The widget's schemas check with refinements JSON Schema cannot see, so
// their limits and formats are added here from the same constants; a test checks samples get one verdict from both.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import {
  MAX_ALLEGATI,
  MAX_BYTE_ALLEGATO,
  MAX_DESCRIZIONE,
  MAX_NOME,
  MAX_PRATICA,
  TIPI_ALLEGATO,
  allegatoSchema,
  richiestaSchema,
} from '../../../src/richiesta.js';
import { MAX_TESTO_RISPOSTA, rispostaSchema } from '../../../src/risposta.js';
import { elencoRichiesteSchema, richiestaUtenteSchema } from '../../../src/elenco.js';
import { cambioStatoSchema, rispostaSportelloSchema } from './sportello.js';
import {
  allegatoCaricatoSchema,
  elencoSportelloSchema,
  erroreSchema,
  erroreValidazioneSchema,
  richiestaCreataSchema,
  richiestaSportelloSchema,
  rispostaCreataSchema,
  rispostaSportelloCreataSchema,
  saluteSchema,
} from './schemi.js';
import { altriMetodi } from './comuni.js';
import { MAX_BYTE_JSON } from './richieste.js';
import { documentazioneTempiRisposta, type Documentazione } from './tempi-risposta.js';

type SchemaJson = Record<string, unknown>;

/** JSON Schema keywords for the widget's refined fields, keyed by the zod schema they describe. */
function annotazioni() {
  const meta = z.registry<SchemaJson>();
  const interno = (s: z.ZodMiniType) => (s as unknown as z.ZodMiniOptional)._zod.def.innerType;
  const q = richiestaSchema._zod.def.shape;
  const istante = { format: 'date-time', description: 'ISO 8601 with its zone, as toISOString() writes it' };
  meta.add(q.id, { format: 'uuid', description: 'A UUID v4 chosen by the client; also the Idempotency-Key' });
  meta.add(q.cognome, { minLength: 1, maxLength: MAX_NOME, description: 'Trimmed; at least one letter' });
  meta.add(q.nome, { minLength: 1, maxLength: MAX_NOME, description: 'Trimmed; at least one letter' });
  meta.add(interno(q.email), { format: 'email', maxLength: 254 });
  meta.add(interno(q.telefono), { pattern: '^\\s*\\+?[\\d\\s.\\-/()]+\\s*$', description: '6 to 15 digits' });
  meta.add(q.rispostaViaEmail, { description: 'Also send the help desk’s answer by mail (then email is required)' });
  meta.add(q.descrizione, { minLength: 1, maxLength: MAX_DESCRIZIONE, description: 'Trimmed; line breaks allowed' });
  const pratica = (interno(q.pratica) as typeof q.pratica.def.innerType)._zod.def.shape;
  meta.add(interno(pratica.tipologia), { maxLength: MAX_PRATICA });
  meta.add(interno(pratica.numero), { maxLength: MAX_PRATICA });
  meta.add(q.creataIl, { ...istante, description: 'When the user wrote it (kept; never orders anything)' });
  meta.add(interno(q.allegati), { maxItems: MAX_ALLEGATI, description: 'Files uploaded before, by the same caller' });
  const a = allegatoSchema._zod.def.shape;
  meta.add(a.id, { format: 'uuid' });
  meta.add(a.nome, { minLength: 1, maxLength: 255, description: 'No folders, no control characters' });
  meta.add(a.tipo, { enum: [...TIPI_ALLEGATO] });
  meta.add(a.dimensione, { type: 'integer', minimum: 1, maximum: MAX_BYTE_ALLEGATO });
  const r = rispostaSchema._zod.def.shape;
  meta.add(r.id, { format: 'uuid', description: 'A UUID v4 chosen by the client; also the Idempotency-Key' });
  meta.add(r.testo, { minLength: 1, maxLength: MAX_TESTO_RISPOSTA, description: 'Trimmed; line breaks allowed' });
  meta.add(r.inviatoIl, istante);
  const s = rispostaSportelloSchema._zod.def.shape;
  meta.add(s.testo, { minLength: 1, maxLength: MAX_TESTO_RISPOSTA });
  const u = richiestaUtenteSchema._zod.def.shape;
  meta.add(u.numero, { type: 'integer', minimum: 1 });
  meta.add(u.creataIl, istante);
  meta.add(u.aggiornataIl, istante);
  return meta;
}

/** A JSON Schema of a zod schema, for the request (`input`) or the answer (`output`) side. */
function schemaDi(meta: z.core.$ZodRegistry<SchemaJson>) {
  return (schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): SchemaJson => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: meta });
    delete json.$schema;
    return json;
  };
}

const json = (schema: SchemaJson) => ({ content: { 'application/json': { schema } } });
const errore = (descrizione: string) => ({
  description: descrizione,
  ...json({ $ref: '#/components/schemas/Errore' }),
});
const nonValido = (descrizione: string) => ({
  description: descrizione,
  ...json({ $ref: '#/components/schemas/ErroreValidazione' }),
});
const nonDisponibile = {
  description: 'The database is unavailable: nothing was stored; retry after Retry-After (seconds)',
  headers: { 'Retry-After': { schema: { type: 'integer' } } },
  ...json({ $ref: '#/components/schemas/Errore' }),
};
const chiave = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'The body’s id (a UUID v4), the same at every attempt',
  schema: { type: 'string', format: 'uuid' },
};
const id = (descrizione: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: descrizione,
  schema: { type: 'string', format: 'uuid' },
});
const ripetuta = {
  'Idempotent-Replayed': { description: 'true on a repeated key: the first answer again', schema: { type: 'string' } },
};
const tokenFacoltativo = [{}, { portale: [] }];
const token = [{ portale: [] }];

/** The route modules that describe their own routes; the others are still described in documentoOpenApi below. */
const PARTI: Documentazione[] = [documentazioneTempiRisposta];

/** The whole document. */
export function documentoOpenApi(): SchemaJson {
  const schema = schemaDi(annotazioni());
  const schemiDelleParti = Object.fromEntries(
    PARTI.flatMap((p) => Object.entries(p.schemi).map(([nome, s]) => [nome, schema(s.schema, s.io)])),
  );
  const percorsiDelleParti = Object.assign({}, ...PARTI.map((p) => p.percorsi)) as Documentazione['percorsi'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'assistenza-tecnica-server',
      version: '0.1.0',
      description:
        'The help desk of the GeoTecSUE portal: the widget’s endpoint (requests, the user’s list and replies, ' +
        'attachments) and the help desk’s routes. Every error is JSON with an Italian `messaggio`. Users are ' +
        'identified by the portal’s JWT (HS256, `sub` and `exp` required); without a token a request and an upload ' +
        'are accepted as anonymous, nothing else is. Every answer of /api is `Cache-Control: no-store`, but the ' +
        'public response times’ (`public, max-age=300`).',
    },
    components: {
      securitySchemes: {
        portale: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Signed by the portal’s backend with ASSISTENZA_JWT_SEGRETO (HS256): `sub` is the user’s id, `exp` is ' +
            'required. Any other alg, a bad signature or an expired token is a 401, never an anonymous caller.',
        },
      },
      schemas: {
        Richiesta: schema(richiestaSchema, 'input'),
        Risposta: schema(rispostaSchema, 'input'),
        ElencoRichieste: {
          ...schema(elencoRichiesteSchema),
          properties: { richieste: { type: 'array', items: { $ref: '#/components/schemas/RichiestaUtente' } } },
        },
        RichiestaUtente: schema(richiestaUtenteSchema),
        RichiestaCreata: schema(richiestaCreataSchema),
        RispostaCreata: schema(rispostaCreataSchema),
        AllegatoCaricato: schema(allegatoCaricatoSchema),
        RispostaSportello: schema(rispostaSportelloSchema, 'input'),
        CambioStato: schema(cambioStatoSchema, 'input'),
        RispostaSportelloCreata: schema(rispostaSportelloCreataSchema),
        RichiestaSportello: schema(richiestaSportelloSchema),
        ElencoSportello: schema(elencoSportelloSchema),
        Salute: schema(saluteSchema),
        Errore: schema(erroreSchema),
        ErroreValidazione: schema(erroreValidazioneSchema),
        ...schemiDelleParti,
      },
    },
    paths: {
      ...percorsiDelleParti,
      '/api/richieste': {
        post: {
          summary: 'A new request (anonymous without a token)',
          security: tokenFacoltativo,
          parameters: [chiave],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/Richiesta' }) },
          responses: {
            201: {
              description: 'Stored (or a repeated key: the first answer, with Idempotent-Replayed: true)',
              headers: ripetuta,
              ...json({ $ref: '#/components/schemas/RichiestaCreata' }),
            },
            400: errore('Not JSON, not an object, or no Idempotency-Key'),
            401: errore('A token that is not valid'),
            413: errore(`Over ${MAX_BYTE_JSON / 1024} KiB`),
            415: errore('Not application/json'),
            422: nonValido(
              'The schema refuses it; the key is not the id; the key was used with another body or by another ' +
                'caller; or it names attachments it may not (their ids in `allegati`)',
            ),
            503: nonDisponibile,
          },
        },
        get: {
          summary: 'The caller’s own requests, newest first, a page at a time',
          security: token,
          parameters: [
            {
              name: 'prima-di',
              in: 'query',
              description: 'Only requests numbered below this (the next page, as Link rel="next" names it)',
              schema: { type: 'integer', minimum: 1 },
            },
            {
              name: 'per-pagina',
              in: 'query',
              description: 'Requests per page (default 20)',
              schema: { type: 'integer', minimum: 1, maximum: 100 },
            },
            { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'The page; a strong ETag; Link: <…?prima-di=N>; rel="next" when there are older ones',
              headers: { ETag: { schema: { type: 'string' } }, Link: { schema: { type: 'string' } } },
              ...json({ $ref: '#/components/schemas/ElencoRichieste' }),
            },
            304: { description: 'If-None-Match matches: unchanged' },
            400: errore('A bad prima-di or per-pagina'),
            401: errore('No token, or one that is not valid'),
            503: nonDisponibile,
          },
        },
      },
      '/api/richieste/{id}/messaggi': {
        post: {
          summary: 'The user’s reply in the thread of one of their requests',
          security: token,
          parameters: [id('The request'), chiave],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/Risposta' }) },
          responses: {
            201: {
              description: 'Stored, with the request’s state after it (a repeated key: the first answer)',
              headers: ripetuta,
              ...json({ $ref: '#/components/schemas/RispostaCreata' }),
            },
            400: errore('Not JSON, not an object, or no Idempotency-Key'),
            401: errore('No token, or one that is not valid'),
            404: errore('No such request, or not the caller’s (the same answer)'),
            409: errore('The request is closed (chiusa)'),
            413: errore(`Over ${MAX_BYTE_JSON / 1024} KiB`),
            415: errore('Not application/json'),
            422: nonValido('The schema refuses it; the key is not the id, or was used for another message'),
            503: nonDisponibile,
          },
        },
      },
      '/api/richieste/allegati/{id}': {
        put: {
          summary: 'A file’s bytes, before the request that names it (anonymous without a token)',
          description:
            'The caller, the id, the key, the name, the declared type and an announced size are checked before ' +
            'the body is read. The content must start with its type’s signature.',
          security: tokenFacoltativo,
          parameters: [
            id('The file’s id (a UUID v4), also its Idempotency-Key'),
            chiave,
            {
              name: 'Content-Disposition',
              in: 'header',
              required: true,
              description: 'attachment; filename*=UTF-8\'\'<name> (RFC 8187), or filename="…"',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: Object.fromEntries(
              TIPI_ALLEGATO.map((t) => [
                t,
                { schema: { type: 'string', contentMediaType: t, maxLength: MAX_BYTE_ALLEGATO } },
              ]),
            ),
          },
          responses: {
            201: {
              description: 'Stored (or a repeated key: the first answer)',
              headers: ripetuta,
              ...json({ $ref: '#/components/schemas/AllegatoCaricato' }),
            },
            400: errore('The id is not a UUID v4, no Idempotency-Key, or no file name'),
            401: errore('A token that is not valid'),
            413: errore(`Over ${MAX_BYTE_ALLEGATO / (1024 * 1024)} MB, announced or not`),
            415: errore('Not PNG, JPEG or PDF, or the content is not of the declared type'),
            422: errore('Empty; a name over 255 characters; the key is not the id, or was used for another file'),
            503: nonDisponibile,
          },
        },
      },
      '/api/sportello/richieste': {
        get: {
          summary: 'The help desk: every request, newest first, with its user, contacts and thread',
          responses: {
            200: { description: 'Every request', ...json({ $ref: '#/components/schemas/ElencoSportello' }) },
          },
        },
      },
      '/api/sportello/richieste/{id}': {
        get: {
          summary: 'The help desk: one request',
          parameters: [id('The request')],
          responses: {
            200: { description: 'The request', ...json({ $ref: '#/components/schemas/RichiestaSportello' }) },
            404: errore('No such request'),
          },
        },
        patch: {
          summary: 'The help desk: the state alone',
          parameters: [id('The request')],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/CambioStato' }) },
          responses: {
            200: { description: 'Set', ...json({ $ref: '#/components/schemas/CambioStato' }) },
            404: errore('No such request'),
            422: nonValido('Not a state'),
          },
        },
      },
      '/api/sportello/richieste/{id}/messaggi': {
        post: {
          summary: 'The help desk: the operator’s reply, with the state to set',
          parameters: [id('The request')],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/RispostaSportello' }) },
          responses: {
            201: {
              description: 'Stored; `inviataViaMailA` when it also goes by mail',
              ...json({ $ref: '#/components/schemas/RispostaSportelloCreata' }),
            },
            404: errore('No such request'),
            422: nonValido('The schema refuses it'),
          },
        },
      },
      '/api/sportello/allegati/{id}': {
        get: {
          summary: 'The help desk: a file, as a download',
          parameters: [id('The file')],
          responses: {
            200: {
              description:
                'The bytes, with Content-Disposition: attachment, X-Content-Type-Options: nosniff and ' +
                "Content-Security-Policy: default-src 'none'",
              content: Object.fromEntries(
                TIPI_ALLEGATO.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }]),
              ),
            },
            404: errore('No such file'),
          },
        },
      },
      '/api/salute': {
        get: {
          summary: 'Whether the server and its database answer',
          responses: {
            200: { description: 'The database answers', ...json({ $ref: '#/components/schemas/Salute' }) },
            503: { description: 'The database does not answer', ...json({ $ref: '#/components/schemas/Salute' }) },
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
        },
      },
    },
  };
}

/** A route as the OpenAPI document names it: GET /api/richieste/{id}/messaggi. */
const nomeRotta = (metodo: string, url: string) => `${metodo} ${url.replace(/:(\w+)/g, '{$1}')}`;

/**
 * Notes every route registered after it (call it first): rotteOpenApi then refuses to let the server start with a
 * route the document does not describe, so the contract a backend team reads cannot fall behind the code.
 */
export function tracciaRotte(app: FastifyInstance): Set<string> {
  const rotte = new Set<string>();
  app.addHook('onRoute', (r) => {
    if (r.config?.soloMetodoNonAmmesso) {
      return;
    }
    for (const metodo of [r.method].flat()) {
      if (metodo !== 'HEAD' && metodo !== 'OPTIONS') {
        rotte.add(nomeRotta(metodo, r.url));
      }
    }
  });
  return rotte;
}

export function rotteOpenApi(app: FastifyInstance, rotte: Set<string>): void {
  const documento = documentoOpenApi();
  app.get('/api/openapi.json', async (_req, reply) =>
    reply.header('Cache-Control', 'public, max-age=3600').send(documento),
  );
  altriMetodi(app, '/api/openapi.json', ['GET']);
  app.addHook('onReady', async () => {
    const descritte = Object.entries(documento.paths as Record<string, object>).flatMap(([url, metodi]) =>
      Object.keys(metodi).map((m) => `${m.toUpperCase()} ${url}`),
    );
    const mancanti = [...rotte].filter((r) => !descritte.includes(r));
    if (mancanti.length > 0) {
      throw new Error(`/api/openapi.json non descrive: ${mancanti.join(', ')}`);
    }
  });
}

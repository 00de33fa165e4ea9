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
import { richiestaUtenteSchema } from '../../../src/elenco.js';
import { COOKIE_SPORTELLO, documentazioneSportello, rispostaSportelloSchema } from './sportello.js';
import { documentazioneRichieste } from './richieste.js';
import { documentazioneAllegati } from './allegati.js';
import { documentazioneSalute } from './salute.js';
import { documentazioneTempiRisposta } from './tempi-risposta.js';
import { documentazioneTempiSportello } from './tempi-sportello.js';
import { documentazioneUtenti } from './utenti.js';
import { erroreSchema, erroreValidazioneSchema } from './schemi.js';
import type { Documentazione, SchemaJson } from './documenta.js';
import { altriMetodi } from './comuni.js';

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

/** Every module's part of the document. */
const PARTI: Documentazione[] = [
  documentazioneRichieste,
  documentazioneAllegati,
  documentazioneSportello,
  documentazioneUtenti,
  documentazioneSalute,
  documentazioneTempiRisposta,
  documentazioneTempiSportello,
  {
    schemi: { Errore: { schema: erroreSchema }, ErroreValidazione: { schema: erroreValidazioneSchema } },
    percorsi: {
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
        },
      },
    },
  },
];

/** The whole document. */
export function documentoOpenApi(): { paths: Record<string, Record<string, SchemaJson>> } & SchemaJson {
  const schema = schemaDi(annotazioni());
  const schemi: Record<string, SchemaJson> = {};
  const percorsi: Record<string, Record<string, SchemaJson>> = {};
  for (const parte of PARTI) {
    for (const [nome, s] of Object.entries(parte.schemi)) {
      schemi[nome] = schema(s.schema, s.io);
    }
    for (const [url, operazioni] of Object.entries(parte.percorsi)) {
      percorsi[url] = { ...percorsi[url], ...operazioni };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'assistenza-tecnica-server',
      version: '0.1.0',
      description:
        'The help desk of the GeoTecSUE portal: the widget’s endpoint (requests, the user’s list and replies, ' +
        'attachments) and the help desk’s routes. Every error is JSON with an Italian `messaggio`. Users are ' +
        'identified by the portal’s JWT (HS256, `sub` and `exp` required); without a token a request and an upload ' +
        'are accepted as anonymous, nothing else is. Operators log in to /api/sportello/accesso; a state-changing ' +
        'help desk route also wants Content-Type: application/json and the server’s own Origin (or one of ' +
        'ASSISTENZA_ORIGINI). Every answer of /api is `Cache-Control: no-store` but the public response times (`public, ' +
        'max-age=300`) and this document.',
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
        sportello: {
          type: 'apiKey',
          in: 'cookie',
          name: COOKIE_SPORTELLO,
          description: 'The operator’s session, from POST /api/sportello/accesso; it ends after 8 hours without use.',
        },
      },
      schemas: schemi,
    },
    paths: percorsi,
  };
}

/** A route as the OpenAPI document names it: GET /api/richieste/{id}/messaggi. */
const nomeRotta = (metodo: string, url: string) => `${metodo} ${url.replace(/:(\w+)/g, '{$1}')}`;

/** The API's routes, which the document describes; the console's pages (/sportello/) are files, not the contract. */
const dellApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Notes every route of the API registered after it (call it first): rotteOpenApi then refuses to let the server start
 * with an API route the document does not describe, so the contract a backend team reads cannot fall behind the code.
 */
export function tracciaRotte(app: FastifyInstance): Set<string> {
  const rotte = new Set<string>();
  app.addHook('onRoute', (r) => {
    if (r.config?.soloMetodoNonAmmesso || !dellApi(r.url)) {
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
    const descritte = Object.entries(documento.paths).flatMap(([url, metodi]) =>
      Object.keys(metodi).map((m) => `${m.toUpperCase()} ${url}`),
    );
    const mancanti = [...rotte].filter((r) => !descritte.includes(r));
    if (mancanti.length > 0) {
      throw new Error(`/api/openapi.json non descrive: ${mancanti.join(', ')}`);
    }
  });
}

// What every route does the same way: JSON errors with an Italian `messaggio`, who is calling (the portal's token),
// the Idempotency-Key, a JSON object body, 405 with Allow for a known path, and the errors of Fastify's own checks
// (body too large, wrong type, broken JSON) and of a database away worded like the rest.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { identita, type Identita } from '../servizi/identita.js';
import { DatabaseNonDisponibile } from '../archivio/database.js';
import type { ErroreCampo } from '../servizi/validazione.js';
import { contentDispositionDownload } from './nome-file.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The token's user; undefined for an anonymous caller (set by `identifica`). */
    utente: string | undefined;
  }
  interface FastifyContextConfig {
    /** The 413's message on this route (the body is over its limit). */
    troppoGrande?: (req: FastifyRequest) => string;
    /** The 415's message on this route (a Content-Type it does not take). */
    tipoNonAmmesso?: (req: FastifyRequest) => string;
    /** A route that only answers 405 (altriMetodi): not part of the contract. */
    soloMetodoNonAmmesso?: boolean;
  }
}

/** How long a client waits before trying again when the database is away. */
export const RETRY_AFTER_DATABASE_S = 5;

export function rispondiErrore(
  reply: FastifyReply,
  statoHttp: number,
  messaggio: string,
  extra: Record<string, string> = {},
): FastifyReply {
  return reply.code(statoHttp).headers(extra).send({ messaggio });
}

/**
 * A stored file as a download, never shown inline, whoever downloads it (the help desk, its uploader): its bytes came
 * from a user.
 */
export function rispondiConAllegato(
  reply: FastifyReply,
  a: { nome: string; tipo: string; contenuto: Buffer },
): FastifyReply {
  return reply
    .code(200)
    .headers({
      'Content-Type': a.tipo,
      'Content-Disposition': contentDispositionDownload(a.nome),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    })
    .send(a.contenuto);
}

/** A JSON document as a file to keep (a person's data): `nome` is what the browser saves it as. */
export function rispondiConDocumento(reply: FastifyReply, nome: string, documento: unknown): FastifyReply {
  return reply
    .code(200)
    .type('application/json; charset=utf-8')
    .header('Content-Disposition', contentDispositionDownload(nome))
    .send(JSON.stringify(documento, null, 2));
}

/** The 422 of a body a schema refused: every field's message, and the list. */
export function rispondiNonValido(reply: FastifyReply, errori: ErroreCampo[]): FastifyReply {
  return reply.code(422).send({ messaggio: errori.map((e) => e.messaggio).join(' '), errori });
}

/** The request's Idempotency-Key, or undefined when it has none. */
export function chiaveDi(req: FastifyRequest): string | undefined {
  const k = req.headers['idempotency-key'];
  if (typeof k === 'string' && k.trim() !== '') {
    return k.trim();
  }
  return undefined;
}

/** The value of one cookie of the request, or undefined. */
export function cookieDi(req: FastifyRequest, nome: string): string | undefined {
  for (const parte of (req.headers.cookie ?? '').split(';')) {
    const uguale = parte.indexOf('=');
    if (uguale > 0 && parte.slice(0, uguale).trim() === nome) {
      return parte.slice(uguale + 1).trim();
    }
  }
  return undefined;
}

/** Whether the request declares a JSON body (`application/json`, with parameters or not). */
export const dichiaraJson = (req: FastifyRequest): boolean =>
  /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/** The parsed JSON body when it is an object; undefined for an array, a string, a number, null. */
export function oggettoJson(corpo: unknown): Record<string, unknown> | undefined {
  if (corpo === null || typeof corpo !== 'object' || Array.isArray(corpo)) {
    return undefined;
  }
  return corpo as Record<string, unknown>;
}

const CORPO_NON_OGGETTO = 'Il corpo della richiesta deve essere un oggetto JSON.';
const CORPO_NON_JSON = 'Il corpo della richiesta non è un JSON valido.';

/** The body as a JSON object, or the 400 already sent. */
export function corpoOggetto(req: FastifyRequest, reply: FastifyReply): Record<string, unknown> | undefined {
  const corpo = oggettoJson(req.body);
  if (corpo === undefined) {
    rispondiErrore(reply, 400, CORPO_NON_OGGETTO);
  }
  return corpo;
}

/** The Idempotency-Key, or the 400 already sent. */
export function chiaveRichiesta(req: FastifyRequest, reply: FastifyReply): string | undefined {
  const chiave = chiaveDi(req);
  if (chiave === undefined) {
    rispondiErrore(reply, 400, 'Manca l’intestazione Idempotency-Key.');
  }
  return chiave;
}

/**
 * An onRequest hook: reads the caller from `Authorization: Bearer <JWT>`. No header is an anonymous caller; a header
 * that is not a valid token is a 401, never an anonymous caller.
 */
export function identifica(chiave: Uint8Array) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const chi: Identita = await identita(req.headers.authorization, chiave);
    if (chi.esito === 'non-valido') {
      return rispondiErrore(reply, 401, chi.messaggio);
    }
    req.utente = chi.esito === 'utente' ? chi.utente : undefined;
  };
}

/** An onRequest hook after `identifica`: a route that needs a user answers 401 to an anonymous caller. */
export function richiediUtente(messaggio: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.utente === undefined) {
      return rispondiErrore(reply, 401, messaggio);
    }
  };
}

const METODI: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Answers 405 with Allow on `url` for every method but `ammessi` (HEAD goes with GET; OPTIONS is CORS's), before any
 * body is read.
 */
export function altriMetodi(app: FastifyInstance, url: string, ammessi: HTTPMethods[]): void {
  const consentiti = ammessi.includes('GET') ? [...ammessi, 'HEAD'] : ammessi;
  const allow = ammessi.join(', ');
  app.route({
    method: METODI.filter((m) => !consentiti.includes(m)),
    url,
    config: { soloMetodoNonAmmesso: true },
    onRequest: async (_req, reply) => rispondiErrore(reply, 405, 'Metodo non ammesso.', { Allow: allow }),
    handler: async () => undefined,
  });
}

// A database away fails every request: the log says so once every ten seconds, not once a request.
let ultimaSegnalazione = 0;
function segnalaDatabaseAssente(req: FastifyRequest, e: Error): void {
  if (Date.now() - ultimaSegnalazione > 10_000) {
    ultimaSegnalazione = Date.now();
    req.log.warn({ errore: e.message }, 'database non disponibile');
  }
}

/** Fastify's own errors, and a database away, in the words of the contract; anything else is a 500 in the log. */
export function gestisciErrori(app: FastifyInstance): void {
  app.setErrorHandler(async (e: Error & { code?: string; statusCode?: number }, req, reply) => {
    const config = req.routeOptions.config;
    if (e instanceof DatabaseNonDisponibile) {
      segnalaDatabaseAssente(req, e);
      return rispondiErrore(
        reply,
        503,
        'Il servizio di assistenza non è disponibile in questo momento: riprova tra poco.',
        {
          'Retry-After': String(RETRY_AFTER_DATABASE_S),
        },
      );
    }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const messaggio = config.troppoGrande?.(req) ?? 'La richiesta è troppo grande.';
      return rispondiErrore(reply, 413, messaggio, { Connection: 'close' });
    }
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const messaggio =
        config.tipoNonAmmesso?.(req) ?? 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).';
      return rispondiErrore(reply, 415, messaggio);
    }
    if (e.statusCode === 400) {
      return rispondiErrore(reply, 400, CORPO_NON_JSON);
    }
    if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
      return rispondiErrore(reply, e.statusCode, e.message);
    }
    req.log.error({ err: e }, 'errore interno');
    return rispondiErrore(reply, 500, 'Errore interno del server di assistenza.');
  });
  app.setNotFoundHandler(async (_req, reply) => rispondiErrore(reply, 404, 'Risorsa non trovata.'));
}

/** A strong ETag of a body: its SHA-256. */
export const etagDi = (corpo: string) => `"${createHash('sha256').update(corpo).digest('base64url')}"`;

/** If-None-Match holds this ETag (or *). Weak comparison, as RFC 9110 asks for this header. */
export function corrisponde(req: FastifyRequest, etag: string): boolean {
  const intestazione = req.headers['if-none-match'];
  if (intestazione === undefined) {
    return false;
  }
  const valori = intestazione.split(',').map((v) => v.trim().replace(/^W\//, ''));
  return valori.includes('*') || valori.includes(etag);
}

/** A JSON body with its strong ETag; a 304 without the body when If-None-Match already holds it. */
export function seCorrisponde(req: FastifyRequest, reply: FastifyReply, corpo: string): FastifyReply {
  const etag = etagDi(corpo);
  reply.header('ETag', etag);
  if (corrisponde(req, etag)) {
    return reply.code(304).send();
  }
  return reply.code(200).type('application/json; charset=utf-8').send(corpo);
}

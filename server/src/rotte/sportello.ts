// The help desk's routes under /api/sportello, for operators with a session: login and logout, the queue, a request,
// the operator's reply, a change of state, a download, "Invia di nuovo" of a failed mail; for administrators, the
// operators and the record. Every route
// but the login answers 401 without a session; a state-changing one also wants a JSON body and an Origin that is the
// server's own or one of ASSISTENZA_ORIGINI (403 otherwise); an administrators' route answers 403 to an operator.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import type { Database } from '../archivio/database.js';
import { testoRispostaSchema } from '../../../src/risposta.js';
import { STATI_RICHIESTA, type StatoRichiesta } from '../../../src/elenco.js';
import {
  cambiaStatoSportello,
  codaSportello,
  richiestaSportello,
  rispostaSportello,
  scaricaPerSportello,
} from '../servizi/sportello.js';
import {
  MIN_PASSWORD,
  accedi,
  aggiungiOperatore,
  elencoOperatori,
  esci,
  operatoreDi,
  rimuoviOperatore,
  utenteValido,
  normalizzaUtente,
  type Operatore,
} from '../servizi/operatori.js';
import { leggiRegistro } from '../servizi/registro.js';
import { reinviaPosta, type ConfigurazionePosta, type Orologio } from '../servizi/posta.js';
import { eUuid, verifica } from '../servizi/validazione.js';
import {
  altriMetodi,
  cookieDi,
  corpoOggetto,
  dichiaraJson,
  rispondiConAllegato,
  rispondiErrore,
  rispondiNonValido,
  seCorrisponde,
} from './comuni.js';
import {
  corpoJson,
  errore,
  idPercorso,
  nonValido,
  parametroQuery,
  risposta,
  scaricamento,
  sessione,
  type Documentazione,
} from './documenta.js';
import {
  codaSportelloSchema,
  elencoOperatoriSchema,
  operatoreSchema,
  registroSchema,
  postaRimessaInCodaSchema,
  richiestaSportelloSchema,
  rispostaSportelloCreataSchema,
} from './schemi.js';

export const BASE_SPORTELLO = '/api/sportello';
/** The operator's session cookie. */
export const COOKIE_SPORTELLO = 'assistenza-sportello';

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator of the request's session (set by the session hook). */
    operatore: Operatore | undefined;
  }
}

const statoSchema = z.enum(
  STATI_RICHIESTA,
  'Lo stato deve essere uno tra: ricevuta, in-lavorazione, attesa-utente, risolta, chiusa.',
);

/** The operator's reply: the text, and the state the request takes with it (without one, the transition table's). */
export const rispostaSportelloSchema = z.strictObject({ testo: testoRispostaSchema, stato: z.optional(statoSchema) });
/** A change of state alone. */
export const cambioStatoSchema = z.strictObject({ stato: statoSchema });
/** A login. */
export const accessoSchema = z.strictObject({
  utente: z.string().check(z.minLength(1, 'Scrivi il nome utente.'), z.maxLength(200, 'Nome utente troppo lungo.')),
  password: z.string().check(z.minLength(1, 'Scrivi la password.'), z.maxLength(1024, 'Password troppo lunga.')),
});
/** A new operator, by an administrator. */
export const nuovoOperatoreSchema = z.strictObject({
  utente: z
    .string()
    .check(
      z.refine((u) => utenteValido(normalizzaUtente(u)), 'Il nome utente ha da 1 a 64 tra lettere, cifre, . _ e -.'),
    ),
  nome: z
    .string()
    .check(z.trim(), z.minLength(1, 'Scrivi il nome da mostrare.'), z.maxLength(100, 'Al massimo 100 caratteri.')),
  password: z
    .string()
    .check(
      z.minLength(MIN_PASSWORD, `La password deve avere almeno ${MIN_PASSWORD} caratteri.`),
      z.maxLength(1024, 'Password troppo lunga.'),
    ),
  ruolo: z.enum(['operatore', 'amministratore'], 'Il ruolo è «operatore» o «amministratore».'),
});

const troppoGrande = () => 'La richiesta è troppo grande: al massimo 64 KiB.';
const NON_TROVATA = 'Richiesta non trovata.';
const intero = /^[1-9]\d{0,15}$/;

export interface OpzioniSportello {
  db: Database;
  /** ASSISTENZA_HTTPS: the cookie is Secure, and the server's own origin is https. */
  https: boolean;
  /** ASSISTENZA_ORIGINI: other origins whose pages may change things here. */
  origini: string[];
  /** The mail's settings: the outbox's Message-IDs, whether mail leaves at all. */
  posta: ConfigurazionePosta;
  orologio: Orologio;
  /** This instance's outbox worker, told when a mail is written (none without ASSISTENZA_SMTP_URL). */
  postino: { sveglia(): void } | undefined;
}

/**
 * The onRequest hooks of the help desk's routes, in the order they run: who (a session: 401), from where and what for
 * (a state-changing call from the server's own origin or one of ASSISTENZA_ORIGINI, declared JSON: 403), administrators
 * only (403); and the logged-in operator's name.
 */
export function guardieSportello(o: OpzioniSportello) {
  const { db } = o;
  /** The server's own origin, as the browser names it. */
  const propria = (req: FastifyRequest) => `${o.https ? 'https' : req.protocol}://${req.host}`;

  // onRequest hooks, in the order they run: who, from where, what for.
  const conSessione = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = cookieDi(req, COOKIE_SPORTELLO);
    req.operatore = token === undefined ? undefined : await operatoreDi(db, token);
    if (req.operatore === undefined) {
      return rispondiErrore(reply, 401, 'Accedi allo sportello per continuare.');
    }
  };
  const daQui = async (req: FastifyRequest, reply: FastifyReply) => {
    const origine = req.headers.origin;
    if (origine === undefined || (origine !== propria(req) && !o.origini.includes(origine))) {
      return rispondiErrore(reply, 403, 'Richiesta rifiutata: proviene da un’altra origine.');
    }
    if (!dichiaraJson(req)) {
      return rispondiErrore(
        reply,
        403,
        'Richiesta rifiutata: il corpo deve essere JSON (Content-Type: application/json).',
      );
    }
  };
  const soloAmministratori = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.operatore?.ruolo !== 'amministratore') {
      return rispondiErrore(reply, 403, 'Questa funzione è riservata agli amministratori.');
    }
  };
  const chi = (req: FastifyRequest): string => req.operatore?.utente ?? '';
  return { conSessione, daQui, soloAmministratori, chi };
}

export function rotteSportello(app: FastifyInstance, o: OpzioniSportello): void {
  const { db } = o;
  const config = { troppoGrande };

  const cookieSessione = (valore: string, durata?: number) =>
    [
      `${COOKIE_SPORTELLO}=${valore}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/',
      ...(o.https ? ['Secure'] : []),
      ...(durata === undefined ? [] : [`Max-Age=${durata}`]),
    ].join('; ');

  const { conSessione, daQui, soloAmministratori, chi } = guardieSportello(o);

  // The JSON body of a state-changing route without one (logout, removal) may be empty.
  const corpoFacoltativo = { bodyLimit: 64 * 1024, config };

  app.post(`${BASE_SPORTELLO}/accesso`, { onRequest: daQui, bodyLimit: 16 * 1024, config }, async (req, reply) => {
    const corpo = corpoOggetto(req, reply);
    if (corpo === undefined) {
      return reply;
    }
    const v = verifica<z.output<typeof accessoSchema>>(accessoSchema, corpo);
    if (v.esito === 'non-valido') {
      return rispondiNonValido(reply, v.errori);
    }
    const esito = await accedi(db, { ...v.dati, indirizzo: req.ip });
    if (esito.esito === 'bloccato') {
      req.log.warn({ utente: normalizzaUtente(v.dati.utente), per: esito.per }, 'accesso bloccato');
      const chi = esito.per === 'utente' ? 'questo nome utente' : 'questo indirizzo';
      return rispondiErrore(reply, 429, `Troppi tentativi di accesso falliti da ${chi}: riprova più tardi.`, {
        'Retry-After': String(esito.retryAfterS),
      });
    }
    if (esito.esito === 'rifiutato') {
      req.log.warn({ utente: normalizzaUtente(v.dati.utente) }, 'accesso fallito');
      return rispondiErrore(reply, 401, 'Nome utente o password non corretti.');
    }
    return reply.code(204).header('Set-Cookie', cookieSessione(esito.token)).send();
  });
  altriMetodi(app, `${BASE_SPORTELLO}/accesso`, ['POST']);

  app.post(`${BASE_SPORTELLO}/uscita`, { onRequest: [conSessione, daQui], ...corpoFacoltativo }, async (req, reply) => {
    await esci(db, cookieDi(req, COOKIE_SPORTELLO) ?? '');
    return reply.code(204).header('Set-Cookie', cookieSessione('', 0)).send();
  });
  altriMetodi(app, `${BASE_SPORTELLO}/uscita`, ['POST']);

  app.get(`${BASE_SPORTELLO}/sessione`, { onRequest: conSessione }, async (req) => req.operatore);
  altriMetodi(app, `${BASE_SPORTELLO}/sessione`, ['GET']);

  // The queue, refreshed by the console every few seconds: an ETag spares the body when nothing changed.
  app.get<{ Querystring: Record<string, string | undefined> }>(
    `${BASE_SPORTELLO}/richieste`,
    { onRequest: conSessione },
    async (req, reply) => {
      const stato = req.query.stato;
      if (stato !== undefined && !(STATI_RICHIESTA as readonly string[]).includes(stato)) {
        return rispondiErrore(reply, 400, 'Il parametro stato deve essere uno degli stati di una richiesta.');
      }
      const limite = req.query.limite;
      if (limite !== undefined && !(intero.test(limite) && Number(limite) <= 500)) {
        return rispondiErrore(reply, 400, 'Il parametro limite deve essere un numero da 1 a 500.');
      }
      const coda = await codaSportello(db, {
        stato: stato as StatoRichiesta | undefined,
        cerca: req.query.cerca,
        limite: limite === undefined ? 200 : Number(limite),
      });
      return seCorrisponde(req, reply, JSON.stringify(coda));
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/richieste`, ['GET']);

  app.get<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/richieste/:id`,
    { onRequest: conSessione },
    async (req, reply) => {
      const r = await richiestaSportello(db, req.params.id, BASE_SPORTELLO, o.posta);
      if (r === undefined) {
        return rispondiErrore(reply, 404, NON_TROVATA);
      }
      return seCorrisponde(req, reply, JSON.stringify(r));
    },
  );

  app.patch<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/richieste/:id`,
    { onRequest: [conSessione, daQui], bodyLimit: 16 * 1024, config },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      if (corpo === undefined) {
        return reply;
      }
      const v = verifica<z.output<typeof cambioStatoSchema>>(cambioStatoSchema, corpo);
      if (v.esito === 'non-valido') {
        return rispondiNonValido(reply, v.errori);
      }
      const fatto = await cambiaStatoSportello(db, {
        richiesta: req.params.id,
        stato: v.dati.stato,
        operatore: chi(req),
      });
      if (!fatto) {
        return rispondiErrore(reply, 404, NON_TROVATA);
      }
      return { id: req.params.id, stato: v.dati.stato };
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/richieste/:id`, ['GET', 'PATCH']);

  app.post<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/richieste/:id/messaggi`,
    { onRequest: [conSessione, daQui], bodyLimit: 64 * 1024, config },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      if (corpo === undefined) {
        return reply;
      }
      const v = verifica<z.output<typeof rispostaSportelloSchema>>(rispostaSportelloSchema, corpo);
      if (v.esito === 'non-valido') {
        return rispondiNonValido(reply, v.errori);
      }
      const esito = await rispostaSportello(
        db,
        { richiesta: req.params.id, ...v.dati, operatore: chi(req) },
        { config: o.posta, orologio: o.orologio },
      );
      if (esito.esito === 'non-trovata') {
        return rispondiErrore(reply, 404, NON_TROVATA);
      }
      if (esito.inviataViaMailA !== undefined) {
        o.postino?.sveglia();
      }
      const { esito: _, ...risposta } = esito;
      return reply.code(201).send(risposta);
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/richieste/:id/messaggi`, ['POST']);

  // "Invia di nuovo": a failed mail back in the outbox, with the Message-ID it was written with.
  app.post<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/posta/:id/invia-di-nuovo`,
    { onRequest: [conSessione, daQui], ...corpoFacoltativo },
    async (req, reply) => {
      const esito = await reinviaPosta(db, { id: req.params.id, operatore: chi(req), ora: o.orologio() });
      if (esito.esito === 'non-trovata') {
        return rispondiErrore(reply, 404, 'Mail non trovata.');
      }
      if (esito.esito === 'non-fallita') {
        const perche = esito.stato === 'inviata' ? 'è già stata inviata' : 'è già in coda per l’invio';
        return rispondiErrore(reply, 409, `Questa mail ${perche}: si invia di nuovo solo una mail non recapitata.`);
      }
      o.postino?.sveglia();
      return reply.code(202).send({ id: esito.id, stato: 'da-inviare', messageId: esito.messageId });
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/posta/:id/invia-di-nuovo`, ['POST']);

  // The file as a download, never shown inline: its bytes came from a user.
  app.get<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/allegati/:id`,
    { onRequest: conSessione },
    async (req, reply) => {
      const a = await scaricaPerSportello(db, { allegato: req.params.id, operatore: chi(req) });
      if (a === undefined) {
        return rispondiErrore(reply, 404, 'Allegato non trovato.');
      }
      return rispondiConAllegato(reply, a);
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/allegati/:id`, ['GET']);

  // Administrators: the operators, and the record.
  app.get(`${BASE_SPORTELLO}/operatori`, { onRequest: [conSessione, soloAmministratori] }, async () => ({
    operatori: await elencoOperatori(db),
  }));
  app.post(
    `${BASE_SPORTELLO}/operatori`,
    { onRequest: [conSessione, daQui, soloAmministratori], bodyLimit: 16 * 1024, config },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      if (corpo === undefined) {
        return reply;
      }
      const v = verifica<z.output<typeof nuovoOperatoreSchema>>(nuovoOperatoreSchema, corpo);
      if (v.esito === 'non-valido') {
        return rispondiNonValido(reply, v.errori);
      }
      const esito = await aggiungiOperatore(db, v.dati, chi(req));
      if (esito.esito === 'esiste') {
        return rispondiErrore(reply, 409, `Esiste già un operatore «${normalizzaUtente(v.dati.utente)}».`);
      }
      return reply.code(201).send(esito.operatore);
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/operatori`, ['GET', 'POST']);

  app.delete<{ Params: { utente: string } }>(
    `${BASE_SPORTELLO}/operatori/:utente`,
    { onRequest: [conSessione, daQui, soloAmministratori], ...corpoFacoltativo },
    async (req, reply) => {
      const esito = await rimuoviOperatore(db, req.params.utente, chi(req));
      if (esito.esito === 'non-trovato') {
        return rispondiErrore(reply, 404, 'Operatore non trovato.');
      }
      if (esito.esito === 'ultimo-amministratore') {
        return rispondiErrore(reply, 409, 'È l’ultimo amministratore: aggiungine un altro prima di rimuoverlo.');
      }
      return reply.code(204).send();
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/operatori/:utente`, ['DELETE']);

  app.get<{ Querystring: Record<string, string | undefined> }>(
    `${BASE_SPORTELLO}/registro`,
    { onRequest: [conSessione, soloAmministratori] },
    async (req, reply) => {
      const { operatore, richiesta } = req.query;
      const primaDi = req.query['prima-di'];
      if (primaDi !== undefined && !intero.test(primaDi)) {
        return rispondiErrore(reply, 400, 'Il parametro prima-di deve essere il numero di una voce del registro.');
      }
      if (richiesta !== undefined && !eUuid(richiesta)) {
        return rispondiErrore(reply, 400, 'Il parametro richiesta deve essere l’identificativo di una richiesta.');
      }
      const pagina = await leggiRegistro(db, {
        operatore: operatore === undefined ? undefined : normalizzaUtente(operatore),
        richiesta,
        primaDi: primaDi === undefined ? undefined : Number(primaDi),
      });
      if (pagina.primaDi !== undefined) {
        const q = new URLSearchParams({ ...req.query, 'prima-di': String(pagina.primaDi) } as Record<string, string>);
        reply.header('Link', `<${BASE_SPORTELLO}/registro?${q}>; rel="next"`);
      }
      return { voci: pagina.voci };
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/registro`, ['GET']);
}

const richiestaDa = idPercorso('The request');
const nonAutenticato = errore('No operator’s session');
const vietato = errore('Another origin, or not application/json');

export const documentazioneSportello: Documentazione = {
  schemi: {
    Accesso: { schema: accessoSchema, io: 'input' },
    Operatore: { schema: operatoreSchema },
    NuovoOperatore: { schema: nuovoOperatoreSchema, io: 'input' },
    ElencoOperatori: { schema: elencoOperatoriSchema },
    CodaSportello: { schema: codaSportelloSchema },
    RichiestaSportello: { schema: richiestaSportelloSchema },
    RispostaSportello: { schema: rispostaSportelloSchema, io: 'input' },
    RispostaSportelloCreata: { schema: rispostaSportelloCreataSchema },
    CambioStato: { schema: cambioStatoSchema, io: 'input' },
    Registro: { schema: registroSchema },
    PostaRimessaInCoda: { schema: postaRimessaInCodaSchema },
  },
  percorsi: {
    [`${BASE_SPORTELLO}/accesso`]: {
      post: {
        summary: 'An operator logs in: a session cookie (HttpOnly, SameSite=Strict; Secure behind HTTPS)',
        description:
          'Five failures for one name within 15 minutes lock that name, twenty from one address lock the address: ' +
          '429 with Retry-After, even with the right password.',
        requestBody: corpoJson('Accesso'),
        responses: {
          204: { description: `Logged in: Set-Cookie ${COOKIE_SPORTELLO}` },
          401: errore('Wrong user name or password (one message for both)'),
          403: vietato,
          422: nonValido('Not a login'),
          429: errore('Too many failures for this name or address: retry after Retry-After (seconds)'),
        },
      },
    },
    [`${BASE_SPORTELLO}/uscita`]: {
      post: {
        summary: 'Logout: the session ends on every instance',
        security: sessione,
        responses: { 204: { description: 'Logged out' }, 401: nonAutenticato, 403: vietato },
      },
    },
    [`${BASE_SPORTELLO}/sessione`]: {
      get: {
        summary: 'Who is logged in',
        security: sessione,
        responses: { 200: risposta('The operator', 'Operatore'), 401: nonAutenticato },
      },
    },
    [`${BASE_SPORTELLO}/richieste`]: {
      get: {
        summary: 'The queue: open requests first, the one waiting longest for the help desk at the top',
        security: sessione,
        parameters: [
          parametroQuery('stato', 'Only requests in this state', { enum: [...STATI_RICHIESTA] }),
          parametroQuery('cerca', 'A numero, or words in the name, the email, the description or the thread', {
            type: 'string',
          }),
          parametroQuery('limite', 'At most this many (default 200)', { type: 'integer', minimum: 1, maximum: 500 }),
        ],
        responses: {
          200: risposta('The queue, with a strong ETag', 'CodaSportello'),
          304: { description: 'If-None-Match matches: unchanged' },
          400: errore('A bad stato or limite'),
          401: nonAutenticato,
        },
      },
    },
    [`${BASE_SPORTELLO}/richieste/{id}`]: {
      get: {
        summary: 'One request: the user (the token’s identity) beside the contacts typed, the thread, the files',
        security: sessione,
        parameters: [richiestaDa],
        responses: {
          200: risposta('The request, with a strong ETag', 'RichiestaSportello'),
          304: { description: 'If-None-Match matches: unchanged' },
          401: nonAutenticato,
          404: errore('No such request'),
        },
      },
      patch: {
        summary: 'The state alone',
        security: sessione,
        parameters: [richiestaDa],
        requestBody: corpoJson('CambioStato'),
        responses: {
          200: risposta('Set', 'CambioStato'),
          401: nonAutenticato,
          403: vietato,
          404: errore('No such request'),
          422: nonValido('Not a state'),
        },
      },
    },
    [`${BASE_SPORTELLO}/richieste/{id}/messaggi`]: {
      post: {
        summary: 'The operator’s reply, with the state to set (without one: received → in-lavorazione)',
        security: sessione,
        parameters: [richiestaDa],
        requestBody: corpoJson('RispostaSportello'),
        responses: {
          201: risposta('Stored; `inviataViaMailA` when it also goes by mail', 'RispostaSportelloCreata'),
          401: nonAutenticato,
          403: vietato,
          404: errore('No such request'),
          422: nonValido('The schema refuses it'),
        },
      },
    },
    [`${BASE_SPORTELLO}/posta/{id}/invia-di-nuovo`]: {
      post: {
        summary: '"Invia di nuovo": a failed mail back in the outbox, due now, with the same Message-ID',
        description:
          'The mails of a request, their states and reasons are in its `posta` (GET …/richieste/{id}); each names ' +
          'this path in `reinvio`. Written to the record (posta-reinviata). The body may be empty.',
        security: sessione,
        parameters: [idPercorso('The mail (an item of `posta`)')],
        responses: {
          202: risposta('Back in the outbox', 'PostaRimessaInCoda'),
          401: nonAutenticato,
          403: vietato,
          404: errore('No such mail'),
          409: errore('The mail is not failed: already sent, or waiting in the outbox'),
        },
      },
    },
    [`${BASE_SPORTELLO}/allegati/{id}`]: {
      get: {
        summary: 'A file, as a download (written to the record)',
        security: sessione,
        parameters: [idPercorso('The file')],
        responses: {
          200: scaricamento,
          401: nonAutenticato,
          404: errore('No such file'),
        },
      },
    },
    [`${BASE_SPORTELLO}/operatori`]: {
      get: {
        summary: 'Administrators: the operators',
        security: sessione,
        responses: {
          200: risposta('The operators', 'ElencoOperatori'),
          401: nonAutenticato,
          403: errore('Not an administrator'),
        },
      },
      post: {
        summary: 'Administrators: a new operator (a password of at least 12 characters)',
        security: sessione,
        requestBody: corpoJson('NuovoOperatore'),
        responses: {
          201: risposta('Created', 'Operatore'),
          401: nonAutenticato,
          403: errore('Not an administrator, another origin, or not application/json'),
          409: errore('The user name is taken'),
          422: nonValido('The schema refuses it'),
        },
      },
    },
    [`${BASE_SPORTELLO}/operatori/{utente}`]: {
      delete: {
        summary: 'Administrators: removes an operator and ends their sessions',
        security: sessione,
        parameters: [{ name: 'utente', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          204: { description: 'Removed' },
          401: nonAutenticato,
          403: errore('Not an administrator, another origin, or not application/json'),
          404: errore('No such operator'),
          409: errore('The last administrator'),
        },
      },
    },
    [`${BASE_SPORTELLO}/registro`]: {
      get: {
        summary: 'Administrators: the record of operator actions, newest first, 50 a page',
        security: sessione,
        parameters: [
          parametroQuery('operatore', 'Only this operator’s actions', { type: 'string' }),
          parametroQuery('richiesta', 'Only actions on this request', { type: 'string', format: 'uuid' }),
          parametroQuery('prima-di', 'Only entries older than this id (Link rel="next" names it)', { type: 'integer' }),
        ],
        responses: {
          200: risposta('The entries; Link rel="next" to older ones', 'Registro'),
          400: errore('A bad prima-di or richiesta'),
          401: nonAutenticato,
          403: errore('Not an administrator'),
        },
      },
    },
  },
};

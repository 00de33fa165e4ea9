// The user's routes under /api/richieste: POST a request (anonymous too), GET the caller's own list, POST a reply in
// one of their threads, GET everything the server holds about the caller. HTTP in and out only; the rules are in
// servizi/richieste.ts and servizi/dati-personali.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../archivio/database.js';
import { elencoUtente, eDiUtente, nuovaRichiesta, rispostaUtente } from '../servizi/richieste.js';
import { esportaDati, nomeEsportazione } from '../servizi/dati-personali.js';
import {
  altriMetodi,
  chiaveRichiesta,
  corpoOggetto,
  identifica,
  richiediUtente,
  rispondiConDocumento,
  rispondiErrore,
  rispondiNonValido,
  seCorrisponde,
} from './comuni.js';
import {
  chiave,
  corpoJson,
  errore,
  idPercorso,
  nonDisponibile,
  nonValido,
  parametroQuery,
  ripetuta,
  risposta,
  token,
  tokenFacoltativo,
  type Documentazione,
} from './documenta.js';
import { richiestaSchema } from '../../../src/richiesta.js';
import { rispostaSchema } from '../../../src/risposta.js';
import { richiestaUtenteSchema } from '../../../src/elenco.js';
import * as z from 'zod/mini';
import { richiestaCreataSchema, rispostaCreataSchema } from './schemi.js';

/** The list's body as the server sends it: the widget's item schema, in an object. */
const elencoSchema = z.object({ richieste: z.array(richiestaUtenteSchema) });

export const BASE_RICHIESTE = '/api/richieste';

/** Largest JSON body accepted, in bytes: a full request is under 20 KiB. */
export const MAX_BYTE_JSON = 64 * 1024;

export interface OpzioniRichieste {
  db: Database;
  chiaveJwt: Uint8Array;
  /** How many requests a page of the list holds by default (20). */
  perPagina: number;
}

const CHIAVE_GIA_USATA = 'Questa Idempotency-Key è già stata usata per un’altra richiesta.';
const CHIAVE_DIVERSA = 'L’intestazione Idempotency-Key deve essere uguale al campo id.';
const troppoGrande = () => `La richiesta è troppo grande: al massimo ${MAX_BYTE_JSON / 1024} KiB.`;

const intero = /^[1-9]\d{0,15}$/;

export function rotteRichieste(app: FastifyInstance, o: OpzioniRichieste): void {
  const { db } = o;
  const chi = identifica(o.chiaveJwt);
  const config = { troppoGrande };

  // POST: a new request. Without a token it is accepted as an anonymous one, which no user's list shows: a person who
  // cannot log in is exactly who needs help.
  app.post(BASE_RICHIESTE, { onRequest: chi, bodyLimit: MAX_BYTE_JSON, config }, async (req, reply) => {
    const corpo = corpoOggetto(req, reply);
    const chiave = corpo && chiaveRichiesta(req, reply);
    if (corpo === undefined || chiave === undefined) {
      return reply;
    }
    const esito = await nuovaRichiesta(db, { chiave, corpo, utente: req.utente });
    switch (esito.esito) {
      case 'creata':
        return reply.code(201).send({ id: esito.id, numero: esito.numero });
      case 'ripetuta':
        return reply.code(201).header('Idempotent-Replayed', 'true').send({ id: esito.id, numero: esito.numero });
      case 'chiave-usata':
        return rispondiErrore(reply, 422, CHIAVE_GIA_USATA);
      case 'non-valida':
        return rispondiNonValido(reply, esito.errori);
      case 'chiave-diversa':
        return rispondiErrore(reply, 422, CHIAVE_DIVERSA);
      case 'allegati-ignoti': {
        const messaggio = `Allegati non trovati tra quelli caricati: ${esito.allegati.join(', ')}. Caricali di nuovo.`;
        return reply
          .code(422)
          .send({ messaggio, errori: [{ campo: 'allegati', messaggio }], allegati: esito.allegati });
      }
    }
  });

  // GET [?prima-di=<numero>]: the caller's requests, newest first, a page at a time; Link rel="next" to the older ones.
  app.get<{ Querystring: Record<string, string | undefined> }>(
    BASE_RICHIESTE,
    { onRequest: [chi, richiediUtente('Accedi al portale per vedere le tue richieste.')] },
    async (req, reply) => {
      const primaDi = req.query['prima-di'];
      if (primaDi !== undefined && !intero.test(primaDi)) {
        return rispondiErrore(reply, 400, 'Il parametro prima-di deve essere un numero di richiesta.');
      }
      const perPaginaChiesta = req.query['per-pagina'];
      if (perPaginaChiesta !== undefined && !(intero.test(perPaginaChiesta) && Number(perPaginaChiesta) <= 100)) {
        return rispondiErrore(reply, 400, 'Il parametro per-pagina deve essere un numero da 1 a 100.');
      }
      const perPagina = perPaginaChiesta === undefined ? o.perPagina : Number(perPaginaChiesta);
      const pagina = await elencoUtente(
        db,
        req.utente ?? '',
        primaDi === undefined ? undefined : Number(primaDi),
        perPagina,
      );
      if (pagina.primaDi !== undefined) {
        const query = new URLSearchParams({ 'prima-di': String(pagina.primaDi) });
        if (perPaginaChiesta !== undefined) {
          query.set('per-pagina', perPaginaChiesta);
        }
        reply.header('Link', `<${BASE_RICHIESTE}?${query}>; rel="next"`);
      }
      return seCorrisponde(req, reply, JSON.stringify({ richieste: pagina.richieste }));
    },
  );
  altriMetodi(app, BASE_RICHIESTE, ['GET', 'POST']);

  // POST <id>/messaggi: the user's reply in the thread of one of their own requests. Someone else's request gets the
  // answer of one that does not exist, and that is decided before the body is read.
  const url = `${BASE_RICHIESTE}/:id/messaggi`;
  const soloSue = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    if (!(await eDiUtente(db, req.params.id, req.utente ?? ''))) {
      return rispondiErrore(reply, 404, 'Richiesta non trovata.');
    }
  };
  app.post<{ Params: { id: string } }>(
    url,
    {
      onRequest: [chi, richiediUtente('Accedi al portale per rispondere alle tue richieste.')],
      preParsing: async (req, reply, payload) => {
        await soloSue(req, reply);
        return payload;
      },
      bodyLimit: MAX_BYTE_JSON,
      config,
    },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      const chiave = corpo && chiaveRichiesta(req, reply);
      if (corpo === undefined || chiave === undefined) {
        return reply;
      }
      const esito = await rispostaUtente(db, { richiesta: req.params.id, chiave, corpo, utente: req.utente ?? '' });
      switch (esito.esito) {
        case 'creata':
          return reply.code(201).send({ id: esito.id, stato: esito.stato });
        case 'ripetuta':
          return reply.code(201).header('Idempotent-Replayed', 'true').send({ id: esito.id, stato: esito.stato });
        case 'chiave-usata':
          return rispondiErrore(reply, 422, 'Questa Idempotency-Key è già stata usata per un altro messaggio.');
        case 'non-trovata':
          return rispondiErrore(reply, 404, 'Richiesta non trovata.');
        case 'chiusa':
          return rispondiErrore(
            reply,
            409,
            'La richiesta è chiusa: non si possono aggiungere messaggi. Se il problema si ripresenta, invia una nuova richiesta.',
          );
        case 'non-valida':
          return rispondiNonValido(reply, esito.errori);
        case 'chiave-diversa':
          return rispondiErrore(reply, 422, CHIAVE_DIVERSA);
      }
    },
  );
  altriMetodi(app, url, ['POST']);

  // GET esportazione: everything the server holds about the caller, as a file to keep (GDPR articles 15 and 20), its
  // files' links to the caller's own download.
  const esportazione = `${BASE_RICHIESTE}/esportazione`;
  app.get(
    esportazione,
    { onRequest: [chi, richiediUtente('Accedi al portale per scaricare i tuoi dati.')] },
    async (req, reply) => {
      const dati = await esportaDati(db, req.utente ?? '', (id) => `${BASE_RICHIESTE}/allegati/${id}`);
      return rispondiConDocumento(reply, nomeEsportazione(dati.esportataIl), dati);
    },
  );
  altriMetodi(app, esportazione, ['GET']);
}

export const documentazioneRichieste: Documentazione = {
  schemi: {
    Richiesta: { schema: richiestaSchema, io: 'input' },
    Risposta: { schema: rispostaSchema, io: 'input' },
    RichiestaUtente: { schema: richiestaUtenteSchema },
    ElencoRichieste: { schema: elencoSchema },
    RichiestaCreata: { schema: richiestaCreataSchema },
    RispostaCreata: { schema: rispostaCreataSchema },
  },
  percorsi: {
    [BASE_RICHIESTE]: {
      post: {
        summary: 'A new request (anonymous without a token)',
        security: tokenFacoltativo,
        parameters: [chiave],
        requestBody: corpoJson('Richiesta'),
        responses: {
          201: risposta(
            'Stored (or a repeated key: the first answer, with Idempotent-Replayed: true)',
            'RichiestaCreata',
            { headers: ripetuta },
          ),
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
          parametroQuery('prima-di', 'Only requests numbered below this (the next page, as Link rel="next" names it)', {
            type: 'integer',
            minimum: 1,
          }),
          parametroQuery('per-pagina', 'Requests per page (default 20)', { type: 'integer', minimum: 1, maximum: 100 }),
          { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
        ],
        responses: {
          200: risposta(
            'The page; a strong ETag; Link: <…?prima-di=N>; rel="next" when there are older ones',
            'ElencoRichieste',
            { headers: { ETag: { schema: { type: 'string' } }, Link: { schema: { type: 'string' } } } },
          ),
          304: { description: 'If-None-Match matches: unchanged' },
          400: errore('A bad prima-di or per-pagina'),
          401: errore('No token, or one that is not valid'),
          503: nonDisponibile,
        },
      },
    },
    [`${BASE_RICHIESTE}/esportazione`]: {
      get: {
        summary: 'Everything the server holds about the caller, as one JSON file',
        description:
          'Their requests with contacts, threads, files (metadata, each with the path that downloads it with the ' +
          'same token) and the mails the help desk wrote them, and their uploads no request names. ' +
          'Content-Disposition: attachment. The administrators’ GET /api/sportello/utenti/{id}/dati is the same.',
        security: token,
        responses: {
          200: risposta('The caller’s data (empty lists when the server holds nothing)', 'EsportazioneUtente', {
            headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          }),
          401: errore('No token, or one that is not valid'),
          503: nonDisponibile,
        },
      },
    },
    [`${BASE_RICHIESTE}/{id}/messaggi`]: {
      post: {
        summary: 'The user’s reply in the thread of one of their requests',
        security: token,
        parameters: [idPercorso('The request'), chiave],
        requestBody: corpoJson('Risposta'),
        responses: {
          201: risposta(
            'Stored, with the request’s state after it (a repeated key: the first answer)',
            'RispostaCreata',
            {
              headers: ripetuta,
            },
          ),
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
  },
};

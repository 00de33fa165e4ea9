// The administrators' routes for a person's data, under /api/sportello/utenti, with the help desk's rules (a session:
// 401; an administrator: 403; a state-changing call from the server's own origin, declared JSON: 403): find a user by
// id, name or email; their data as one JSON file; erase them; anonymise them. The console's screens call these.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  anonimizzaUtente,
  cancellaUtente,
  cercaUtenti,
  esportaPerSportello,
  nomeEsportazione,
  type EsitoCancellazione,
} from '../servizi/dati-personali.js';
import { altriMetodi, rispondiConDocumento, rispondiErrore } from './comuni.js';
import { BASE_SPORTELLO, guardieSportello, type OpzioniSportello } from './sportello.js';
import { errore, parametroQuery, risposta, sessione, type Documentazione } from './documenta.js';
import { datiRimossiSchema, esportazioneUtenteSchema, utentiTrovatiSchema } from './schemi.js';

export const BASE_UTENTI = `${BASE_SPORTELLO}/utenti`;

/** The longest search accepted, in characters. */
const MAX_CERCA = 200;

const NON_TROVATO = 'Nessun dato per questo utente.';

export function rotteUtenti(app: FastifyInstance, o: OpzioniSportello): void {
  const { db } = o;
  const { conSessione, daQui, soloAmministratori, chi } = guardieSportello(o);
  // The body of an erasure or an anonymisation says nothing: it may be empty, but declared JSON (daQui).
  const corpoFacoltativo = { bodyLimit: 16 * 1024 };

  app.get<{ Querystring: Record<string, string | undefined> }>(
    BASE_UTENTI,
    { onRequest: [conSessione, soloAmministratori] },
    async (req, reply) => {
      const cerca = req.query.cerca?.trim() ?? '';
      if (cerca === '' || cerca.length > MAX_CERCA) {
        return rispondiErrore(
          reply,
          400,
          `Il parametro cerca deve essere l’identificativo, un nome o un’email, da 1 a ${MAX_CERCA} caratteri.`,
        );
      }
      return cercaUtenti(db, cerca);
    },
  );
  altriMetodi(app, BASE_UTENTI, ['GET']);

  app.get<{ Params: { id: string } }>(
    `${BASE_UTENTI}/:id/dati`,
    { onRequest: [conSessione, soloAmministratori] },
    async (req, reply) => {
      const esito = await esportaPerSportello(
        db,
        { utente: req.params.id, operatore: chi(req) },
        (id) => `${BASE_SPORTELLO}/allegati/${id}`,
      );
      if (esito.esito === 'non-trovato') {
        return rispondiErrore(reply, 404, NON_TROVATO);
      }
      return rispondiConDocumento(reply, nomeEsportazione(esito.dati.esportataIl), esito.dati);
    },
  );
  altriMetodi(app, `${BASE_UTENTI}/:id/dati`, ['GET']);

  const rispondiRimossi = (esito: EsitoCancellazione, reply: FastifyReply) => {
    if (esito.esito === 'non-trovato') {
      return rispondiErrore(reply, 404, NON_TROVATO);
    }
    return reply.code(200).send(esito.rimossi);
  };

  app.delete<{ Params: { id: string } }>(
    `${BASE_UTENTI}/:id`,
    { onRequest: [conSessione, daQui, soloAmministratori], ...corpoFacoltativo },
    async (req, reply) =>
      rispondiRimossi(await cancellaUtente(db, { utente: req.params.id, operatore: chi(req) }), reply),
  );
  altriMetodi(app, `${BASE_UTENTI}/:id`, ['DELETE']);

  app.post<{ Params: { id: string } }>(
    `${BASE_UTENTI}/:id/anonimizza`,
    { onRequest: [conSessione, daQui, soloAmministratori], ...corpoFacoltativo },
    async (req, reply) =>
      rispondiRimossi(await anonimizzaUtente(db, { utente: req.params.id, operatore: chi(req) }), reply),
  );
  altriMetodi(app, `${BASE_UTENTI}/:id/anonimizza`, ['POST']);
}

const utenteDa = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The user’s id: the `sub` of the portal’s token their requests were sent with (URL-encoded)',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const nonAutenticato = errore('No operator’s session');
const nonTrovato = errore('The server holds nothing of this user');

export const documentazioneUtenti: Documentazione = {
  schemi: {
    UtentiTrovati: { schema: utentiTrovatiSchema },
    EsportazioneUtente: { schema: esportazioneUtenteSchema },
    DatiRimossi: { schema: datiRimossiSchema },
  },
  percorsi: {
    [BASE_UTENTI]: {
      get: {
        summary: 'Administrators: the users whose id, or a name or email typed in their requests, contains `cerca`',
        description:
          'At most 50, the exact id first, then by their latest request. Anonymous requests belong to no user and ' +
          'are not listed (the queue’s search finds them).',
        security: sessione,
        parameters: [
          parametroQuery('cerca', 'An id, a name or an email, or part of one (any case)', { type: 'string' }),
        ],
        responses: {
          200: risposta('The users found, and how many matched', 'UtentiTrovati'),
          400: errore('No cerca, or over 200 characters'),
          401: nonAutenticato,
          403: errore('Not an administrator'),
        },
      },
    },
    [`${BASE_UTENTI}/{id}/dati`]: {
      get: {
        summary: 'Administrators: everything the server holds about a user, as a file (written to the record)',
        description:
          'The same document as GET /api/richieste/esportazione, its files’ links to the help desk’s download. ' +
          'Content-Disposition: attachment.',
        security: sessione,
        parameters: [utenteDa],
        responses: {
          200: risposta('The user’s data', 'EsportazioneUtente', {
            headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          }),
          401: nonAutenticato,
          403: errore('Not an administrator'),
          404: nonTrovato,
        },
      },
    },
    [`${BASE_UTENTI}/{id}`]: {
      delete: {
        summary: 'Administrators: erases a user (written to the record)',
        description:
          'Every request of theirs is deleted with its thread, files and mails, and so are their uploads no request ' +
          'names. The record keeps its entries about those requests, by numero, without their ids.',
        security: sessione,
        parameters: [utenteDa],
        responses: {
          200: risposta('What was deleted', 'DatiRimossi'),
          401: nonAutenticato,
          403: errore('Not an administrator, another origin, or not application/json'),
          404: nonTrovato,
        },
      },
    },
    [`${BASE_UTENTI}/{id}/anonimizza`]: {
      post: {
        summary: 'Administrators: anonymises a user (written to the record)',
        description:
          'Every request of theirs is kept without its user, names, contacts, practice, description and texts; ' +
          'its files and mails are deleted, its times and states kept (the statistics still count it). Their ' +
          'uploads no request names are deleted.',
        security: sessione,
        parameters: [utenteDa],
        responses: {
          200: risposta('`richieste` anonymised, `messaggi` emptied, `allegati` and `posta` deleted', 'DatiRimossi'),
          401: nonAutenticato,
          403: errore('Not an administrator, another origin, or not application/json'),
          404: nonTrovato,
        },
      },
    },
  },
};

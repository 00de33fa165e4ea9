// The help desk's routes under /api/sportello: every request with its user, contacts and thread; the operator's
// reply; a change of state; an attachment's download.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { Database } from '../archivio/database.js';
import { testoRispostaSchema } from '../../../src/risposta.js';
import { STATI_RICHIESTA } from '../../../src/elenco.js';
import { cambiaStatoSportello, elencoSportello, richiestaSportello, rispostaSportello } from '../servizi/sportello.js';
import { scaricaAllegato } from '../servizi/allegati.js';
import { eUuid, verifica } from '../servizi/validazione.js';
import { altriMetodi, corpoOggetto, rispondiErrore, rispondiNonValido } from './comuni.js';
import { contentDispositionDownload } from './nome-file.js';

export const BASE_SPORTELLO = '/api/sportello';

const statoSchema = z.enum(
  STATI_RICHIESTA,
  'Lo stato deve essere uno tra: ricevuta, in-lavorazione, attesa-utente, risolta, chiusa.',
);

/** The operator's reply: the text, and the state the request takes with it (without one, the transition table's). */
export const rispostaSportelloSchema = z.strictObject({ testo: testoRispostaSchema, stato: z.optional(statoSchema) });
/** A change of state alone. */
export const cambioStatoSchema = z.strictObject({ stato: statoSchema });

const troppoGrande = () => 'La richiesta è troppo grande: al massimo 64 KiB.';

export function rotteSportello(app: FastifyInstance, o: { db: Database }): void {
  const { db } = o;
  const config = { troppoGrande };

  app.get(`${BASE_SPORTELLO}/richieste`, async () => ({ richieste: await elencoSportello(db, BASE_SPORTELLO) }));
  altriMetodi(app, `${BASE_SPORTELLO}/richieste`, ['GET']);

  app.get<{ Params: { id: string } }>(`${BASE_SPORTELLO}/richieste/:id`, async (req, reply) => {
    const r = await richiestaSportello(db, req.params.id, BASE_SPORTELLO);
    if (r === undefined) {
      return rispondiErrore(reply, 404, 'Richiesta non trovata.');
    }
    return r;
  });

  app.patch<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/richieste/:id`,
    { bodyLimit: 16 * 1024, config },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      if (corpo === undefined) {
        return reply;
      }
      const v = verifica<z.output<typeof cambioStatoSchema>>(cambioStatoSchema, corpo);
      if (v.esito === 'non-valido') {
        return rispondiNonValido(reply, v.errori);
      }
      if (!(await cambiaStatoSportello(db, req.params.id, v.dati.stato))) {
        return rispondiErrore(reply, 404, 'Richiesta non trovata.');
      }
      return { id: req.params.id, stato: v.dati.stato };
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/richieste/:id`, ['GET', 'PATCH']);

  app.post<{ Params: { id: string } }>(
    `${BASE_SPORTELLO}/richieste/:id/messaggi`,
    { bodyLimit: 64 * 1024, config },
    async (req, reply) => {
      const corpo = corpoOggetto(req, reply);
      if (corpo === undefined) {
        return reply;
      }
      const v = verifica<z.output<typeof rispostaSportelloSchema>>(rispostaSportelloSchema, corpo);
      if (v.esito === 'non-valido') {
        return rispondiNonValido(reply, v.errori);
      }
      const esito = await rispostaSportello(db, { richiesta: req.params.id, ...v.dati });
      if (esito.esito === 'non-trovata') {
        return rispondiErrore(reply, 404, 'Richiesta non trovata.');
      }
      const { esito: _, ...risposta } = esito;
      return reply.code(201).send(risposta);
    },
  );
  altriMetodi(app, `${BASE_SPORTELLO}/richieste/:id/messaggi`, ['POST']);

  // The file as a download, never shown inline: its bytes came from a user.
  app.get<{ Params: { id: string } }>(`${BASE_SPORTELLO}/allegati/:id`, async (req, reply) => {
    const a = eUuid(req.params.id) ? await scaricaAllegato(db, req.params.id) : undefined;
    if (a === undefined) {
      return rispondiErrore(reply, 404, 'Allegato non trovato.');
    }
    return reply
      .code(200)
      .headers({
        'Content-Type': a.tipo,
        'Content-Disposition': contentDispositionDownload(a.nome),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
      })
      .send(a.contenuto);
  });
  altriMetodi(app, `${BASE_SPORTELLO}/allegati/:id`, ['GET']);
}

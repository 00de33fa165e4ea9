// GET /api/tempi-risposta: the help desk's response times over the last 90 days, public (no token), cacheable for five
// minutes by the browser and any proxy. HTTP only; the rule is in servizi/statistiche.ts.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../archivio/database.js';
import { GIORNI_FINESTRA, tempiDiRisposta } from '../servizi/statistiche.js';
import { altriMetodi, rispondiErrore, seCorrisponde } from './comuni.js';
import { tempiRispostaSchema } from './schemi.js';
import { json, rif as riferimento, type Documentazione } from './documenta.js';

export const PERCORSO_TEMPI = '/api/tempi-risposta';

/** The same figures for everyone, recomputed at most every five minutes by whoever keeps them. */
const CACHE = 'public, max-age=300';

export function rotteTempiRisposta(app: FastifyInstance, o: { db: Database; minimo: number }): void {
  app.get(PERCORSO_TEMPI, async (req, reply) => {
    const esito = await tempiDiRisposta(o.db, { minimo: o.minimo });
    // After the query: a database away is a 503 the error handler answers with the hook's no-store.
    reply.header('Cache-Control', CACHE);
    if (esito.esito === 'troppo-poche') {
      return rispondiErrore(
        reply,
        404,
        `I tempi di risposta non sono pubblicati: negli ultimi ${GIORNI_FINESTRA} giorni sono arrivate meno di ` +
          `${esito.minimo} richieste.`,
      );
    }
    return seCorrisponde(req, reply, JSON.stringify(esito.tempi));
  });
  altriMetodi(app, PERCORSO_TEMPI, ['GET']);
}

const rif = (nome: string) => json(riferimento(nome));
const intestazioniCache = {
  'Cache-Control': { description: CACHE, schema: { type: 'string' } },
};

export const documentazioneTempiRisposta: Documentazione = {
  schemi: { TempiRisposta: { schema: tempiRispostaSchema } },
  percorsi: {
    [PERCORSO_TEMPI]: {
      get: {
        summary: 'The response times of the last 90 days (public, no token)',
        description:
          `Over the requests received in the last ${GIORNI_FINESTRA} days (\`richieste\`): \`entro[i].percentuale\` ` +
          'is the share of all of them first resolved (risolta or chiusa; a reopening does not reset it) within ' +
          '`entro[i].minuti` of arriving; `oltre` the share resolved after more than 24 hours plus those still open ' +
          'and older than 24 hours. One decimal. `aggiornati` is the current month in Europe/Rome.',
        security: [],
        parameters: [{ name: 'If-None-Match', in: 'header', schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The figures, with a strong ETag',
            headers: { ...intestazioniCache, ETag: { schema: { type: 'string' } } },
            ...rif('TempiRisposta'),
          },
          304: { description: 'If-None-Match matches: unchanged', headers: intestazioniCache },
          404: {
            description: 'Fewer requests in the window than ASSISTENZA_STATISTICHE_MINIMO (30 by default)',
            headers: intestazioniCache,
            ...rif('Errore'),
          },
          503: {
            description: 'The database is unavailable; retry after Retry-After (seconds)',
            headers: { 'Retry-After': { schema: { type: 'integer' } } },
            ...rif('Errore'),
          },
        },
      },
    },
  },
};

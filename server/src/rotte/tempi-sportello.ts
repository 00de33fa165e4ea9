// GET /api/sportello/tempi-risposta: the response times as the help desk reads them, for any operator with a session
// (401 without): the same figures as GET /api/tempi-risposta for each of the last 12 months, however few the requests,
// the median time to the help desk's first reply, and the requests waiting longest now. HTTP only; the rule is in
// servizi/statistiche.ts.
import type { FastifyInstance } from 'fastify';
import { GIORNI_FINESTRA, IN_ATTESA_SPORTELLO, MESI_SPORTELLO, tempiSportello } from '../servizi/statistiche.js';
import { altriMetodi } from './comuni.js';
import { BASE_SPORTELLO, guardieSportello, type OpzioniSportello } from './sportello.js';
import { errore, risposta, sessione, type Documentazione } from './documenta.js';
import { tempiSportelloSchema } from './schemi.js';

export const PERCORSO_TEMPI_SPORTELLO = `${BASE_SPORTELLO}/tempi-risposta`;

export function rotteTempiSportello(app: FastifyInstance, o: OpzioniSportello & { minimo: number }): void {
  const { conSessione } = guardieSportello(o);
  app.get(PERCORSO_TEMPI_SPORTELLO, { onRequest: conSessione }, async () => tempiSportello(o.db, { minimo: o.minimo }));
  altriMetodi(app, PERCORSO_TEMPI_SPORTELLO, ['GET']);
}

export const documentazioneTempiSportello: Documentazione = {
  schemi: { TempiSportello: { schema: tempiSportelloSchema } },
  percorsi: {
    [PERCORSO_TEMPI_SPORTELLO]: {
      get: {
        summary: 'Operators: the response times month by month, the time to the first reply, the longest waits',
        description:
          `\`mesi\`: the current month in Europe/Rome and the ${MESI_SPORTELLO - 1} before, the newest first, each ` +
          'with the requests received in it (`richieste`, however few: a month under `minimo`, ' +
          'ASSISTENZA_STATISTICHE_MINIMO, is a small sample) and the figures of GET /api/tempi-risposta over them ' +
          '(0 when none), and `medianaPrimaRispostaMinuti`, the median minutes from arrival to the help desk’s first ' +
          'message of those replied to (null when none). The top-level `medianaPrimaRispostaMinuti` is the same over ' +
          `the requests received in the last ${GIORNI_FINESTRA} days. \`inAttesa\`: the ${IN_ATTESA_SPORTELLO} open ` +
          'requests waiting longest for the help desk, in the queue’s order.',
        security: sessione,
        responses: {
          200: risposta('The figures', 'TempiSportello'),
          401: errore('No operator’s session'),
        },
      },
    },
  },
};

// The published response times (GET /api/tempi-risposta): over the requests received in the last 90 days, the share
// first resolved within 10 minutes, 30 minutes, an hour and the working day, and the share that took more than 24
// hours or is still open after them; never from fewer requests than the configured minimum.
import type { Database } from '../archivio/database.js';
import { conteggi, type Conteggi } from '../archivio/statistiche.js';

/** The window: the requests received in the last 90 days (90 × 24 hours, whatever the clocks do). */
export const GIORNI_FINESTRA = 90;
/** The help page's limits, in minutes: 10 minutes, 30 minutes, an hour, the working day (8 hours). */
export const LIMITI_ENTRO = [10, 30, 60, 480] as const;
/** Beyond 24 hours. */
export const LIMITE_OLTRE = 1440;
/** ASSISTENZA_STATISTICHE_MINIMO's default: fewer requests than this publish nothing. */
export const MINIMO_PREDEFINITO = 30;

const GIORNO_MS = 24 * 60 * 60 * 1000;

export interface Tempo {
  minuti: number;
  /** Share of all the requests of the window, 0 to 100, one decimal. */
  percentuale: number;
}

/** The answer's body: the shape the element's `dati` takes, with the sample's size. */
export interface TempiRisposta {
  /** The current month in Europe/Rome: "2026-12". */
  aggiornati: string;
  richieste: number;
  entro: Tempo[];
  oltre: Tempo;
}

export type EsitoTempi =
  { esito: 'calcolati'; tempi: TempiRisposta } | { esito: 'troppo-poche'; richieste: number; minimo: number };

/** n of `totale` as a percentage with one decimal (half up): 1 of 3 is 33.3, 2 of 3 is 66.7. */
export function percentuale(n: number, totale: number): number {
  return Math.round((n * 1000) / totale) / 10;
}

const meseRoma = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' });

/** The month of `ora` in Europe/Rome, "YYYY-MM": 30 November 2026 at 23:30 UTC is already "2026-12" in Rome. */
export function meseDiRoma(ora: Date): string {
  const parti = meseRoma.formatToParts(ora);
  const valore = (tipo: string) => parti.find((p) => p.type === tipo)?.value ?? '';
  return `${valore('year')}-${valore('month')}`;
}

/** The window that ends at `ora`. */
export function finestraA(ora: Date) {
  return { da: new Date(ora.getTime() - GIORNI_FINESTRA * GIORNO_MS), a: ora };
}

/** The published figures from the counts; undefined when the sample is under `minimo`. */
export function tempiDaConteggi(c: Conteggi, ora: Date, minimo: number): TempiRisposta | undefined {
  if (c.richieste < minimo || c.richieste === 0) {
    return undefined;
  }
  return {
    aggiornati: meseDiRoma(ora),
    richieste: c.richieste,
    entro: LIMITI_ENTRO.map((minuti, i) => ({ minuti, percentuale: percentuale(c.entro[i], c.richieste) })),
    oltre: { minuti: LIMITE_OLTRE, percentuale: percentuale(c.oltre, c.richieste) },
  };
}

/** The figures at `ora` (now by default), computed by the database in one query. */
export async function tempiDiRisposta(db: Database, o: { minimo: number; ora?: Date }): Promise<EsitoTempi> {
  const ora = o.ora ?? new Date();
  const c = await conteggi(db, finestraA(ora), { entro: LIMITI_ENTRO, oltre: LIMITE_OLTRE });
  const tempi = tempiDaConteggi(c, ora, o.minimo);
  if (tempi === undefined) {
    return { esito: 'troppo-poche', richieste: c.richieste, minimo: o.minimo };
  }
  return { esito: 'calcolati', tempi };
}

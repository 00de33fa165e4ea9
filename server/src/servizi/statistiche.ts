// The published response times (GET /api/tempi-risposta): over the requests received in the last 90 days, the share
// first resolved within 10 minutes, 30 minutes, an hour and the working day, and the share that took more than 24
// hours or is still open after them; never from fewer requests than the configured minimum. And the help desk's own
// view of them: the same figures month by month, the median time to its first reply, the requests waiting longest.
import type { Database } from '../archivio/database.js';
import {
  conteggi,
  conteggiPerPeriodo,
  medianaPrimaRisposta,
  type Conteggi,
  type ConteggiMese,
} from '../archivio/statistiche.js';
import { piuInAttesa } from '../archivio/richieste.js';
import type { StatoRichiesta } from './stati.js';

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

/** n of `totale` as a percentage with one decimal (half up): 1 of 3 is 33.3, 2 of 3 is 66.7; 0 of none is 0. */
export function percentuale(n: number, totale: number): number {
  if (totale === 0) {
    return 0;
  }
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

const quoteDi = (c: Conteggi) => ({
  entro: LIMITI_ENTRO.map((minuti, i) => ({ minuti, percentuale: percentuale(c.entro[i], c.richieste) })),
  oltre: { minuti: LIMITE_OLTRE, percentuale: percentuale(c.oltre, c.richieste) },
});

/** The published figures from the counts; undefined when the sample is under `minimo`. */
export function tempiDaConteggi(c: Conteggi, ora: Date, minimo: number): TempiRisposta | undefined {
  if (c.richieste < minimo || c.richieste === 0) {
    return undefined;
  }
  return {
    aggiornati: meseDiRoma(ora),
    richieste: c.richieste,
    ...quoteDi(c),
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

/** How many months the help desk's view holds: the current one and the 11 before. */
export const MESI_SPORTELLO = 12;
/** How many of the requests waiting longest it lists. */
export const IN_ATTESA_SPORTELLO = 10;

const muroRoma = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** What Rome's clocks read at `istante`, as if it were UTC: its offset is the difference. */
function orologioDiRoma(istante: number): number {
  const n = (tipo: string) => Number(muroRoma.formatToParts(istante).find((p) => p.type === tipo)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/**
 * The instant a month begins in Rome: midnight of its first day, whatever the offset (1 December 2026 is 23:00 UTC of
 * 30 November; 1 August is 22:00 UTC of 31 July). `mese` is 1 to 12; 13 is January of the next year.
 */
export function inizioMeseRoma(anno: number, mese: number): Date {
  const comeUtc = Date.UTC(anno, mese - 1, 1);
  // Rome changes its clocks on a Sunday at 01:00 UTC, never between 22:00 UTC before a first of the month and
  // midnight UTC of it: the offset read at midnight UTC is midnight Rome's.
  return new Date(comeUtc - (orologioDiRoma(comeUtc) - comeUtc));
}

/** A month of the help desk's view: "2026-12", and when it begins in Rome. */
export interface MeseDiRoma {
  mese: string;
  inizio: Date;
}

/** The `n` months of Rome up to the one of `ora`, oldest first, and when the one after them begins. */
export function mesiFinoA(ora: Date, n: number): { mesi: MeseDiRoma[]; fine: Date } {
  const [anno, mese] = meseDiRoma(ora).split('-').map(Number);
  const mesi = Array.from({ length: n }, (_, i) => {
    const indietro = n - 1 - i;
    // Months counted from year 0, so that going back across a January is plain arithmetic.
    const assoluto = anno * 12 + (mese - 1) - indietro;
    const a = Math.floor(assoluto / 12);
    const m = (assoluto % 12) + 1;
    return { mese: `${a}-${String(m).padStart(2, '0')}`, inizio: inizioMeseRoma(a, m) };
  });
  return { mesi, fine: inizioMeseRoma(anno, mese + 1) };
}

/** Seconds as minutes with one decimal; null stays null. */
const minutiDa = (secondi: number | null) => (secondi === null ? null : Math.round(secondi / 6) / 10);

/** A month's figures for the help desk: the published ones, however few the requests. */
export interface MeseSportello {
  /** "2026-12", in Europe/Rome, of the requests' arrival. */
  mese: string;
  richieste: number;
  entro: Tempo[];
  oltre: Tempo;
  /** The median minutes from arrival to the help desk's first reply, of the month's requests replied to; null: none. */
  medianaPrimaRispostaMinuti: number | null;
}

/** An open request waiting for the help desk. */
export interface InAttesaSportello {
  id: string;
  numero: number;
  stato: StatoRichiesta;
  cognome: string;
  nome: string;
  /** Since when: its arrival, or the user's first message after the help desk's last. */
  inAttesaDal: string;
}

/** GET /api/sportello/tempi-risposta. */
export interface TempiSportello {
  /** The current month in Europe/Rome: "2026-12". */
  aggiornati: string;
  /** ASSISTENZA_STATISTICHE_MINIMO: a month with fewer requests is a small sample (the console says so). */
  minimo: number;
  /** The current month and the 11 before, the newest first. */
  mesi: MeseSportello[];
  /** The median minutes to the help desk's first reply over the requests of the last 90 days replied to; null: none. */
  medianaPrimaRispostaMinuti: number | null;
  /** The 10 open requests waiting longest for the help desk, the longest first (the queue's order). */
  inAttesa: InAttesaSportello[];
}

function meseSportello(mese: string, c: ConteggiMese): MeseSportello {
  return {
    mese,
    richieste: c.richieste,
    ...quoteDi(c),
    medianaPrimaRispostaMinuti: minutiDa(c.medianaPrimaRispostaS),
  };
}

/** The help desk's view at `ora` (now by default), each part computed by the database. */
export async function tempiSportello(db: Database, o: { minimo: number; ora?: Date }): Promise<TempiSportello> {
  const ora = o.ora ?? new Date();
  const { mesi, fine } = mesiFinoA(ora, MESI_SPORTELLO);
  const limiti = { entro: LIMITI_ENTRO, oltre: LIMITE_OLTRE };
  const perMese = await conteggiPerPeriodo(db, { inizi: mesi.map((m) => m.inizio), fine, a: ora }, limiti);
  const mediana = await medianaPrimaRisposta(db, finestraA(ora));
  const inAttesa = await piuInAttesa(db, IN_ATTESA_SPORTELLO);
  return {
    aggiornati: meseDiRoma(ora),
    minimo: o.minimo,
    mesi: mesi.map((m, i) => meseSportello(m.mese, perMese[i])).reverse(),
    medianaPrimaRispostaMinuti: minutiDa(mediana),
    inAttesa: inAttesa.map((r) => ({
      id: r.id,
      numero: r.numero,
      stato: r.stato,
      cognome: r.cognome,
      nome: r.nome,
      inAttesaDal: r.inAttesaDal.toISOString(),
    })),
  };
}

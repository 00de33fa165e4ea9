// The help desk's published response times: the seed's figures, and the check of figures a host passes or the
// server sends instead (zod/mini, liberal as src/elenco.ts is: fields it does not know are dropped).
import * as z from 'zod/mini';

export interface Tempo {
  /** Minutes from the request. */
  minuti: number;
  /** Share of the requests, 0 to 100. */
  percentuale: number;
  /** How the figure is rounded: "oltre" (over), "quasi" (almost), "solo" (only); exact when missing. */
  circa?: 'oltre' | 'quasi' | 'solo';
}

export interface DatiTempi {
  /** The month the figures refer to: "YYYY-MM". */
  aggiornati: string;
  /** How many requests they were computed from (the server sends it): shown beside the date. */
  richieste?: number;
  /** Requests solved within each time, cumulative, shortest time first. */
  entro: Tempo[];
  /** Requests that took longer than `minuti`. */
  oltre?: Tempo;
}

/** The seed, data as of February 2026. */
export const DATI: DatiTempi = {
  aggiornati: '2026-02',
  entro: [
    { minuti: 10, percentuale: 23.5 },
    { minuti: 30, percentuale: 50, circa: 'oltre' },
    { minuti: 60, percentuale: 70, circa: 'quasi' },
    { minuti: 480, percentuale: 80, circa: 'oltre' },
  ],
  oltre: { minuti: 1440, percentuale: 5, circa: 'solo' },
};

const ARROTONDAMENTI = ['oltre', 'quasi', 'solo'];

// Refinements of plain types rather than z.enum or z.int: each of those brings its own classes into the bundle.
const se = <T>(f: (v: T) => boolean) => z.refine<T>(f);
const quota = z.number().check(se((p) => p >= 0 && p <= 100));
const positivo = z.number().check(se((n) => n > 0));

/** One figure: minutes after the request, a share from 0 to 100, a known rounding. */
const tempoSchema = z.object({
  minuti: positivo,
  percentuale: quota,
  circa: z.optional(z.custom<Tempo['circa']>((c) => ARROTONDAMENTI.includes(c as string))),
});

/** Figures with the shape of DATI: a month, percentages from 0 to 100; the sample's size a whole number. */
export const datiTempiSchema = z.object({
  aggiornati: z.string().check(se((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m))),
  richieste: z.optional(positivo.check(se(Number.isInteger))),
  entro: z.array(tempoSchema),
  oltre: z.optional(tempoSchema),
});

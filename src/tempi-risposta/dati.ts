// The help desk's published response times: the seed's figures, and the check of figures a host passes instead.

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

const ARROTONDAMENTI = [undefined, 'oltre', 'quasi', 'solo'];

/** One figure: minutes after the request, a share from 0 to 100, a known rounding. */
const tempoValido = (t: Tempo) =>
  t?.minuti > 0 && t.percentuale >= 0 && t.percentuale <= 100 && ARROTONDAMENTI.includes(t.circa);

/** Whether figures a host passed have the shape of DATI (a month, percentages from 0 to 100). */
export function validi(d: DatiTempi): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(d?.aggiornati) || !Array.isArray(d.entro)) return false;
  const tutti = d.oltre ? [...d.entro, d.oltre] : d.entro;
  return tutti.every(tempoValido);
}

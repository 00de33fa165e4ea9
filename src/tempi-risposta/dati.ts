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

const tempo = (x: unknown): x is Tempo => {
  const t = x as Tempo;
  return (
    !!t && t.minuti > 0 && t.percentuale >= 0 && t.percentuale <= 100 && [undefined, 'oltre', 'quasi', 'solo'].includes(t.circa)
  );
};

export const validi = (d: unknown): d is DatiTempi => {
  const x = d as DatiTempi;
  return !!x && /^\d{4}-(0[1-9]|1[0-2])$/.test(x.aggiornati) && Array.isArray(x.entro) && x.entro.every(tempo) && (x.oltre === undefined || tempo(x.oltre));
};

// SQL of the response-time statistics: one pass over the requests received in a window, found through the index on
// their arrival (richieste_per_arrivo), so the years of requests before the window cost nothing.
import type { Esecutore } from './database.js';

/** The requests received after `da` and up to `a` (the window), and how long they took to be first resolved. */
export interface Conteggi {
  /** Requests received in the window. */
  richieste: number;
  /** For each limit of `entro`, in its order: the requests first resolved within that many minutes of arriving. */
  entro: number[];
  /** Requests first resolved more than `oltre` minutes after arriving, or still unresolved and older than that at `a`. */
  oltre: number;
}

export interface Finestra {
  da: Date;
  a: Date;
}

/**
 * Counts in one query. `risolta_il` is the first time a request became risolta or chiusa (set once, never reset by a
 * reopening); a request not resolved by `a` counts only in `richieste`, or in `oltre` once older than its limit.
 */
export async function conteggi(
  q: Esecutore,
  finestra: Finestra,
  limiti: { entro: readonly number[]; oltre: number },
): Promise<Conteggi> {
  // One FILTER per limit, each with its own parameter ($4, $5…): the same pass counts them all. A request resolved
  // after `a` is still open at `a`; in `oltre`, least() passes over a NULL, so an open request counts as open until `a`.
  const entro = limiti.entro
    .map(
      (_, i) =>
        `count(*) FILTER (WHERE risolta_il <= least(ricevuta_il + $${i + 4}::int * interval '1 minute', $2))::int`,
    )
    .join(',\n       ');
  const [riga] = await q.query<Conteggi>(
    `SELECT count(*)::int AS richieste,
       ARRAY[${entro}] AS entro,
       count(*) FILTER (WHERE least(risolta_il, $2) > ricevuta_il + $3::int * interval '1 minute')::int AS oltre
     FROM richieste
     WHERE ricevuta_il > $1 AND ricevuta_il <= $2`,
    [finestra.da, finestra.a, limiti.oltre, ...limiti.entro],
  );
  return riga;
}

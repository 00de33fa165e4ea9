// SQL of the response-time statistics: passes over the requests received in a window, found through the index on
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

export interface Limiti {
  entro: readonly number[];
  oltre: number;
}

/**
 * The `entro` array and the `oltre` count of the rows of `richieste` named `r`, at the moment of parameter `$a`;
 * parameter `$primo` is the limit of `oltre`, the limits of `entro` are the `n` parameters after it, in order.
 */
function quote(r: string, a: number, primo: number, n: number): string {
  // One FILTER per limit, each with its own parameter: the same pass counts them all. A request resolved after `a` is
  // still open at `a`; in `oltre`, least() passes over a NULL, so an open request counts as open until `a`.
  const entro = Array.from(
    { length: n },
    (_, i) =>
      `count(*) FILTER (WHERE ${r}.risolta_il <= least(${r}.ricevuta_il + $${primo + 1 + i}::int * interval '1 minute', $${a}))::int`,
  ).join(',\n       ');
  return `ARRAY[${entro}] AS entro,
       count(*) FILTER (WHERE least(${r}.risolta_il, $${a}) > ${r}.ricevuta_il + $${primo}::int * interval '1 minute')::int AS oltre`;
}

/**
 * The median seconds from arrival to the help desk's first reply (`prima_risposta_il`, set once by a trigger) of the
 * rows of `richieste` named `r` replied to by the moment of parameter `$a`; NULL when none was.
 */
const medianaPrimaRispostaS = (r: string, a: number) =>
  // Ordered as intervals, converted once per group: extract() per row yields numeric, and sorting those took twice as
  // long (PGlite, 200,000 requests).
  `extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY ${r}.prima_risposta_il - ${r}.ricevuta_il)
     FILTER (WHERE ${r}.prima_risposta_il <= $${a}))::float8`;

/**
 * Counts in one query. `risolta_il` is the first time a request became risolta or chiusa (set once, never reset by a
 * reopening); a request not resolved by `a` counts only in `richieste`, or in `oltre` once older than its limit.
 */
export async function conteggi(q: Esecutore, finestra: Finestra, limiti: Limiti): Promise<Conteggi> {
  const [riga] = await q.query<Conteggi>(
    `SELECT count(*)::int AS richieste,
       ${quote('r', 2, 3, limiti.entro.length)}
     FROM richieste r
     WHERE r.ricevuta_il > $1 AND r.ricevuta_il <= $2`,
    [finestra.da, finestra.a, limiti.oltre, ...limiti.entro],
  );
  return riga;
}

/** A month's counts, with the median seconds to the help desk's first reply (null when none was replied to). */
export interface ConteggiMese extends Conteggi {
  medianaPrimaRispostaS: number | null;
}

/**
 * The counts of each period [da[i], da[i + 1]) at the moment `a` (the last period ends at `fine`), in one query: one
 * range of the arrival index per period, nothing read but the requests' own rows; a request received after `a` is not
 * counted.
 */
export async function conteggiPerPeriodo(
  q: Esecutore,
  periodi: { inizi: Date[]; fine: Date; a: Date },
  limiti: Limiti,
): Promise<ConteggiMese[]> {
  const fini = [...periodi.inizi.slice(1), periodi.fine];
  return q.query<ConteggiMese>(
    `SELECT count(r.id)::int AS richieste,
       ${quote('r', 3, 4, limiti.entro.length)},
       ${medianaPrimaRispostaS('r', 3)} AS "medianaPrimaRispostaS"
     FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS p (da, a, n)
       LEFT JOIN richieste r ON r.ricevuta_il >= p.da AND r.ricevuta_il < p.a AND r.ricevuta_il <= $3
     GROUP BY p.n
     ORDER BY p.n`,
    [periodi.inizi, fini, periodi.a, limiti.oltre, ...limiti.entro],
  );
}

/** The median seconds from arrival to the help desk's first reply of the window's requests replied to; null: none. */
export async function medianaPrimaRisposta(q: Esecutore, finestra: Finestra): Promise<number | null> {
  const [riga] = await q.query<{ mediana: number | null }>(
    `SELECT ${medianaPrimaRispostaS('r', 2)} AS mediana
     FROM richieste r
     WHERE r.ricevuta_il > $1 AND r.ricevuta_il <= $2`,
    [finestra.da, finestra.a],
  );
  return riga.mediana;
}

// One read of the published figures (GET <fonte>): the answer checked with datiTempiSchema. Never throws: whatever
// goes wrong, the element keeps the figures it already shows.
import { datiTempiSchema, type DatiTempi } from './dati.js';

export type EsitoLetturaTempi =
  | { tipo: 'letti'; dati: DatiTempi }
  // Not enough requests yet (the server's 404), an error, no answer in time.
  | { tipo: 'non-disponibili'; motivo: string }
  // A JSON answer of another shape: a backend to fix.
  | { tipo: 'non-validi' };

/** GETs the figures; `signal` stops the read (the time limit, or the element leaving the page). */
export async function leggiTempi(url: string, signal: AbortSignal): Promise<EsitoLetturaTempi> {
  try {
    // The browser's cache is welcome: the server lets anyone keep the figures for five minutes.
    const r = await fetch(url, { headers: { Accept: 'application/json' }, signal });
    if (!r.ok) return { tipo: 'non-disponibili', motivo: `HTTP ${r.status}` };
    // Not JSON at all (a captive portal's page, say) throws here: unavailable, not invalid.
    const dati = datiTempiSchema.safeParse(await r.json());
    if (!dati.success) return { tipo: 'non-validi' };
    return { tipo: 'letti', dati: dati.data };
  } catch (e) {
    return { tipo: 'non-disponibili', motivo: signal.aborted ? 'tempo scaduto' : (e as Error).message };
  }
}

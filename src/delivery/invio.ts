// One delivery attempt of one request, and what its outcome means for the queue.
import type { Richiesta } from '../richiesta.js';
import { leggiRetryAfter } from './ritardi.js';

export type Intestazioni = Record<string, string>;

export type Esito =
  | { tipo: 'consegnata'; numero?: string | number }
  | { tipo: 'respinta'; stato: number; messaggio?: string }
  | { tipo: 'rinviata'; retryAfterMs?: number; motivo: string };

/** What an attempt sends: the request, where and with which credentials. */
export interface Tentativo {
  richiesta: Richiesta;
  endpoint: string;
  credentials: RequestCredentials;
}

/**
 * POSTs the request once, with the page's extra headers (a CSRF token, say: read at this attempt and never stored);
 * never throws. `ora` is when the attempt starts, for a Retry-After date.
 */
export async function tenta(t: Tentativo, intestazioni: Intestazioni | undefined, timeoutMs: number, ora: number): Promise<Esito> {
  // A request that hangs (answer or body) is abandoned, and retried like a network error.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const r = await fetch(t.endpoint, {
      method: 'POST',
      credentials: t.credentials,
      headers: { ...intestazioni, 'Content-Type': 'application/json', 'Idempotency-Key': t.richiesta.id },
      body: JSON.stringify(t.richiesta),
      signal,
    });
    // Any JSON value, or nothing when the body is not JSON: only a string or number field is taken from it.
    const { numero: n, messaggio: m } = (await r.json().catch(() => {})) ?? {};
    const { ok, status: stato } = r;
    // A 2xx that is an HTML page (a hotel's or a station's Wi-Fi login, a proxy) is not the endpoint's answer: the
    // request was not stored, so it stays queued. An endpoint may answer 2xx with JSON, text or nothing at all.
    if (ok && !/html/i.test(r.headers.get('Content-Type') ?? '')) {
      return { tipo: 'consegnata', numero: typeof n == 'string' || typeof n == 'number' ? n : undefined };
    }
    // Refused: a 4xx other than 408 and 429 (a status always has three digits).
    if (/^4(?!08|29)/.test(String(stato))) {
      return { tipo: 'respinta', stato, messaggio: (typeof m == 'string' && m) || undefined };
    }
    return ok
      ? { tipo: 'rinviata', motivo: 'risposta non riconosciuta' }
      : { tipo: 'rinviata', retryAfterMs: leggiRetryAfter(r.headers.get('Retry-After'), ora), motivo: 'HTTP ' + stato };
  } catch (e) {
    // What fetch throws is a TypeError or a DOMException: it has a message.
    return { tipo: 'rinviata', motivo: signal.aborted ? 'timeout' : (e as Error).message };
  }
}

// One delivery attempt of one request, and what its outcome means for the queue.
import type { Richiesta } from '../richiesta.js';
import { leggiRetryAfter } from './ritardi.js';

export type Intestazioni = Record<string, string>;

export type EsitoInvio =
  | { tipo: 'consegnata'; numero?: string | number }
  | { tipo: 'respinta'; stato: number; messaggio?: string }
  | { tipo: 'rinviata'; retryAfterMs?: number; motivo: string };

/** What an attempt sends: the request, where and with which credentials. */
export interface Tentativo {
  richiesta: Richiesta;
  endpoint: string;
  credentials: RequestCredentials;
}

/** A field of the answer's JSON, when it is text or a number (anything else the endpoint sends is not ours to show). */
function campoLeggibile(corpo: unknown, nome: string): string | number | undefined {
  if (!corpo || typeof corpo !== 'object') return undefined;
  const v = (corpo as Record<string, unknown>)[nome];
  if (typeof v === 'string' || typeof v === 'number') return v;
  return undefined;
}

/** Refused for good: a 4xx other than 408 (timeout) and 429 (too many requests), which are worth retrying. */
const rifiutoDefinitivo = (stato: number) => stato >= 400 && stato < 500 && stato !== 408 && stato !== 429;

/**
 * A 2xx that is an HTML page (a hotel's or a station's Wi-Fi login, a proxy) is not the endpoint's answer: the request
 * was not stored. An endpoint may answer 2xx with JSON, text or nothing at all.
 */
const paginaHtml = (r: Response) => /html/i.test(r.headers.get('Content-Type') ?? '');

/**
 * POSTs the request once, with the page's extra headers (a CSRF token, say: read at this attempt and never stored);
 * never throws. `ora` is when the attempt starts, for a Retry-After date.
 */
export async function tenta(t: Tentativo, intestazioni: Intestazioni | undefined, timeoutMs: number, ora: number): Promise<EsitoInvio> {
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
    // Any JSON value, or nothing when the body is not JSON.
    const corpo: unknown = await r.json().catch(() => undefined);
    if (r.ok && !paginaHtml(r)) return { tipo: 'consegnata', numero: campoLeggibile(corpo, 'numero') };
    if (r.ok) return { tipo: 'rinviata', motivo: 'risposta non riconosciuta' };
    if (rifiutoDefinitivo(r.status)) {
      const messaggio = campoLeggibile(corpo, 'messaggio');
      return { tipo: 'respinta', stato: r.status, messaggio: typeof messaggio === 'string' && messaggio !== '' ? messaggio : undefined };
    }
    return { tipo: 'rinviata', retryAfterMs: leggiRetryAfter(r.headers.get('Retry-After'), ora), motivo: `HTTP ${r.status}` };
  } catch (e) {
    // What fetch throws is a TypeError or a DOMException: it has a message.
    return { tipo: 'rinviata', motivo: signal.aborted ? 'timeout' : (e as Error).message };
  }
}

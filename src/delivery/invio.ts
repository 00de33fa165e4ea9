// One delivery attempt of one request, and what its outcome means for the queue.
import type { Richiesta } from '../richiesta.js';
import { leggiRetryAfter } from './ritardi.js';

export type Intestazioni = Record<string, string>;

export type Esito =
  | { tipo: 'consegnata'; numero?: string | number }
  | { tipo: 'respinta'; stato: number; messaggio?: string }
  | { tipo: 'riprova'; stato?: number; retryAfterMs?: number; motivo: string };

export interface Tentativo {
  richiesta: Richiesta;
  endpoint: string;
  credentials: RequestCredentials;
  /** The page's extra headers (a CSRF token, say), read at this attempt and never stored. */
  intestazioni?: Intestazioni;
  timeoutMs: number;
  ora: number;
}

async function leggiJson(r: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const j: unknown = await r.json();
    return j && typeof j === 'object' ? (j as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs the request once; never throws. */
export async function tenta(t: Tentativo): Promise<Esito> {
  const ctrl = new AbortController();
  // A request that hangs is abandoned, and retried like a network error.
  const timer = setTimeout(() => ctrl.abort(), t.timeoutMs);
  try {
    const r = await fetch(t.endpoint, {
      method: 'POST',
      credentials: t.credentials,
      headers: { ...t.intestazioni, 'Content-Type': 'application/json', 'Idempotency-Key': t.richiesta.id },
      body: JSON.stringify(t.richiesta),
      signal: ctrl.signal,
    });
    const corpo = await leggiJson(r);
    // A 2xx that is an HTML page (a hotel's or a station's Wi-Fi login, a proxy) is not the endpoint's answer: the
    // request was not stored, so it stays queued. An endpoint may answer 2xx with JSON, text or nothing at all.
    if (r.ok && /html/i.test(r.headers.get('Content-Type') ?? '')) return { tipo: 'riprova', stato: r.status, motivo: 'risposta non riconosciuta' };
    if (r.ok) {
      const n = corpo?.numero;
      return typeof n === 'string' || typeof n === 'number' ? { tipo: 'consegnata', numero: n } : { tipo: 'consegnata' };
    }
    if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
      const m = corpo?.messaggio;
      return { tipo: 'respinta', stato: r.status, messaggio: typeof m === 'string' && m ? m : undefined };
    }
    return {
      tipo: 'riprova',
      stato: r.status,
      retryAfterMs: leggiRetryAfter(r.headers.get('Retry-After'), t.ora),
      motivo: `HTTP ${r.status}`,
    };
  } catch (e) {
    return { tipo: 'riprova', motivo: ctrl.signal.aborted ? 'timeout' : String((e as Error)?.message ?? e) };
  } finally {
    clearTimeout(timer);
  }
}

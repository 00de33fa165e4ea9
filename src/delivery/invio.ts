// One delivery attempt: a JSON body POSTed, or an attachment's bytes PUT; and what the outcome means for the queue.
import { leggiRetryAfter } from './ritardi.js';

export type Intestazioni = Record<string, string>;

export type EsitoInvio =
  | { tipo: 'consegnata'; numero?: string | number; stato?: string }
  | { tipo: 'respinta'; stato: number; messaggio?: string }
  | { tipo: 'rinviata'; retryAfterMs?: number; motivo: string };

/** What an attempt sends: a JSON body under its Idempotency-Key, where and with which credentials. */
export interface Tentativo {
  /** The Idempotency-Key: the same at every attempt. */
  id: string;
  endpoint: string;
  credentials: RequestCredentials;
  corpo: unknown;
}

/** An attachment's upload: its bytes PUT under its own Idempotency-Key. */
export interface Caricamento {
  id: string;
  endpoint: string;
  credentials: RequestCredentials;
  nome: string;
  tipo: string;
  byte: ArrayBuffer;
  /** The bytes sent so far, as the browser reports them. */
  avanzamento?: (inviati: number, totale: number) => void;
}

/** A field of the answer's JSON, when it is text or a number (anything else the endpoint sends is not ours to show). */
function campoLeggibile(corpo: unknown, nome: string): string | number | undefined {
  if (!corpo || typeof corpo !== 'object') return undefined;
  const v = (corpo as Record<string, unknown>)[nome];
  if (typeof v === 'string' || typeof v === 'number') return v;
  return undefined;
}

/** A URL's origin (a relative one against this page's), or undefined when it is not a URL. */
function origineDi(url: string): string | undefined {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return undefined;
  }
}

/** Whether two URLs share their origin: the host's headers go only where they were configured for. */
export function stessaOrigine(a: string, b: string): boolean {
  const origine = origineDi(a);
  return origine !== undefined && origine === origineDi(b);
}

const testoNonVuoto = (v: string | number | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Refused for good: a 4xx other than 408 (timeout) and 429 (too many requests), which are worth retrying. */
const rifiutoDefinitivo = (stato: number) => stato >= 400 && stato < 500 && stato !== 408 && stato !== 429;

/**
 * A 2xx that is an HTML page (a hotel's or a station's Wi-Fi login, a proxy) is not the endpoint's answer: nothing was
 * stored. An endpoint may answer 2xx with JSON, text or nothing at all.
 */
const paginaHtml = (tipo: string | null) => /html/i.test(tipo ?? '');

interface Risposta {
  status: number;
  tipo: string | null;
  retryAfter: string | null;
  corpo: unknown;
}

/** What one answer means: delivered, refused for good, or to be tried again. `ora` is when the attempt started. */
function esitoDi(r: Risposta, ora: number): EsitoInvio {
  const ok = r.status >= 200 && r.status < 300;
  if (ok && !paginaHtml(r.tipo)) {
    return {
      tipo: 'consegnata',
      numero: campoLeggibile(r.corpo, 'numero'),
      stato: testoNonVuoto(campoLeggibile(r.corpo, 'stato')),
    };
  }
  if (ok) return { tipo: 'rinviata', motivo: 'risposta non riconosciuta' };
  if (rifiutoDefinitivo(r.status))
    return { tipo: 'respinta', stato: r.status, messaggio: testoNonVuoto(campoLeggibile(r.corpo, 'messaggio')) };
  return { tipo: 'rinviata', retryAfterMs: leggiRetryAfter(r.retryAfter, ora), motivo: `HTTP ${r.status}` };
}

/**
 * POSTs the body once, with the page's extra headers (a CSRF token, say: read at this attempt and never stored);
 * never throws.
 */
export async function tenta(
  t: Tentativo,
  intestazioni: Intestazioni | undefined,
  timeoutMs: number,
  ora: number,
): Promise<EsitoInvio> {
  // A request that hangs (answer or body) is abandoned, and retried like a network error.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const r = await fetch(t.endpoint, {
      method: 'POST',
      credentials: t.credentials,
      headers: { ...intestazioni, 'Content-Type': 'application/json', 'Idempotency-Key': t.id },
      body: JSON.stringify(t.corpo),
      signal,
    });
    // Any JSON value, or nothing when the body is not JSON.
    const corpo: unknown = await r.json().catch(() => undefined);
    return esitoDi(
      { status: r.status, tipo: r.headers.get('Content-Type'), retryAfter: r.headers.get('Retry-After'), corpo },
      ora,
    );
  } catch (e) {
    // What fetch throws is a TypeError or a DOMException: it has a message.
    return { tipo: 'rinviata', motivo: signal.aborted ? 'timeout' : (e as Error).message };
  }
}

/** The file's name for Content-Disposition (RFC 6266, RFC 8187): UTF-8, percent-encoded. */
const disposizione = (nome: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(nome).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** The headers of an attachment's PUT. */
const intestazioniCaricamento = (c: Caricamento, intestazioni: Intestazioni | undefined): Intestazioni => ({
  ...intestazioni,
  'Content-Type': c.tipo,
  'Idempotency-Key': c.id,
  'Content-Disposition': disposizione(c.nome),
});

/**
 * PUTs an attachment's bytes once; never throws. XMLHttpRequest where it can: only it reports an upload's progress,
 * which a user on a slow line needs to see for a 10 MB file. It cannot leave same-origin cookies out, so with
 * credentials 'omit' the upload goes through fetch, without progress.
 */
export function carica(
  c: Caricamento,
  intestazioni: Intestazioni | undefined,
  timeoutMs: number,
  ora: number,
): Promise<EsitoInvio> {
  if (c.credentials === 'omit') return caricaConFetch(c, intestazioni, timeoutMs, ora);
  return caricaConXhr(c, intestazioni, timeoutMs, ora);
}

async function caricaConFetch(
  c: Caricamento,
  intestazioni: Intestazioni | undefined,
  timeoutMs: number,
  ora: number,
): Promise<EsitoInvio> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const r = await fetch(c.endpoint, {
      method: 'PUT',
      credentials: 'omit',
      headers: intestazioniCaricamento(c, intestazioni),
      body: c.byte,
      signal,
    });
    const corpo: unknown = await r.json().catch(() => undefined);
    return esitoDi(
      { status: r.status, tipo: r.headers.get('Content-Type'), retryAfter: r.headers.get('Retry-After'), corpo },
      ora,
    );
  } catch (e) {
    return { tipo: 'rinviata', motivo: signal.aborted ? 'timeout' : (e as Error).message };
  }
}

function caricaConXhr(
  c: Caricamento,
  intestazioni: Intestazioni | undefined,
  timeoutMs: number,
  ora: number,
): Promise<EsitoInvio> {
  return new Promise((risolvi) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', c.endpoint);
    xhr.withCredentials = c.credentials === 'include';
    xhr.timeout = timeoutMs;
    xhr.responseType = 'text';
    for (const [k, v] of Object.entries(intestazioniCaricamento(c, intestazioni))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => c.avanzamento?.(e.loaded, e.total || c.byte.byteLength);
    xhr.onload = () => {
      let corpo: unknown;
      try {
        corpo = JSON.parse(xhr.responseText);
      } catch {
        corpo = undefined;
      }
      risolvi(
        esitoDi(
          {
            status: xhr.status,
            tipo: xhr.getResponseHeader('Content-Type'),
            retryAfter: xhr.getResponseHeader('Retry-After'),
            corpo,
          },
          ora,
        ),
      );
    };
    xhr.onerror = () => risolvi({ tipo: 'rinviata', motivo: 'rete' });
    xhr.ontimeout = () => risolvi({ tipo: 'rinviata', motivo: 'timeout' });
    xhr.onabort = () => risolvi({ tipo: 'rinviata', motivo: 'interrotta' });
    xhr.send(c.byte);
  });
}

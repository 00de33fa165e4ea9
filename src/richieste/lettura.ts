// One read of the user's requests (GET <endpoint>): the answer checked item by item, its ETag and its next page.
import { elencoRichiesteSchema, richiestaUtenteSchema, type RichiestaUtente } from '../elenco.js';
import { stessaOrigine, type Intestazioni } from '../delivery/invio.js';
import { leggiRetryAfter } from '../delivery/ritardi.js';

export interface LetturaElenco {
  url: string;
  credentials: RequestCredentials;
  intestazioni?: Intestazioni;
  /** The ETag of the list shown: the server answers 304 when it has not changed. */
  etag?: string;
  timeoutMs: number;
  /** Now, for a Retry-After date. */
  ora: number;
}

export type EsitoLettura =
  | { tipo: 'letto'; richieste: RichiestaUtente[]; scartate: number; etag?: string; prossima?: string }
  | { tipo: 'invariato' }
  // 401 or 403: the portal's session is gone or is not this user's.
  | { tipo: 'non-autorizzato' }
  | { tipo: 'errore'; motivo: string; retryAfterMs?: number };

/** The relations a Link's parameters name: `rel="next prev"` gives next and prev. */
function relazioni(parametri: string): string[] {
  for (const p of parametri.split(';')) {
    const [nome, valore = ''] = p.split('=');
    if (nome.trim().toLowerCase() === 'rel') return valore.trim().replace(/^"|"$/g, '').toLowerCase().split(/\s+/);
  }
  return [];
}

/** The URL of `Link: <url>; rel="next"`, resolved against the page it came from. */
export function paginaSuccessiva(link: string | null, base: string): string | undefined {
  for (const parte of (link ?? '').split(',')) {
    const m = /<([^>]*)>(.*)/.exec(parte);
    if (m && relazioni(m[2]).includes('next')) return new URL(m[1], base).href;
  }
  return undefined;
}

/** The items that match the schema; the others are left out and counted, never a crash. */
function validi(elementi: unknown[]): { richieste: RichiestaUtente[]; scartate: number } {
  const richieste: RichiestaUtente[] = [];
  for (const e of elementi) {
    const r = richiestaUtenteSchema.safeParse(e);
    if (r.success) richieste.push(r.data);
  }
  return { richieste, scartate: elementi.length - richieste.length };
}

/** GETs one page of the list; never throws. */
export async function leggi(l: LetturaElenco): Promise<EsitoLettura> {
  const signal = AbortSignal.timeout(l.timeoutMs);
  try {
    const headers: Intestazioni = { ...l.intestazioni, Accept: 'application/json' };
    if (l.etag) headers['If-None-Match'] = l.etag;
    // no-store: the browser neither keeps this personal list nor adds a revalidation of its own.
    const r = await fetch(l.url, { credentials: l.credentials, headers, cache: 'no-store', signal });
    if (r.status === 304) return { tipo: 'invariato' };
    if (r.status === 401 || r.status === 403) return { tipo: 'non-autorizzato' };
    if (!r.ok)
      return {
        tipo: 'errore',
        motivo: `HTTP ${r.status}`,
        retryAfterMs: leggiRetryAfter(r.headers.get('Retry-After'), l.ora),
      };
    const corpo = elencoRichiesteSchema.safeParse(await r.json().catch(() => undefined));
    if (!corpo.success) return { tipo: 'errore', motivo: 'risposta non riconosciuta' };
    // The next page is read with the host's headers: only on the endpoint's own origin.
    const prossima = paginaSuccessiva(r.headers.get('Link'), r.url || l.url);
    return {
      tipo: 'letto',
      ...validi(corpo.data.richieste),
      etag: r.headers.get('ETag') ?? undefined,
      prossima: prossima && stessaOrigine(prossima, l.url) ? prossima : undefined,
    };
  } catch (e) {
    return { tipo: 'errore', motivo: signal.aborted ? 'timeout' : (e as Error).message };
  }
}

// The help desk's API as the console calls it (/api/sportello unless told otherwise): every answer becomes an outcome
// the elements switch on, never a thrown error. A 401 is "the session ended" on every route but the login's.
import type { CodaSportello, RichiestaSportello } from '../../server/src/servizi/sportello.js';
import type { Operatore } from '../../server/src/servizi/operatori.js';
import type { VoceRegistroJson } from '../../server/src/servizi/registro.js';
import type { DatiRimossi, UtenteTrovatoJson as UtenteTrovato } from '../../server/src/servizi/dati-personali.js';
import type { TempiSportello } from '../../server/src/servizi/statistiche.js';
import type { StatoRichiesta } from '../../src/stati.js';
import { leggiRetryAfter } from '../../src/delivery/ritardi.js';
import { testi } from './testi.js';

export type { CodaSportello, RichiestaSportello, Operatore, VoceRegistroJson, StatoRichiesta, TempiSportello };
export type { DatiRimossi, UtenteTrovato };
export interface UtentiTrovati {
  utenti: UtenteTrovato[];
  /** How many matched: more than `utenti` holds when the server cut the list. */
  totale: number;
}
export type VoceCoda = CodaSportello['richieste'][number];
export type OperatoreElencato = Operatore & { creatoIl: string };

/** Where the console's server answers: the same origin's /api/sportello. */
export const BASE_PREDEFINITA = '/api/sportello';
const TIMEOUT_MS = 20_000;

export interface ErroreCampo {
  campo: string;
  messaggio: string;
}

/** A refusal or a failure: the server's Italian message (or ours when it did not answer), and its fields' for a 422. */
export interface Errore {
  esito: 'errore';
  /** Absent when the server did not answer at all. */
  statoHttp?: number;
  messaggio: string;
  campi: ErroreCampo[];
}

export type Esito<T> = { esito: 'ok'; dati: T } | { esito: 'non-autenticato' } | Errore;

/** A read that may be answered 304: the ETag of what is shown goes with it. */
export type Lettura<T> =
  { esito: 'ok'; dati: T; etag?: string } | { esito: 'invariato' } | { esito: 'non-autenticato' } | Errore;

export type EsitoAccesso =
  | { esito: 'entrato' }
  | { esito: 'rifiutato'; messaggio: string }
  | { esito: 'bloccato'; messaggio: string; retryAfterS: number }
  | Errore;

export interface FiltroCoda {
  stato?: StatoRichiesta;
  cerca?: string;
  limite?: number;
}

export interface FiltroRegistro {
  operatore?: string;
  richiesta?: string;
  primaDi?: number;
}

export interface PaginaRegistro {
  voci: VoceRegistroJson[];
  /** The next page's `prima-di`, when the server's Link names one. */
  primaDi?: number;
}

/** The server names its own paths under /api/sportello: a console on another base (a proxy) reaches them under it. */
export function sottoBase(indirizzo: string, base: string): string {
  if (base !== BASE_PREDEFINITA && indirizzo.startsWith(`${BASE_PREDEFINITA}/`)) {
    return `${base}${indirizzo.slice(BASE_PREDEFINITA.length)}`;
  }
  return indirizzo;
}

/** A path the server named (under /api/sportello) as this console calls it: relative to its base. */
const percorsoDi = (indirizzo: string) =>
  indirizzo.startsWith(`${BASE_PREDEFINITA}/`) ? indirizzo.slice(BASE_PREDEFINITA.length) : indirizzo;

/** "Invia di nuovo" accepted: the mail is due again, with the Message-ID it had. */
export interface PostaRimessaInCoda {
  id: string;
  stato: 'da-inviare';
  messageId: string;
}

/** The `prima-di` of `Link: <…?prima-di=N>; rel="next"`. */
export function primaDiDa(link: string | null): number | undefined {
  for (const parte of (link ?? '').split(',')) {
    const m = /<[^>]*[?&]prima-di=(\d+)[^>]*>.*rel="?next"?/.exec(parte);
    if (m) {
      return Number(m[1]);
    }
  }
  return undefined;
}

async function errore(r: Response): Promise<Errore> {
  let corpo: { messaggio?: unknown; errori?: unknown } = {};
  try {
    corpo = await r.json();
  } catch {
    // not JSON: a proxy's page, say
  }
  const messaggio = typeof corpo.messaggio === 'string' ? corpo.messaggio : `Errore del server (HTTP ${r.status}).`;
  const campi = Array.isArray(corpo.errori) ? (corpo.errori as ErroreCampo[]) : [];
  return { esito: 'errore', statoHttp: r.status, messaggio, campi };
}

/** `percorso?k=v&…` with the values that are set. */
function conQuery(percorso: string, valori: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(valori)) {
    if (v !== undefined && v !== '') {
      q.set(k, String(v));
    }
  }
  const query = q.toString();
  return query === '' ? percorso : `${percorso}?${query}`;
}

/** The outcome of an answer that is no 304: the session ended (401), a refusal, or what `leggi` reads of a 2xx. */
async function esito<T>(r: Response | Errore, leggi: (r: Response) => Promise<T>): Promise<Esito<T>> {
  if (!(r instanceof Response)) {
    return r;
  }
  if (r.status === 401) {
    return { esito: 'non-autenticato' };
  }
  if (!r.ok) {
    return errore(r);
  }
  return { esito: 'ok', dati: await leggi(r) };
}

const assente = (): Errore => ({ esito: 'errore', messaggio: testi.serverAssente, campi: [] });

export class ApiSportello {
  constructor(readonly base: string = BASE_PREDEFINITA) {}

  /** fetch, or the outcome of a server that did not answer. */
  async #chiedi(percorso: string, init: RequestInit = {}): Promise<Response | Errore> {
    try {
      return await fetch(`${this.base}${percorso}`, {
        ...init,
        credentials: 'same-origin',
        // Personal, and changing all the time: the browser neither keeps it nor revalidates it on its own.
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { Accept: 'application/json', ...init.headers },
      });
    } catch {
      return assente();
    }
  }

  /** A GET that may be answered 304 when `etag` still holds. */
  async #leggi<T>(percorso: string, etag?: string): Promise<Lettura<T>> {
    const r = await this.#chiedi(percorso, { headers: etag ? { 'If-None-Match': etag } : {} });
    if (r instanceof Response && r.status === 304) {
      return { esito: 'invariato' };
    }
    const letto = await esito(r, async (ok) => (await ok.json()) as T);
    if (letto.esito !== 'ok' || !(r instanceof Response)) {
      return letto;
    }
    return { ...letto, etag: r.headers.get('ETag') ?? undefined };
  }

  /** A state-changing call: JSON, from this page's own origin (the server checks both). */
  async #invia<T>(metodo: string, percorso: string, corpo?: unknown): Promise<Esito<T>> {
    const r = await this.#chiedi(percorso, {
      method: metodo,
      headers: { 'Content-Type': 'application/json' },
      body: corpo === undefined ? undefined : JSON.stringify(corpo),
    });
    return esito(r, async (ok) => {
      const testo = await ok.text();
      return (testo === '' ? undefined : JSON.parse(testo)) as T;
    });
  }

  async accedi(utente: string, password: string): Promise<EsitoAccesso> {
    const r = await this.#chiedi('/accesso', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ utente, password }),
    });
    if (!(r instanceof Response)) {
      return r;
    }
    if (r.ok) {
      return { esito: 'entrato' };
    }
    const e = await errore(r);
    if (r.status === 401) {
      return { esito: 'rifiutato', messaggio: e.messaggio };
    }
    if (r.status === 429) {
      const ms = leggiRetryAfter(r.headers.get('Retry-After'), Date.now()) ?? 15 * 60_000;
      return { esito: 'bloccato', messaggio: e.messaggio, retryAfterS: Math.ceil(ms / 1000) };
    }
    return e;
  }

  esci = () => this.#invia<void>('POST', '/uscita');

  async sessione(): Promise<Esito<Operatore>> {
    const l = await this.#leggi<Operatore>('/sessione');
    if (l.esito === 'invariato') {
      return assente();
    }
    return l;
  }

  coda = (f: FiltroCoda, etag?: string) =>
    this.#leggi<CodaSportello>(conQuery('/richieste', { stato: f.stato, cerca: f.cerca, limite: f.limite }), etag);

  richiesta = (id: string, etag?: string) =>
    this.#leggi<RichiestaSportello>(`/richieste/${encodeURIComponent(id)}`, etag);

  rispondi = (id: string, testo: string, stato?: StatoRichiesta) =>
    this.#invia<{ id: string; stato: StatoRichiesta; inviataViaMailA?: string }>(
      'POST',
      `/richieste/${encodeURIComponent(id)}/messaggi`,
      { testo, stato },
    );

  cambiaStato = (id: string, stato: StatoRichiesta) =>
    this.#invia<{ id: string; stato: StatoRichiesta }>('PATCH', `/richieste/${encodeURIComponent(id)}`, { stato });

  /** "Invia di nuovo": a failed mail back in the outbox, by the path its `reinvio` names; an empty JSON body. */
  reinviaMail = (reinvio: string) => this.#invia<PostaRimessaInCoda>('POST', percorsoDi(reinvio));

  async operatori(): Promise<Esito<OperatoreElencato[]>> {
    const l = await this.#leggi<{ operatori: OperatoreElencato[] }>('/operatori');
    if (l.esito === 'ok') {
      return { esito: 'ok', dati: l.dati.operatori };
    }
    if (l.esito === 'invariato') {
      return assente();
    }
    return l;
  }

  aggiungiOperatore = (o: { utente: string; nome: string; password: string; ruolo: string }) =>
    this.#invia<Operatore>('POST', '/operatori', o);

  rimuoviOperatore = (utente: string) => this.#invia<void>('DELETE', `/operatori/${encodeURIComponent(utente)}`);

  /** Administrators: the users whose id, or a name or email of their requests, contains `cerca`. */
  async utenti(cerca: string): Promise<Esito<UtentiTrovati>> {
    const r = await this.#chiedi(conQuery('/utenti', { cerca }));
    return esito(r, async (ok) => (await ok.json()) as UtentiTrovati);
  }

  /** Where a user's data downloads from: a plain link, the session cookie goes with it. */
  datiUtente = (id: string) => `${this.base}/utenti/${encodeURIComponent(id)}/dati`;

  cancellaUtente = (id: string) => this.#invia<DatiRimossi>('DELETE', `/utenti/${encodeURIComponent(id)}`);

  anonimizzaUtente = (id: string) => this.#invia<DatiRimossi>('POST', `/utenti/${encodeURIComponent(id)}/anonimizza`);

  /** The response times month by month, the median to the first reply, the requests waiting longest. */
  tempiRisposta = async (): Promise<Esito<TempiSportello>> =>
    esito(await this.#chiedi('/tempi-risposta'), async (ok) => (await ok.json()) as TempiSportello);

  async registro(f: FiltroRegistro): Promise<Esito<PaginaRegistro>> {
    const percorso = conQuery('/registro', { operatore: f.operatore, richiesta: f.richiesta, 'prima-di': f.primaDi });
    return esito(await this.#chiedi(percorso), async (ok) => {
      const { voci } = (await ok.json()) as { voci: VoceRegistroJson[] };
      return { voci, primaDi: primaDiDa(ok.headers.get('Link')) };
    });
  }
}

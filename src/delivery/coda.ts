// The delivery queue: every request is written to IndexedDB before it is sent, and leaves only after a 2xx.
import type { Richiesta } from '../richiesta.js';
import { ArchivioResiliente, type Archivio, type Scrittura } from './archivio.js';
import { bozzaDa, bozzaVuota, leggiBozza, scritturaBozza } from './bozze.js';
import { tenta, type Esito, type Intestazioni } from './invio.js';
import { conLock } from './lock.js';
import { ritardo } from './ritardi.js';
import { orologioDiSistema, type Orologio } from '../orologio.js';

const GIORNO_MS = 86_400_000;
const PREFISSO = 'coda:';

/** A request waiting in the queue, with what its delivery needs (never the page's headers: no secret rests here). */
export interface VoceCoda {
  id: string;
  richiesta: Richiesta;
  endpoint: string;
  credentials: RequestCredentials;
  /** The identity that wrote it: it is sent only where that user, or nobody, is known. */
  utente: string | null;
  tentativi: number;
  /** When the backoff timer tries again (ms since epoch); never before nonPrimaDi. */
  prossimoTentativo: number;
  /** The server's Retry-After: no trigger sends before it. */
  nonPrimaDi: number;
  /** After this the backend's dedupe is no longer promised: the request is not sent, the user is told. */
  scadeIl: number;
  /** in-coda: waiting; scaduta: past the retention; respinta: refused while the user had a new draft. */
  stato: 'in-coda' | 'scaduta' | 'respinta';
  messaggio?: string;
  ultimoErrore?: string;
}

/** An attempt's outcome, with the request it is about. */
type Di<T extends Esito['tipo']> = Extract<Esito, { tipo: T }> & { id: string; utente: string | null };

/** What happened, told to every element of this tab (and, through BroadcastChannel, of the others). */
export type Notifica =
  | Di<'consegnata'>
  | (Di<'respinta'> & { inBozza: boolean })
  | (Di<'rinviata'> & { prima: boolean })
  | { tipo: 'cambiata' };

/** An assistenza element on this page, as the queue sees it. */
export interface Partecipante {
  /** The identity the element knows (profile id, else email), or null. */
  utente(): string | null;
  /** A ticket form: it takes the outcome of its user's requests. */
  readonly modulo?: boolean;
  /** The page's extra headers for a request, read at each attempt. */
  intestazioni?(): Intestazioni | undefined | Promise<Intestazioni | undefined>;
  /** `emetti` is true for exactly one element of the tab that did the work: it fires the DOM event. */
  notifica(n: Notifica, emetti: boolean): void;
  /** The ids submitted from this element. */
  readonly proprie?: ReadonlySet<string>;
}

export interface NuovaVoce {
  richiesta: Richiesta;
  endpoint: string;
  credentials?: RequestCredentials;
  utente: string | null;
  /** Retention in days (the form's `conservazione`). */
  conservazione?: number;
}

export class Consegna {
  /** This tab, for the lease lock. */
  readonly tab = crypto.randomUUID();
  orologio: Orologio = orologioDiSistema;
  /** A hanging attempt is abandoned after this. */
  timeoutMs = 30_000;

  #partecipanti = new Set<Partecipante>();
  #canale?: BroadcastChannel;
  #avviata?: boolean;
  #corrente?: Promise<void>;
  /** A run asked for and not started yet (true: an urgent one); undefined when none is. */
  #chiesta?: boolean;
  /** Cancels the backoff timer. */
  #annullaTimer?: () => void;

  constructor(readonly archivio: Archivio = new ArchivioResiliente()) {
    // The elements re-read the archive's state on any change: the form then says drafts cannot be kept.
    archivio.quandoDegrada?.(() => this.#diffondi());
  }

  /** Adds an element; the first one starts delivery on this page. Returns the function that removes it. */
  registra(p: Partecipante): () => void {
    this.#partecipanti.add(p);
    this.avvia();
    return () => this.#partecipanti.delete(p);
  }

  /** Listens for the moments to deliver (online, page visible again, other tabs) and delivers once now. */
  avvia(): void {
    if (this.#avviata) return;
    this.#avviata = true;
    const subito = () => this.svuota(true);
    addEventListener('online', subito);
    document.addEventListener('visibilitychange', () => !document.hidden && subito());
    if ('BroadcastChannel' in globalThis) {
      (this.#canale = new BroadcastChannel('assistenza-tecnica')).onmessage = (e: MessageEvent<Notifica>) => this.#diffondi(e.data);
    }
    // Elements connect one after another while the page loads: deliver once, after they have all registered.
    this.orologio.programma(subito, 0);
  }

  /** Writes the request to the queue (and clears the writer's draft in the same transaction), then delivers. */
  async accoda(n: NuovaVoce): Promise<void> {
    const ora = this.orologio.ora();
    const { richiesta, utente } = n;
    await this.#metti(
      {
        id: richiesta.id,
        richiesta,
        endpoint: new URL(n.endpoint, location.href).href,
        credentials: n.credentials ?? 'same-origin',
        utente,
        tentativi: 0,
        prossimoTentativo: ora,
        nonPrimaDi: 0,
        scadeIl: ora + (n.conservazione ?? 7) * GIORNO_MS,
        stato: 'in-coda',
      },
      richiesta.id,
      scritturaBozza(utente),
    );
    await this.svuota();
  }

  /** The requests of one user (or the anonymous ones) still in the queue, oldest first. */
  voci(utente: string | null): Promise<VoceCoda[]> {
    return this.#coda((v) => v.utente === utente);
  }

  /** Removes a request the user has dealt with (an expired or refused one they copied). */
  elimina(id: string): Promise<void> {
    return this.#metti(undefined, id);
  }

  /**
   * Delivers every due request this page may send, one tab at a time. Calls during a run are folded into one more run,
   * so elements and triggers can call it freely. `urgente` (back online, page visible again, page load) retries at
   * once what is waiting for its backoff; nothing ever goes before the server's Retry-After.
   */
  svuota(urgente = false): Promise<void> {
    this.#chiesta ||= urgente;
    // The run's first step is an await, so #corrente is set before its finally can clear it.
    return (this.#corrente ??= (async () => {
      try {
        for (let u: boolean | undefined; (u = this.#chiesta) !== undefined; ) {
          this.#chiesta = undefined;
          await conLock(this.archivio, this.tab, () => this.#giro(u));
        }
      } catch {
        // an archive or lock failure: the requests are still stored, the next trigger tries again
      } finally {
        // In the same microtask as the loop's last check: a call can never fold into a run that has ended.
        this.#corrente = undefined;
      }
    })());
  }

  /** Resolves when no delivery run is in progress. */
  async inattiva(): Promise<void> {
    await this.#corrente;
  }

  /** The requests in the queue that pass `f`, oldest first. */
  async #coda(f: (v: VoceCoda) => unknown): Promise<VoceCoda[]> {
    return (await this.archivio.elenca<VoceCoda>(PREFISSO)).filter(f).sort((a, b) => a.richiesta.creataIl.localeCompare(b.richiesta.creataIl));
  }

  /** The waiting requests this page may send: of the users it knows; if it knows none (an Ente's page), anyone's. */
  #inviabili(): Promise<VoceCoda[]> {
    const noti = [...this.#partecipanti].map((p) => p.utente()).filter((u) => u);
    return this.#coda((v) => v.stato === 'in-coda' && (!noti.length || noti.includes(v.utente)));
  }

  async #giro(urgente?: boolean): Promise<void> {
    this.#annullaTimer?.();
    // Read inside the lock: what another tab delivered meanwhile is gone already.
    const voci = await this.#inviabili();
    const ora = this.orologio.ora();
    const dovute: VoceCoda[] = [];
    for (const v of voci) {
      if (ora > v.scadeIl) await this.#metti({ ...v, stato: 'scaduta' }, v.id);
      else if (ora >= (urgente ? v.nonPrimaDi : v.prossimoTentativo)) dovute.push(v);
    }
    // A few at a time, oldest first; after one retryable failure the endpoint is unwell and the rest wait.
    let prossima = 0;
    const lavora = async () => {
      while (prossima < dovute.length) if (await this.#tentaVoce(dovute[prossima++])) prossima = Infinity;
    };
    await Promise.all([lavora(), lavora(), lavora(), lavora()]);
    // The backoff timer, for the earliest request this page may send.
    // (The timer cancelled above is the only one: runs never overlap.)
    const attese = (await this.#inviabili()).map((v) => v.prossimoTentativo);
    if (attese.length) this.#annullaTimer = this.orologio.programma(() => this.svuota(), Math.max(0, Math.min(...attese) - this.orologio.ora()));
  }

  /** One attempt; true when the run should stop (the endpoint asked to wait or could not be reached). */
  async #tentaVoce(v: VoceCoda): Promise<boolean> {
    const { id, utente } = v;
    const ora = this.orologio.ora();
    // The headers of an element that may sign this request, the one that submitted it first.
    const puo = (p: Partecipante) => p.intestazioni && (p.utente() === utente || !p.utente());
    let resta: VoceCoda | undefined;
    let bozza: Scrittura[] = [];
    const n = {
      ...(!navigator.onLine
        ? { tipo: 'rinviata', motivo: 'offline' }
        : await tenta(v, await this.#primo((p) => p.proprie?.has(id) && puo(p), puo)?.intestazioni!(), this.timeoutMs, ora)),
      id,
      utente,
    } as Notifica;
    if (n.tipo === 'respinta') {
      // Back into the draft, unless the user has started a new one: then it stays here, to be copied.
      if ((n.inBozza = bozzaVuota(await leggiBozza(this.archivio, utente)))) bozza = scritturaBozza(utente, bozzaDa(v.richiesta));
      else resta = { ...v, stato: 'respinta', messaggio: n.messaggio };
    } else if (n.tipo === 'rinviata') {
      const tentativi = v.tentativi + 1;
      const nonPrimaDi = n.retryAfterMs !== undefined ? ora + n.retryAfterMs : v.nonPrimaDi;
      resta = { ...v, tentativi, nonPrimaDi, prossimoTentativo: Math.max(ora + ritardo(tentativi), nonPrimaDi), ultimoErrore: n.motivo };
      n.prima = !v.tentativi;
    }
    await this.#metti(resta, id, bozza, n);
    return n.tipo === 'rinviata';
  }

  /** Writes (v undefined: removes) one request, with the draft's write in the same transaction, and tells everyone. */
  async #metti(v: VoceCoda | undefined, id: string, bozza: Scrittura[] = [], n?: Notifica): Promise<void> {
    await this.archivio.scrivi([PREFISSO + id, v], ...bozza);
    this.#diffondi(n, true);
  }

  /** The first element that passes the first test any element passes. */
  #primo(...prove: ((p: Partecipante) => unknown)[]): Partecipante | undefined {
    for (const f of prove) for (const p of this.#partecipanti) if (f(p)) return p;
  }

  /** Tells this tab's elements, and with `qui` the other tabs too; one element of the working tab fires the event. */
  #diffondi(n: Notifica = { tipo: 'cambiata' }, qui?: boolean): void {
    if (qui) this.#canale?.postMessage(n);
    const emettitore =
      qui &&
      n.tipo !== 'cambiata' &&
      this.#primo(
        (p) => p.proprie?.has(n.id),
        (p) => p.modulo && p.utente() === n.utente,
        (p) => p.modulo,
        () => 1,
      );
    for (const p of this.#partecipanti) p.notifica(n, p === emettitore);
  }
}

let dellaPagina: Consegna | undefined;

/** The page's queue, made at first use: every element of every kind shares it. */
export const consegnaDellaPagina = (): Consegna => (dellaPagina ??= new Consegna());

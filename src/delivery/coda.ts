// The delivery queue: every request is written to IndexedDB before it is sent, and leaves only after a 2xx.
import type { Richiesta } from '../richiesta.js';
import { ArchivioResiliente, type Archivio } from './archivio.js';
import { bozzaDa, bozzaVuota, leggiBozza, scritturaBozza } from './bozze.js';
import { tenta, type Esito, type Intestazioni } from './invio.js';
import { conLock } from './lock.js';
import { ritardo } from './ritardi.js';

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
  /** When the backoff timer tries again (ms since epoch). */
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

/** What happened, told to every element of this tab (and, through BroadcastChannel, of the others). */
export type Notifica =
  | { tipo: 'consegnata'; id: string; utente: string | null; numero?: string | number }
  | { tipo: 'respinta'; id: string; utente: string | null; stato: number; messaggio?: string; inBozza: boolean }
  | { tipo: 'rinviata'; id: string; utente: string | null; prima: boolean }
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

export interface Orologio {
  ora(): number;
  imposta(f: () => void, ms: number): unknown;
  annulla(h: unknown): void;
}

export const orologioReale: Orologio = {
  ora: () => Date.now(),
  imposta: (f, ms) => setTimeout(f, ms),
  annulla: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

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
  orologio: Orologio = orologioReale;
  /** A hanging attempt is abandoned after this. */
  timeoutMs = 30_000;

  #partecipanti = new Set<Partecipante>();
  #canale?: BroadcastChannel;
  #avviata = false;
  #corrente?: Promise<void>;
  #ancora = false;
  #urgente = false;
  #timer?: unknown;

  constructor(readonly archivio: Archivio = new ArchivioResiliente()) {
    // The elements re-read the archive's state on any change: the form then says drafts cannot be kept.
    archivio.quandoDegrada?.(() => this.#diffondi({ tipo: 'cambiata' }, false));
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
    addEventListener('online', () => this.svuota(true));
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && this.svuota(true));
    if ('BroadcastChannel' in globalThis) {
      this.#canale = new BroadcastChannel('assistenza-tecnica');
      this.#canale.onmessage = (e: MessageEvent<Notifica>) => this.#diffondi(e.data, false);
    }
    // Elements connect one after another while the page loads: deliver once, after they have all registered.
    this.orologio.imposta(() => this.svuota(true), 0);
  }

  /** Writes the request to the queue (and clears the writer's draft in the same transaction), then delivers. */
  async accoda(n: NuovaVoce): Promise<void> {
    const ora = this.orologio.ora();
    const voce: VoceCoda = {
      id: n.richiesta.id,
      richiesta: n.richiesta,
      endpoint: new URL(n.endpoint, location.href).href,
      credentials: n.credentials ?? 'same-origin',
      utente: n.utente,
      tentativi: 0,
      prossimoTentativo: ora,
      nonPrimaDi: 0,
      scadeIl: ora + (n.conservazione ?? 7) * GIORNO_MS,
      stato: 'in-coda',
    };
    const bozza = scritturaBozza(n.utente, undefined);
    await (bozza ? this.archivio.scrivi([PREFISSO + voce.id, voce], bozza) : this.archivio.scrivi([PREFISSO + voce.id, voce]));
    this.#diffondi({ tipo: 'cambiata' }, true);
    await this.svuota();
  }

  /** The requests of one user (or the anonymous ones) still in the queue, oldest first. */
  async voci(utente: string | null): Promise<VoceCoda[]> {
    const tutte = await this.archivio.elenca<VoceCoda>(PREFISSO);
    return tutte.filter((v) => v.utente === utente).sort((a, b) => a.richiesta.creataIl.localeCompare(b.richiesta.creataIl));
  }

  /** Removes a request the user has dealt with (an expired or refused one they copied). */
  async elimina(id: string): Promise<void> {
    await this.archivio.scrivi([PREFISSO + id, undefined]);
    this.#diffondi({ tipo: 'cambiata' }, true);
  }

  /**
   * Delivers every due request this page may send, one tab at a time. Calls during a run are folded into one more run,
   * so elements and triggers can call it freely. `urgente` (back online, page visible again, page load) retries at
   * once what is waiting for its backoff; nothing ever goes before the server's Retry-After.
   */
  svuota(urgente = false): Promise<void> {
    this.#urgente ||= urgente;
    if (this.#corrente) {
      this.#ancora = true;
      return this.#corrente;
    }
    this.#corrente = (async () => {
      try {
        do {
          this.#ancora = false;
          const u = this.#urgente;
          this.#urgente = false;
          await conLock(this.archivio, this.tab, () => this.#giro(u));
        } while (this.#ancora);
      } catch {
        // an archive or lock failure: the requests are still stored, the next trigger tries again
      } finally {
        // In the same microtask as the loop's last check: a call can never fold into a run that has ended.
        this.#corrente = undefined;
      }
    })();
    return this.#corrente;
  }

  /** Resolves when no delivery run is in progress. */
  inattiva(): Promise<void> {
    return this.#corrente ?? Promise.resolve();
  }

  /** Who may be sent from this page: the users it knows; if it knows none (an Ente's page), anyone. */
  #puoInviare(v: VoceCoda): boolean {
    const noti = new Set([...this.#partecipanti].map((p) => p.utente()).filter((u): u is string => !!u));
    return noti.size === 0 || (v.utente !== null && noti.has(v.utente));
  }

  async #giro(urgente: boolean): Promise<void> {
    this.orologio.annulla(this.#timer);
    // Read inside the lock: what another tab delivered meanwhile is gone already.
    const voci = (await this.archivio.elenca<VoceCoda>(PREFISSO)).sort((a, b) =>
      a.richiesta.creataIl.localeCompare(b.richiesta.creataIl),
    );
    const ora = this.orologio.ora();
    const dovute: VoceCoda[] = [];
    for (const v of voci) {
      if (v.stato !== 'in-coda' || !this.#puoInviare(v)) continue;
      if (ora > v.scadeIl) {
        await this.archivio.scrivi([PREFISSO + v.id, { ...v, stato: 'scaduta' }]);
        this.#diffondi({ tipo: 'cambiata' }, true);
      } else if (ora >= v.nonPrimaDi && (urgente || ora >= v.prossimoTentativo)) dovute.push(v);
    }
    // A few at a time, oldest first; after one retryable failure the endpoint is unwell and the rest wait.
    let prossima = 0;
    let fermo = false;
    const lavora = async () => {
      while (!fermo && prossima < dovute.length) if (await this.#tentaVoce(dovute[prossima++])) fermo = true;
    };
    await Promise.all([lavora(), lavora(), lavora(), lavora()]);
    await this.#programma();
  }

  /** One attempt; true when the run should stop (the endpoint asked to wait or could not be reached). */
  async #tentaVoce(v: VoceCoda): Promise<boolean> {
    const ora = this.orologio.ora();
    const esito: Esito =
      navigator.onLine === false
        ? { tipo: 'riprova', motivo: 'offline' }
        : await tenta({
            richiesta: v.richiesta,
            endpoint: v.endpoint,
            credentials: v.credentials,
            intestazioni: await this.#intestazioniPer(v),
            timeoutMs: this.timeoutMs,
            ora,
          });
    const chiave = PREFISSO + v.id;
    if (esito.tipo === 'consegnata') {
      await this.archivio.scrivi([chiave, undefined]);
      this.#diffondi({ tipo: 'consegnata', id: v.id, utente: v.utente, numero: esito.numero }, true);
      return false;
    }
    if (esito.tipo === 'respinta') {
      // Back into the draft, unless the user has started a new one: then it stays here, to be copied.
      const attuale = await leggiBozza(this.archivio, v.utente);
      const inBozza = bozzaVuota(attuale);
      const bozza = inBozza ? scritturaBozza(v.utente, bozzaDa(v.richiesta)) : null;
      const resta: VoceCoda | undefined = inBozza ? undefined : { ...v, stato: 'respinta', messaggio: esito.messaggio };
      await (bozza ? this.archivio.scrivi([chiave, resta], bozza) : this.archivio.scrivi([chiave, resta]));
      this.#diffondi({ tipo: 'respinta', id: v.id, utente: v.utente, stato: esito.stato, messaggio: esito.messaggio, inBozza }, true);
      return false;
    }
    const tentativi = v.tentativi + 1;
    const nonPrimaDi = esito.retryAfterMs !== undefined ? ora + esito.retryAfterMs : v.nonPrimaDi;
    await this.archivio.scrivi([
      chiave,
      {
        ...v,
        tentativi,
        nonPrimaDi,
        prossimoTentativo: Math.max(ora + ritardo(tentativi), nonPrimaDi),
        ultimoErrore: esito.motivo,
      },
    ]);
    this.#diffondi({ tipo: 'rinviata', id: v.id, utente: v.utente, prima: tentativi === 1 }, true);
    return true;
  }

  async #intestazioniPer(v: VoceCoda): Promise<Intestazioni | undefined> {
    const ordinati = [...this.#partecipanti].sort((a, b) => Number(!!b.proprie?.has(v.id)) - Number(!!a.proprie?.has(v.id)));
    for (const p of ordinati) {
      if (p.intestazioni && (p.utente() === v.utente || !p.utente())) return p.intestazioni();
    }
    return undefined;
  }

  /** Sets the backoff timer for the earliest request this page may send. */
  async #programma(): Promise<void> {
    this.orologio.annulla(this.#timer);
    const voci = (await this.archivio.elenca<VoceCoda>(PREFISSO)).filter((v) => v.stato === 'in-coda' && this.#puoInviare(v));
    if (!voci.length) return;
    const quando = Math.min(...voci.map((v) => Math.max(v.prossimoTentativo, v.nonPrimaDi)));
    this.#timer = this.orologio.imposta(() => this.svuota(), Math.max(0, quando - this.orologio.ora()));
  }

  /** Tells this tab's elements, and with `qui` the other tabs too; one element of the working tab fires the event. */
  #diffondi(n: Notifica, qui: boolean): void {
    if (qui) this.#canale?.postMessage(n);
    const emettitore = qui && n.tipo !== 'cambiata' ? this.#emettitore(n) : undefined;
    for (const p of this.#partecipanti) p.notifica(n, p === emettitore);
  }

  #emettitore(n: Exclude<Notifica, { tipo: 'cambiata' }>): Partecipante | undefined {
    const tutti = [...this.#partecipanti];
    return (
      tutti.find((p) => p.proprie?.has(n.id)) ??
      tutti.find((p) => p.modulo && p.utente() === n.utente) ??
      tutti.find((p) => p.modulo) ??
      tutti[0]
    );
  }
}

let dellaPagina: Consegna | undefined;

/** The page's queue, made at first use: every element of every kind shares it. */
export const consegnaDellaPagina = (): Consegna => (dellaPagina ??= new Consegna());

// The delivery queue: every request is written to IndexedDB before it is sent, and leaves only after a 2xx.
import type { Richiesta } from '../richiesta.js';
import { orologioDiSistema, type Orologio } from '../orologio.js';
import { ArchivioResiliente, type Archivio, type Scrittura } from './archivio.js';
import { bozzaDa, bozzaVuota, leggiBozza, scritturaBozza } from './bozze.js';
import { tenta, type EsitoInvio, type Intestazioni } from './invio.js';
import { conLock } from './lock.js';
import { ritardo } from './ritardi.js';

const GIORNO_MS = 86_400_000;
const PREFISSO = 'coda:';
/** Requests sent at the same time in one run: a few, so that a long queue empties quickly without a burst. */
const IN_PARALLELO = 4;

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
type Di<T extends EsitoInvio['tipo']> = Extract<EsitoInvio, { tipo: T }> & { id: string; utente: string | null };

/** What happened, told to every element of this tab (and, through BroadcastChannel, of the others). */
export type Notifica =
  | Di<'consegnata'>
  | (Di<'respinta'> & { inBozza: boolean })
  | (Di<'rinviata'> & { prima: boolean })
  | { tipo: 'cambiata' };

/** A notice about one request (not the bare "something changed"). */
export type NotificaDiRichiesta = Exclude<Notifica, { tipo: 'cambiata' }>;

/** An assistenza element on this page, as the queue sees it. */
export interface Partecipante {
  /** The identity the element knows (profile id, else email), or null. */
  utente(): string | null;
  /** A ticket form: it takes the outcome of its user's requests. */
  readonly modulo?: boolean;
  /** The page's extra headers for a request, read at each attempt; only elements that may sign a request have it. */
  readonly intestazioni?: () => Intestazioni | undefined | Promise<Intestazioni | undefined>;
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

/** A run of the queue asked for while one is going on: none, an ordinary one, or an urgent one (which wins). */
type RunRichiesto = 'nessuno' | 'normale' | 'urgente';

export class Consegna {
  /** This tab, for the lease lock. */
  readonly tab = crypto.randomUUID();
  orologio: Orologio = orologioDiSistema;
  /** A hanging attempt is abandoned after this. */
  timeoutMs = 30_000;

  #partecipanti = new Set<Partecipante>();
  #canale?: BroadcastChannel;
  #avviata = false;
  #corrente?: Promise<void>;
  #richiesto: RunRichiesto = 'nessuno';
  /** Cancels the backoff timer. */
  #annullaTimer?: () => void;

  constructor(readonly archivio: Archivio = new ArchivioResiliente()) {
    // The elements re-read the archive's state on any change: the form then says drafts cannot be kept.
    archivio.quandoDegrada?.(() => this.#diffondi({ tipo: 'cambiata' }));
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
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void subito();
    });
    if ('BroadcastChannel' in globalThis) {
      this.#canale = new BroadcastChannel('assistenza-tecnica');
      this.#canale.onmessage = (e: MessageEvent<Notifica>) => this.#diffondi(e.data);
    }
    // Elements connect one after another while the page loads: deliver once, after they have all registered.
    this.orologio.programma(subito, 0);
  }

  /** Writes the request to the queue (and clears the writer's draft in the same transaction), then delivers. */
  async accoda(n: NuovaVoce): Promise<void> {
    const ora = this.orologio.ora();
    const { richiesta, utente } = n;
    const voce: VoceCoda = {
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
    };
    await this.#scriviETutti(voce, richiesta.id, scritturaBozza(utente));
    await this.svuota();
  }

  /** The requests of one user (or the anonymous ones) still in the queue, oldest first. */
  voci(utente: string | null): Promise<VoceCoda[]> {
    return this.#coda((v) => v.utente === utente);
  }

  /** Removes a request the user has dealt with (an expired or refused one they copied). */
  elimina(id: string): Promise<void> {
    return this.#scriviETutti(undefined, id);
  }

  /**
   * Delivers every due request this page may send, one tab at a time. Calls during a run are folded into one more run,
   * so elements and triggers can call it freely. `urgente` (back online, page visible again, page load) retries at
   * once what is waiting for its backoff; nothing ever goes before the server's Retry-After.
   */
  svuota(urgente = false): Promise<void> {
    if (urgente) this.#richiesto = 'urgente';
    else if (this.#richiesto === 'nessuno') this.#richiesto = 'normale';
    this.#corrente ??= this.#esegui();
    return this.#corrente;
  }

  /** Resolves when no delivery run is in progress. */
  async inattiva(): Promise<void> {
    await this.#corrente;
  }

  /** Runs the queue as long as runs are asked for. Its first step is an await: #corrente is set before it ends. */
  async #esegui(): Promise<void> {
    try {
      while (this.#richiesto !== 'nessuno') {
        const urgente = this.#richiesto === 'urgente';
        this.#richiesto = 'nessuno';
        await conLock(this.archivio, this.tab, () => this.#giro(urgente));
      }
    } catch {
      // An archive or lock failure: the requests are still stored, the next trigger tries again.
    } finally {
      // In the same microtask as the loop's last check: a call can never fold into a run that has ended.
      this.#corrente = undefined;
    }
  }

  /** The requests in the queue that pass `f`, oldest first. */
  async #coda(f: (v: VoceCoda) => boolean): Promise<VoceCoda[]> {
    const tutte = await this.archivio.elenca<VoceCoda>(PREFISSO);
    return tutte.filter(f).sort((a, b) => a.richiesta.creataIl.localeCompare(b.richiesta.creataIl));
  }

  /** The waiting requests this page may send: of the users it knows; if it knows none (an Ente's page), anyone's. */
  #inviabili(): Promise<VoceCoda[]> {
    const noti = [...this.#partecipanti].map((p) => p.utente()).filter((u) => u !== null);
    const diUnUtenteNoto = (v: VoceCoda) => noti.length === 0 || (v.utente !== null && noti.includes(v.utente));
    return this.#coda((v) => v.stato === 'in-coda' && diUnUtenteNoto(v));
  }

  /** One run, inside the lock: what another tab delivered meanwhile is gone already. */
  async #giro(urgente: boolean): Promise<void> {
    this.#annullaTimer?.();
    this.#annullaTimer = undefined;
    const ora = this.orologio.ora();
    const scaduta = (v: VoceCoda) => ora > v.scadeIl;
    // Urgent runs skip the backoff, never the server's Retry-After.
    const dovuta = (v: VoceCoda) => ora >= (urgente ? v.nonPrimaDi : v.prossimoTentativo);
    const dovute: VoceCoda[] = [];
    for (const v of await this.#inviabili()) {
      if (scaduta(v)) await this.#scriviETutti({ ...v, stato: 'scaduta' }, v.id);
      else if (dovuta(v)) dovute.push(v);
    }
    await this.#inviaInOrdine(dovute);
    await this.#programmaIlProssimo();
  }

  /** Sends oldest first, a few at a time; after one postponed attempt the endpoint is unwell and the rest wait. */
  async #inviaInOrdine(voci: VoceCoda[]): Promise<void> {
    const daInviare = [...voci];
    let endpointInDifficolta = false;
    const lavora = async () => {
      while (!endpointInDifficolta) {
        const v = daInviare.shift();
        if (!v) break;
        const esito = await this.#tentaVoce(v);
        if (esito === 'rinviata') endpointInDifficolta = true;
      }
    };
    await Promise.all(Array.from({ length: IN_PARALLELO }, lavora));
  }

  /** The backoff timer, for the earliest request this page may send. (Runs never overlap: it is the only one.) */
  async #programmaIlProssimo(): Promise<void> {
    const attese = (await this.#inviabili()).map((v) => v.prossimoTentativo);
    if (!attese.length) return;
    const fra = Math.max(0, Math.min(...attese) - this.orologio.ora());
    this.#annullaTimer = this.orologio.programma(() => void this.svuota(), fra);
  }

  /** One attempt at one request, and what it did to the queue; returns the outcome's kind. */
  async #tentaVoce(v: VoceCoda): Promise<EsitoInvio['tipo']> {
    const ora = this.orologio.ora();
    let esito: EsitoInvio;
    if (navigator.onLine) esito = await tenta(v, await this.#intestazioniPer(v), this.timeoutMs, ora);
    else esito = { tipo: 'rinviata', motivo: 'offline' };
    const chi = { id: v.id, utente: v.utente };
    if (esito.tipo === 'consegnata') await this.#scriviETutti(undefined, v.id, [], { ...esito, ...chi });
    else if (esito.tipo === 'respinta') await this.#respinta(v, { ...esito, ...chi });
    else await this.#rinviata(v, { ...esito, ...chi }, ora);
    return esito.tipo;
  }

  /** Refused: back into the writer's draft, unless they have started a new one; then it stays here, to be copied. */
  async #respinta(v: VoceCoda, esito: Di<'respinta'>): Promise<void> {
    const bozzaLibera = bozzaVuota(await leggiBozza(this.archivio, v.utente));
    if (bozzaLibera) {
      await this.#scriviETutti(undefined, v.id, scritturaBozza(v.utente, bozzaDa(v.richiesta)), { ...esito, inBozza: true });
    } else {
      await this.#scriviETutti({ ...v, stato: 'respinta', messaggio: esito.messaggio }, v.id, [], { ...esito, inBozza: false });
    }
  }

  /** Postponed: tried again after the backoff, and never before the server's Retry-After. */
  async #rinviata(v: VoceCoda, esito: Di<'rinviata'>, ora: number): Promise<void> {
    const tentativi = v.tentativi + 1;
    const nonPrimaDi = esito.retryAfterMs === undefined ? v.nonPrimaDi : ora + esito.retryAfterMs;
    const prossimoTentativo = Math.max(ora + ritardo(tentativi), nonPrimaDi);
    const dopo: VoceCoda = { ...v, tentativi, nonPrimaDi, prossimoTentativo, ultimoErrore: esito.motivo };
    await this.#scriviETutti(dopo, v.id, [], { ...esito, prima: v.tentativi === 0 });
  }

  /** The page's extra headers for `v`, from an element that may sign it: the one that submitted it, else any other. */
  #intestazioniPer(v: VoceCoda) {
    const puoFirmare = (p: Partecipante) => p.intestazioni !== undefined && (p.utente() === v.utente || p.utente() === null);
    const firmatari = [...this.#partecipanti].filter(puoFirmare);
    const firmatario = firmatari.find((p) => p.proprie?.has(v.id)) ?? firmatari[0];
    return firmatario?.intestazioni?.();
  }

  /** Writes (v undefined: removes) one request, with the draft's write in the same transaction, and tells everyone. */
  async #scriviETutti(v: VoceCoda | undefined, id: string, bozza: Scrittura[] = [], n: Notifica = { tipo: 'cambiata' }): Promise<void> {
    await this.archivio.scrivi([PREFISSO + id, v], ...bozza);
    this.#canale?.postMessage(n);
    this.#diffondi(n, this.#emettitore(n));
  }

  /**
   * The element of this tab that fires the DOM event of `n`: the one that submitted the request, else a form of its
   * writer, else any form, else any element. None for a bare "something changed".
   */
  #emettitore(n: Notifica): Partecipante | undefined {
    if (n.tipo === 'cambiata') return undefined;
    const tutti = [...this.#partecipanti];
    return (
      tutti.find((p) => p.proprie?.has(n.id)) ??
      tutti.find((p) => p.modulo && p.utente() === n.utente) ??
      tutti.find((p) => p.modulo) ??
      tutti[0]
    );
  }

  /** Tells this tab's elements; `emettitore`, in the tab that did the work, also fires the DOM event. */
  #diffondi(n: Notifica, emettitore?: Partecipante): void {
    for (const p of this.#partecipanti) p.notifica(n, p === emettitore);
  }
}

let dellaPagina: Consegna | undefined;

/** The page's queue, made at first use: every element of every kind shares it. */
export function consegnaDellaPagina(): Consegna {
  dellaPagina ??= new Consegna();
  return dellaPagina;
}

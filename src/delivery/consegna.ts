// The delivery queue: every request is written to IndexedDB before it is sent, and leaves only after a 2xx.
import { orologioDiSistema, type Orologio } from '../orologio.js';
import { ArchivioResiliente, type Archivio, type Scrittura } from './archivio.js';
import { DepositoAllegati } from './allegati.js';
import {
  bozzaDa,
  bozzaVuota,
  leggiBozza,
  leggiBozzaRisposta,
  scritturaBozza,
  scritturaBozzaRisposta,
} from './bozze.js';
import { CODA, daDimenticare, fermaScaduta, GIORNO_MS, scaduti, type DaTogliere } from './conservazione.js';
import { stessaOrigine, tenta, type EsitoInvio } from './invio.js';
import { conLock } from './lock.js';
import { ATTESA_MASSIMA_MS, ritardo } from './ritardi.js';
import {
  corpoDi,
  daArchivio,
  diUnaVoce,
  scrittaIl,
  type Di,
  type Notifica,
  type NuovaRichiesta,
  type NuovaRisposta,
  type NuovaVoce,
  type Partecipante,
  type Riguarda,
  type Rifiuto,
  type VoceCoda,
  type VoceRichiesta,
  type VoceRisposta,
} from './voci.js';

export type {
  Notifica,
  NotificaDiRichiesta,
  NuovaRichiesta,
  NuovaRisposta,
  Partecipante,
  VoceCoda,
  VoceRichiesta,
  VoceRisposta,
} from './voci.js';

/** Why an entry waits without an attempt: the page reports another user too (see inviabileQui). */
export const ALTRO_UTENTE = 'altro utente';
/** Requests sent at the same time in one run: a few, so that a long queue empties quickly without a burst. */
const IN_PARALLELO = 4;

/** A run of the queue asked for while one is going on: none, an ordinary one, or an urgent one (which wins). */
type RunRichiesto = 'nessuno' | 'normale' | 'urgente';

export class Consegna {
  /** This tab, for the lease lock. */
  readonly tab = crypto.randomUUID();
  orologio: Orologio = orologioDiSistema;
  /** A hanging attempt is abandoned after this. */
  timeoutMs = 30_000;

  /** The attachments' bytes until their request is delivered. */
  readonly allegati: DepositoAllegati;

  #partecipanti = new Set<Partecipante>();
  /** The other tabs of this browser: what one tab's queue did (or forgot), the others show. */
  #canale?: BroadcastChannel;
  /** Delivery on this page: not started; started, its first run waiting for the page's elements; running. */
  #avvio: 'no' | 'in-attesa' | 'fatto' = 'no';
  #corrente?: Promise<void>;
  #richiesto: RunRichiesto = 'nessuno';
  /** Cancels the backoff timer. */
  #annullaTimer?: () => void;

  constructor(readonly archivio: Archivio = new ArchivioResiliente()) {
    this.allegati = new DepositoAllegati(archivio, this.tab);
    // The elements re-read the archive's state on any change: the form then says drafts cannot be kept.
    archivio.quandoDegrada?.(() => this.#diffondi({ tipo: 'cambiata' }));
  }

  /** Adds an element; the first one starts delivery on this page. Returns the function that removes it. */
  registra(p: Partecipante): () => void {
    const prima = this.#identita();
    this.#partecipanti.add(p);
    // While the page loads its first run sees every element; an element with a new user after that is news.
    if (this.#avvio === 'fatto' && this.#identita() !== prima) this.identitaCambiata();
    this.avvia();
    return () => {
      const prima = this.#identita();
      this.#partecipanti.delete(p);
      if (this.#identita() !== prima) this.identitaCambiata();
    };
  }

  /** The users the page's elements report, without repeats. */
  #utentiNoti(): Set<string> {
    return new Set([...this.#partecipanti].map((p) => p.utente()).filter((u) => u !== null));
  }

  /** The same users, as one value to compare. */
  #identita(): string {
    return JSON.stringify([...this.#utentiNoti()].sort());
  }

  /** Listens for the moments to deliver (online, page visible again, other tabs) and delivers once now. */
  avvia(): void {
    if (this.#avvio !== 'no') return;
    this.#avvio = 'in-attesa';
    const subito = () => this.svuota(true);
    addEventListener('online', subito);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void subito();
    });
    const canale = this.#canaleAperto();
    if (canale) canale.onmessage = (e: MessageEvent<Notifica>) => this.#daUnAltraScheda(e.data);
    // Elements connect one after another while the page loads: deliver once, after they have all registered. What is
    // past its time limit goes at each page load.
    this.orologio.programma(() => {
      this.#avvio = 'fatto';
      void this.pulisci();
      void subito();
    }, 0);
  }

  #canaleAperto(): BroadcastChannel | undefined {
    if (!this.#canale && 'BroadcastChannel' in globalThis) this.#canale = new BroadcastChannel('assistenza-tecnica');
    return this.#canale;
  }

  #daUnAltraScheda(n: Notifica): void {
    this.#diffondi(n);
    // Forgotten in another tab: this tab's elements have dropped their views and pending saves, and now its archive is
    // cleaned again, so that no save of this tab made meanwhile lands after the other tab's clean-up.
    if (n.tipo === 'dimenticata') void this.#dimenticaQui(n.utente);
  }

  /**
   * Removes what `utente` left in this browser (everyone's, when undefined): drafts, the kept list, read marks,
   * refused and expired entries and their files; the entries still waiting stay. The elements of every tab drop what
   * they show of it first, and their pending saves with it.
   */
  async dimentica(utente?: string): Promise<void> {
    const n: Notifica = { tipo: 'dimenticata', utente };
    this.#diffondi(n);
    this.#canaleAperto()?.postMessage(n);
    await this.#dimenticaQui(utente);
  }

  /** dimentica() in this tab's storage: the archive, and for everyone the anonymous draft of this tab's session. */
  async #dimenticaQui(utente: string | undefined): Promise<void> {
    if (utente === undefined) scritturaBozza(null, undefined, this.orologio.ora());
    await this.#togli(daDimenticare(this.archivio, utente));
  }

  /** Removes what is past its time limit (see conservazione.ts); each page load does it once. */
  async pulisci(): Promise<void> {
    await this.#togli(scaduti(this.archivio, this.orologio.ora()));
  }

  /** Removes keys and attachments (this page's copies too) in one transaction, and has the elements read again. */
  async #togli(cosa: Promise<DaTogliere>): Promise<void> {
    const { chiavi, allegati } = await cosa;
    if (!chiavi.length && !allegati.length) return;
    await this.archivio.scrivi(...chiavi.map((k): Scrittura => [k, undefined]), ...this.allegati.rimozione(allegati));
    this.#diffondi({ tipo: 'cambiata' });
  }

  /** The fields every new entry starts with. */
  #nuova(n: NuovaVoce, id: string, endpoint: string) {
    const ora = this.orologio.ora();
    return {
      id,
      endpoint: new URL(endpoint, location.href).href,
      credentials: n.credentials ?? 'same-origin',
      utente: n.utente,
      tentativi: 0,
      prossimoTentativo: ora,
      nonPrimaDi: 0,
      scadeIl: ora + (n.conservazione ?? 7) * GIORNO_MS,
      stato: 'in-coda' as const,
    };
  }

  /** Writes the request to the queue (and clears the writer's draft in the same transaction), then delivers. */
  async accoda(n: NuovaRichiesta): Promise<void> {
    const { richiesta } = n;
    const voce: VoceRichiesta = {
      ...this.#nuova(n, richiesta.id, n.endpoint),
      tipo: 'richiesta',
      richiesta,
      caricati: [],
    };
    const inPagina = (richiesta.allegati ?? []).some((a) => this.allegati.soloInPagina(a.id));
    // Only this tab has those bytes: while it lives, the other tabs leave the request to it.
    if (inPagina) voce.schedaAllegati = this.allegati.tieniSchedaViva();
    await this.#scriviETutti(voce, richiesta.id, scritturaBozza(n.utente, undefined, this.orologio.ora()));
    // Held, not tried: the form and the host hear it waits, as after a failed attempt.
    if (!this.inviabileQui(n.utente))
      this.#dilloATutti({
        tipo: 'rinviata',
        motivo: ALTRO_UTENTE,
        prima: true,
        id: voce.id,
        utente: n.utente,
        cosa: 'richiesta',
      });
    await this.svuota();
  }

  /** Writes a reply to the queue (and clears its draft in the same transaction), then delivers. */
  async accodaRisposta(n: NuovaRisposta): Promise<void> {
    const { richiestaId, risposta } = n;
    const endpoint = `${n.endpoint.replace(/\/$/, '')}/${encodeURIComponent(richiestaId)}/messaggi`;
    const voce: VoceRisposta = { ...this.#nuova(n, risposta.id, endpoint), tipo: 'risposta', richiestaId, risposta };
    const bozza = scritturaBozzaRisposta(n.utente, richiestaId, '', this.orologio.ora());
    await this.#scriviETutti(voce, risposta.id, bozza);
    await this.svuota();
  }

  /** The requests and replies of one user (or the anonymous ones) in the queue, oldest first; not those past their time. */
  voci(utente: string | null): Promise<VoceCoda[]> {
    const ora = this.orologio.ora();
    return this.#coda((v) => v.utente === utente && !fermaScaduta(v, ora));
  }

  /**
   * Whether this page may send what `utente` wrote: it fails closed. A user's entry goes only from a page where some
   * element positively reports that user and none reports another (the page's session cookie would sign it); an
   * anonymous one only where no element reports anyone.
   */
  inviabileQui(utente: string | null): boolean {
    const noti = this.#utentiNoti();
    if (utente === null) return noti.size === 0;
    return noti.size === 1 && noti.has(utente);
  }

  /**
   * An element's user changed (a profile arrived, or the portal logged out): what may go from here has changed too.
   * An ordinary run, which keeps to the backoff: an urgent one at each element of a loading page would retry at once
   * what the user submits meanwhile and fails.
   */
  identitaCambiata(): void {
    this.#diffondi({ tipo: 'cambiata' });
    void this.svuota();
  }

  /** Removes an entry the user has dealt with (an expired or refused one they copied), with its attachments. */
  async elimina(id: string): Promise<void> {
    const [v] = await this.#coda((x) => x.id === id);
    await this.#scriviETutti(undefined, id, v ? this.#rimozioneAllegati(v) : []);
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
    const tutte = (await this.archivio.elenca<VoceCoda>(CODA)).map(daArchivio);
    return tutte.filter(f).sort((a, b) => scrittaIl(a).localeCompare(scrittaIl(b)));
  }

  /** The waiting requests this page may send (see inviabileQui). */
  #inviabili(): Promise<VoceCoda[]> {
    return this.#coda((v) => v.stato === 'in-coda' && this.inviabileQui(v.utente));
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
      if (scaduta(v)) await this.#scriviETutti({ ...v, stato: 'scaduta', fermaDal: ora }, v.id);
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

  /**
   * The backoff timer, for the earliest request this page may send. (Runs never overlap: it is the only one.) An hour
   * at most: a time stored by an older version, from a Retry-After of days, is looked at again then.
   */
  async #programmaIlProssimo(): Promise<void> {
    const attese = (await this.#inviabili()).map((v) => v.prossimoTentativo);
    if (!attese.length) return;
    const fra = Math.min(ATTESA_MASSIMA_MS, Math.max(0, Math.min(...attese) - this.orologio.ora()));
    this.#annullaTimer = this.orologio.programma(() => void this.svuota(), fra);
  }

  /** One attempt at one entry, and what it did to the queue; returns the outcome's kind. */
  async #tentaVoce(voce: VoceCoda): Promise<EsitoInvio['tipo']> {
    const ora = this.orologio.ora();
    const intestazioni = await this.#intestazioniPer(voce);
    let v = voce;
    let esito: EsitoInvio | undefined;
    let allegato: string | undefined;
    if (!navigator.onLine) esito = { tipo: 'rinviata', motivo: 'offline' };
    if (!esito && v.tipo === 'richiesta') {
      const caricamento = await this.allegati.caricaMancanti(v, {
        intestazioni,
        timeoutMs: this.timeoutMs,
        ora,
        avanzamento: (allegato, inviati, totale) =>
          this.#diffondi({ tipo: 'avanzamento', id: v.id, allegato, inviati, totale }),
        // Written at once: a reload or another tab does not upload it again.
        salva: (voce) => this.archivio.scrivi([CODA + voce.id, voce]),
      });
      v = caricamento.voce;
      esito = caricamento.esito;
      allegato = caricamento.allegato;
    }
    esito ??= await tenta(
      { id: v.id, endpoint: v.endpoint, credentials: v.credentials, corpo: corpoDi(v) },
      intestazioni,
      this.timeoutMs,
      ora,
    );
    const chi: Riguarda = {
      id: v.id,
      utente: v.utente,
      cosa: v.tipo,
      richiestaId: v.tipo === 'risposta' ? v.richiestaId : undefined,
    };
    if (esito.tipo === 'consegnata')
      await this.#scriviETutti(undefined, v.id, this.#rimozioneAllegati(v), { ...esito, ...chi });
    else if (esito.tipo === 'respinta') await this.#respinta(v, { ...esito, ...chi, allegato });
    else await this.#rinviata(v, { ...esito, ...chi }, ora);
    return esito.tipo;
  }

  /** The archive writes that remove the entry's attachments, for the transaction that removes the entry. */
  #rimozioneAllegati(v: VoceCoda): Scrittura[] {
    if (v.tipo !== 'richiesta') return [];
    return this.allegati.rimozione((v.richiesta.allegati ?? []).map((a) => a.id));
  }

  /** Refused: back into the writer's draft, unless they have started a new one; then it stays here, to be copied. */
  async #respinta(v: VoceCoda, esito: Rifiuto): Promise<void> {
    const ritorno = await this.#bozzaDiRitorno(v, esito);
    if (ritorno) {
      await this.#scriviETutti(undefined, v.id, ritorno, { ...esito, inBozza: true });
    } else {
      const ferma: VoceCoda = { ...v, stato: 'respinta', messaggio: esito.messaggio, fermaDal: this.orologio.ora() };
      await this.#scriviETutti(ferma, v.id, [], {
        ...esito,
        inBozza: false,
      });
    }
  }

  /** The writes that put a refused entry back into its draft, or undefined when the user has a draft there already. */
  async #bozzaDiRitorno(v: VoceCoda, esito: Rifiuto): Promise<Scrittura[] | undefined> {
    const ora = this.orologio.ora();
    if (v.tipo === 'risposta') {
      const bozza = await leggiBozzaRisposta(this.archivio, v.utente, v.richiestaId, ora);
      if (bozza.trim()) return undefined;
      return scritturaBozzaRisposta(v.utente, v.richiestaId, v.risposta.testo, ora);
    }
    if (!bozzaVuota(await leggiBozza(this.archivio, v.utente, ora))) return undefined;
    const rifiuto = esito.allegato
      ? { allegato: esito.allegato, messaggio: esito.messaggio ?? `HTTP ${esito.stato}` }
      : undefined;
    return scritturaBozza(v.utente, bozzaDa(v.richiesta, rifiuto), ora);
  }

  /** Postponed: tried again after the backoff, and never before the server's Retry-After. */
  async #rinviata(v: VoceCoda, esito: Di<'rinviata'>, ora: number): Promise<void> {
    const tentativi = v.tentativi + 1;
    const nonPrimaDi = esito.retryAfterMs === undefined ? v.nonPrimaDi : ora + esito.retryAfterMs;
    const prossimoTentativo = Math.max(ora + ritardo(tentativi), nonPrimaDi);
    const dopo: VoceCoda = { ...v, tentativi, nonPrimaDi, prossimoTentativo, ultimoErrore: esito.motivo };
    await this.#scriviETutti(dopo, v.id, [], { ...esito, prima: v.tentativi === 0 });
  }

  /**
   * The page's extra headers for `v`, from an element that may sign it (the one that submitted it, else any other):
   * one of its user, whose headers were configured for an endpoint of the entry's origin. An entry that kept another
   * origin's endpoint goes without them.
   */
  #intestazioniPer(v: VoceCoda) {
    const puoFirmare = (p: Partecipante) =>
      p.firma !== undefined &&
      stessaOrigine(p.firma.endpoint(), v.endpoint) &&
      (p.utente() === v.utente || p.utente() === null);
    const firmatari = [...this.#partecipanti].filter(puoFirmare);
    const firmatario = firmatari.find((p) => p.proprie?.has(v.id)) ?? firmatari[0];
    return firmatario?.firma?.intestazioni();
  }

  /** Writes (v undefined: removes) one request, with the draft's write in the same transaction, and tells everyone. */
  async #scriviETutti(
    v: VoceCoda | undefined,
    id: string,
    bozza: Scrittura[] = [],
    n: Notifica = { tipo: 'cambiata' },
  ): Promise<void> {
    await this.archivio.scrivi([CODA + id, v], ...bozza);
    this.#dilloATutti(n);
  }

  /** Tells this tab's elements (one of them fires the DOM event) and the other tabs'. */
  #dilloATutti(n: Notifica): void {
    this.#canale?.postMessage(n);
    this.#diffondi(n, this.#emettitore(n));
  }

  /**
   * The element of this tab that fires the DOM event of `n`: the one that submitted the request, else a form of its
   * writer, else any form, else any element. None for a bare "something changed".
   */
  #emettitore(n: Notifica): Partecipante | undefined {
    if (!diUnaVoce(n)) return undefined;
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

/**
 * Forgets what this browser keeps of `utente`, or of every user when called without one: drafts and their files, the
 * list of requests kept for offline, the read marks, the refused and expired requests and their files; the elements of
 * every open tab stop showing them at once. Requests still waiting to be sent stay: they are the user's, and go when
 * the user is back. For the host's logout.
 */
export function dimentica(utente?: string): Promise<void> {
  return consegnaDellaPagina().dimentica(utente);
}

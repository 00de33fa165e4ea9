// Keeps the user's list of requests fresh: reads it on connect, every few seconds while the page is visible, at once
// when it comes back or the network does; one read at a time, backing off on errors; the last list kept per user.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Archivio } from '../delivery/archivio.js';
import { chiaveElenco, elencoScaduto } from '../delivery/conservazione.js';
import type { Intestazioni } from '../delivery/invio.js';
import type { RichiestaUtente } from '../elenco.js';
import type { Orologio } from '../orologio.js';
import { unaAllaVolta } from '../una-alla-volta.js';
import { leggi } from './lettura.js';

/** What the list shows: being read, read, the last one kept (the endpoint did not answer), signed out, or nothing. */
export type StatoElenco = 'caricamento' | 'aggiornato' | 'non-aggiornato' | 'non-autorizzato' | 'errore';

/** The longest wait between reads after errors. */
const ATTESA_MASSIMA_MS = 10 * 60_000;
const TIMEOUT_MS = 30_000;

/** The last list read, kept for a user in the archive for 7 days. */
interface ElencoSalvato {
  richieste: RichiestaUtente[];
  aggiornatoIl: number;
}

export interface OpzioniElenco {
  archivio: Archivio;
  url: () => string;
  credentials: () => RequestCredentials;
  intestazioni: () => Intestazioni | undefined | Promise<Intestazioni | undefined>;
  utente: () => string | null;
  /** Between two reads while the page is visible. */
  intervalloMs: () => number;
  orologio: () => Orologio;
  /**
   * A list was read, and is shown once this resolves: the one shown before (undefined at the first read of this page)
   * and the new one.
   */
  letto: (prima: RichiestaUtente[] | undefined, dopo: RichiestaUtente[]) => Promise<void>;
  /** The new list is shown. */
  mostrato: () => void;
}

export class ElencoController implements ReactiveController {
  stato: StatoElenco = 'caricamento';
  /** The first page and the earlier ones the user asked for, newest first. */
  richieste: RichiestaUtente[] = [];
  /** When the list shown was read (ms). */
  aggiornatoIl?: number;
  /** The next page, when the server has one. */
  prossima?: string;

  #etag?: string;
  #precedenti: RichiestaUtente[] = [];
  #letto = false;
  #errori = 0;
  #nonPrimaDi = 0;
  #annullaTimer?: () => void;
  #utente?: string | null;
  /** Counts the times the list was emptied: an answer to a read begun before belongs to what was emptied. */
  #azzeramenti = 0;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private o: OpzioniElenco,
  ) {
    host.addController(this);
  }

  #quandoVisibile = () => {
    if (document.visibilityState === 'visible') void this.aggiorna();
    else this.#fermaTimer();
  };
  #quandoOnline = () => void this.aggiorna();

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#quandoVisibile);
    addEventListener('online', this.#quandoOnline);
    this.#utente = this.o.utente();
    void this.aggiorna();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#quandoVisibile);
    removeEventListener('online', this.#quandoOnline);
    this.#fermaTimer();
  }

  /** Another user (a shared computer), or nobody after a logout: nothing of the previous one stays on screen. */
  hostUpdate(): void {
    const utente = this.o.utente();
    if (utente === this.#utente) return;
    this.#utente = utente;
    this.dimentica();
  }

  /** Empties the list at once, whatever read is under way, and reads it again (dimentica(), a change of user). */
  dimentica(): void {
    this.#azzeramenti++;
    this.#etag = undefined;
    this.#precedenti = [];
    this.#letto = false;
    this.richieste = [];
    this.prossima = undefined;
    this.aggiornatoIl = undefined;
    this.stato = 'caricamento';
    this.host.requestUpdate();
    void this.aggiorna();
  }

  /** Whether the list is still the one of the read begun at `azzeramenti`, for `utente`. */
  #ancoraDi(utente: string | null, azzeramenti: number): boolean {
    return utente === this.o.utente() && azzeramenti === this.#azzeramenti;
  }

  #fermaTimer(): void {
    this.#annullaTimer?.();
    this.#annullaTimer = undefined;
  }

  /** Reads the list now (never two reads at once: a call during one asks for one more), then sets the next read. */
  aggiorna = unaAllaVolta(async () => {
    await this.#leggiUnaVolta();
    this.#programma();
  });

  /** Reads the first page, unless the server asked to wait. */
  async #leggiUnaVolta(): Promise<void> {
    const orologio = this.o.orologio();
    if (orologio.ora() < this.#nonPrimaDi) return;
    const utente = this.o.utente();
    const azzeramenti = this.#azzeramenti;
    const esito = await leggi({
      url: this.o.url(),
      credentials: this.o.credentials(),
      intestazioni: await this.o.intestazioni(),
      etag: this.#etag,
      timeoutMs: TIMEOUT_MS,
      ora: orologio.ora(),
    });
    // The user changed, or the list was forgotten, while the answer travelled: it is not for this list.
    if (!this.#ancoraDi(utente, azzeramenti)) return;
    if (esito.tipo === 'letto') {
      if (esito.scartate) console.warn(`<assistenza-richieste> ${esito.scartate} richieste non valide, lasciate fuori`);
      this.#etag = esito.etag;
      this.#riuscita();
      // A new first page: where the earlier pages start may have moved, so the older ones are kept and deduplicated.
      this.prossima = this.#precedenti.length ? this.prossima : esito.prossima;
      if (await this.#mostra(unisci(esito.richieste, this.#precedenti))) void this.#salva(utente);
    } else if (esito.tipo === 'invariato') {
      this.#riuscita();
      this.host.requestUpdate();
    } else if (esito.tipo === 'non-autorizzato') {
      await this.#nonAutorizzato(utente);
    } else {
      await this.#fallita(utente, azzeramenti, esito.retryAfterMs);
    }
  }

  #riuscita(): void {
    this.#errori = 0;
    this.#nonPrimaDi = 0;
    this.stato = 'aggiornato';
    this.aggiornatoIl = this.o.orologio().ora();
  }

  /**
   * Shows a list, once the host has what it needs to show it (the user's read marks, say); false when the list was
   * emptied meanwhile, and this one is not to be shown.
   */
  async #mostra(richieste: RichiestaUtente[]): Promise<boolean> {
    const azzeramenti = this.#azzeramenti;
    const prima = this.#letto ? this.richieste : undefined;
    this.#letto = true;
    await this.o.letto(prima, richieste);
    if (azzeramenti !== this.#azzeramenti) return false;
    this.richieste = richieste;
    this.host.requestUpdate();
    this.o.mostrato();
    return true;
  }

  /** Signed out: no list at all, and the one kept for this user on this computer goes too. */
  async #nonAutorizzato(utente: string | null): Promise<void> {
    this.stato = 'non-autorizzato';
    this.richieste = [];
    this.#precedenti = [];
    this.prossima = undefined;
    this.#etag = undefined;
    this.#letto = false;
    this.host.requestUpdate();
    if (utente) await this.o.archivio.scrivi([chiaveElenco(utente), undefined]);
  }

  /**
   * The endpoint did not answer: the list read last (in this page, or kept for this user, for 7 days) stays, said to
   * be old.
   */
  async #fallita(utente: string | null, azzeramenti: number, retryAfterMs?: number): Promise<void> {
    this.#errori++;
    const ora = this.o.orologio().ora();
    if (retryAfterMs !== undefined) this.#nonPrimaDi = ora + retryAfterMs;
    if (!this.#letto && utente) {
      const salvato = await this.o.archivio.leggi<ElencoSalvato>(chiaveElenco(utente));
      if (salvato && !elencoScaduto(salvato.aggiornatoIl, ora) && this.#ancoraDi(utente, azzeramenti)) {
        this.aggiornatoIl = salvato.aggiornatoIl;
        await this.#mostra(salvato.richieste);
      }
    }
    this.stato = this.#letto ? 'non-aggiornato' : 'errore';
    this.host.requestUpdate();
  }

  async #salva(utente: string | null): Promise<void> {
    if (!utente || this.aggiornatoIl === undefined) return;
    const elenco: ElencoSalvato = { richieste: this.richieste, aggiornatoIl: this.aggiornatoIl };
    await this.o.archivio.scrivi([chiaveElenco(utente), elenco]);
  }

  /** The next read: after the interval while visible, doubling after errors up to 10 minutes, never before Retry-After. */
  #programma(): void {
    this.#fermaTimer();
    if (document.visibilityState !== 'visible' || !this.host.isConnected) return;
    const orologio = this.o.orologio();
    const attesa = Math.min(ATTESA_MASSIMA_MS, this.o.intervalloMs() * 2 ** this.#errori);
    const fra = Math.max(attesa, this.#nonPrimaDi - orologio.ora());
    this.#annullaTimer = orologio.programma(() => void this.aggiorna(), fra);
  }

  /** Loads the next page and appends it. */
  async caricaPrecedenti(): Promise<void> {
    const url = this.prossima;
    if (!url) return;
    const utente = this.o.utente();
    const azzeramenti = this.#azzeramenti;
    const esito = await leggi({
      url,
      credentials: this.o.credentials(),
      intestazioni: await this.o.intestazioni(),
      timeoutMs: TIMEOUT_MS,
      ora: this.o.orologio().ora(),
    });
    if (esito.tipo !== 'letto' || !this.#ancoraDi(utente, azzeramenti)) return;
    this.#precedenti = unisci(this.#precedenti, esito.richieste);
    this.prossima = esito.prossima;
    await this.#mostra(unisci(this.richieste, esito.richieste));
  }

  /** A reply was delivered: its request's new state, at once, before the next read confirms it. */
  cambiaStato(id: string, stato: string): void {
    this.richieste = this.richieste.map((r) => (r.id === id ? { ...r, stato } : r));
    this.host.requestUpdate();
  }
}

/** `a` then the items of `b` it does not have. */
function unisci(a: RichiestaUtente[], b: RichiestaUtente[]): RichiestaUtente[] {
  const ids = new Set(a.map((r) => r.id));
  return [...a, ...b.filter((r) => !ids.has(r.id))];
}

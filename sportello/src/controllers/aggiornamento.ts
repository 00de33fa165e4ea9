// Keeps what an element shows fresh without a reload: read on connect, again every few seconds while the page is
// visible and at once when it comes back, one read at a time, with the ETag of what is shown (a 304 costs nothing),
// waiting longer after each failure. What is read goes to the host; a 401 tells it the session ended.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Orologio } from '../../../src/orologio.js';
import { unaAllaVolta } from '../../../src/una-alla-volta.js';
import type { Errore, Lettura } from '../api.js';

/** What is on screen: nothing yet, fresh, the last read (the server did not answer since), or only an error. */
export type StatoAggiornamento = 'caricamento' | 'aggiornato' | 'non-aggiornato' | 'errore';

/** The longest wait between reads after failures. */
const ATTESA_MASSIMA_MS = 60_000;

export interface OpzioniAggiornamento<T> {
  /** What is read, as a key: when it changes (another filter, another request) the ETag of the old one is dropped. */
  chiave: () => string;
  leggi: (etag: string | undefined) => Promise<Lettura<T>>;
  intervalloMs: () => number;
  orologio: () => Orologio;
  /** New data, and the key it was read with. */
  letto: (dati: T, chiave: string) => void;
  nonAutenticato: () => void;
}

export class AggiornamentoController<T> implements ReactiveController {
  stato: StatoAggiornamento = 'caricamento';
  /** The last failure, while there is one. */
  errore?: Errore;

  #etag?: string;
  #chiave?: string;
  #errori = 0;
  #annullaTimer?: () => void;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private o: OpzioniAggiornamento<T>,
  ) {
    host.addController(this);
  }

  #quandoVisibile = () => {
    if (document.visibilityState === 'visible') {
      void this.aggiorna();
    } else {
      this.#fermaTimer();
    }
  };

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#quandoVisibile);
    void this.aggiorna();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#quandoVisibile);
    this.#fermaTimer();
  }

  #fermaTimer(): void {
    this.#annullaTimer?.();
    this.#annullaTimer = undefined;
  }

  /** Reads now (a call during a read asks for one more), then sets the next read. */
  aggiorna = unaAllaVolta(async () => {
    await this.#leggiUnaVolta();
    this.#programma();
  });

  async #leggiUnaVolta(): Promise<void> {
    const chiave = this.o.chiave();
    if (chiave !== this.#chiave) {
      this.#etag = undefined;
      this.stato = 'caricamento';
    }
    const esito = await this.o.leggi(this.#etag);
    if (esito.esito === 'non-autenticato') {
      this.o.nonAutenticato();
      return;
    }
    if (esito.esito === 'errore') {
      this.#errori++;
      this.errore = esito;
      this.stato = this.#chiave === chiave ? 'non-aggiornato' : 'errore';
      this.host.requestUpdate();
      return;
    }
    this.#errori = 0;
    this.errore = undefined;
    this.stato = 'aggiornato';
    if (esito.esito === 'ok') {
      this.#etag = esito.etag;
      this.#chiave = chiave;
      this.o.letto(esito.dati, chiave);
    }
    // A 304 too: the host's times ("in attesa da 2 ore") move on.
    this.host.requestUpdate();
  }

  /** The next read: after the interval while the page is visible, doubling after failures up to a minute. */
  #programma(): void {
    this.#fermaTimer();
    if (document.visibilityState !== 'visible' || !this.host.isConnected) {
      return;
    }
    const attesa = Math.min(ATTESA_MASSIMA_MS, this.o.intervalloMs() * 2 ** this.#errori);
    this.#annullaTimer = this.o.orologio().programma(() => void this.aggiorna(), attesa);
  }
}

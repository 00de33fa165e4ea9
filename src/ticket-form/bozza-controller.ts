// Autosaves what the user types (debounced) and restores it when the page comes back, for the current user only.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina } from '../delivery/coda.js';
import { leggiBozza, salvaBozza, type Bozza } from '../delivery/bozze.js';

/** Within a second of the last keystroke, as the queue issue asks; short enough to survive a closing tab. */
export const RITARDO_AUTOSALVATAGGIO_MS = 300;

export interface OpzioniBozza {
  utente: () => string | null;
  /** What to save: only the fields the user touched. */
  bozza: () => Bozza;
  /** A draft was found for the (new) user. */
  ripristina: (b: Bozza) => void;
  /** The user changed: forget the previous user's text on screen. */
  cambioUtente: () => void;
}

export class BozzaController implements ReactiveController {
  #utente?: string | null;
  #timer?: ReturnType<typeof setTimeout>;
  #ultima?: string;
  /** Resolves when the latest draft load has been applied (tests and the form's first render wait on it). */
  caricamento: Promise<void> = Promise.resolve();

  constructor(
    private host: ReactiveControllerHost,
    private opz: OpzioniBozza,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#controllaUtente();
  }

  hostUpdate(): void {
    this.#controllaUtente();
  }

  hostDisconnected(): void {
    if (this.#timer) this.salvaOra();
  }

  #controllaUtente(): void {
    const u = this.opz.utente();
    if (u === this.#utente) return;
    // From nobody to someone is the profile arriving late: what was typed stays. From one user to another is a
    // different person at a shared computer: the previous user's text leaves the screen.
    if (this.#utente) {
      if (this.#timer) this.salvaOra(this.#utente);
      this.opz.cambioUtente();
    }
    this.#utente = u;
    this.#ultima = undefined;
    this.caricamento = leggiBozza(consegnaDellaPagina().archivio, u).then((b) => {
      if (b && this.#utente === u) {
        this.opz.ripristina(b);
        this.#ultima = JSON.stringify(b);
        this.host.requestUpdate();
      }
    });
  }

  /** Call on every input: saves shortly after the user stops typing. */
  salva(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.salvaOra(), RITARDO_AUTOSALVATAGGIO_MS);
  }

  /** Saves now (skipping the write when nothing changed); resolves when stored. */
  salvaOra(utente: string | null = this.#utente ?? null): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const b = this.opz.bozza();
    const s = JSON.stringify(b);
    if (s === this.#ultima && utente === this.#utente) return Promise.resolve();
    this.#ultima = s;
    return salvaBozza(consegnaDellaPagina().archivio, utente, b);
  }

  /** The draft is gone (moved into the queue): the next save starts from nothing. */
  dimentica(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#ultima = undefined;
  }
}

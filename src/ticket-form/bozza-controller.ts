// Holds what the user typed, autosaves it (debounced) and restores it when the page comes back, for the current user only.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina } from '../delivery/consegna.js';
import { leggiBozza, salvaBozza, type Bozza } from '../delivery/bozze.js';

/** Within a second of the last keystroke, as the queue issue asks; short enough to survive a closing tab. */
export const RITARDO_AUTOSALVATAGGIO_MS = 300;

export interface OpzioniBozza {
  utente: () => string | null;
  /** The user changed; `altro` when someone else was known before, whose text has left the screen. */
  cambioUtente: (altro: boolean) => void;
  /** A draft was read into the fields (the attachments then check that their bytes are still there). */
  caricata?: () => void;
}

export class BozzaController implements ReactiveController {
  /** Only the fields the user touched (typed, or restored from the draft): the others follow the prefill. */
  valori: Bozza = {};
  #utente?: string | null;
  /** Cancels the pending autosave; undefined when none is pending. */
  #annullaSalvataggio?: () => void;
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
    if (this.#annullaSalvataggio) void this.salvaOra();
  }

  #controllaUtente(): void {
    const u = this.opz.utente();
    if (u === this.#utente) return;
    // From nobody to someone is the profile arriving late: what was typed stays. From one user to another is a
    // different person at a shared computer: the previous user's text leaves the screen.
    if (this.#utente) {
      if (this.#annullaSalvataggio) void this.salvaOra(this.#utente);
      this.svuota();
    }
    this.opz.cambioUtente(!!this.#utente);
    this.#utente = u;
    this.#ultima = undefined;
    this.caricamento = this.ricarica();
  }

  /** Reads the user's draft into the fields (what the user typed since wins): at a change of user, and when a refused
   * request went back into the draft. */
  ricarica(): Promise<void> {
    const u = this.#utente ?? null;
    const consegna = consegnaDellaPagina();
    return leggiBozza(consegna.archivio, u, consegna.orologio.ora()).then((b) => {
      if (b && this.#utente === u) {
        for (const c in b) this.valori = { ...this.valori, [c]: this.valori[c as keyof Bozza] ?? b[c as keyof Bozza] };
        this.#ultima = JSON.stringify(b);
        this.host.requestUpdate();
        this.opz.caricata?.();
      }
    });
  }

  /** The user changed a field: saves shortly after they stop typing. */
  modifica<C extends keyof Bozza>(c: C, v: Bozza[C]): void {
    this.valori = { ...this.valori, [c]: v };
    this.host.requestUpdate();
    this.#annullaSalvataggio?.();
    // The page's clock, which the queue uses too: a test moves both.
    this.#annullaSalvataggio = consegnaDellaPagina().orologio.programma(
      () => void this.salvaOra(),
      RITARDO_AUTOSALVATAGGIO_MS,
    );
  }

  /** The fields are empty again: the request left the form, or the user changed. */
  svuota(): void {
    this.valori = {};
    this.host.requestUpdate();
  }

  /** Saves now (skipping the write when nothing changed); resolves when stored. */
  salvaOra(utente: string | null = this.#utente ?? null): Promise<void> {
    this.#annullaSalvataggio?.();
    this.#annullaSalvataggio = undefined;
    const b = this.valori;
    const s = JSON.stringify(b);
    if (s === this.#ultima && utente === this.#utente) return Promise.resolve();
    this.#ultima = s;
    const consegna = consegnaDellaPagina();
    return salvaBozza(consegna.archivio, utente, b, consegna.orologio.ora());
  }

  /** The draft is gone (moved into the queue, or forgotten): the next save starts from nothing. */
  dimentica(): void {
    this.#annullaSalvataggio?.();
    this.#annullaSalvataggio = undefined;
    this.#ultima = undefined;
  }
}

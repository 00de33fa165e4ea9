// The "Aperte" / "Tutte" choice of the list: the user's last choice, read from the archive beside the read marks
// whenever the user changes, and written there when they choose.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Archivio } from '../delivery/archivio.js';
import { leggiFiltro, scriviFiltro } from './lette.js';
import type { Filtro } from './riepilogo.js';

/** Until the user chooses, every request is shown: nothing they may be looking for is hidden by a default. */
const PREDEFINITO: Filtro = 'tutte';

export interface OpzioniFiltro {
  archivio: Archivio;
  utente: () => string | null;
}

export class FiltroController implements ReactiveController {
  valore: Filtro = PREDEFINITO;
  /** Resolves once the current user's choice is known: the list waits for it, so it never shows first unfiltered. */
  pronto: Promise<void> = Promise.resolve();
  /** The user whose choice `valore` is; undefined before the first read. */
  #utente?: string | null;
  /** Counts the choices made in this page: a stored value read before the latest one must not undo it. */
  #scelte = 0;

  constructor(
    private host: ReactiveControllerHost,
    private o: OpzioniFiltro,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#seguiUtente();
  }

  hostUpdate(): void {
    this.#seguiUtente();
  }

  /** Another user (a shared computer): their own choice, never the previous user's. */
  #seguiUtente(): void {
    const utente = this.o.utente();
    if (utente === this.#utente) return;
    this.#utente = utente;
    this.valore = PREDEFINITO;
    this.pronto = this.#leggi(utente);
  }

  async #leggi(utente: string | null): Promise<void> {
    const scelteFinora = this.#scelte;
    const salvato = await leggiFiltro(this.o.archivio, utente);
    const ancoraValido = utente === this.#utente && scelteFinora === this.#scelte;
    if (!ancoraValido || salvato === undefined || salvato === this.valore) return;
    this.valore = salvato;
    this.host.requestUpdate();
  }

  /** The user chose: shown at once, kept for them. */
  async scegli(filtro: Filtro): Promise<void> {
    this.#scelte++;
    this.valore = filtro;
    this.host.requestUpdate();
    await scriviFiltro(this.o.archivio, this.#utente ?? null, filtro);
  }
}

// The figures of <assistenza-tempi-risposta>'s `fonte`: read once per URL while the element is on the page, given up
// after a time limit so that figures arriving late never replace, under the reader's eyes, the ones already shown.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Orologio } from '../orologio.js';
import type { DatiTempi } from './dati.js';
import { leggiTempi } from './lettura.js';

/** How long a read may take: after it the figures shown meanwhile stay. */
export const ATTESA_MS = 10_000;

/** `nessuna`: no URL to read; `lettura`: under way; `letti`: `dati` holds them; `non-disponibili`: none to show. */
export type StatoFonte = 'nessuna' | 'lettura' | 'letti' | 'non-disponibili';

export class FonteController implements ReactiveController {
  stato: StatoFonte = 'nessuna';
  /** The figures read, while `stato` is `letti`. */
  dati?: DatiTempi;
  #url?: string;
  /** Counts the reads begun: an answer to an earlier one (another URL, a page left) is dropped. */
  #giro = 0;
  #interrompi?: () => void;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private orologio: () => Orologio,
  ) {
    host.addController(this);
  }

  /** The URL to show figures from, at each update of the host; a new one is read, none shows none. */
  segui(url: string | undefined): void {
    if (url === this.#url) return;
    this.#ferma();
    this.#url = url;
    this.dati = undefined;
    this.stato = 'nessuna';
    if (url) this.#leggi(url);
  }

  hostConnected(): void {
    // Back on the page after leaving it mid-read: the next update reads again.
    if (this.#url === undefined) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.stato !== 'lettura') return;
    this.#ferma();
    this.#url = undefined;
    this.stato = 'nessuna';
  }

  #ferma(): void {
    this.#giro++;
    this.#interrompi?.();
    this.#interrompi = undefined;
  }

  async #leggi(url: string): Promise<void> {
    const giro = ++this.#giro;
    this.stato = 'lettura';
    const controllo = new AbortController();
    const annullaAttesa = this.orologio().programma(() => controllo.abort(), ATTESA_MS);
    this.#interrompi = () => {
      annullaAttesa();
      controllo.abort();
    };
    const esito = await leggiTempi(url, controllo.signal);
    annullaAttesa();
    if (giro !== this.#giro) return;
    this.#interrompi = undefined;
    if (esito.tipo === 'letti') {
      this.dati = esito.dati;
      this.stato = 'letti';
    } else {
      this.stato = 'non-disponibili';
    }
    if (esito.tipo === 'non-validi') console.warn('<assistenza-tempi-risposta> dati non validi da', url);
    this.host.requestUpdate();
  }
}

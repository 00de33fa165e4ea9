// The page's one polite live region: what arrives and what an action did, each piece of news said once even when two
// elements tell it (the queue and the open request), several in one turn said together, the same words said again.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { AnnuncioDetail } from '../eventi.js';

/** How many keys are remembered. */
const CHIAVI_RICORDATE = 100;

export class AnnunciController implements ReactiveController {
  #testo = '';
  #chiaviDette: string[] = [];
  /** Announcements made, and how many of them the region shows. */
  #fatti = 0;
  #mostrati = 0;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Says `testo`, unless its key was said already. */
  annuncia({ testo, chiave }: AnnuncioDetail): void {
    if (chiave !== undefined) {
      if (this.#chiaviDette.includes(chiave)) {
        return;
      }
      this.#chiaviDette = [...this.#chiaviDette, chiave].slice(-CHIAVI_RICORDATE);
    }
    this.#testo = this.#fatti === this.#mostrati ? testo : `${this.#testo} ${testo}`;
    this.#fatti++;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.#mostrati = this.#fatti;
  }

  /** The region: a new node for each announcement, which a screen reader reads even when the words are the same. */
  regione() {
    return html`<div class="vh" role="status">${keyed(this.#fatti, html`<p>${this.#testo}</p>`)}</div>`;
  }
}

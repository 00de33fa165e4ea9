// Where the console is, from the address's fragment: followed on every change (a link, Back), and whether the change
// took the operator somewhere else, so that the page can put the focus on what opened.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { indirizzo, leggiPercorso, type Percorso } from '../percorso.js';

export class PercorsoController implements ReactiveController {
  percorso: Percorso = leggiPercorso(location.hash);
  /** Set when the operator went somewhere: the request they left, if they left one. */
  andato?: { daRichiesta?: string };

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  #cambiato = () => {
    const prima = this.percorso;
    this.percorso = leggiPercorso(location.hash);
    if (indirizzo(prima) !== indirizzo(this.percorso)) {
      this.andato = { daRichiesta: prima.vista === 'richiesta' ? prima.id : undefined };
    }
    this.host.requestUpdate();
  };

  hostConnected(): void {
    addEventListener('hashchange', this.#cambiato);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#cambiato);
  }
}

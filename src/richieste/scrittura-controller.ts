// Keeps the reply box the user is typing in when the list is drawn again in another order: each row is keyed by its
// request, so a row that moved is drawn anew (a box never passes to another request), and that box gets the focus and
// the caret back.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

export class ScritturaController implements ReactiveController {
  /** The box focused before the update, by its id, and its selection. */
  #inScrittura?: { id: string; inizio: number; fine: number };

  constructor(private host: Host) {
    host.addController(this);
  }

  #attivo(): Element | null {
    return (this.host.renderRoot as ShadowRoot).activeElement;
  }

  hostUpdate(): void {
    const attivo = this.#attivo();
    this.#inScrittura = undefined;
    if (attivo instanceof HTMLTextAreaElement)
      this.#inScrittura = { id: attivo.id, inizio: attivo.selectionStart, fine: attivo.selectionEnd };
  }

  hostUpdated(): void {
    const scrittura = this.#inScrittura;
    if (!scrittura) return;
    const area = this.host.renderRoot.querySelector<HTMLTextAreaElement>(`#${CSS.escape(scrittura.id)}`);
    if (!area || area === this.#attivo()) return;
    area.focus();
    area.setSelectionRange(scrittura.inizio, scrittura.fine);
  }
}

// Re-renders its host when the phone line opens or closes: one timer set for that moment, not a poll.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Orologio } from '../orari/orologio.js';

type Host = ReactiveControllerHost & { orologio: Orologio };

export class CambioController implements ReactiveController {
  private annulla?: () => void;

  /** `quando`: the instant (ms) the host's rendering changes next, as its last render computed it. */
  constructor(
    private host: Host,
    private quando: () => number | undefined,
  ) {
    host.addController(this);
  }

  // Back on the page, or back to a tab that slept: the timer is gone or may be late.
  private aggiorna = () => this.host.requestUpdate();

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.aggiorna);
    this.aggiorna();
  }

  hostDisconnected(): void {
    this.annulla?.();
    document.removeEventListener('visibilitychange', this.aggiorna);
  }

  /** After each render, one timer for the next change; at most an hour, since a timer can fire late after the computer slept. */
  hostUpdated(): void {
    this.annulla?.();
    const q = this.quando();
    const o = this.host.orologio;
    this.annulla = q === undefined ? undefined : o.programma(this.aggiorna, Math.min(q - o.ora(), 3_600_000));
  }
}

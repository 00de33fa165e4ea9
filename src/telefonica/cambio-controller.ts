// Re-renders its host when the phone line opens or closes: one timer set for that moment, not a poll.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Orologio } from '../orari/orologio.js';

/** At most this long between two checks: a timer can fire late after the computer slept, or the clock was set. */
const MASSIMO = 3_600_000;

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

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.visibile);
  }

  hostDisconnected(): void {
    this.annulla?.();
    document.removeEventListener('visibilitychange', this.visibile);
  }

  /** After each render, one timer for the next change. */
  hostUpdated(): void {
    this.annulla?.();
    this.annulla = undefined;
    const q = this.quando();
    if (q === undefined) return;
    const { orologio } = this.host;
    this.annulla = orologio.programma(() => this.host.requestUpdate(), Math.min(Math.max(q - orologio.ora(), 0), MASSIMO));
  }

  // Back to a tab that slept: its timers may be late.
  private visibile = () => document.visibilityState === 'visible' && this.host.requestUpdate();
}

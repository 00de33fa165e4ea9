// This user's entries still in the queue, kept up to date for an element: the form's requests, the list's replies.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina, type Notifica, type VoceCoda } from '../delivery/consegna.js';
import { unaAllaVolta } from '../una-alla-volta.js';

export class InAttesaController<V extends VoceCoda = VoceCoda> implements ReactiveController {
  /** This user's entries in the queue that `tiene` keeps, oldest first. */
  voci: V[] = [];

  constructor(
    private host: ReactiveControllerHost,
    private utente: () => string | null,
    /** Which entries the element shows (the form its requests, say). */
    private tiene: (v: VoceCoda) => v is V,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.rileggi();
  }

  /** The waiting ones (not the expired or refused ones, which wait for the user). */
  get inCoda(): V[] {
    return this.voci.filter((v) => v.stato === 'in-coda');
  }

  /** The ones that will not be sent: their text is shown to be copied. */
  get ferme(): V[] {
    return this.voci.filter((v) => v.stato !== 'in-coda');
  }

  /**
   * Reads the queue again. Calls during a read fold into one more read, not one each: a flush of 500 requests would
   * otherwise read the queue 500 times and hold up the queue's own writes.
   */
  rileggi = unaAllaVolta(async () => {
    const tutte = await consegnaDellaPagina().voci(this.utente());
    this.voci = tutte.filter(this.tiene);
    this.host.requestUpdate();
  });

  /** What the queue said: a delivery only removes one entry and a postponement changes none that is shown. */
  segui(n: Notifica): void {
    if (n.tipo === 'avanzamento') return;
    if (n.tipo === 'consegnata') {
      this.voci = this.voci.filter((v) => v.id !== n.id);
      this.host.requestUpdate();
    } else if (n.tipo !== 'rinviata') {
      void this.rileggi();
    }
  }
}

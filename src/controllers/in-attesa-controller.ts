// This user's requests still in the queue, kept up to date for the form: waiting ones, expired ones, refused ones.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina, type Notifica, type VoceCoda, type VoceRichiesta } from '../delivery/consegna.js';

const unaRichiesta = (v: VoceCoda): v is VoceRichiesta => v.tipo === 'richiesta';

/** A read of the queue: none going on, one going on, or one going on with another asked for meanwhile. */
type Lettura = 'ferma' | 'in-corso' | 'da-ripetere';

export class InAttesaController implements ReactiveController {
  /** This user's requests in the queue, oldest first (their replies are the requests list's business). */
  voci: VoceRichiesta[] = [];
  #lettura: Lettura = 'ferma';

  constructor(
    private host: ReactiveControllerHost,
    private utente: () => string | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.rileggi();
  }

  /** The waiting ones (not the expired or refused ones, which wait for the user). */
  get inCoda(): VoceRichiesta[] {
    return this.voci.filter((v) => v.stato === 'in-coda');
  }

  /** The ones that will not be sent: their text is shown to be copied. */
  get ferme(): VoceRichiesta[] {
    return this.voci.filter((v) => v.stato !== 'in-coda');
  }

  /**
   * Reads the queue again. Calls during a read fold into one more read, not one each: a flush of 500 requests would
   * otherwise read the queue 500 times and hold up the queue's own writes.
   */
  async rileggi(): Promise<void> {
    if (this.#lettura !== 'ferma') {
      this.#lettura = 'da-ripetere';
      return;
    }
    do {
      this.#lettura = 'in-corso';
      const tutte = await consegnaDellaPagina().voci(this.utente());
      this.voci = tutte.filter(unaRichiesta);
    } while (this.#daRipetere());
    this.#lettura = 'ferma';
    this.host.requestUpdate();
  }

  /** Whether a read was asked for while the last one went on (the await lets anyone ask). */
  #daRipetere(): boolean {
    return this.#lettura === 'da-ripetere';
  }

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

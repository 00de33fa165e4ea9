// This user's entries still in the queue, kept up to date for an element: the form's requests, the list's replies.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consegnaDellaPagina, type Notifica, type VoceCoda } from '../delivery/consegna.js';
import { dimenticaUtente } from '../delivery/voci.js';
import { unaAllaVolta } from '../una-alla-volta.js';

export class InAttesaController<V extends VoceCoda = VoceCoda> implements ReactiveController {
  /** This user's entries in the queue that `tiene` keeps, oldest first. */
  voci: V[] = [];
  /** Whose entries `voci` are. */
  #utente: string | null = null;
  /** Counts the times what is shown was dropped: a read begun before belongs to what was dropped. */
  #azzeramenti = 0;

  constructor(
    private host: ReactiveControllerHost,
    private utente: () => string | null,
    /** Which entries the element shows (the form its requests, say). */
    private tiene: (v: VoceCoda) => v is V,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#utente = this.utente();
    void this.rileggi();
  }

  /** Another user, or nobody: the previous one's entries leave the screen now, not when the queue has been read. */
  hostUpdate(): void {
    const utente = this.utente();
    if (utente === this.#utente) return;
    this.#utente = utente;
    this.#azzeramenti++;
    this.voci = [];
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
    const utente = this.utente();
    const azzeramenti = this.#azzeramenti;
    const tutte = await consegnaDellaPagina().voci(utente);
    // The user changed, or dimentica() came, during the read: these are not to be shown.
    if (utente !== this.utente() || azzeramenti !== this.#azzeramenti) return;
    this.voci = tutte.filter(this.tiene);
    this.host.requestUpdate();
  });

  /** What the queue said: a delivery only removes one entry and a postponement changes none that is shown. */
  segui(n: Notifica): void {
    if (n.tipo === 'avanzamento') return;
    if (n.tipo === 'dimenticata') {
      // The refused and expired ones are being removed; the waiting ones stay. The queue says when it is done.
      if (!dimenticaUtente(n, this.#utente)) return;
      this.#azzeramenti++;
      this.voci = this.voci.filter((v) => v.stato === 'in-coda');
      this.host.requestUpdate();
    } else if (n.tipo === 'consegnata') {
      this.voci = this.voci.filter((v) => v.id !== n.id);
      this.host.requestUpdate();
    } else if (n.tipo !== 'rinviata') {
      void this.rileggi();
    }
  }
}

// Joins an element to the page's delivery queue: its presence delivers what is pending, its events tell the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { profiloContext } from '../context.js';
import { consegnaDellaPagina, type Notifica, type Partecipante } from '../delivery/coda.js';
import type { Intestazioni } from '../delivery/invio.js';
import { emetti } from '../events.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface OpzioniPartecipazione {
  modulo?: boolean;
  intestazioni?: () => Intestazioni | undefined | Promise<Intestazioni | undefined>;
  /** Called on every outcome, after the DOM event if this element fires it. */
  notifica?: (n: Notifica) => void;
}

export class PartecipazioneController implements ReactiveController, Partecipante {
  readonly proprie = new Set<string>();
  readonly modulo?: boolean;
  /** The provided profile; its changes update the host. */
  readonly profilo: ContextConsumer<typeof profiloContext, Host>;
  #esci?: () => void;

  constructor(
    private host: Host,
    private opzioni: OpzioniPartecipazione = {},
  ) {
    this.modulo = opzioni.modulo;
    this.profilo = new ContextConsumer(host, { context: profiloContext, subscribe: true });
    host.addController(this);
  }

  /** Who is known: the host's own `utente` attribute, else the provided profile's id, else the host's `email`, else the
   * profile's; null when nobody is. (Only the ticket form has those attributes.) */
  utente(): string | null {
    const p = this.profilo.value;
    const h = this.host as Host & { utente?: string; email?: string };
    return h.utente || p?.id || h.email || p?.email || null;
  }

  intestazioni() {
    return this.opzioni.intestazioni?.();
  }

  hostConnected(): void {
    this.#esci = consegnaDellaPagina().registra(this);
  }

  hostDisconnected(): void {
    this.#esci?.();
  }

  notifica(n: Notifica, emettiQui: boolean): void {
    if (emettiQui) {
      if (n.tipo === 'consegnata') emetti(this.host, 'assistenza-inviata', n.numero === undefined ? { id: n.id } : { id: n.id, numero: n.numero });
      if (n.tipo === 'respinta') emetti(this.host, 'assistenza-errore', { id: n.id, stato: n.stato, messaggio: n.messaggio ?? `HTTP ${n.stato}` });
      if (n.tipo === 'rinviata' && n.prima) emetti(this.host, 'assistenza-in-coda', { id: n.id });
    }
    this.opzioni.notifica?.(n);
  }
}

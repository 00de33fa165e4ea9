// Joins an element to the page's delivery queue: its presence delivers what is pending, its events tell the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { profiloContext } from '../context.js';
import { consegnaDellaPagina, type Notifica, type Partecipante } from '../delivery/consegna.js';
import { diUnaVoce, type Firma } from '../delivery/voci.js';
import { emetti } from '../events.js';

type Host = ReactiveControllerHost & HTMLElement & { utente?: string; email?: string };

export interface OpzioniPartecipazione {
  /** A ticket form: the queue tells it the outcome of its user's requests first. */
  modulo?: boolean;
  /** The page's extra headers for a request (the host's `headers`): only an element that may sign requests has them. */
  firma?: Firma;
  /** Called on every outcome, after the DOM event if this element fires it. */
  notifica?: (n: Notifica) => void;
  /** The user the element reports changed (another one, or nobody after a logout); called before it renders again. */
  cambioUtente?: () => void;
}

export class PartecipazioneController implements ReactiveController, Partecipante {
  readonly proprie = new Set<string>();
  readonly modulo: boolean;
  readonly firma?: Firma;
  /** The provided profile; its changes update the host. */
  readonly profilo: ContextConsumer<typeof profiloContext, Host>;
  #esci?: () => void;
  /** The user reported at the last update. */
  #utente: string | null = null;

  constructor(
    private host: Host,
    private opzioni: OpzioniPartecipazione = {},
  ) {
    this.modulo = opzioni.modulo ?? false;
    this.firma = opzioni.firma;
    this.profilo = new ContextConsumer(host, { context: profiloContext, subscribe: true });
    host.addController(this);
  }

  /**
   * Who is known: the host's own `utente` attribute, else the provided profile's id, else the host's `email`, else the
   * profile's; null when nobody is. (Only the form and the requests list have those attributes.)
   */
  utente(): string | null {
    const p = this.profilo.value;
    return this.host.utente || p?.id || this.host.email || p?.email || null;
  }

  hostConnected(): void {
    this.#utente = this.utente();
    this.#esci = consegnaDellaPagina().registra(this);
  }

  /** A profile that arrives or goes, an utente attribute that changes: the page may send other entries now. */
  hostUpdate(): void {
    const utente = this.utente();
    if (utente === this.#utente) return;
    this.#utente = utente;
    this.opzioni.cambioUtente?.();
    consegnaDellaPagina().identitaCambiata();
  }

  hostDisconnected(): void {
    this.#esci?.();
  }

  notifica(n: Notifica, emettiQui: boolean): void {
    if (emettiQui) this.#emettiEvento(n);
    this.opzioni.notifica?.(n);
  }

  /** The DOM events are about requests: a reply's outcome is the requests list's to show. */
  #emettiEvento(n: Notifica): void {
    if (!diUnaVoce(n) || n.cosa !== 'richiesta') return;
    if (n.tipo === 'consegnata') {
      const detail = n.numero === undefined ? { id: n.id } : { id: n.id, numero: n.numero };
      emetti(this.host, 'assistenza-inviata', detail);
    } else if (n.tipo === 'respinta') {
      emetti(this.host, 'assistenza-errore', { id: n.id, stato: n.stato, messaggio: n.messaggio ?? `HTTP ${n.stato}` });
    } else if (n.tipo === 'rinviata' && n.prima) {
      emetti(this.host, 'assistenza-in-coda', { id: n.id });
    }
  }
}

/**
 * On the portal's pages (the full bundle, `import 'assistenza-tecnica'`) every element delivers what waits in this
 * browser's queue, not only the form: a user back on a page with only the response times still gets yesterday's
 * request sent. Lit's class initializer gives each instance of `classi` a controller of its own; it must run before
 * the tags are defined, so that the elements already in the page when they upgrade get it too.
 */
export function consegnaAncheDa(
  ...classi: { addInitializer(f: (el: ReactiveControllerHost & HTMLElement) => void): void }[]
): void {
  for (const classe of classi) classe.addInitializer((el) => new PartecipazioneController(el));
}

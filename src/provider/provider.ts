import { LitElement, html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  profiloContext,
  endpointContext,
  enteContext,
  paginaRichiesteContext,
  fonteTempiContext,
  type Profilo,
  type ConfigurazioneEnte,
} from '../context.js';
import { paginaAccettata } from '../pagina-richieste.js';

/**
 * @summary Hands the logged-in profile, the endpoint and the Ente's configuration to every assistenza element inside it.
 * A page without Lit sets `profilo` and `ente` from a script.
 *
 * @tag assistenza-provider
 * @slot - The assistenza elements (and anything else) that receive the values.
 */
export class AssistenzaProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  // The accessors below are the provider's own: Lit only handles the endpoint, pagina-richieste and fonte-tempi
  // attributes.
  static override properties = {
    profilo: { attribute: false, noAccessor: true },
    endpoint: { noAccessor: true },
    ente: { attribute: false, noAccessor: true },
    paginaRichieste: { attribute: 'pagina-richieste', noAccessor: true },
    fonteTempi: { attribute: 'fonte-tempi', noAccessor: true },
  };

  // One context provider per value; the setters hand each new value over at once, to every subscribed consumer.
  #profilo = new ContextProvider(this, { context: profiloContext });
  #endpoint = new ContextProvider(this, { context: endpointContext });
  #ente = new ContextProvider(this, { context: enteContext });
  #paginaRichieste = new ContextProvider(this, { context: paginaRichiesteContext });
  #fonteTempi = new ContextProvider(this, { context: fonteTempiContext });

  /** The logged-in user: {id?, cognome, nome, email?, telefono?}. */
  get profilo(): Profilo | undefined {
    return this.#profilo.value;
  }
  set profilo(v: Profilo | undefined) {
    this.#profilo.setValue(v);
  }

  /** Where the ticket form posts requests. */
  get endpoint(): string | undefined {
    return this.#endpoint.value;
  }
  set endpoint(v: string | undefined) {
    this.#endpoint.setValue(v);
  }

  /** The Ente's configuration: {telefono: {abilitata, numero, orari, giorni, chiusure}}. */
  get ente(): ConfigurazioneEnte | undefined {
    return this.#ente.value;
  }
  set ente(v: ConfigurazioneEnte | undefined) {
    this.#ente.setValue(v);
  }

  /**
   * The "Le mie richieste" page the form links to after sending (the pagina-richieste attribute): an http:, https: or
   * relative URL; anything else is ignored with a console warning.
   */
  get paginaRichieste(): string | undefined {
    return this.#paginaRichieste.value;
  }
  set paginaRichieste(v: string | undefined) {
    this.#paginaRichieste.setValue(paginaAccettata(v, 'assistenza-provider'));
  }

  /** Where the response times read their figures (the fonte-tempi attribute): GET /api/tempi-risposta of the server. */
  get fonteTempi(): string | undefined {
    return this.#fonteTempi.value;
  }
  set fonteTempi(v: string | undefined) {
    this.#fonteTempi.setValue(v);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

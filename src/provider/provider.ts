import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { profiloContext, endpointContext, enteContext, type Profilo, type ConfigurazioneEnte } from '../context.js';

/**
 * @summary Hands the logged-in profile, the endpoint and the Ente's configuration to every assistenza element inside it.
 * A page without Lit sets `profilo` and `ente` from a script.
 *
 * @tag assistenza-provider
 * @slot - The assistenza elements (and anything else) that receive the values.
 */
export class AssistenzaProvider extends LitElement {
  static override styles = css`
    :host { display: contents; }
  `;

  /** The logged-in user: {id?, cognome, nome, email?, telefono?}. */
  @provide({ context: profiloContext })
  @property({ attribute: false })
  profilo?: Profilo;

  /** Where the ticket form posts requests. */
  @provide({ context: endpointContext })
  @property()
  endpoint?: string;

  /** The Ente's configuration: {telefono: {abilitata, numero, orari, giorni, chiusure}}. */
  @provide({ context: enteContext })
  @property({ attribute: false })
  ente?: ConfigurazioneEnte;

  override render() {
    return html`<slot></slot>`;
  }
}

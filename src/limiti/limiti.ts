import { LitElement, html } from 'lit';
import { LinguaController } from '../controllers/lingua-controller.js';
import { testiDi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { titolo } from '../titolo.js';
import { CASI } from './catalogo.js';
import { styles } from './limiti.styles.js';

const TESTI: Traduzioni<'limiti'> = { it: it.limiti, en: en.limiti };

/**
 * @summary "Cosa non possiamo risolvere": the cases only the Ente can solve (PagoPA payments, practice type and
 * documents, national and regional forms, volture), each with who can act and what the help desk can still do.
 * A disclosure, collapsed unless `espanso`.
 *
 * @tag assistenza-limiti
 *
 * @slot - Extra cases, after the catalogue's.
 * @slot pagopa - Replaces the PagoPA payments case.
 * @slot tipologia - Replaces the practice type and documents case.
 * @slot modulistica - Replaces the national and regional forms case.
 * @slot volture - Replaces the volture case.
 *
 * @csspart heading - The title.
 * @csspart intro - The sentence under the title.
 * @csspart details - The disclosure.
 * @csspart summary - The disclosure's control.
 * @csspart case - Each case.
 * @csspart case-heading - Each case's title.
 *
 * @cssproperty [--assistenza-colore-primario=#0066cc] - The disclosure's control.
 * @cssproperty [--assistenza-colore-testo=#1a1a1a] - Text.
 * @cssproperty [--assistenza-colore-sfondo=transparent] - Background.
 * @cssproperty [--assistenza-colore-avviso=#a66300] - The rule beside each case.
 * @cssproperty [--assistenza-colore-focus=#ff9900] - The focus ring.
 * @cssproperty [--assistenza-font=Titillium Web, system-ui, sans-serif] - Font family.
 * @cssproperty [--assistenza-dimensione-testo=1rem] - Base font size.
 * @cssproperty [--assistenza-spaziatura=1rem] - Spacing unit.
 */
export class AssistenzaLimiti extends LitElement {
  static override styles = styles;
  static override properties = {
    espanso: { type: Boolean, reflect: true },
    livello: { type: Number },
    testi: { attribute: false },
  };

  /** Shows the cases open; follows the user's opening and closing. */
  espanso = false;
  /** The title's heading level, so the host page's outline stays sensible (2 by default); the cases' are one below. */
  livello = 2;
  /** Overrides of any text. */
  testi?: TestiParziali;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
  }

  /** The user opened or closed the disclosure. */
  #seguiApertura = (e: Event) => {
    this.espanso = (e.target as HTMLDetailsElement).open;
  };

  override render() {
    const t = testiDi(this, 'limiti', TESTI);
    const n = this.livello;
    // One level below the title, never past the last one.
    const livelloCaso = Math.min(n + 1, 6);
    return html`
      ${titolo(n, t.titolo)}
      <p part="intro">${t.intro}</p>
      <details part="details" ?open=${this.espanso} @toggle=${this.#seguiApertura}>
        <summary part="summary">${t.sommario}</summary>
        ${CASI.map((id) => {
          const c = t[id];
          return html`<slot name=${id}>
            <div part="case">
              ${titolo(livelloCaso, c.titolo, 'case-heading')}
              <p>${c.perche}</p>
              <p><strong>${t.chi}</strong> ${c.chi}</p>
              <p><strong>${t.noi}</strong> ${c.noi}</p>
            </div>
          </slot>`;
        })}
        <slot></slot>
      </details>
    `;
  }
}

// The ticket form's notice under the description: what it describes is a matter for the Ente. It never blocks sending.
import { html, nothing } from 'lit';
import { testiDi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { casiCitati } from './deflessione.js';

const LIMITI: Traduzioni<'limiti'> = { it: it.limiti, en: en.limiti };
const MODULO: Traduzioni<'modulo'> = { it: it.modulo, en: en.modulo };

/**
 * The live region is always there, so a screen reader hears the notice when it appears and again only when the
 * cases it names change, not at every keystroke. Empty, it stays out of the form's grid (no extra gap).
 */
export function avvisoLimiti(descrizione: string, host: Element & { testi?: TestiParziali }) {
  const casi = casiCitati(descrizione);
  const limiti = testiDi(host, 'limiti', LIMITI);
  const modulo = testiDi(host, 'modulo', MODULO);
  // Through the style property, not the attribute: a page whose CSP forbids inline styles allows it.
  return html`<div aria-live="polite" .style=${casi.length ? '' : 'position:absolute'}>
    ${
      casi.length
        ? html`<div part="notice">
            <p><strong>${modulo.limiteEnte}</strong></p>
            <ul>
              ${casi.map((id) => {
                const c = limiti[id];
                return html`<li><strong>${c.titolo}</strong>: ${c.perche} ${limiti.chi} ${c.chi}</li>`;
              })}
            </ul>
            <p>${limiti.puoiInviare}</p>
          </div>`
        : nothing
    }
  </div>`;
}

// The ticket form's notice under the description: what it describes is a matter for the Ente. It never blocks sending.
import { html, nothing } from 'lit';
import { testiPer, type TestiParziali } from '../i18n/index.js';
import { casiCitati } from './deflessione.js';

/**
 * The live region is always there, so a screen reader hears the notice when it appears and again only when the
 * cases it names change, not at every keystroke. Empty, it stays out of the form's grid (no extra gap).
 */
export function avvisoLimiti(descrizione: string, host: Element & { testi?: TestiParziali }) {
  const casi = casiCitati(descrizione);
  const t = testiPer(host, host.testi);
  // Through the style property, not the attribute: a page whose CSP forbids inline styles allows it.
  return html`<div aria-live="polite" .style=${casi.length ? '' : 'position:absolute'}>
    ${casi.length
      ? html`<div part="notice">
          <p><strong>${t.modulo.limiteEnte}</strong></p>
          <ul>
            ${casi.map((id) => {
              const c = t.limiti[id];
              return html`<li><strong>${c.titolo}</strong>: ${c.perche} ${t.limiti.chi} ${c.chi}</li>`;
            })}
          </ul>
          <p>${t.limiti.puoiInviare}</p>
        </div>`
      : nothing}
  </div>`;
}

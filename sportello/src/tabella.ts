// The console's tables: in a region of their own that scrolls sideways when the screen is narrow, named by the
// caption and reached by keyboard, so that the page itself never does.
import { html, type TemplateResult } from 'lit';

export function tabella(o: { id: string; titolo: string; colonne: string[]; righe: TemplateResult[] }) {
  return html`<div class="scorre" role="region" aria-labelledby=${o.id} tabindex="0">
    <table>
      <caption id=${o.id}>
        ${o.titolo}
      </caption>
      <thead>
        <tr>
          ${o.colonne.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${o.righe}
      </tbody>
    </table>
  </div>`;
}

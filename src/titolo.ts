// An element's title at the heading level the host page needs (h2 by default), so the page's outline stays sensible.
import { html } from 'lit';

/** A whole level from 1 to 6; anything else is the default, 2. */
const livelloValido = (livello: number) => (Number.isInteger(livello) && livello >= 1 && livello <= 6 ? livello : 2);

/** h2 or h3 as such; other levels as role="heading" with aria-level, which is what assistive technology reads. */
export function titolo(livello: number, testo: string, part = 'heading') {
  const n = livelloValido(livello);
  if (n === 2) return html`<h2 part=${part}>${testo}</h2>`;
  if (n === 3) return html`<h3 part=${part}>${testo}</h3>`;
  return html`<div part=${part} role="heading" aria-level=${n}>${testo}</div>`;
}

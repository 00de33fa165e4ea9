// An element's heading at the level the host page needs (h2 by default), so the page's outline stays sensible.
import { html } from 'lit';

/** h2 or h3 as such; other levels as role="heading" with aria-level, which is what assistive technology reads. */
export function intestazione(livello: number, testo: string, part = 'heading') {
  const n = livello > 0 && livello < 7 ? livello | 0 : 2;
  return n === 2
    ? html`<h2 part=${part}>${testo}</h2>`
    : n === 3
      ? html`<h3 part=${part}>${testo}</h3>`
      : html`<div part=${part} role="heading" aria-level=${n}>${testo}</div>`;
}


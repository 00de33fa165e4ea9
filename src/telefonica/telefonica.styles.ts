import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
  css`
    /* Nothing on the page, not even an empty box, until the line is enabled. */
    :host(:not(:state(attiva))) {
      display: none;
    }
    a {
      font-weight: 700;
      font-size: 1.25em;
      white-space: nowrap;
    }
    strong {
      color: var(--assistenza-colore-chiuso, #455b71);
    }
    .aperto {
      color: var(--assistenza-colore-successo, #00703c);
    }
  `,
];

import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
  css`
    summary {
      cursor: pointer;
      font-weight: 700;
      color: var(--assistenza-colore-primario, #0066cc);
    }
    [part~='case'] {
      margin-top: var(--assistenza-spaziatura, 1rem);
      padding-left: var(--assistenza-spaziatura, 1rem);
      border-left: 4px solid var(--assistenza-colore-avviso, #a66300);
    }
  `,
];

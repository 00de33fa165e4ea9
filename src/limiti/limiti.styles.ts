import { css } from 'lit';
import { base } from '../stili.js';
import { stileIntestazione } from '../intestazione.js';

export const styles = [
  base,
  stileIntestazione,
  css`
    p {
      margin: 0 0 0.5rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      color: var(--assistenza-colore-primario, #0066cc);
      padding-block: 0.25rem;
    }
    [part~='case'] {
      margin-block-start: var(--assistenza-spaziatura, 1rem);
      padding-inline-start: var(--assistenza-spaziatura, 1rem);
      border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
    }
    [part~='case-heading'] {
      margin-block-end: 0.5rem;
      font-size: 1.05em;
    }
  `,
];

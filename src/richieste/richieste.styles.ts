import { css } from 'lit';
import { base } from '../stili.js';
import { controlli } from '../stili-moduli.js';

export const styles = [
  base,
  controlli,
  css`
    ul,
    ol {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    [part~='list'] > li {
      border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
      border-radius: var(--assistenza-raggio, 4px);
    }
    [part~='toggle'] {
      width: 100%;
      text-align: start;
      border: 0;
      background: none;
    }
    .nuova {
      color: var(--assistenza-colore-avviso, #a66300);
    }
    [part~='detail'],
    [part~='reply'] {
      display: grid;
      gap: 0.5rem;
      padding: 0 1rem 1rem;
    }
    [part~='reply'] {
      padding: 0;
    }
    [part~='message'] {
      padding: 0.25rem 0.75rem;
      border-inline-start: 4px solid var(--assistenza-colore-bordo, #5c6f82);
    }
    .assistenza {
      border-color: var(--assistenza-colore-primario, #0066cc);
    }
  `,
];

import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
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
    button,
    textarea {
      font: inherit;
      color: inherit;
      border-radius: var(--assistenza-raggio, 4px);
    }
    [part~='toggle'] {
      width: 100%;
      text-align: start;
      padding: 0.75rem 1rem;
      border: 0;
      background: none;
      cursor: pointer;
      font-weight: 600;
    }
    .numero {
      color: var(--assistenza-colore-primario, #0066cc);
    }
    .nuova {
      color: var(--assistenza-colore-avviso, #a66300);
    }
    [part~='detail'] {
      padding: 0 1rem 1rem;
    }
    .testo {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    [part~='message'] {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--assistenza-colore-bordo, #5c6f82);
    }
    [part~='message'].assistenza {
      border-color: var(--assistenza-colore-primario, #0066cc);
    }
    .intestazione-messaggio {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }
    [part~='reply'] {
      display: grid;
      gap: 0.5rem;
    }
    textarea {
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
      background: var(--assistenza-colore-campo, #fff);
    }
    [aria-invalid='true'] {
      border: 2px solid var(--assistenza-colore-errore, #b71918);
    }
    [part~='error'] {
      color: var(--assistenza-colore-errore, #b71918);
      font-weight: 600;
    }
    [part~='button'] {
      justify-self: start;
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--assistenza-colore-primario, #0066cc);
      background: var(--assistenza-colore-primario, #0066cc);
      color: var(--assistenza-colore-testo-primario, #fff);
      font-weight: 600;
      cursor: pointer;
    }
    [part~='notice'] {
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
      background: var(--assistenza-colore-sfondo-avviso, #fff8e6);
    }
  `,
];

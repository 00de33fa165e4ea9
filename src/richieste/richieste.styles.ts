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
    /* A closed row: the number and its badges, the description's first line, the practice and the last update. */
    [part~='toggle'] {
      position: relative;
      display: grid;
      gap: 0.25rem;
      width: 100%;
      padding: 0.75rem 2.5rem 0.75rem 1rem;
      text-align: start;
      border: 0;
      background: none;
      color: inherit;
      font-weight: 400;
    }
    [part~='toggle']:hover {
      background: #f2f6fa;
    }
    .testata,
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }
    /* A chevron in the top corner, wherever the first line wraps: the row opens, and shows which way. */
    .testata::after {
      content: '';
      position: absolute;
      top: 1.1rem;
      inset-inline-end: 1.1rem;
      width: 0.5rem;
      height: 0.5rem;
      border: solid;
      border-width: 0 2px 2px 0;
      transform: rotate(45deg);
    }
    [aria-expanded='true'] .testata::after {
      top: 1.35rem;
      transform: rotate(-135deg);
    }
    .numero {
      font-weight: 700;
      color: var(--assistenza-colore-primario, #0066cc);
    }
    .oggetto {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta {
      font-size: 0.875em;
    }
    .meta .badge {
      font-size: 1em;
    }
    .pratica {
      font-weight: 600;
    }
    /*
     * The state as a word in a badge, its colour a second cue only; every pair meets WCAG AA (4.5:1) at this size. The
     * two that ask for the user (waiting for their reply, a new reply) are filled, the others tinted.
     */
    .badge {
      padding: 0 0.5rem;
      border: 1px solid;
      border-radius: 1rem;
      font-size: 0.875em;
      font-weight: 600;
      color: var(--assistenza-colore-bordo, #5c6f82);
      background: #fff;
    }
    [data-stato='in-lavorazione'] {
      color: var(--assistenza-colore-primario, #0066cc);
      background: #e5f0fb;
    }
    [data-stato='risolta'] {
      color: var(--assistenza-colore-successo, #00703c);
      background: #e3f3ea;
    }
    [data-stato='chiusa'] {
      color: #3d3d3d;
      background: #ececec;
    }
    [data-stato='attesa-utente'],
    .nuova {
      border-color: transparent;
      color: #fff;
      background: var(--assistenza-colore-avviso, #a66300);
    }
    .nuova {
      background: var(--assistenza-colore-primario, #0066cc);
    }
    [part~='filter'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      margin-bottom: 0.5rem;
    }
    .filtro-titolo,
    .scelta {
      font-weight: 600;
    }
    .scelta {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      cursor: pointer;
    }
    .scelta input {
      margin: 0;
      padding: 0;
      accent-color: var(--assistenza-colore-primario, #0066cc);
    }
    .conteggio {
      min-width: 1.5rem;
      padding: 0 0.375rem;
      border-radius: 1rem;
      text-align: center;
      font-size: 0.875em;
      background: #e8eef4;
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
    /* A closed request's detail is empty: its grid and padding must not leave a gap under the row. */
    [part~='detail'][hidden] {
      display: none;
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

import { css } from 'lit';
import { base } from '../stili.js';
import { controlli } from '../stili-moduli.js';

export const styles = [
  base,
  controlli,
  css`
    form,
    fieldset {
      display: grid;
      gap: var(--assistenza-spaziatura, 1rem);
    }
    form {
      max-width: 48rem;
    }
    p {
      margin: 0;
    }
    .campo {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    .campo > :not(label, span, [type='checkbox']) {
      flex-basis: 100%;
    }
    span,
    [part~='alert'],
    .oltre,
    .ok {
      font-weight: 600;
    }
    span,
    [part~='alert'],
    .oltre {
      color: var(--assistenza-colore-errore, #b71918);
    }
    [part~='hint'],
    [part~='counter'],
    .nota {
      font-size: 0.9em;
    }
    [type='checkbox'] {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--assistenza-colore-primario, #0066cc);
    }
    :disabled {
      opacity: 0.6;
    }
    /* The status region always holds Lit's text nodes, so it always keeps its margin. */
    [part~='status'],
    [part~='notice'] {
      margin-block-end: var(--assistenza-spaziatura, 1rem);
    }
    .ok {
      color: var(--assistenza-colore-successo, #00703c);
    }
    .allegati ul {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .allegati li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .allegati li span {
      font-weight: normal;
      color: inherit;
    }
    .rifiutato {
      border-inline-start: 4px solid var(--assistenza-colore-errore, #b71918);
      padding-inline-start: 0.5rem;
    }
  `,
];

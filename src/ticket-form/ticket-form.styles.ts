import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
  css`
    form {
      display: grid;
      gap: var(--assistenza-spaziatura, 1rem);
      max-width: 48rem;
    }
    .nota,
    [part~='hint'],
    [part~='counter'] {
      margin: 0;
      font-size: 0.9em;
      color: var(--assistenza-colore-testo-secondario, #455b71);
    }
    .campo {
      display: grid;
      gap: 0.25rem;
    }
    .campo > label {
      font-weight: 600;
    }
    .obbligatorio {
      color: var(--assistenza-colore-errore, #b71918);
      font-weight: 600;
    }
    .campo:has(> .obbligatorio) {
      grid-template-columns: auto 1fr;
    }
    .campo:has(> .obbligatorio) > :not(label, .obbligatorio) {
      grid-column: 1 / -1;
    }
    .spunta {
      grid-template-columns: auto 1fr;
      align-items: center;
      gap: 0.5rem;
    }
    .spunta > label {
      font-weight: 400;
    }
    input,
    textarea {
      font: inherit;
      color: inherit;
      width: 100%;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
      border-radius: var(--assistenza-raggio, 4px);
      background: var(--assistenza-colore-campo, #fff);
    }
    input[type='checkbox'] {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--assistenza-colore-primario, #0066cc);
    }
    textarea {
      resize: vertical;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--assistenza-colore-errore, #b71918);
    }
    [part~='error'],
    [part~='alert'],
    .oltre {
      margin: 0;
      color: var(--assistenza-colore-errore, #b71918);
      font-weight: 600;
    }
    fieldset {
      border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
      border-radius: var(--assistenza-raggio, 4px);
      padding: var(--assistenza-spaziatura, 1rem);
      display: grid;
      gap: var(--assistenza-spaziatura, 1rem);
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    button {
      font: inherit;
      font-weight: 600;
      justify-self: start;
      padding: 0.6rem 1.5rem;
      border: 2px solid var(--assistenza-colore-primario, #0066cc);
      border-radius: var(--assistenza-raggio, 4px);
      background: var(--assistenza-colore-primario, #0066cc);
      color: var(--assistenza-colore-testo-primario, #fff);
      cursor: pointer;
    }
    button[type='button'] {
      background: transparent;
      color: var(--assistenza-colore-primario, #0066cc);
    }
    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    [part~='status']:not(:empty),
    [part~='notice'] {
      margin-block-end: var(--assistenza-spaziatura, 1rem);
    }
    [part~='status'] p {
      margin: 0;
    }
    .ok {
      color: var(--assistenza-colore-successo, #00703c);
      font-weight: 600;
    }
    [part~='notice'] {
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
      background: var(--assistenza-colore-sfondo-avviso, #fff8e6);
    }
  `,
];

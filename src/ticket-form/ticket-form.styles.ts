import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
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
      gap: .25rem .5rem;
    }
    .campo > :not(label, span, [type=checkbox]) {
      flex-basis: 100%;
    }
    label,
    legend,
    button,
    span,
    [part~=error],
    [part~=alert],
    .oltre,
    .ok {
      font-weight: 600;
    }
    span,
    [part~=error],
    [part~=alert],
    .oltre {
      color: var(--assistenza-colore-errore, #b71918);
    }
    [part~=hint],
    [part~=counter],
    .nota {
      font-size: .9em;
    }
    input,
    textarea,
    fieldset,
    button {
      font: inherit;
      color: inherit;
      padding: .5rem .75rem;
      border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
      border-radius: var(--assistenza-raggio, 4px);
      background: var(--assistenza-colore-campo, #fff);
    }
    [type=checkbox] {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--assistenza-colore-primario, #0066cc);
    }
    [aria-invalid=true] {
      border: 2px solid var(--assistenza-colore-errore, #b71918);
    }
    button {
      justify-self: start;
      border: 2px solid var(--assistenza-colore-primario, #0066cc);
      color: var(--assistenza-colore-primario, #0066cc);
      cursor: pointer;
    }
    [type=submit] {
      background: var(--assistenza-colore-primario, #0066cc);
      color: var(--assistenza-colore-testo-primario, #fff);
    }
    :disabled {
      opacity: .6;
    }
    /* The status region always holds Lit's text nodes, so it always keeps its margin. */
    [part~=status],
    [part~=notice] {
      margin-block-end: var(--assistenza-spaziatura, 1rem);
    }
    .ok {
      color: var(--assistenza-colore-successo, #00703c);
    }
    [part~=notice] {
      padding: .75rem 1rem;
      border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
      background: var(--assistenza-colore-sfondo-avviso, #fff8e6);
    }
  `,
];

// The look of the controls the form, the requests list and the console share: fields, buttons, errors, notices.
import { css } from 'lit';

export const controlli = css`
  label,
  legend,
  button {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  fieldset,
  button {
    font: inherit;
    color: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--assistenza-colore-bordo, #5c6f82);
    border-radius: var(--assistenza-raggio, 4px);
    background: var(--assistenza-colore-campo, #fff);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--assistenza-colore-errore, #b71918);
  }
  [part~='error'] {
    font-weight: 600;
    color: var(--assistenza-colore-errore, #b71918);
  }
  button {
    justify-self: start;
    border: 2px solid var(--assistenza-colore-primario, #0066cc);
    color: var(--assistenza-colore-primario, #0066cc);
    cursor: pointer;
  }
  [type='submit'] {
    background: var(--assistenza-colore-primario, #0066cc);
    color: var(--assistenza-colore-testo-primario, #fff);
  }
  [part~='notice'] {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
    background: var(--assistenza-colore-sfondo-avviso, #fff8e6);
  }
  /* Text the user or the help desk wrote: as plain text, line breaks kept. */
  .testo {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

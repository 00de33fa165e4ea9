// The console's look: the widget's sober PA style (its base and controls) and what an operator's screen adds: state
// badges, the "new reply" mark, cards, tables that scroll in their own region, text kept for screen readers only.
import { css } from 'lit';
import { base } from '../../src/stili.js';
import { controlli } from '../../src/stili-moduli.js';

const dellaConsole = css`
  /* Each element lays itself out by its own width, not the window's: a console in a narrow column reads as on a phone. */
  :host {
    container-type: inline-size;
  }
  h1 {
    font-size: 1.75rem;
    line-height: 1.2;
    margin: 0 0 1rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 3px solid var(--assistenza-colore-focus, #ff9900);
  }
  h2 {
    font-size: 1.25rem;
  }
  input,
  select,
  textarea {
    max-width: 100%;
  }
  .campo {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 1rem;
  }
  .aiuto {
    margin: 0;
    color: #4d4d4d;
    font-size: 0.9375rem;
  }
  .errore,
  [role='alert']:not(:empty) {
    font-weight: 600;
    color: var(--assistenza-colore-errore, #b71918);
  }
  [role='alert']:not(:empty) {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--assistenza-colore-errore, #b71918);
    background: #fdf0f0;
    margin: 0 0 1rem;
  }
  .avviso {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
    background: #fff8e6;
  }
  .azioni {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .scheda {
    border: 1px solid #c5cdd5;
    border-radius: var(--assistenza-raggio, 4px);
    padding: 1rem;
    background: #fff;
  }
  /* The states, each in its own colour, every one at least 4.5:1 on white. */
  .stato {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 1rem;
    font-size: 0.9375rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .stato-ricevuta {
    color: #0059b3;
  }
  .stato-in-lavorazione {
    color: #5c2d91;
  }
  .stato-attesa-utente {
    color: #8a5300;
  }
  .stato-risolta {
    color: #00703c;
  }
  .stato-chiusa {
    color: #4d4d4d;
  }
  .nuova-risposta {
    display: inline-block;
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--assistenza-colore-errore, #b71918);
    color: #fff;
    font-size: 0.9375rem;
    font-weight: 600;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-bottom: 1px solid #c5cdd5;
  }
  /* A wide table scrolls sideways in its own region (reached by keyboard, named), never the page. */
  .scorre {
    overflow-x: auto;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @container (max-width: 40rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
`;

export const stili = [base, controlli, dellaConsole];

// The look every element shares: a sober PA style, themable through --assistenza-* custom properties.
import { css } from 'lit';

export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--assistenza-colore-testo, #1a1a1a);
    background: var(--assistenza-colore-sfondo, transparent);
    font-family: var(--assistenza-font, 'Titillium Web', system-ui, sans-serif);
    font-size: var(--assistenza-dimensione-testo, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: inherit;
  }
  h2,
  h3,
  [role='heading'] {
    margin: 0 0 var(--assistenza-spaziatura, 1rem);
    line-height: 1.25;
  }
  /* A heading at another level (the elements' livello) looks like an h3. */
  [role='heading'] {
    font-weight: 700;
    font-size: 1.17em;
  }
  p,
  ul {
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--assistenza-colore-primario, #0066cc);
  }
  :focus-visible {
    outline: 3px solid var(--assistenza-colore-focus, #ff9900);
    outline-offset: 2px;
  }
`;

import { css } from 'lit';
import { base } from '../stili.js';
import { stileIntestazione } from '../intestazione.js';

export const styles = [
  base,
  stileIntestazione,
  css`
    p,
    ul {
      margin: 0 0 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    dl > div {
      display: contents;
    }
    dd {
      margin: 0;
      display: flex;
      gap: 1rem;
      align-items: center;
      font-weight: 700;
    }
    /* The track; its transparent outline shows in forced colors, where the background is not painted. */
    svg {
      flex: 0 1 10rem;
      height: 0.75rem;
      background: var(--assistenza-colore-sfondo-grafico, #e3e7ec);
      outline: 1px solid transparent;
    }
    .quota {
      fill: var(--assistenza-colore-primario, #0066cc);
    }
    .lenta .quota {
      fill: var(--assistenza-colore-avviso, #a66300);
    }
    @media (forced-colors: active) {
      rect {
        fill: CanvasText !important;
      }
    }
    [part~='date'] {
      font-size: 0.9em;
    }
  `,
];

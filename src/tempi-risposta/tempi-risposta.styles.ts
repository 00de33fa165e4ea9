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
    [part~='chart'] {
      display: grid;
      grid-template-columns: max-content minmax(8rem, 1fr);
      gap: 0.5rem 0.75rem;
      align-items: center;
      max-width: 40rem;
      margin: 0 0 var(--assistenza-spaziatura, 1rem);
    }
    [part~='chart'] > div {
      display: contents;
    }
    dd {
      margin: 0;
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    dd span {
      min-width: 6.5em;
      font-weight: 700;
    }
    svg {
      flex: 1;
      height: 0.75rem;
    }
    .fondo {
      fill: var(--assistenza-colore-sfondo-grafico, #e3e7ec);
    }
    .quota {
      fill: var(--assistenza-colore-primario, #0066cc);
    }
    .lenta .quota {
      fill: var(--assistenza-colore-avviso, #a66300);
    }
    @media (forced-colors: active) {
      .fondo {
        fill: Canvas;
        stroke: CanvasText;
      }
      .quota,
      .lenta .quota {
        fill: CanvasText;
      }
    }
    [part~='date'] {
      font-size: 0.9em;
      color: var(--assistenza-colore-testo-secondario, #455b71);
    }
  `,
];

import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
  css`
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
    /* The track. Forced colors leave an SVG's fill and background as they are: the chart reads the same there. */
    svg {
      flex: 0 1 10rem;
      height: 0.75rem;
      background: var(--assistenza-colore-sfondo-grafico, #e3e7ec);
    }
    .quota {
      fill: var(--assistenza-colore-primario, #0066cc);
    }
    .lenta .quota {
      fill: var(--assistenza-colore-avviso, #a66300);
    }
    [part~='date'] {
      font-size: 0.9em;
    }
  `,
];

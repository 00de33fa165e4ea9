import { css } from 'lit';
import { base } from '../stili.js';

export const styles = [
  base,
  css`
    /* Three columns shared by every row: the time, the track, the figure. The tracks are one column, so they are all
       as long, whatever the figure's text; a figure never breaks inside its phrase ("oltre il 50%"). */
    dl {
      display: grid;
      grid-template-columns: auto minmax(4rem, 1fr) max-content;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    dl > div {
      display: contents;
    }
    dd {
      grid-column: 2 / 4;
      display: grid;
      grid-template-columns: subgrid;
      align-items: center;
      margin: 0;
      font-weight: 700;
      white-space: nowrap;
    }
    /* The track. Forced colors leave an SVG's fill and background as they are: the chart reads the same there. */
    svg {
      width: 100%;
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

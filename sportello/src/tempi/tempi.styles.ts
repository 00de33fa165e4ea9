import { css } from 'lit';

export const styles = css`
  .intro {
    max-width: 48rem;
  }
  /* Positioned: the cells' text for screen readers only (.vh, absolute) stays inside the region that scrolls, and
     does not widen the page. */
  .scorre {
    position: relative;
    margin-bottom: 0.5rem;
  }
  /* Eight columns: on a narrow screen the table scrolls in its own region, the page does not. */
  table {
    min-width: 52rem;
  }
  tbody th {
    white-space: nowrap;
  }
  section {
    margin-top: 1.5rem;
  }
  td.numero {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .pochi {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: 1rem;
    color: #8a5300;
    font-size: 0.875rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .nota {
    color: #4d4d4d;
    font-size: 0.9375rem;
    margin: 0 0 1.5rem;
  }
  .mediana strong {
    font-size: 1.25rem;
  }
  ol.attesa {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  ol.attesa li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  ol.attesa a {
    font-weight: 600;
  }
`;

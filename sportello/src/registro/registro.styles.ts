import { css } from 'lit';

export const styles = css`
  .filtri {
    margin-bottom: 1rem;
  }
  .campi {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .campi .campo {
    flex: 1 1 14rem;
  }
  table {
    min-width: 40rem;
  }
`;

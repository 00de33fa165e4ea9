import { css } from 'lit';

export const styles = css`
  .scorre {
    margin-bottom: 1.5rem;
  }
  .nuovo {
    max-width: 32rem;
  }
  .nuovo input,
  .nuovo select {
    width: 100%;
  }
  .conferma p {
    margin: 0 0 0.5rem;
  }
`;

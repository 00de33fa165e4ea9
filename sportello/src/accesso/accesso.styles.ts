import { css } from 'lit';

export const styles = css`
  .accesso {
    max-width: 28rem;
    margin: 2rem auto;
  }
  input {
    width: 100%;
  }
`;

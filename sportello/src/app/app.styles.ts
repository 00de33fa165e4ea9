import { css } from 'lit';

export const styles = css`
  :host {
    min-height: 100vh;
    background: #f5f6f7;
  }
  .testata {
    background: #17324d;
    color: #fff;
  }
  .riga,
  main {
    max-width: 72rem;
    margin: 0 auto;
    padding: 0.75rem 1rem;
  }
  .riga {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }
  .marchio {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
  }
  .nome-marchio {
    font-size: 1.375rem;
    font-weight: 700;
  }
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: 0.5rem 0;
    color: #fff;
    font-weight: 600;
  }
  nav a[aria-current='page'] {
    text-decoration-thickness: 3px;
    text-underline-offset: 0.3em;
  }
  .chi {
    margin-inline-start: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .chi .nome {
    font-weight: 600;
  }
  .chi button {
    background: transparent;
    border-color: #fff;
    color: #fff;
  }
  main {
    padding-top: 1.5rem;
    padding-bottom: 3rem;
  }
`;

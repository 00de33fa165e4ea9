import { css } from 'lit';

export const styles = css`
  .intro {
    margin: 0 0 1rem;
  }
  .cerca {
    max-width: 40rem;
    margin-bottom: 1rem;
  }
  .cerca h2 {
    margin-top: 0;
  }
  .cerca input {
    width: 100%;
  }
  /* A portal's ids and the words searched may be long with nowhere to wrap: they break rather than widen the page. */
  .riepilogo,
  .conferma p,
  .fatto,
  [role='alert'] {
    overflow-wrap: anywhere;
  }
  .utenti {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  h3 {
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
  }
  /* "Esporta i dati" is a link that downloads: it looks like the buttons beside it. */
  a.pulsante {
    display: inline-block;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--assistenza-colore-primario, #0066cc);
    border-radius: var(--assistenza-raggio, 4px);
    color: var(--assistenza-colore-primario, #0066cc);
    text-decoration: none;
  }
  a.pulsante:hover {
    text-decoration: underline;
  }
  .pericolo {
    background: var(--assistenza-colore-errore, #b71918);
    border-color: var(--assistenza-colore-errore, #b71918);
    color: #fff;
  }
  .conferma {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--assistenza-colore-errore, #b71918);
    background: #fdf0f0;
  }
  .conferma p {
    margin: 0 0 0.5rem;
  }
  .fatto {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid #00703c;
    background: #edf7f1;
  }
`;

import { css } from 'lit';

export const styles = css`
  .comandi {
    display: grid;
    gap: 1rem;
    margin-bottom: 1rem;
  }
  form[role='search'] {
    display: grid;
    gap: 0.25rem;
  }
  .riga {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  #cerca {
    flex: 1 1 16rem;
  }
  .filtri {
    background: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .filtri legend {
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .filtro {
    font-weight: 400;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2.75rem;
  }
  .filtro input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .riepilogo {
    font-weight: 600;
  }
  ol.coda {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }
  ol.coda > li {
    border: 1px solid #c5cdd5;
    border-inline-start: 6px solid #c5cdd5;
    border-radius: var(--assistenza-raggio, 4px);
    padding: 0.75rem 1rem;
    background: #fff;
    display: grid;
    gap: 0.25rem;
  }
  ol.coda > li.nuova {
    border-inline-start-color: var(--assistenza-colore-errore, #b71918);
  }
  ol.coda p {
    margin: 0;
  }
  .capo {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .apri {
    font-size: 1.125rem;
    font-weight: 700;
    padding: 0.5rem 0;
  }
  /* A portal's user id may have no place to wrap (Firefox breaks no hyphen before a digit): it breaks anywhere. */
  .chi {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .attesa {
    font-weight: 600;
  }
  .anteprima {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .conta {
    color: #4d4d4d;
    font-size: 0.9375rem;
  }
`;

import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: 1rem;
  }
  :host > * {
    margin: 0;
  }
  .titolo {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.75rem;
  }
  .titolo h1 {
    margin: 0;
  }
  .colonne {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 60rem) {
    .colonne {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .descrizione {
    margin: 0 0 1rem;
  }
  ul.allegati,
  ol.conversazione,
  ol.posta {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  .messaggio {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--assistenza-colore-bordo, #5c6f82);
    background: #fff;
  }
  .messaggio.assistenza {
    border-color: var(--assistenza-colore-primario, #0066cc);
    background: #f2f7fc;
  }
  .messaggio p {
    margin: 0 0 0.25rem;
  }
  /* A mail's state is in its words; the border's colour only repeats it. */
  .mail {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--assistenza-colore-avviso, #a66300);
    overflow-wrap: anywhere;
  }
  .mail p {
    margin: 0 0 0.25rem;
  }
  .mail-inviata {
    border-color: var(--assistenza-colore-successo, #00703c);
  }
  .mail-fallita {
    border-color: var(--assistenza-colore-errore, #b71918);
  }
  .mail-fallita .stato-mail {
    font-weight: 600;
    color: var(--assistenza-colore-errore, #b71918);
  }
  .intestazione {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .risposta textarea {
    width: 100%;
  }
  .risposta select {
    width: 100%;
    max-width: 24rem;
  }
  .risposta textarea {
    resize: vertical;
  }
  .esito {
    margin: 0.75rem 0 0;
    font-weight: 600;
    color: var(--assistenza-colore-successo, #00703c);
  }
`;

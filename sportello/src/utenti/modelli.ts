// The templates of <sportello-utenti>: a user found (their id, the names and emails of their requests, how many, the
// last one) with "Esporta i dati", "Cancella i dati", "Anonimizza", and the question that comes before the last two.
// Rendering only: the element owns the state and what a click does.
import { html, nothing } from 'lit';
import type { UtenteTrovato } from '../api.js';
import { confermaAnonimizza, confermaCancella, data } from '../dati-personali.js';
import { testi } from '../testi.js';

const t = testi.utenti;

export type Azione = 'cancella' | 'anonimizza';

/** What a user's card does on a click: the element's handlers. */
export interface AzioniUtente {
  /** The link that downloads their data. */
  esportazione: (utente: string) => string;
  chiedi: (utente: string, azione: Azione) => void;
  conferma: (utente: string, azione: Azione) => void;
  annulla: (utente: string, azione: Azione) => void;
}

const elenco = (voci: string[], nessuna: string) => (voci.length === 0 ? nessuna : voci.join(', '));

/**
 * The question before an erasure or an anonymisation, its confirm button and "Annulla" (which gets the focus; Escape
 * does the same).
 */
function conferma(u: UtenteTrovato, azione: Azione, i: number, a: AzioniUtente) {
  const domanda = azione === 'cancella' ? confermaCancella(u) : confermaAnonimizza(u);
  const esc = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      a.annulla(u.utente, azione);
    }
  };
  return html`<div class="conferma" role="group" aria-labelledby="domanda-${i}" @keydown=${esc}>
    <p id="domanda-${i}">${domanda}</p>
    <div class="azioni">
      <button type="button" class="pericolo" @click=${() => a.conferma(u.utente, azione)}>
        ${azione === 'cancella' ? t.siCancella : t.siAnonimizza}
      </button>
      <button type="button" class="annulla" @click=${() => a.annulla(u.utente, azione)}>${t.annulla}</button>
    </div>
  </div>`;
}

/** One user found, `i` in the list; `inAttesa` the action waiting for their confirmation, if any. */
export function schedaUtente(u: UtenteTrovato, i: number, inAttesa: Azione | undefined, a: AzioniUtente) {
  const di = html`<span class="vh">${t.di(u.utente)}</span>`;
  const pulsante = (azione: Azione, testo: string) =>
    html`<button
      type="button"
      data-azione=${azione}
      data-utente=${u.utente}
      aria-expanded=${inAttesa === azione ? 'true' : 'false'}
      @click=${() => a.chiedi(u.utente, azione)}
    >
      ${testo} ${di}
    </button>`;
  return html`<li class="scheda">
    <h3 id="utente-${i}">${t.utente(u.utente)}</h3>
    <dl>
      <dt>${t.nomi}</dt>
      <dd>${elenco(u.nomi, t.nessunNome)}</dd>
      <dt>${t.email}</dt>
      <dd>${elenco(u.email, t.nessunaEmail)}</dd>
      <dt>${t.richieste}</dt>
      <dd>${u.richieste}</dd>
      <dt>${t.allegatiNonUsati}</dt>
      <dd>${u.allegatiNonUsati}</dd>
      ${
        u.ultimaIl === undefined
          ? nothing
          : html`<dt>${t.ultima}</dt>
              <dd><time datetime=${u.ultimaIl}>${data(u.ultimaIl)}</time></dd>`
      }
    </dl>
    <div class="azioni">
      <a class="pulsante" href=${a.esportazione(u.utente)} download>${t.esporta} ${di}</a>
      ${pulsante('cancella', t.cancella)} ${pulsante('anonimizza', t.anonimizza)}
    </div>
    ${inAttesa === undefined ? nothing : conferma(u, inAttesa, i, a)}
  </li>`;
}

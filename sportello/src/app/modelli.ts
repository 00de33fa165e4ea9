// The templates and names of <sportello-app>'s frame: the header's navigation with the operator and Esci, the page's
// title. Rendering only: the element owns the session and the place.
import { html, nothing } from 'lit';
import type { Operatore } from '../api.js';
import { indirizzo, type Percorso } from '../percorso.js';
import { testi } from '../testi.js';

const t = testi.testata;
type Vista = Percorso['vista'];

/** The pages the operator may open (administrators' too for them), the current one marked; their name and Esci. */
export function navigazione(operatore: Operatore, vista: Vista, esci: () => void) {
  const voce = (v: Vista, testo: string) =>
    html`<li>
      <a href=${indirizzo({ vista: v } as Percorso)} aria-current=${vista === v ? 'page' : nothing}>${testo}</a>
    </li>`;
  const amministratore = operatore.ruolo === 'amministratore';
  return html`<nav aria-label=${t.navigazione}>
      <ul>
        ${voce('coda', t.coda)} ${voce('tempi', t.tempi)}
        ${
          amministratore
            ? html`${voce('operatori', t.operatori)} ${voce('registro', t.registro)} ${voce('utenti', t.utenti)}`
            : nothing
        }
      </ul>
    </nav>
    <div class="chi">
      <span class="nome">${operatore.nome}</span>
      <span class="ruolo">(${t.ruolo[operatore.ruolo] ?? operatore.ruolo})</span>
      <button type="button" @click=${esci}>${t.esci}</button>
    </div>`;
}

const NOMI: Record<Vista, string> = {
  coda: testi.coda.titolo,
  richiesta: testi.richiesta.senzaNumero,
  operatori: testi.operatori.titolo,
  tempi: testi.tempi.titolo,
  registro: testi.registro.titolo,
  utenti: testi.utenti.titolo,
};

/** The document's title: the page shown, then the console's name (the console's name alone before the login). */
export const titoloDocumento = (vista: Vista | undefined) =>
  vista === undefined ? testi.titoloPagina : `${NOMI[vista]} · ${testi.titoloPagina}`;

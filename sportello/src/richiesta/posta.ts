// The request's mails to the user, in its page: each with where it stands in words and, when it failed, "Invia di
// nuovo" (its description names which mail and why); the notice of a server that sends none. Rendering only: the
// element owns what a click does.
import { html, nothing } from 'lit';
import type { RichiestaSportello } from '../api.js';
import { daInviareDiNuovo, nomeMail, statoMail, type MailSportello } from '../posta.js';
import { testi } from '../testi.js';

const t = testi.posta;

export interface SezionePosta {
  r: RichiestaSportello;
  /** Now, for "alle 10:15" and the year left out. */
  ora: number;
  /** Why the last "Invia di nuovo" did not go through. */
  errore: string;
  reinvia: (m: MailSportello) => void;
}

function voce(p: SezionePosta, m: MailSportello) {
  return html`<li class="mail mail-${m.stato}">
    <p id="mail-${m.id}"><strong>${nomeMail(m, p.ora)}</strong></p>
    <p class="aiuto">${t.oggetto} ${m.oggetto}</p>
    <p class="stato-mail" id="stato-mail-${m.id}" tabindex="-1">${statoMail(m, p.ora, p.r.invioPosta)}</p>
    ${
      daInviareDiNuovo(m)
        ? html`<button type="button" aria-describedby="mail-${m.id} stato-mail-${m.id}" @click=${() => p.reinvia(m)}>
            ${t.reinvia}
          </button>`
        : nothing
    }
  </li>`;
}

/** "Mail all'utente": the notice when no mail leaves, then every mail of the request, oldest first. */
export function posta(p: SezionePosta) {
  const { r } = p;
  let elenco;
  if (r.posta.length > 0) {
    elenco = html`<ol class="posta" aria-label=${t.elenco}>
      ${r.posta.map((m) => voce(p, m))}
    </ol>`;
  } else if (r.invioPosta === 'attivo' && r.email !== undefined) {
    elenco = html`<p>${t.nessuna(r.email)}</p>`;
  }
  return html`<section class="scheda" aria-labelledby="titolo-posta">
    <h2 id="titolo-posta">${t.titolo}</h2>
    ${r.invioPosta === 'non-configurato' ? html`<p class="avviso">${t.nonConfigurata}</p>` : nothing}
    ${elenco ?? nothing}
    <div role="alert">${p.errore}</div>
  </section>`;
}

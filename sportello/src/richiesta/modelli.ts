// The templates of <sportello-richiesta>: who wrote (the portal's identity beside the contacts typed), the problem,
// the attachments, the thread, the reply box. Rendering only: the element owns the state and what a click does.
import { html, nothing } from 'lit';
import { STATI_RICHIESTA, type StatoRichiesta } from '../../../src/stati.js';
import { dimensioneLeggibile } from '../../../src/allegati/nomi.js';
import { telDa } from '../../../src/telefonica/tel.js';
import { sottoBase, type RichiestaSportello } from '../api.js';
import { STATI, testi } from '../testi.js';
import { quando } from '../tempo.js';

const t = testi.richiesta;
type Messaggio = RichiestaSportello['messaggi'][number];

/** The portal's identity that sent it beside the name and contacts typed in the form: they may be someone else's. */
export function chiHaScritto(r: RichiestaSportello) {
  return html`<section class="scheda" aria-labelledby="titolo-chi">
    <h2 id="titolo-chi">${t.chiHaScritto}</h2>
    <dl>
      <dt>${t.utentePortale}</dt>
      <dd class="identita">${r.utente ?? t.anonima}</dd>
      <dt>${t.nomeScritto}</dt>
      <dd>${r.cognome} ${r.nome}</dd>
      <dt>${t.email}</dt>
      <dd>${r.email ? html`<a href="mailto:${r.email}">${r.email}</a>` : t.nessunContatto}</dd>
      <dt>${t.telefono}</dt>
      <dd>${r.telefono ? html`<a href=${telDa(r.telefono)}>${r.telefono}</a>` : t.nessunContatto}</dd>
      <dt>${t.rispostaViaMail}</dt>
      <dd>${r.rispostaViaEmail ? t.si : t.no}</dd>
    </dl>
    <p class="aiuto">${t.altroNome}</p>
  </section>`;
}

/** The practice, the dates, the description and the files to download. */
export function problema(r: RichiestaSportello, base: string) {
  const pratica = [r.pratica?.tipologia, r.pratica?.numero].filter(Boolean).join(' ');
  return html`<section class="scheda" aria-labelledby="titolo-problema">
    <h2 id="titolo-problema">${t.descrizione}</h2>
    <dl>
      ${
        pratica
          ? html`<dt>${t.pratica}</dt>
              <dd>${pratica}</dd>`
          : nothing
      }
      <dt>${t.ricevutaIl}</dt>
      <dd><time datetime=${r.ricevutaIl}>${quando(r.ricevutaIl)}</time></dd>
      <dt>${t.aggiornataIl}</dt>
      <dd><time datetime=${r.aggiornataIl}>${quando(r.aggiornataIl)}</time></dd>
    </dl>
    <p class="testo descrizione">${r.descrizione}</p>
    ${
      r.allegati.length === 0
        ? nothing
        : html`<h3 id="titolo-allegati">${t.allegati}</h3>
            <ul class="allegati" aria-labelledby="titolo-allegati">
              ${r.allegati.map(
                (a) =>
                  html`<li>
                    <a href=${sottoBase(a.indirizzo, base)} download>${a.nome}</a>
                    <span class="aiuto">(${dimensioneLeggibile(a.dimensione, 'it')})</span>
                  </li>`,
              )}
            </ul>`
    }
  </section>`;
}

function messaggio(r: RichiestaSportello, m: Messaggio) {
  const autore =
    m.autore === 'utente'
      ? html`<strong>${r.cognome} ${r.nome}</strong> <span>(${t.utente})</span>`
      : html`<strong>${t.assistenza}</strong>
          ${m.operatore ? html`<span>(${t.operatore(m.operatore)})</span>` : nothing}`;
  return html`<li class="messaggio ${m.autore}">
    <p class="intestazione">${autore} <time datetime=${m.inviatoIl}>${quando(m.inviatoIl)}</time></p>
    <p class="testo">${m.testo}</p>
    ${m.inviataViaMailA ? html`<p class="aiuto">${t.inviataAnche(m.inviataViaMailA)}</p>` : nothing}
  </li>`;
}

/** The whole thread after the request, oldest first, each message with who wrote it. */
export function conversazione(r: RichiestaSportello) {
  return html`<section aria-labelledby="titolo-conversazione">
    <h2 id="titolo-conversazione">${t.conversazione}</h2>
    ${
      r.messaggi.length === 0
        ? html`<p>${t.nessunMessaggio}</p>`
        : html`<ol class="conversazione" aria-labelledby="titolo-conversazione">
            ${r.messaggi.map((m) => messaggio(r, m))}
          </ol>`
    }
  </section>`;
}

export interface BoxRisposta {
  r: RichiestaSportello;
  testo: string;
  stato: StatoRichiesta;
  /** The text is missing: said on the field. */
  vuota: boolean;
  /** The server refused or did not answer. */
  errore: string;
  /** What the last action did, in plain sight (the live region says it too). */
  esito: string;
  scrive: (testo: string) => void;
  sceglie: (stato: StatoRichiesta) => void;
  rispondi: (e: Event) => void;
  rispondiRisolta: () => void;
  soloStato: () => void;
}

/** Where the reply goes by mail too, or that it will not (the server sends none). */
const viaMail = (r: RichiestaSportello, a: string) =>
  r.invioPosta === 'non-configurato' ? testi.risposta.viaMailNonConfigurata(a) : testi.risposta.viaMail(a);

/** The reply box: the text, the state to set, and the three ways to send. */
export function boxRisposta(b: BoxRisposta) {
  const r = testi.risposta;
  const mail = b.r.rispostaViaEmail && b.r.email ? b.r.email : undefined;
  const descritto = ['aiuto-mail', 'errore-testo'].filter((id) => (id === 'aiuto-mail' ? mail : b.vuota));
  return html`<section class="scheda risposta" aria-labelledby="titolo-risposta">
    <h2 id="titolo-risposta">${r.titolo}</h2>
    <form novalidate @submit=${b.rispondi}>
      <div class="campo">
        <label for="testo">${r.testo}</label>
        ${mail ? html`<p class="aiuto" id="aiuto-mail">${viaMail(b.r, mail)}</p>` : nothing}
        <textarea
          id="testo"
          rows="6"
          aria-invalid=${b.vuota ? 'true' : 'false'}
          aria-describedby=${descritto.length > 0 ? descritto.join(' ') : nothing}
          .value=${b.testo}
          @input=${(e: Event) => b.scrive((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${b.vuota ? html`<p class="errore" id="errore-testo">${r.vuota}</p>` : nothing}
      </div>
      <div class="campo">
        <label for="stato">${r.stato}</label>
        <p class="aiuto" id="aiuto-stato">${r.statoAiuto}</p>
        <select
          id="stato"
          aria-describedby="aiuto-stato"
          .value=${b.stato}
          @change=${(e: Event) => b.sceglie((e.target as HTMLSelectElement).value as StatoRichiesta)}
        >
          ${STATI_RICHIESTA.map((s) => html`<option value=${s} ?selected=${s === b.stato}>${STATI[s]}</option>`)}
        </select>
      </div>
      <div role="alert">${b.errore}</div>
      <div class="azioni">
        <button type="submit">${r.rispondi}</button>
        <button type="button" @click=${b.rispondiRisolta}>${r.rispondiRisolta}</button>
        <button type="button" @click=${b.soloStato}>${r.soloStato}</button>
      </div>
      ${b.esito ? html`<p class="esito">${b.esito}</p>` : nothing}
    </form>
  </section>`;
}

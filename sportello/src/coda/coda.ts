import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiSportello, BASE_PREDEFINITA, type CodaSportello, type VoceCoda } from '../api.js';
import { attesa, filtroDa, novita, opzioniFiltro, riepilogo, type Filtro } from '../coda.js';
import { AggiornamentoController } from '../controllers/aggiornamento.js';
import { emetti } from '../eventi.js';
import { indirizzo } from '../percorso.js';
import { stili } from '../stili.js';
import { nomeStato, testi } from '../testi.js';
import { quando } from '../tempo.js';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { styles } from './coda.styles.js';

const t = testi.coda;

/**
 * @summary The queue: open requests first, the one waiting longest for the help desk at the top, with how long each
 * has waited; filters by state with their counts, a search, the requests the user replied to marked. Refreshed every
 * few seconds (ETag): what arrives is announced, never taking the focus.
 *
 * @tag sportello-coda
 *
 * @fires sportello-annuncio - New requests, new replies from users; the list a filter or a search gave.
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloCoda extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    aggiornamento: { type: Number },
    orologio: { attribute: false },
    filtro: { state: true, attribute: false },
    cerca: { state: true, attribute: false },
    coda: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** Seconds between two reads (5 by default). */
  aggiornamento = 5;
  /** The time source: the waits ("in attesa da 2 ore") and the refreshes. */
  orologio: Orologio = orologioDiSistema;

  private filtro: Filtro = 'tutte';
  /** The search applied (the field may hold another one, not submitted yet). */
  private cerca = '';
  private coda?: CodaSportello;
  /** The operator asked for another list: its summary is announced once it arrives. */
  #daRiepilogare = false;

  #aggiornamento = new AggiornamentoController<CodaSportello>(this, {
    chiave: () => `${this.filtro}|${this.cerca}`,
    leggi: (etag) =>
      new ApiSportello(this.base).coda(
        { stato: this.filtro === 'tutte' ? undefined : this.filtro, cerca: this.cerca || undefined },
        etag,
      ),
    intervalloMs: () => Math.max(1, this.aggiornamento) * 1000,
    orologio: () => this.orologio,
    letto: (dati, chiave) => this.#letto(dati, chiave),
    nonAutenticato: () => emetti(this, 'sportello-sessione-scaduta', {}),
  });
  #chiaveMostrata?: string;

  /** Reads the queue now (after this operator changed a request, say). */
  aggiorna(): Promise<void> {
    return this.#aggiornamento.aggiorna();
  }

  /** Focus to the link of request `id` when the queue shows it (back from that request), else to the heading. */
  focalizza(id?: string): void {
    const link = id === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    (link ?? this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }

  #letto(dati: CodaSportello, chiave: string): void {
    if (this.coda !== undefined && chiave === this.#chiaveMostrata) {
      for (const n of novita(this.coda.richieste, dati.richieste)) {
        emetti(this, 'sportello-annuncio', n);
      }
    }
    this.coda = dati;
    this.#chiaveMostrata = chiave;
    if (this.#daRiepilogare) {
      this.#daRiepilogare = false;
      emetti(this, 'sportello-annuncio', { testo: riepilogo(dati, this.cerca) });
    }
  }

  #chiedi(): void {
    this.#daRiepilogare = true;
    void this.#aggiornamento.aggiorna();
  }

  #filtra(e: Event): void {
    this.filtro = filtroDa((e.target as HTMLInputElement).value);
    this.#chiedi();
  }

  #campoCerca = () => this.renderRoot.querySelector('#cerca') as HTMLInputElement;

  #cerca(e: Event): void {
    e.preventDefault();
    this.cerca = this.#campoCerca().value.trim();
    this.#chiedi();
  }

  #annullaRicerca(): void {
    const campo = this.#campoCerca();
    campo.value = '';
    this.cerca = '';
    campo.focus();
    this.#chiedi();
  }

  #ricerca() {
    return html`<form role="search" aria-label=${t.cerca} @submit=${this.#cerca}>
      <label for="cerca">${t.cerca}</label>
      <p class="aiuto" id="aiuto-cerca">${t.cercaAiuto}</p>
      <div class="riga">
        <input id="cerca" type="search" aria-describedby="aiuto-cerca" />
        <button type="submit">${t.cercaPulsante}</button>
        ${this.cerca ? html`<button type="button" @click=${this.#annullaRicerca}>${t.annullaRicerca}</button>` : nothing}
      </div>
    </form>`;
  }

  #filtri() {
    return html`<fieldset class="filtri">
      <legend>${t.filtro}</legend>
      ${opzioniFiltro(this.coda?.conteggi).map(
        (o) =>
          html`<label class="filtro"
            ><input
              type="radio"
              name="filtro"
              value=${o.valore}
              .checked=${this.filtro === o.valore}
              @change=${this.#filtra}
            />
            ${o.etichetta} <span class="n">(${o.n})</span></label
          >`,
      )}
    </fieldset>`;
  }

  #voce(r: VoceCoda, ora: number) {
    const pratica = [r.pratica?.tipologia, r.pratica?.numero].filter(Boolean).join(' ');
    const quanto = attesa(r, ora);
    const descritta = [`stato-${r.id}`, r.nuovaRispostaUtente ? `nuova-${r.id}` : '', `chi-${r.id}`, `attesa-${r.id}`];
    return html`<li class=${r.nuovaRispostaUtente ? 'nuova' : ''}>
      <p class="capo">
        <a
          class="apri"
          href=${indirizzo({ vista: 'richiesta', id: r.id })}
          data-id=${r.id}
          aria-describedby=${descritta.filter(Boolean).join(' ')}
          >${t.richiesta(r.numero)}</a
        >
        <span class="stato stato-${r.stato}" id="stato-${r.id}">${nomeStato(r.stato)}</span>
        ${
          r.nuovaRispostaUtente
            ? html`<span class="nuova-risposta" id="nuova-${r.id}">${t.nuovaRisposta}</span>`
            : nothing
        }
      </p>
      <p class="chi" id="chi-${r.id}">
        <strong>${r.cognome} ${r.nome}</strong>
        <span>(${r.utente === null ? t.anonima : t.utente(r.utente)})</span>
        ${r.email ? html`<span class="email">${r.email}</span>` : nothing}
      </p>
      <p class="attesa" id="attesa-${r.id}">
        <time datetime=${quanto.dal} title=${quando(quanto.dal)}>${quanto.testo}</time>
      </p>
      ${pratica ? html`<p class="pratica"><strong>${t.pratica}</strong> ${pratica}</p>` : nothing}
      <p class="anteprima">${r.anteprima}</p>
      <p class="conta">${t.messaggi(r.messaggi)}${r.allegati > 0 ? html` · ${t.allegati(r.allegati)}` : nothing}</p>
    </li>`;
  }

  #elenco() {
    const coda = this.coda;
    const stato = this.#aggiornamento.stato;
    if (coda === undefined) {
      const errore = this.#aggiornamento.errore;
      return html`<p class=${errore ? 'avviso' : ''}>${errore ? errore.messaggio : t.caricamento}</p>`;
    }
    const ora = this.orologio.ora();
    const vuota = this.cerca ? t.nessunaTrovata : t.nessuna;
    return html`<p class="riepilogo">${riepilogo(coda, this.cerca)}</p>
      ${stato === 'non-aggiornato' || stato === 'errore' ? html`<p class="avviso">${t.nonAggiornata}</p>` : nothing}
      ${
        coda.richieste.length === 0
          ? html`<p>${vuota}</p>`
          : html`<ol class="coda" aria-label=${t.elenco}>
              ${repeat(
                coda.richieste,
                (r) => r.id,
                (r) => this.#voce(r, ora),
              )}
            </ol>`
      }`;
  }

  override render() {
    return html`<h1 tabindex="-1">${t.titolo}</h1>
      <div class="comandi">${this.#ricerca()} ${this.#filtri()}</div>
      ${this.#elenco()}`;
  }
}

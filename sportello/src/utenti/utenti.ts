import { LitElement, html, nothing } from 'lit';
import { ApiSportello, BASE_PREDEFINITA, type UtentiTrovati } from '../api.js';
import { erroreRicerca, fattoAnonimizza, fattoCancella, riepilogoUtenti } from '../dati-personali.js';
import { emetti } from '../eventi.js';
import { riuscito } from '../esiti.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { schedaUtente, type Azione, type AzioniUtente } from './modelli.js';
import { styles } from './utenti.styles.js';

const t = testi.utenti;

/**
 * @summary Administrators: a person's data. Finds the portal's users by id, name or email, downloads everything the
 * server holds about one as a JSON file, erases them or anonymises them (each after a question that says what will
 * happen; each written to the record). An operator who is not an administrator is told the page is not theirs.
 *
 * @tag sportello-utenti
 *
 * @fires sportello-annuncio - What a search found, what an erasure or an anonymisation did.
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloUtenti extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    amministratore: { type: Boolean },
    trovati: { state: true, attribute: false },
    cercato: { state: true, attribute: false },
    erroreCampo: { state: true, attribute: false },
    errore: { state: true, attribute: false },
    fatto: { state: true, attribute: false },
    daConfermare: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** Whether the operator is an administrator: only they search, export and erase. */
  amministratore = false;

  private trovati?: UtentiTrovati;
  /** The search the list shows, read again after an erasure. */
  private cercato = '';
  private erroreCampo = '';
  private errore = '';
  /** What the last erasure or anonymisation did. */
  private fatto = '';
  /** The action waiting for a confirmation, and whose. */
  private daConfermare?: { utente: string; azione: Azione };
  /** A confirmed action is on its way: a second click does nothing. */
  #occupato = false;

  #api = () => new ApiSportello(this.base);
  #fallita = (messaggio: string) => {
    this.errore = messaggio;
  };

  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The focus on the first of `selettori` the page shows, in that order. */
  async #focus(...selettori: string[]): Promise<void> {
    await this.updateComplete;
    for (const selettore of selettori) {
      const el = this.renderRoot.querySelector<HTMLElement>(selettore);
      if (el !== null) {
        el.focus();
        break;
      }
    }
  }

  async #cerca(e: Event): Promise<void> {
    e.preventDefault();
    const cerca = String(new FormData(e.target as HTMLFormElement).get('cerca') ?? '').trim();
    this.errore = '';
    this.erroreCampo = erroreRicerca(cerca) ?? '';
    const trovati = this.erroreCampo === '' ? await this.#leggi(cerca) : undefined;
    if (trovati !== undefined) {
      emetti(this, 'sportello-annuncio', { testo: riepilogoUtenti(trovati, cerca) });
    }
    if (this.erroreCampo !== '') {
      await this.#focus('#cerca-utente');
    }
  }

  /** The users `cerca` finds; a refusal of the search goes to its field, anything else above the list. */
  async #leggi(cerca: string): Promise<UtentiTrovati | undefined> {
    const esito = await this.#api().utenti(cerca);
    if (esito.esito === 'errore' && esito.statoHttp === 400) {
      this.erroreCampo = esito.messaggio;
      return undefined;
    }
    if (!riuscito(this, esito, this.#fallita)) {
      return undefined;
    }
    this.trovati = esito.dati;
    this.cercato = cerca;
    this.fatto = '';
    this.daConfermare = undefined;
    return esito.dati;
  }

  #pulsanteDi = (utente: string, azione: Azione) =>
    `button[data-azione="${azione}"][data-utente="${CSS.escape(utente)}"]`;

  #azioni: AzioniUtente = {
    esportazione: (utente) => this.#api().datiUtente(utente),
    chiedi: (utente, azione) => {
      this.daConfermare = { utente, azione };
      void this.#focus('.conferma .annulla');
    },
    annulla: (utente, azione) => {
      this.daConfermare = undefined;
      void this.#focus(this.#pulsanteDi(utente, azione));
    },
    conferma: (utente, azione) => void this.#esegui(utente, azione),
  };

  /** The erasure or the anonymisation, said in the live region and above the list, which is read again. */
  async #esegui(utente: string, azione: Azione): Promise<void> {
    if (this.#occupato) {
      return;
    }
    this.#occupato = true;
    this.errore = '';
    const api = this.#api();
    const esito = azione === 'cancella' ? await api.cancellaUtente(utente) : await api.anonimizzaUtente(utente);
    this.#occupato = false;
    if (!riuscito(this, esito, this.#fallita)) {
      this.daConfermare = undefined;
      // Nothing of them left (another administrator was quicker): the list drops them.
      if (esito.esito === 'errore' && esito.statoHttp === 404) {
        await this.#leggi(this.cercato);
      }
      await this.#focus(this.#pulsanteDi(utente, azione), '#titolo-trovati');
      return;
    }
    const fatto = azione === 'cancella' ? fattoCancella(utente, esito.dati) : fattoAnonimizza(utente, esito.dati);
    emetti(this, 'sportello-annuncio', { testo: fatto });
    await this.#leggi(this.cercato);
    this.fatto = fatto;
    await this.#focus('.fatto');
  }

  #modulo() {
    const invalido = this.erroreCampo !== '';
    const descritto = invalido ? 'aiuto-cerca errore-cerca' : 'aiuto-cerca';
    return html`<form
      class="cerca scheda"
      role="search"
      aria-labelledby="titolo-cerca"
      novalidate
      @submit=${this.#cerca}
    >
      <h2 id="titolo-cerca">${t.cerca}</h2>
      <div class="campo">
        <label for="cerca-utente">${t.campo}</label>
        <p class="aiuto" id="aiuto-cerca">${t.aiuto}</p>
        <input
          id="cerca-utente"
          name="cerca"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${invalido ? 'true' : 'false'}
          aria-describedby=${descritto}
        />
        ${invalido ? html`<p class="errore" id="errore-cerca">${this.erroreCampo}</p>` : nothing}
      </div>
      <button type="submit">${t.cercaPulsante}</button>
    </form>`;
  }

  #elenco() {
    const trovati = this.trovati;
    if (trovati === undefined) {
      return nothing;
    }
    const inAttesa = (utente: string) => (this.daConfermare?.utente === utente ? this.daConfermare.azione : undefined);
    return html`<section aria-labelledby="titolo-trovati">
      <h2 id="titolo-trovati" tabindex="-1">${t.elenco}</h2>
      <p class="riepilogo">${riepilogoUtenti(trovati, this.cercato)}</p>
      ${
        trovati.utenti.length === 0
          ? nothing
          : html`<ul class="utenti">
              ${trovati.utenti.map((u, i) => schedaUtente(u, i, inAttesa(u.utente), this.#azioni))}
            </ul>`
      }
    </section>`;
  }

  override render() {
    if (!this.amministratore) {
      return html`<h1 tabindex="-1">${t.titolo}</h1>
        <p class="avviso">${t.riservata}</p>`;
    }
    return html`<h1 tabindex="-1">${t.titolo}</h1>
      <p class="intro">${t.intro}</p>
      ${this.#modulo()}
      <div role="alert">${this.errore}</div>
      ${this.fatto ? html`<p class="fatto" tabindex="-1">${this.fatto}</p>` : nothing} ${this.#elenco()}`;
  }
}

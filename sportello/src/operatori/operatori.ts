import { LitElement, html, nothing } from 'lit';
import { ApiSportello, BASE_PREDEFINITA, type ErroreCampo, type OperatoreElencato } from '../api.js';
import { emetti } from '../eventi.js';
import { riuscito } from '../esiti.js';
import { tabella } from '../tabella.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { quando } from '../tempo.js';
import { styles } from './operatori.styles.js';

const t = testi.operatori;
/** The shortest password the server accepts for an operator (MIN_PASSWORD of server/src/servizi/operatori.ts). */
export const MIN_PASSWORD = 12;

type CampoNuovo = 'utente' | 'nome' | 'password' | 'ruolo';
const CAMPI: CampoNuovo[] = ['utente', 'nome', 'password', 'ruolo'];

/** A new operator's fields checked as the server will: what is missing or short, by field. */
export function controllaNuovo(o: Record<CampoNuovo, string>): ErroreCampo[] {
  const errori: ErroreCampo[] = [];
  if (o.utente.trim() === '') {
    errori.push({ campo: 'utente', messaggio: t.manca.utente });
  }
  if (o.nome.trim() === '') {
    errori.push({ campo: 'nome', messaggio: t.manca.nome });
  }
  if (o.password.length < MIN_PASSWORD) {
    errori.push({ campo: 'password', messaggio: t.manca.password(MIN_PASSWORD) });
  }
  return errori;
}

/**
 * @summary Administrators: the help desk's operators, adding one (a password of at least 12 characters) and removing
 * one (after a confirmation; their sessions end at once).
 *
 * @tag sportello-operatori
 *
 * @fires sportello-annuncio - An operator added or removed.
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloOperatori extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    operatori: { state: true, attribute: false },
    daConfermare: { state: true, attribute: false },
    errore: { state: true, attribute: false },
    erroriCampi: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;

  private operatori?: OperatoreElencato[];
  /** The operator whose removal waits for a confirmation. */
  private daConfermare?: string;
  private errore = '';
  private erroriCampi: ErroreCampo[] = [];

  #api = () => new ApiSportello(this.base);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#leggi();
  }

  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #fallita = (messaggio: string) => {
    this.errore = messaggio;
  };

  async #leggi(): Promise<void> {
    const esito = await this.#api().operatori();
    if (riuscito(this, esito, this.#fallita)) {
      this.operatori = esito.dati;
    }
  }

  async #focus(selettore: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selettore)?.focus();
  }

  async #aggiungi(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const valori = new FormData(form);
    const dati = Object.fromEntries(CAMPI.map((c) => [c, String(valori.get(c) ?? '')])) as Record<CampoNuovo, string>;
    this.errore = '';
    this.erroriCampi = controllaNuovo(dati);
    if (this.erroriCampi.length === 0) {
      await this.#invia(form, dati);
    }
    const primo = this.erroriCampi[0];
    if (primo !== undefined) {
      await this.#focus(`#nuovo-${primo.campo}`);
    }
  }

  /** The server's refusal goes to its field (a name taken too), or above the list when it names none. */
  async #invia(form: HTMLFormElement, dati: Record<CampoNuovo, string>): Promise<void> {
    const esito = await this.#api().aggiungiOperatore(dati);
    if (esito.esito === 'non-autenticato') {
      emetti(this, 'sportello-sessione-scaduta', {});
      return;
    }
    // Refused: each field's message goes to its field (a name taken too), the others above the list.
    if (esito.esito === 'ok') {
      form.reset();
      emetti(this, 'sportello-annuncio', { testo: testi.annunci.operatoreAggiunto(esito.dati.utente) });
      await this.#leggi();
      return;
    }
    const presi = esito.statoHttp === 409 ? [{ campo: 'utente', messaggio: esito.messaggio }] : esito.campi;
    this.erroriCampi = presi.filter((c) => CAMPI.includes(c.campo as CampoNuovo));
    if (this.erroriCampi.length === 0) {
      this.errore = esito.messaggio;
    }
  }

  async #rimuovi(utente: string): Promise<void> {
    this.errore = '';
    const esito = await this.#api().rimuoviOperatore(utente);
    this.daConfermare = undefined;
    if (!riuscito(this, esito, this.#fallita)) {
      return;
    }
    emetti(this, 'sportello-annuncio', { testo: testi.annunci.operatoreRimosso(utente) });
    await this.#leggi();
    await this.#focus('h1');
  }

  async #chiediConferma(utente: string | undefined, focus: string): Promise<void> {
    this.daConfermare = utente;
    await this.#focus(focus);
  }

  #azioni(o: OperatoreElencato) {
    if (this.daConfermare !== o.utente) {
      return html`<button
        type="button"
        data-rimuovi=${o.utente}
        @click=${() => this.#chiediConferma(o.utente, '.conferma button')}
      >
        ${t.rimuovi} <span class="vh">${o.utente}</span>
      </button>`;
    }
    return html`<div class="conferma" role="group" aria-label=${t.conferma(o.utente)}>
      <p>${t.conferma(o.utente)}</p>
      <div class="azioni">
        <button type="button" @click=${() => this.#rimuovi(o.utente)}>${t.confermaRimuovi}</button>
        <button
          type="button"
          @click=${() => this.#chiediConferma(undefined, `[data-rimuovi="${CSS.escape(o.utente)}"]`)}
        >
          ${t.annulla}
        </button>
      </div>
    </div>`;
  }

  #elenco() {
    if (this.operatori === undefined) {
      return nothing;
    }
    return tabella({
      id: 'titolo-elenco',
      titolo: t.elenco,
      colonne: [t.utente, t.nome, t.ruolo, t.dal, t.azioni],
      righe: this.operatori.map(
        (o) =>
          html`<tr>
            <th scope="row">${o.utente}</th>
            <td>${o.nome}</td>
            <td>${t.ruoli[o.ruolo] ?? o.ruolo}</td>
            <td><time datetime=${o.creatoIl}>${quando(o.creatoIl)}</time></td>
            <td>${this.#azioni(o)}</td>
          </tr>`,
      ),
    });
  }

  #campo(campo: Exclude<CampoNuovo, 'ruolo'>, etichetta: string, tipo: string, completamento: string, aiuto?: string) {
    const errore = this.erroriCampi.find((e) => e.campo === campo);
    const id = `nuovo-${campo}`;
    const descritto = [aiuto ? `aiuto-${id}` : '', errore ? `errore-${id}` : ''].filter(Boolean).join(' ');
    return html`<div class="campo">
      <label for=${id}>${etichetta}</label>
      ${aiuto ? html`<p class="aiuto" id="aiuto-${id}">${aiuto}</p>` : nothing}
      <input
        id=${id}
        name=${campo}
        type=${tipo}
        autocomplete=${completamento}
        required
        aria-invalid=${errore ? 'true' : 'false'}
        aria-describedby=${descritto || nothing}
      />
      ${errore ? html`<p class="errore" id="errore-${id}">${errore.messaggio}</p>` : nothing}
    </div>`;
  }

  override render() {
    return html`<h1 tabindex="-1">${t.titolo}</h1>
      <div role="alert">${this.errore}</div>
      ${this.#elenco()}
      <section class="scheda nuovo" aria-labelledby="titolo-nuovo">
        <h2 id="titolo-nuovo">${t.aggiungi}</h2>
        <form novalidate @submit=${this.#aggiungi}>
          ${this.#campo('utente', t.utente, 'text', 'off')} ${this.#campo('nome', t.nomeMostrato, 'text', 'off')}
          ${this.#campo('password', t.password, 'password', 'new-password', t.passwordAiuto(MIN_PASSWORD))}
          <div class="campo">
            <label for="nuovo-ruolo">${t.ruolo}</label>
            <select id="nuovo-ruolo" name="ruolo">
              <option value="operatore" selected>${t.ruoli.operatore}</option>
              <option value="amministratore">${t.ruoli.amministratore}</option>
            </select>
          </div>
          <button type="submit">${t.aggiungiPulsante}</button>
        </form>
      </section>`;
  }
}

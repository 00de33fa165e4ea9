import { LitElement, html, nothing } from 'lit';
import { ApiSportello, BASE_PREDEFINITA, type Errore, type VoceRegistroJson } from '../api.js';
import { riuscito } from '../esiti.js';
import { tabella } from '../tabella.js';
import { indirizzo } from '../percorso.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { quando } from '../tempo.js';
import { dettagliVoce } from './dettagli.js';
import { styles } from './registro.styles.js';

const t = testi.registro;

/** A request looked up by its numero: its id, the number's own error, or the server's. */
type Ricerca =
  { esito: 'trovata'; id: string } | { esito: 'numero'; messaggio: string } | { esito: 'non-autenticato' } | Errore;

/**
 * @summary Administrators: the record of what operators did (logins, replies, changes of state, downloads, operators
 * added and removed), newest first, filtered by operator and by request, older entries a page at a time.
 *
 * @tag sportello-registro
 *
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloRegistro extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    operatore: {},
    richiesta: {},
    voci: { state: true, attribute: false },
    primaDi: { state: true, attribute: false },
    errore: { state: true, attribute: false },
    erroreNumero: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** Only this operator's entries (their user name). */
  operatore = '';
  /** Only the entries on this request (its id). */
  richiesta = '';

  private voci?: VoceRegistroJson[];
  private primaDi?: number;
  private errore = '';
  private erroreNumero = '';

  #api = () => new ApiSportello(this.base);
  #fallita = (messaggio: string) => {
    this.errore = messaggio;
  };

  override willUpdate(cambiate: Map<string, unknown>): void {
    if (cambiate.has('operatore') || cambiate.has('richiesta') || cambiate.has('base')) {
      void this.#leggi(false);
    }
  }

  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The first page for the filters, or (`altre`) the next one after what is shown. */
  async #leggi(altre: boolean): Promise<void> {
    const esito = await this.#api().registro({
      operatore: this.operatore || undefined,
      richiesta: this.richiesta || undefined,
      primaDi: altre ? this.primaDi : undefined,
    });
    if (!riuscito(this, esito, this.#fallita)) {
      return;
    }
    this.errore = '';
    this.voci = altre ? [...(this.voci ?? []), ...esito.dati.voci] : esito.dati.voci;
    this.primaDi = esito.dati.primaDi;
  }

  /** A request's id from its numero, through the queue's search; the number's own error when it names none. */
  async #idDi(numero: string): Promise<Ricerca> {
    if (!/^\d+$/.test(numero)) {
      return { esito: 'numero', messaggio: t.numeroNonValido };
    }
    // The search matches the numero and also texts that contain it: the most the server gives, to find the one.
    const esito = await this.#api().coda({ cerca: numero, limite: 500 });
    if (esito.esito === 'invariato') {
      return { esito: 'errore', messaggio: testi.serverAssente, campi: [] };
    }
    if (esito.esito !== 'ok') {
      return esito;
    }
    const trovata = esito.dati.richieste.find((r) => r.numero === Number(numero));
    if (trovata === undefined) {
      return { esito: 'numero', messaggio: t.richiestaNonTrovata(numero) };
    }
    return { esito: 'trovata', id: trovata.id };
  }

  async #filtra(e: Event): Promise<void> {
    e.preventDefault();
    const valori = new FormData(e.target as HTMLFormElement);
    const numero = String(valori.get('numero') ?? '').trim();
    this.erroreNumero = '';
    this.errore = '';
    const ricerca: Ricerca = numero === '' ? { esito: 'trovata', id: '' } : await this.#idDi(numero);
    if (ricerca.esito === 'non-autenticato' || ricerca.esito === 'errore') {
      riuscito(this, ricerca, this.#fallita);
      return;
    }
    if (ricerca.esito === 'numero') {
      this.erroreNumero = ricerca.messaggio;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#filtro-numero')?.focus();
      return;
    }
    this.operatore = String(valori.get('operatore') ?? '').trim();
    this.richiesta = ricerca.id;
  }

  #tutto(): void {
    const form = this.renderRoot.querySelector('form');
    form?.reset();
    this.erroreNumero = '';
    this.operatore = '';
    this.richiesta = '';
  }

  #filtri() {
    const invalido = this.erroreNumero !== '';
    return html`<form class="filtri scheda" aria-labelledby="titolo-filtri" novalidate @submit=${this.#filtra}>
      <h2 id="titolo-filtri">${t.filtri}</h2>
      <div class="campi">
        <div class="campo">
          <label for="filtro-operatore">${t.operatore}</label>
          <input id="filtro-operatore" name="operatore" .value=${this.operatore} autocomplete="off" />
        </div>
        <div class="campo">
          <label for="filtro-numero">${t.richiesta}</label>
          <input
            id="filtro-numero"
            name="numero"
            inputmode="numeric"
            autocomplete="off"
            aria-invalid=${invalido ? 'true' : 'false'}
            aria-describedby=${invalido ? 'errore-numero' : nothing}
          />
          ${invalido ? html`<p class="errore" id="errore-numero">${this.erroreNumero}</p>` : nothing}
        </div>
      </div>
      <div class="azioni">
        <button type="submit">${t.filtra}</button>
        <button type="button" @click=${this.#tutto}>${t.tutto}</button>
      </div>
    </form>`;
  }

  #voce(v: VoceRegistroJson) {
    return html`<tr>
      <td><time datetime=${v.il}>${quando(v.il)}</time></td>
      <td>${v.operatore ?? t.sistema}</td>
      <td>${t.azioni[v.azione] ?? v.azione}</td>
      <td>
        ${
          v.richiesta && v.numero !== null
            ? html`<a href=${indirizzo({ vista: 'richiesta', id: v.richiesta })}>${t.numero(v.numero)}</a>`
            : nothing
        }
      </td>
      <td>${dettagliVoce(v)}</td>
    </tr>`;
  }

  #elenco() {
    if (this.voci === undefined) {
      return nothing;
    }
    if (this.voci.length === 0) {
      return html`<p>${t.nessuna}</p>`;
    }
    return html`${tabella({
      id: 'titolo-elenco',
      titolo: t.elenco,
      colonne: [t.quando, t.chi, t.cosa, t.suRichiesta, t.dettagli],
      righe: this.voci.map((v) => this.#voce(v)),
    })}
    ${
      this.primaDi === undefined
        ? nothing
        : html`<p><button type="button" @click=${() => this.#leggi(true)}>${t.precedenti}</button></p>`
    }`;
  }

  override render() {
    return html`<h1 tabindex="-1">${t.titolo}</h1>
      ${this.#filtri()}
      <div role="alert">${this.errore}</div>
      ${this.#elenco()}`;
  }
}

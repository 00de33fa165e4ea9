import { LitElement, html, nothing } from 'lit';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { ApiSportello, BASE_PREDEFINITA, type Operatore } from '../api.js';
import { AnnunciController } from '../controllers/annunci.js';
import { PercorsoController } from '../controllers/percorso.js';
import type { Percorso } from '../percorso.js';
import { navigazione, titoloDocumento } from './modelli.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { styles } from './app.styles.js';

/** Who is at the console: being checked, the server away, nobody (with why), or an operator. */
type Sessione =
  | { fase: 'verifica' }
  | { fase: 'irraggiungibile' }
  | { fase: 'fuori'; avviso: string }
  | { fase: 'dentro'; operatore: Operatore };

/** A page of the console: what it can be asked (the focus when it opens, a fresh read). */
interface Vista extends HTMLElement {
  updateComplete: Promise<boolean>;
  focalizza(daRichiesta?: string): void;
}

/**
 * @summary The help desk's console: the login, then the operator's name and "Esci", the queue, a request, the response
 * times, and for administrators the operators, the record and a person's data; the places are in the address's fragment (#/richieste/<id>). One polite
 * live region says what arrives and what an action did; the focus moves only when the operator goes somewhere.
 *
 * @tag sportello-app
 */
export class SportelloApp extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    aggiornamento: { type: Number },
    orologio: { attribute: false },
    sessione: { state: true, attribute: false },
    erroreUscita: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** Seconds between two reads of the queue and of the open request (5 by default). */
  aggiornamento = 5;
  /** The time source of the refreshes and the waits. */
  orologio: Orologio = orologioDiSistema;

  private sessione: Sessione = { fase: 'verifica' };
  private erroreUscita = '';

  /** What the operator is typing in each request: survives a look at another request and a new login. */
  #bozze = new Map<string, string>();
  #ultimoOperatore?: string;
  /** Where the focus goes after the next render: the page just opened (and the request the operator left). */
  #daFocalizzare?: { daRichiesta?: string };
  #annunci = new AnnunciController(this);
  #percorso = new PercorsoController(this);

  #api = () => new ApiSportello(this.base);

  constructor() {
    super();
    this.addEventListener('sportello-annuncio', (e) => this.#annunci.annuncia(e.detail));
    this.addEventListener('sportello-sessione-scaduta', () => this.#scaduta());
    this.addEventListener(
      'sportello-modificata',
      () => void this.renderRoot.querySelector('sportello-coda')?.aggiorna(),
    );
    this.addEventListener('sportello-entrato', () => void this.#entrato());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#verifica();
  }

  /** The place shown. */
  get #posto(): Percorso {
    return this.#percorso.percorso;
  }

  async #verifica(): Promise<void> {
    const esito = await this.#api().sessione();
    if (esito.esito === 'ok') {
      this.#dentro(esito.dati);
    } else if (esito.esito === 'non-autenticato') {
      this.sessione = { fase: 'fuori', avviso: '' };
    } else {
      this.sessione = { fase: 'irraggiungibile' };
    }
  }

  #dentro(operatore: Operatore): void {
    // Another person at the same computer finds nothing of the one before.
    if (this.#ultimoOperatore !== undefined && this.#ultimoOperatore !== operatore.utente) {
      this.#bozze.clear();
    }
    this.#ultimoOperatore = operatore.utente;
    this.erroreUscita = '';
    this.sessione = { fase: 'dentro', operatore };
  }

  async #entrato(): Promise<void> {
    const esito = await this.#api().sessione();
    if (esito.esito !== 'ok') {
      this.sessione = { fase: 'fuori', avviso: esito.esito === 'errore' ? esito.messaggio : testi.accesso.scaduta };
      return;
    }
    this.#dentro(esito.dati);
    this.#daFocalizzare = {};
  }

  #scaduta(): void {
    if (this.sessione.fase !== 'dentro') {
      return;
    }
    this.sessione = { fase: 'fuori', avviso: testi.accesso.scaduta };
    this.#annunci.annuncia({ testo: testi.accesso.scaduta });
    this.#daFocalizzare = {};
  }

  async #esci(): Promise<void> {
    const esito = await this.#api().esci();
    if (esito.esito === 'errore') {
      this.erroreUscita = testi.testata.uscitaNonRiuscita;
      return;
    }
    this.#bozze.clear();
    this.#ultimoOperatore = undefined;
    this.sessione = { fase: 'fuori', avviso: testi.accesso.uscito };
    this.#annunci.annuncia({ testo: testi.accesso.uscito });
    this.#daFocalizzare = {};
  }

  #vista(tag: string): Vista | null {
    return this.renderRoot.querySelector<Vista>(tag);
  }

  /** The page shown: an operator who is not an administrator gets the queue for the administrators' pages. */
  #vistaMostrata(operatore: Operatore): Percorso['vista'] {
    const soloAmministratori = this.#posto.vista === 'operatori' || this.#posto.vista === 'registro';
    if (soloAmministratori && operatore.ruolo !== 'amministratore') {
      return 'coda';
    }
    return this.#posto.vista;
  }

  override willUpdate(): void {
    const andato = this.#percorso.andato;
    if (andato !== undefined) {
      this.#percorso.andato = undefined;
      this.#daFocalizzare = andato;
    }
  }

  override updated(): void {
    const s = this.sessione;
    document.title = titoloDocumento(s.fase === 'dentro' ? this.#vistaMostrata(s.operatore) : undefined);
    const focus = this.#daFocalizzare;
    if (focus === undefined) {
      return;
    }
    this.#daFocalizzare = undefined;
    const vista = this.#vistaAperta();
    if (vista === null) {
      return;
    }
    void vista.updateComplete.then(() => vista.focalizza(focus.daRichiesta));
  }

  #vistaAperta(): Vista | null {
    if (this.sessione.fase === 'fuori') {
      return this.#vista('sportello-accesso');
    }
    if (this.sessione.fase !== 'dentro') {
      return null;
    }
    return this.#vista(`sportello-${this.#vistaMostrata(this.sessione.operatore)}`);
  }

  #pagine(operatore: Operatore) {
    const vista = this.#vistaMostrata(operatore);
    const p = this.#posto;
    return html`<sportello-coda
        ?hidden=${vista !== 'coda'}
        .base=${this.base}
        .aggiornamento=${this.aggiornamento}
        .orologio=${this.orologio}
      ></sportello-coda>
      ${
        p.vista === 'richiesta'
          ? html`<sportello-richiesta
              .base=${this.base}
              .idRichiesta=${p.id}
              .aggiornamento=${this.aggiornamento}
              .orologio=${this.orologio}
              .bozze=${this.#bozze}
              ?amministratore=${operatore.ruolo === 'amministratore'}
            ></sportello-richiesta>`
          : nothing
      }
      ${vista === 'operatori' ? html`<sportello-operatori .base=${this.base}></sportello-operatori>` : nothing}
      ${
        vista === 'tempi'
          ? html`<sportello-tempi .base=${this.base} .orologio=${this.orologio}></sportello-tempi>`
          : nothing
      }
      ${
        vista === 'utenti'
          ? html`<sportello-utenti
              .base=${this.base}
              ?amministratore=${operatore.ruolo === 'amministratore'}
            ></sportello-utenti>`
          : nothing
      }
      ${
        vista === 'registro' && p.vista === 'registro'
          ? html`<sportello-registro
              .base=${this.base}
              .operatore=${p.operatore ?? ''}
              .richiesta=${p.richiesta ?? ''}
            ></sportello-registro>`
          : nothing
      }`;
  }

  #contenuto() {
    const s = this.sessione;
    if (s.fase === 'verifica') {
      return html`<p>${testi.verifica}</p>`;
    }
    if (s.fase === 'irraggiungibile') {
      return html`<p class="avviso">${testi.serverAssente}</p>
        <button type="button" @click=${() => this.#verifica()}>${testi.riprova}</button>`;
    }
    if (s.fase === 'fuori') {
      return html`<sportello-accesso
        .base=${this.base}
        .orologio=${this.orologio}
        .avviso=${s.avviso}
      ></sportello-accesso>`;
    }
    return html`${this.erroreUscita ? html`<div role="alert">${this.erroreUscita}</div>` : nothing}
    ${this.#pagine(s.operatore)}`;
  }

  override render() {
    const s = this.sessione;
    return html`<header class="testata">
        <div class="riga">
          <p class="marchio">
            <span class="nome-marchio">${testi.marchio}</span> <span class="sotto">${testi.sottomarchio}</span>
          </p>
          ${
            s.fase === 'dentro'
              ? navigazione(s.operatore, this.#vistaMostrata(s.operatore), () => void this.#esci())
              : nothing
          }
        </div>
      </header>
      <main>${this.#contenuto()}</main>
      ${this.#annunci.regione()}`;
  }
}

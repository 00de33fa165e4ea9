import { LitElement, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { ApiSportello, BASE_PREDEFINITA, type Operatore } from '../api.js';
import type { AnnuncioDetail } from '../eventi.js';
import { indirizzo, leggiPercorso, type Percorso } from '../percorso.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { styles } from './app.styles.js';

const t = testi.testata;

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

/** How many announcement keys are remembered, so that the same news from two elements is said once. */
const CHIAVI_RICORDATE = 100;

/**
 * @summary The help desk's console: the login, then the operator's name and "Esci", the queue, a request, and for
 * administrators the operators and the record; the places are in the address's fragment (#/richieste/<id>). One polite
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
    percorso: { state: true, attribute: false },
    annuncio: { state: true, attribute: false },
    erroreUscita: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** Seconds between two reads of the queue and of the open request (5 by default). */
  aggiornamento = 5;
  /** The time source of the refreshes and the waits. */
  orologio: Orologio = orologioDiSistema;

  private sessione: Sessione = { fase: 'verifica' };
  private percorso: Percorso = leggiPercorso(location.hash);
  private annuncio = '';
  private erroreUscita = '';

  /** What the operator is typing in each request: survives a look at another request and a new login. */
  #bozze = new Map<string, string>();
  #ultimoOperatore?: string;
  #chiaviDette: string[] = [];
  /** Announcements made, and how many of them the live region shows. */
  #annunci = 0;
  #annunciMostrati = 0;
  /** Where the focus goes after the next render: the page just opened (and the request the operator left). */
  #daFocalizzare?: { daRichiesta?: string };

  #api = () => new ApiSportello(this.base);

  constructor() {
    super();
    this.addEventListener('sportello-annuncio', (e) => this.#annuncia(e.detail));
    this.addEventListener('sportello-sessione-scaduta', () => this.#scaduta());
    this.addEventListener(
      'sportello-modificata',
      () => void this.renderRoot.querySelector('sportello-coda')?.aggiorna(),
    );
    this.addEventListener('sportello-entrato', () => void this.#entrato());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#quandoCambiaPercorso);
    void this.#verifica();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#quandoCambiaPercorso);
  }

  #quandoCambiaPercorso = () => {
    const prima = this.percorso;
    this.percorso = leggiPercorso(location.hash);
    const altrove = indirizzo(prima) !== indirizzo(this.percorso);
    if (altrove) {
      this.#daFocalizzare = { daRichiesta: prima.vista === 'richiesta' ? prima.id : undefined };
    }
  };

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
    this.#annuncia({ testo: testi.accesso.scaduta });
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
    this.#annuncia({ testo: testi.accesso.uscito });
    this.#daFocalizzare = {};
  }

  /** Says `testo` in the live region, unless its key was said already (the queue and the request tell one news). */
  #annuncia({ testo, chiave }: AnnuncioDetail): void {
    if (chiave !== undefined) {
      if (this.#chiaviDette.includes(chiave)) {
        return;
      }
      this.#chiaviDette = [...this.#chiaviDette, chiave].slice(-CHIAVI_RICORDATE);
    }
    // Several in one turn are said together; a new node each time, so that the same words are said again.
    this.annuncio = this.#annunci === this.#annunciMostrati ? testo : `${this.annuncio} ${testo}`;
    this.#annunci++;
    this.requestUpdate();
  }

  #vista(tag: string): Vista | null {
    return this.renderRoot.querySelector<Vista>(tag);
  }

  /** The page shown: an operator who is not an administrator gets the queue for the administrators' pages. */
  #vistaMostrata(operatore: Operatore): Percorso['vista'] {
    const soloAmministratori = this.percorso.vista === 'operatori' || this.percorso.vista === 'registro';
    if (soloAmministratori && operatore.ruolo !== 'amministratore') {
      return 'coda';
    }
    return this.percorso.vista;
  }

  override updated(): void {
    this.#annunciMostrati = this.#annunci;
    document.title = this.#titolo();
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

  #titolo(): string {
    const nomi: Record<Percorso['vista'], string> = {
      coda: testi.coda.titolo,
      richiesta: testi.richiesta.senzaNumero,
      operatori: testi.operatori.titolo,
      registro: testi.registro.titolo,
    };
    if (this.sessione.fase !== 'dentro') {
      return testi.titoloPagina;
    }
    return `${nomi[this.#vistaMostrata(this.sessione.operatore)]} · ${testi.titoloPagina}`;
  }

  #navigazione(operatore: Operatore) {
    const vista = this.#vistaMostrata(operatore);
    const voce = (v: Percorso['vista'], testo: string) =>
      html`<li>
        <a href=${indirizzo({ vista: v } as Percorso)} aria-current=${vista === v ? 'page' : nothing}>${testo}</a>
      </li>`;
    return html`<nav aria-label=${t.navigazione}>
        <ul>
          ${voce('coda', t.coda)}
          ${operatore.ruolo === 'amministratore' ? html`${voce('operatori', t.operatori)} ${voce('registro', t.registro)}` : nothing}
        </ul>
      </nav>
      <div class="chi">
        <span class="nome">${operatore.nome}</span>
        <span class="ruolo">(${t.ruolo[operatore.ruolo] ?? operatore.ruolo})</span>
        <button type="button" @click=${this.#esci}>${t.esci}</button>
      </div>`;
  }

  #pagine(operatore: Operatore) {
    const vista = this.#vistaMostrata(operatore);
    const p = this.percorso;
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
          ${s.fase === 'dentro' ? this.#navigazione(s.operatore) : nothing}
        </div>
      </header>
      <main>${this.#contenuto()}</main>
      <div class="vh" role="status">${keyed(this.#annunci, html`<p>${this.annuncio}</p>`)}</div>`;
  }
}

import { LitElement, html, nothing } from 'lit';
import { statoDopo } from '../../../server/src/servizi/stati.js';
import type { StatoRichiesta } from '../../../src/stati.js';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { ApiSportello, BASE_PREDEFINITA, type Esito, type RichiestaSportello } from '../api.js';
import { chiaveRispostaUtente } from '../coda.js';
import { AggiornamentoController } from '../controllers/aggiornamento.js';
import { ReinvioController } from '../controllers/reinvio.js';
import { emetti } from '../eventi.js';
import { riuscito } from '../esiti.js';
import { indirizzo } from '../percorso.js';
import { annuncioMail, mostraPosta } from '../posta.js';
import { stili } from '../stili.js';
import { nomeStato, testi } from '../testi.js';
import { alle } from '../tempo.js';
import { boxRisposta, chiHaScritto, conversazione, problema } from './modelli.js';
import { posta } from './posta.js';
import { styles } from './richiesta.styles.js';

const t = testi.richiesta;

/**
 * @summary One request as the help desk works on it: the portal's identity beside the contacts typed, the phone as a
 * tel: link, the practice, the description, the files to download, the whole thread with the operator of each reply,
 * the mails to the user with where each stands ("Invia di nuovo" for a failed one; a notice when the server sends
 * none), and the reply box ("Rispondi", "Rispondi e segna come risolta", "Cambia solo lo stato"). Refreshed every few
 * seconds (ETag) without touching what the operator is typing or where the focus is.
 *
 * @tag sportello-richiesta
 *
 * @fires sportello-annuncio - A new message from the user; what a reply, a change of state or a resend did.
 * @fires sportello-modificata - This operator replied or changed the state.
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloRichiesta extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    idRichiesta: { attribute: 'id-richiesta' },
    aggiornamento: { type: Number },
    amministratore: { type: Boolean },
    bozze: { attribute: false },
    orologio: { attribute: false },
    richiesta: { state: true, attribute: false },
    statoScelto: { state: true, attribute: false },
    vuota: { state: true, attribute: false },
    errore: { state: true, attribute: false },
    esito: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** The request's id. */
  idRichiesta = '';
  /** Seconds between two reads (5 by default). */
  aggiornamento = 5;
  /** Administrators get a link to the request's record. */
  amministratore = false;
  /** What the operator is typing, by request: kept by the page while they look at other requests or log in again. */
  bozze = new Map<string, string>();
  /** The time source of the refreshes. */
  orologio: Orologio = orologioDiSistema;

  private richiesta?: RichiestaSportello;
  /** The state the operator chose; without one, the state a reply gives (received → in progress, others stay). */
  private statoScelto?: StatoRichiesta;
  private vuota = false;
  private errore = '';
  private esito = '';
  #inCorso = false;

  #aggiornamento = new AggiornamentoController<RichiestaSportello>(this, {
    chiave: () => this.idRichiesta,
    leggi: (etag) => this.#api().richiesta(this.idRichiesta, etag),
    intervalloMs: () => Math.max(1, this.aggiornamento) * 1000,
    orologio: () => this.orologio,
    letto: (r) => this.#letta(r),
    nonAutenticato: () => emetti(this, 'sportello-sessione-scaduta', {}),
  });

  #reinvio = new ReinvioController(this, {
    api: () => this.#api(),
    // The button goes with the failure: the focus goes to what the mail now says.
    rimessa: async (m) => {
      await this.#aggiornamento.aggiorna();
      await this.updateComplete;
      (this.renderRoot as ShadowRoot).getElementById(`stato-mail-${m.id}`)?.focus();
    },
  });

  #api = () => new ApiSportello(this.base);
  #fallita = (messaggio: string) => {
    this.errore = messaggio;
  };

  override willUpdate(cambiate: Map<string, unknown>): void {
    if (cambiate.has('idRichiesta') && cambiate.get('idRichiesta') !== undefined) {
      this.richiesta = undefined;
      this.statoScelto = undefined;
      this.vuota = false;
      this.errore = '';
      this.esito = '';
      this.#reinvio.azzera();
      void this.#aggiornamento.aggiorna();
    }
  }

  /** Moves the focus to the request's heading (the console does it when the request opens). */
  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** A new read: a message of the user that was not there is announced (the queue says it with the same key). */
  #letta(r: RichiestaSportello): void {
    const prima = this.richiesta;
    this.richiesta = r;
    if (prima?.id !== r.id) {
      return;
    }
    const nuove = r.messaggi.slice(prima.messaggi.length);
    if (nuove.some((m) => m.autore === 'utente')) {
      emetti(this, 'sportello-annuncio', {
        chiave: chiaveRispostaUtente(r.id, r.messaggi.length),
        testo: testi.annunci.nuovaRisposta(r.numero),
      });
    }
  }

  #stato(r: RichiestaSportello): StatoRichiesta {
    return this.statoScelto ?? statoDopo('risposta-assistenza', r.stato) ?? r.stato;
  }

  #scrive(testo: string): void {
    this.bozze.set(this.idRichiesta, testo);
    this.vuota = false;
    this.requestUpdate();
  }

  /** Sends, unless something is already on its way; then says what happened and reads the request again. */
  async #esegui(
    azione: (
      api: ApiSportello,
      r: RichiestaSportello,
    ) => Promise<Esito<{ stato: StatoRichiesta; inviataViaMailA?: string }>>,
    fatto: (r: RichiestaSportello, stato: StatoRichiesta, mail?: string) => string,
  ): Promise<void> {
    const r = this.richiesta;
    if (r === undefined || this.#inCorso) {
      return;
    }
    this.#inCorso = true;
    this.errore = '';
    this.esito = testi.risposta.invio;
    const esito = await azione(this.#api(), r);
    this.#inCorso = false;
    if (!riuscito(this, esito, this.#fallita)) {
      this.esito = '';
      return;
    }
    const testo = fatto(r, esito.dati.stato, esito.dati.inviataViaMailA);
    this.esito = `${testo} (${alle(this.orologio.ora())})`;
    this.statoScelto = undefined;
    emetti(this, 'sportello-annuncio', { testo });
    emetti(this, 'sportello-modificata', { id: r.id });
    await this.#aggiornamento.aggiorna();
  }

  async #rispondi(stato: StatoRichiesta): Promise<void> {
    const testo = (this.bozze.get(this.idRichiesta) ?? '').trim();
    if (testo === '') {
      this.vuota = true;
      this.esito = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#testo')?.focus();
      return;
    }
    await this.#esegui(
      (api, r) => api.rispondi(r.id, testo, stato),
      (r, dopo, mail) => {
        this.bozze.delete(r.id);
        return `${testi.annunci.risposta(r.numero, nomeStato(dopo))}${annuncioMail(mail, r.invioPosta)}`;
      },
    );
  }

  #soloStato(): Promise<void> {
    const r = this.richiesta;
    const stato = r === undefined ? undefined : this.#stato(r);
    if (stato === undefined) {
      return Promise.resolve();
    }
    return this.#esegui(
      (api, x) => api.cambiaStato(x.id, stato),
      (x, dopo) => testi.annunci.stato(x.numero, nomeStato(dopo)),
    );
  }

  /** One heading whatever is known yet: the focus put on it when the request opens stays when it arrives. */
  #intestazione(r: RichiestaSportello | undefined) {
    return html`<p class="torna"><a href=${indirizzo({ vista: 'coda' })}>${t.torna}</a></p>
      <div class="titolo">
        <h1 tabindex="-1">${r === undefined ? t.senzaNumero : t.titolo(r.numero)}</h1>
        ${r === undefined ? nothing : html`<span class="stato stato-${r.stato}">${nomeStato(r.stato)}</span>`}
      </div>
      ${
        this.amministratore && r !== undefined
          ? html`<p><a href=${indirizzo({ vista: 'registro', richiesta: r.id })}>${t.registro}</a></p>`
          : nothing
      }`;
  }

  /** Loading, not found, or the server's error. */
  #senzaRichiesta() {
    const errore = this.#aggiornamento.errore;
    const testo = errore?.statoHttp === 404 ? t.nonTrovata : (errore?.messaggio ?? t.caricamento);
    return html`<p class=${errore ? 'avviso' : ''}>${testo}</p>`;
  }

  /** The request's parts under the heading. */
  #corpo(r: RichiestaSportello) {
    const ferma = this.#aggiornamento.stato === 'non-aggiornato';
    return html`${ferma ? html`<p class="avviso">${t.nonAggiornata}</p>` : nothing}
      <div class="colonne">${chiHaScritto(r)} ${problema(r, this.base)}</div>
      ${conversazione(r)}
      ${
        mostraPosta(r)
          ? posta({
              r,
              ora: this.orologio.ora(),
              errore: this.#reinvio.errore,
              reinvia: (m) => void this.#reinvio.reinvia(m),
            })
          : nothing
      }
      ${boxRisposta({
        r,
        testo: this.bozze.get(r.id) ?? '',
        stato: this.#stato(r),
        vuota: this.vuota,
        errore: this.errore,
        esito: this.esito,
        scrive: (testo) => this.#scrive(testo),
        sceglie: (stato) => {
          this.statoScelto = stato;
        },
        rispondi: (e) => {
          e.preventDefault();
          void this.#rispondi(this.#stato(r));
        },
        rispondiRisolta: () => void this.#rispondi('risolta'),
        soloStato: () => void this.#soloStato(),
      })}`;
  }

  override render() {
    const r = this.richiesta;
    // One template for the heading whatever follows it: the same <h1> from loading to loaded.
    return html`${this.#intestazione(r)} ${r === undefined ? this.#senzaRichiesta() : this.#corpo(r)}`;
  }
}

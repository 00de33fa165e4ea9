import { LitElement, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { LinguaController } from '../controllers/lingua-controller.js';
import { ContextConsumer } from '@lit/context';
import { endpointContext } from '../context.js';
import { PartecipazioneController } from '../controllers/partecipazione.js';
import { InAttesaController } from '../controllers/in-attesa-controller.js';
import {
  consegnaDellaPagina,
  type Notifica,
  type VoceCoda,
  type VoceRichiesta,
  type VoceRisposta,
} from '../delivery/consegna.js';
import type { Intestazioni } from '../delivery/invio.js';
import { leggiBozzaRisposta, scritturaBozzaRisposta } from '../delivery/bozze.js';
import { diUnaVoce, dimenticaUtente } from '../delivery/voci.js';
import type { RichiestaUtente } from '../elenco.js';
import { emetti } from '../events.js';
import { formatta, localeDi, testiDi, type Testi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { orologioDiSistema, type Orologio } from '../orologio.js';
import { MAX_TESTO_RISPOSTA, testoRispostaSchema } from '../risposta.js';
import { titolo } from '../titolo.js';
import { ElencoController } from './elenco-controller.js';
import { FiltroController } from './filtro-controller.js';
import { ScritturaController } from './scrittura-controller.js';
import { leggiLette, nonLette, segnaLette, type Lette } from './lette.js';
import {
  boxRisposta,
  dettagli,
  filo,
  filtro,
  formatoOrario,
  nomeRiga,
  partiRiga,
  richiesteInAttesa,
  riga,
  risposteFerme,
  type Orari,
} from './modelli.js';
import { aperta, filtrate, ordina } from './riepilogo.js';
import { styles } from './richieste.styles.js';

const TESTI: Traduzioni<'richieste'> = { it: it.richieste, en: en.richieste };

/** How long the draft of a reply waits after the last keystroke before it is saved, as the form's. */
const RITARDO_BOZZA_MS = 300;
const GIORNI_CONSERVAZIONE = 7;

const unaRisposta = (v: VoceCoda): v is VoceRisposta => v.tipo === 'risposta';
const unaRichiesta = (v: VoceCoda): v is VoceRichiesta => v.tipo === 'richiesta';

/**
 * @summary "Le mie richieste": the user's requests with their state and the help desk's replies, read from the endpoint
 * (kept for the user when it cannot be reached), and replies sent through the same offline queue as requests.
 *
 * @tag assistenza-richieste
 *
 * @fires assistenza-nuove-risposte - The number of replies the user has not opened changed; detail {n}.
 *
 * @csspart heading - The title.
 * @csspart filter - The choice between the open requests and all of them, with their counts.
 * @csspart list - The list of requests.
 * @csspart toggle - Each request's disclosure button: a closed row.
 * @csspart badge - A row's state, and its "Nuova risposta".
 * @csspart summary - A row's first line of the description.
 * @csspart detail - An open request: description, practice, date, thread, reply box.
 * @csspart description - The request's description.
 * @csspart thread - The messages after the request.
 * @csspart message - Each message.
 * @csspart reply - The reply box.
 * @csspart label - The reply box's label.
 * @csspart input - The reply's text area.
 * @csspart error - A reply's error.
 * @csspart button - The buttons.
 * @csspart waiting - The requests still in this browser's queue.
 * @csspart status - What changed (new replies), announced politely.
 * @csspart notice - Notices: the list is old, sign in, a reply not sent.
 *
 * @cssproperty [--assistenza-colore-primario=#0066cc] - Buttons and links.
 * @cssproperty [--assistenza-colore-testo=#1a1a1a] - Text.
 * @cssproperty [--assistenza-colore-sfondo=transparent] - Background.
 * @cssproperty [--assistenza-colore-bordo=#5c6f82] - Borders.
 * @cssproperty [--assistenza-colore-errore=#b71918] - Errors.
 * @cssproperty [--assistenza-colore-avviso=#a66300] - Notices, and the badge of a request waiting for the user.
 * @cssproperty [--assistenza-colore-successo=#00703c] - The badge of a solved request.
 * @cssproperty [--assistenza-colore-focus=#ff9900] - The focus ring.
 * @cssproperty [--assistenza-font=Titillium Web, system-ui, sans-serif] - Font family.
 * @cssproperty [--assistenza-dimensione-testo=1rem] - Base font size.
 * @cssproperty [--assistenza-spaziatura=1rem] - Spacing unit.
 * @cssproperty [--assistenza-raggio=4px] - Corner radius.
 */
export class AssistenzaRichieste extends LitElement {
  static override styles = styles;
  static override properties = {
    endpoint: {},
    utente: {},
    credentials: {},
    livello: { type: Number },
    aggiornamento: { type: Number },
    headers: { attribute: false },
    testi: { attribute: false },
    orologio: { attribute: false },
    aperte: { state: true, attribute: false },
    bozze: { state: true, attribute: false },
    errori: { state: true, attribute: false },
    annuncio: { state: true, attribute: false },
  };

  /** Where the list is read (GET) and replies go (POST <endpoint>/<id>/messaggi); otherwise the provider's endpoint. */
  endpoint?: string;
  /** The user's id: the kept list, the read marks and the reply drafts belong to it. */
  utente?: string;
  /** fetch credentials mode. */
  credentials: RequestCredentials = 'same-origin';
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  livello = 2;
  /** Seconds between two reads while the page is visible (60 by default; any value from 1 up). */
  aggiornamento = 60;
  /** Extra headers (a CSRF token), or a function returning them; read at each request, never stored. */
  headers?: Intestazioni | (() => Intestazioni | Promise<Intestazioni>);
  /** Overrides of any text. */
  testi?: TestiParziali;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
    // A new order of the rows never takes away the reply box the user is typing in.
    new ScritturaController(this);
  }
  /** The time source: a test or a demo replaces it to move time. */
  orologio: Orologio = orologioDiSistema;

  private aperte = new Set<string>();
  /** What the user is typing in each reply box. */
  private bozze: Record<string, string> = {};
  private errori: Record<string, string | undefined> = {};
  private annuncio = '';

  #endpointFornito = new ContextConsumer(this, { context: endpointContext, subscribe: true });
  #lette: Lette = {};
  /** The number last told to the host with assistenza-nuove-risposte. */
  #nonLetteDette = 0;
  /** The reply drafts typed and not saved yet, by request: each saves under the user who typed it. */
  #salvataggi = new Map<string, { annulla: () => void; salva: () => void }>();

  #partecipazione = new PartecipazioneController(this, {
    firma: { endpoint: () => this.#url(), intestazioni: () => this.#intestazioni() },
    notifica: (n) => this.#quandoNotifica(n),
    cambioUtente: () => {
      // Another user, or nobody after a logout: what was typed is saved as its writer's draft, and leaves the screen
      // with everything else of theirs (the list goes with its controller's own change of user).
      for (const { salva } of this.#salvataggi.values()) salva();
      this.#dimenticaVista();
    },
  });

  #attesa = new InAttesaController(
    this,
    () => this.#partecipazione.utente(),
    (v): v is VoceRichiesta | VoceRisposta => unaRichiesta(v) || unaRisposta(v),
  );

  #filtro = new FiltroController(this, {
    archivio: consegnaDellaPagina().archivio,
    utente: () => this.#partecipazione.utente(),
  });

  #elenco = new ElencoController(this, {
    archivio: consegnaDellaPagina().archivio,
    url: () => this.#url(),
    credentials: () => this.credentials,
    intestazioni: () => this.#intestazioni(),
    utente: () => this.#partecipazione.utente(),
    intervalloMs: () => (this.aggiornamento >= 1 ? this.aggiornamento : 60) * 1000,
    orologio: () => this.orologio,
    letto: (prima, dopo) => this.#letto(prima, dopo),
    mostrato: () => this.#diNonLette(),
  });

  /** How many of the help desk's replies the user has not opened. */
  get nonLette(): number {
    return this.#elenco.richieste.reduce((n, r) => n + nonLette(r, this.#lette), 0);
  }

  #url(): string {
    return this.endpoint || this.#endpointFornito.value || '/api/richieste';
  }

  #intestazioni() {
    return typeof this.headers === 'function' ? this.headers() : this.headers;
  }

  /** Drops what the element shows of its user, but the list itself; a reply draft not saved yet is not saved now. */
  #dimenticaVista(): void {
    for (const { annulla } of this.#salvataggi.values()) annulla();
    this.#salvataggi.clear();
    this.aperte = new Set();
    this.bozze = {};
    this.errori = {};
    this.annuncio = '';
    this.#lette = {};
    this.#nonLetteDette = 0;
  }

  /**
   * Before a new list is shown: the user's filter and read marks, new replies announced (not at the first read), open
   * requests read.
   */
  async #letto(prima: RichiestaUtente[] | undefined, dopo: RichiestaUtente[]): Promise<void> {
    const utente = this.#partecipazione.utente();
    await this.#filtro.pronto;
    this.#lette = await leggiLette(consegnaDellaPagina().archivio, utente);
    if (prima) this.#annunciaNuove(prima, dopo);
    for (const r of dopo) if (this.aperte.has(r.id) && nonLette(r, this.#lette)) await this.#segnaLette(r);
  }

  #annunciaNuove(prima: RichiestaUtente[], dopo: RichiestaUtente[]): void {
    const note = new Set(prima.flatMap((r) => r.messaggi.map((m) => m.id)));
    const nuove = dopo.flatMap((r) => r.messaggi).filter((m) => m.autore === 'assistenza' && !note.has(m.id)).length;
    if (!nuove) return;
    const t = testiDi(this, 'richieste', TESTI);
    this.annuncio = nuove === 1 ? t.nuovaDallAssistenza : formatta(t.nuoveDallAssistenza, { n: nuove });
  }

  async #segnaLette(r: RichiestaUtente): Promise<void> {
    this.#lette = await segnaLette(consegnaDellaPagina().archivio, this.#partecipazione.utente(), r, this.#lette);
    this.requestUpdate();
  }

  /** Tells the host when the unread count changed, so it can badge its personal menu. */
  #diNonLette(): void {
    const n = this.nonLette;
    this.requestUpdate();
    if (n === this.#nonLetteDette) return;
    this.#nonLetteDette = n;
    emetti(this, 'assistenza-nuove-risposte', { n });
  }

  async #apriOChiudi(r: RichiestaUtente): Promise<void> {
    const aperte = new Set(this.aperte);
    if (aperte.has(r.id)) {
      aperte.delete(r.id);
      this.aperte = aperte;
      return;
    }
    aperte.add(r.id);
    this.aperte = aperte;
    await this.#caricaBozza(r.id);
    if (nonLette(r, this.#lette)) {
      await this.#segnaLette(r);
      this.#diNonLette();
    }
  }

  /** The reply's draft, unless the user has typed since the page loaded. */
  async #caricaBozza(id: string): Promise<void> {
    const consegna = consegnaDellaPagina();
    const salvata = await leggiBozzaRisposta(
      consegna.archivio,
      this.#partecipazione.utente(),
      id,
      consegna.orologio.ora(),
    );
    if (this.bozze[id] === undefined || this.bozze[id] === '') this.bozze = { ...this.bozze, [id]: salvata };
  }

  #scrive(id: string, testo: string): void {
    this.bozze = { ...this.bozze, [id]: testo };
    this.errori = { ...this.errori, [id]: undefined };
    this.#salvataggi.get(id)?.annulla();
    const utente = this.#partecipazione.utente();
    const salva = () => {
      this.#salvataggi.get(id)?.annulla();
      this.#salvataggi.delete(id);
      const consegna = consegnaDellaPagina();
      void consegna.archivio.scrivi(...scritturaBozzaRisposta(utente, id, testo, consegna.orologio.ora()));
    };
    this.#salvataggi.set(id, { annulla: this.orologio.programma(salva, RITARDO_BOZZA_MS), salva });
  }

  /** The reply's text checked like the endpoint does; the reason in the element's language when it is refused. */
  #erroreRisposta(testo: string, t: Testi['richieste']): string | undefined {
    const pulito = testo.trim();
    if (!pulito) return t.rispostaVuota;
    if (pulito.length > MAX_TESTO_RISPOSTA) return t.rispostaLunga;
    if (!testoRispostaSchema.safeParse(pulito).success) return t.rispostaNonValida;
    return undefined;
  }

  async #inviaRisposta(e: Event, r: RichiestaUtente): Promise<void> {
    e.preventDefault();
    const t = testiDi(this, 'richieste', TESTI);
    const testo = this.bozze[r.id] ?? '';
    const errore = this.#erroreRisposta(testo, t);
    this.errori = { ...this.errori, [r.id]: errore };
    if (errore) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#risposta-${CSS.escape(r.id)}`)?.focus();
      return;
    }
    this.#salvataggi.get(r.id)?.annulla();
    this.#salvataggi.delete(r.id);
    this.bozze = { ...this.bozze, [r.id]: '' };
    const id = crypto.randomUUID();
    this.#partecipazione.proprie.add(id);
    await consegnaDellaPagina().accodaRisposta({
      endpoint: this.#url(),
      credentials: this.credentials,
      utente: this.#partecipazione.utente(),
      richiestaId: r.id,
      risposta: { id, testo: testo.trim(), inviatoIl: new Date(this.orologio.ora()).toISOString() },
    });
  }

  #quandoNotifica(n: Notifica): void {
    this.#attesa.segui(n);
    if (n.tipo === 'dimenticata' && dimenticaUtente(n, this.#partecipazione.utente())) {
      this.#dimenticaVista();
      this.#elenco.dimentica();
    }
    if (!diUnaVoce(n)) return;
    // A postponed reply turns from "In invio" to "In coda": the form need not re-read for that, this list does.
    if (n.tipo === 'rinviata') void this.#attesa.rileggi();
    if (n.utente !== this.#partecipazione.utente()) return;
    if (n.tipo === 'consegnata') {
      if (n.cosa === 'risposta' && n.richiestaId && n.stato) this.#elenco.cambiaStato(n.richiestaId, n.stato);
      // Delivered: the server's thread has it now, and a request sent from the form is in the list.
      void this.#elenco.aggiorna();
    } else if (n.tipo === 'respinta' && n.cosa === 'risposta' && n.richiestaId) {
      const id = n.richiestaId;
      const t = testiDi(this, 'richieste', TESTI);
      this.errori = {
        ...this.errori,
        [id]: formatta(t.rispostaRespinta, { messaggio: n.messaggio ?? `HTTP ${n.stato}` }),
      };
      if (n.inBozza) {
        this.bozze = { ...this.bozze, [id]: '' };
        void this.#caricaBozza(id);
      }
    }
  }

  override render() {
    const t = testiDi(this, 'richieste', TESTI);
    const orari = formatoOrario(localeDi(this));
    const e = this.#elenco;
    return html`
      ${titolo(this.livello, t.titolo)}
      <div part="status" role="status">${this.annuncio}</div>
      ${this.#avvisi(t, orari)}
      ${richiesteInAttesa(
        this.#attesa.voci.filter(unaRichiesta).filter((v) => v.stato === 'in-coda'),
        t,
        orari,
        consegnaDellaPagina().inviabileQui(this.#partecipazione.utente()),
      )}
      ${this.#elenco.stato === 'caricamento' && !e.richieste.length ? html`<p>${t.caricamento}</p>` : nothing}
      ${e.stato === 'aggiornato' && !e.richieste.length && !this.#attesa.voci.length ? html`<p>${t.vuoto}</p>` : nothing}
      ${e.richieste.length ? this.#elencoFiltrato(t, orari) : nothing}
      ${e.prossima ? html`<button part="button" type="button" @click=${() => void e.caricaPrecedenti()}>${t.precedenti}</button>` : nothing}
    `;
  }

  #avvisi(t: Testi['richieste'], orari: Orari) {
    const e = this.#elenco;
    if (e.stato === 'non-autorizzato') return html`<p part="notice">${t.accedi}</p>`;
    if (e.stato === 'errore') return html`<p part="notice">${t.errore}</p>`;
    if (e.stato !== 'non-aggiornato') return nothing;
    const quando = e.aggiornatoIl === undefined ? '' : formatta(t.aggiornatoAlle, { ora: orari.ora(e.aggiornatoIl) });
    return html`<p part="notice">${t.nonAggiornato} ${quando}</p>`;
  }

  /** The filter with its counts, then the rows it shows: those waiting for the user first, then the latest moved. */
  #elencoFiltrato(t: Testi['richieste'], orari: Orari) {
    const tutte = ordina(this.#elenco.richieste);
    const scelto = this.#filtro.valore;
    const mostrate = filtrate(tutte, scelto);
    // "Aperte" must not hide a reply the user has not read (the help desk often answers and solves at once).
    const nuoveNascoste = scelto === 'aperte' && tutte.some((r) => !aperta(r) && nonLette(r, this.#lette) > 0);
    return html`${filtro({
      valore: scelto,
      aperte: tutte.filter(aperta).length,
      tutte: tutte.length,
      t,
      scegli: (f) => void this.#filtro.scegli(f),
    })}
    ${nuoveNascoste ? html`<p part="notice">${t.nuoveTraChiuse}</p>` : nothing}
    ${
      mostrate.length
        ? html`<ul part="list">
            ${mostrate.map((r) => keyed(r.id, this.#voce(r, t, orari)))}
          </ul>`
        : html`<p>${t.nessunaAperta}</p>`
    }`;
  }

  #voce(r: RichiestaUtente, t: Testi['richieste'], orari: Orari) {
    const espansa = this.aperte.has(r.id);
    const nuove = nonLette(r, this.#lette) > 0;
    const dettaglio = `dettaglio-${r.id}`;
    const parti = partiRiga({ r, nuove, ora: this.orologio.ora(), t });
    const risposte = this.#attesa.voci
      .filter(unaRisposta)
      .filter((v) => v.richiestaId === r.id && !r.messaggi.some((m) => m.id === v.id));
    return html`<li>
      <button
        part="toggle"
        type="button"
        aria-expanded=${espansa}
        aria-controls=${dettaglio}
        aria-label=${nomeRiga(parti, t)}
        @click=${() => void this.#apriOChiudi(r)}
      >
        ${riga(parti, r, t)}
      </button>
      <div part="detail" id=${dettaglio} ?hidden=${!espansa}>
        ${espansa ? this.#aperta(r, risposte, t, orari) : nothing}
      </div>
    </li>`;
  }

  #aperta(r: RichiestaUtente, risposte: VoceRisposta[], t: Testi['richieste'], orari: Orari) {
    const ferme = risposte.filter((v) => v.stato !== 'in-coda');
    const chiusa = r.stato === 'chiusa';
    return html`${dettagli(r, t, orari)} ${filo({ r, inCoda: risposte, t, orari })}
    ${risposteFerme(ferme, t, GIORNI_CONSERVAZIONE, (id) => void consegnaDellaPagina().elimina(id))}
    ${
      chiusa
        ? html`<p>${t.chiusa}</p>`
        : boxRisposta({
            id: r.id,
            valore: this.bozze[r.id] ?? '',
            errore: this.errori[r.id],
            t,
            alCambio: (testo) => this.#scrive(r.id, testo),
            invia: (e) => void this.#inviaRisposta(e, r),
          })
    }`;
  }
}

import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { endpointContext } from '../context.js';
import { richiestaSchema, MAX_DESCRIZIONE } from '../richiesta.js';
import { consegnaDellaPagina, type Notifica, type VoceCoda } from '../delivery/coda.js';
import type { Intestazioni } from '../delivery/invio.js';
import type { ValoriModulo } from '../delivery/bozze.js';
import { PartecipazioneController } from '../controllers/partecipazione.js';
import { BozzaController } from './bozza-controller.js';
import { formatta, testiPer, traduciErrore, type Testi, type TestiParziali } from '../i18n/index.js';
import { avvisoLimiti } from '../limiti/avviso.js';
import { styles } from './ticket-form.styles.js';

type Campo = keyof ValoriModulo;
type Prefill = 'cognome' | 'nome' | 'email' | 'telefono';
const PREFILL: Campo[] = ['cognome', 'nome', 'email', 'telefono'];

/** What the status and alert regions tell: the queue's own news about the user's request. */
type Esito = Exclude<Notifica, { tipo: 'cambiata' }> | { tipo: 'rinviata' };

/**
 * @summary The "nuova richiesta" page: a support request, prefilled from the profile, kept as a draft and delivered
 * through the offline queue.
 *
 * @tag assistenza-ticket-form
 *
 * @fires assistenza-inviata - The request was delivered; detail {id, numero?}.
 * @fires assistenza-errore - The endpoint refused the request (4xx); detail {id, stato, messaggio}.
 * @fires assistenza-in-coda - Delivery is postponed: the request waits in the queue; detail {id}.
 *
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart input - Each text input and the description.
 * @csspart checkbox - The "Invia la risposta anche via mail" checkbox.
 * @csspart hint - Advice under a field.
 * @csspart error - A field's error message.
 * @csspart counter - The description's character counter.
 * @csspart button - The buttons.
 * @csspart status - The delivery status (sent, queued, waiting).
 * @csspart alert - Errors about the whole request.
 * @csspart notice - Notices: a matter for the Ente, drafts not kept, requests not delivered.
 *
 * @cssproperty [--assistenza-colore-primario=#0066cc] - Buttons, links, focus of fields.
 * @cssproperty [--assistenza-colore-testo=#1a1a1a] - Text.
 * @cssproperty [--assistenza-colore-sfondo=transparent] - Background.
 * @cssproperty [--assistenza-colore-bordo=#5c6f82] - Borders of fields.
 * @cssproperty [--assistenza-colore-errore=#b71918] - Error messages and invalid fields.
 * @cssproperty [--assistenza-colore-successo=#00703c] - The sent message.
 * @cssproperty [--assistenza-colore-focus=#ff9900] - The focus ring.
 * @cssproperty [--assistenza-font=Titillium Web, system-ui, sans-serif] - Font family.
 * @cssproperty [--assistenza-dimensione-testo=1rem] - Base font size.
 * @cssproperty [--assistenza-spaziatura=1rem] - Spacing unit.
 * @cssproperty [--assistenza-raggio=4px] - Corner radius.
 */
export class AssistenzaTicketForm extends LitElement {
  static override styles = styles;
  // Reactive properties declared here rather than with decorators: the decorator helpers cost ~430 B gzip of the
  // 24 KB bundle budget (see README, bundle size). Each field below keeps its doc.
  static override properties = {
    cognome: {},
    nome: {},
    email: {},
    telefono: {},
    utente: {},
    endpoint: {},
    credentials: {},
    conservazione: { type: Number },
    headers: { attribute: false },
    testi: { attribute: false },
    errori: { state: true, attribute: false },
    inviando: { state: true, attribute: false },
    esito: { state: true, attribute: false },
    attesa: { state: true, attribute: false },
  };

  /** Prefill: the user's surname (wins over the provided profile). */
  cognome?: string;
  /** Prefill: the user's first name. */
  nome?: string;
  /** Prefill: the user's email. */
  email?: string;
  /** Prefill: the user's phone number. */
  telefono?: string;
  /** The user's id: drafts and pending requests belong to it. */
  utente?: string;
  /** Where requests are POSTed; otherwise the provider's endpoint. */
  endpoint?: string;
  /** fetch credentials mode. */
  credentials: RequestCredentials = 'same-origin';
  /** Days a request may wait in the queue before the user is asked to send it again. */
  conservazione = 7;
  /** Extra headers (a CSRF token), or a function returning them; read at each attempt, never stored. */
  headers?: Intestazioni | (() => Intestazioni | Promise<Intestazioni>);
  /** Overrides of any text. */
  testi?: TestiParziali;

  /** The provider's endpoint; a change updates the form. */
  #endpointFornito = new ContextConsumer(this, { context: endpointContext, subscribe: true });

  private errori: Partial<Record<Campo, string>> = {};
  private inviando?: string;
  private esito?: Esito;
  private attesa: VoceCoda[] = [];
  private t!: Testi;

  #partecipazione = new PartecipazioneController(this, {
    modulo: true,
    intestazioni: () => (typeof this.headers === 'function' ? this.headers() : this.headers),
    notifica: (n) => this.#quandoNotifica(n),
  });

  #bozza = new BozzaController(this, {
    utente: () => this.#partecipazione.utente(),
    cambioUtente: (altro) => {
      if (altro) this.esito = undefined;
      // Another identity (attribute or profile) sees another user's pending requests.
      void this.#aggiornaAttesa();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#aggiornaAttesa();
  }

  override willUpdate(): void {
    this.t = testiPer(this, this.testi);
  }

  /** A field's value: what the user typed or the draft restored, else the prefill (attribute, then profile). */
  #valore(c: Campo): string {
    return (this.#bozza.valori[c] ??
      (PREFILL.includes(c) ? (this[c as Prefill] ?? this.#partecipazione.profilo.value?.[c as Prefill]) : '') ??
      '') as string;
  }

  /** Undefined when idle; during a read, whether to read once more. */
  #daRileggere?: boolean;

  /** Re-reads this user's pending requests; calls during a read fold into one more (a flush of 500 would read 500 times). */
  async #aggiornaAttesa(): Promise<void> {
    if (this.#daRileggere !== undefined) {
      this.#daRileggere = true;
      return;
    }
    do {
      this.#daRileggere = false;
      this.attesa = await consegnaDellaPagina().voci(this.#partecipazione.utente());
    } while (this.#daRileggere);
    this.#daRileggere = undefined;
  }

  #modifica(c: Campo, v: string | boolean): void {
    this.#bozza.modifica(c, v);
    this.errori = { ...this.errori, [c]: undefined };
  }

  async #invia(e: Event): Promise<void> {
    e.preventDefault();
    if (this.inviando) return;
    // An empty optional field is left out (undefined keys do not reach the JSON body).
    const v = (c: Campo) => this.#valore(c).trim() || undefined;
    const pratica = { tipologia: v('tipologia'), numero: v('numero') };
    const id = crypto.randomUUID();
    const r = richiestaSchema.safeParse({
      id,
      cognome: this.#valore('cognome'),
      nome: this.#valore('nome'),
      email: v('email'),
      telefono: v('telefono'),
      rispostaViaEmail: !!this.#valore('rispostaViaEmail'),
      descrizione: this.#valore('descrizione'),
      pratica: pratica.tipologia || pratica.numero ? pratica : undefined,
      creataIl: new Date().toISOString(),
    });
    const errori: Partial<Record<Campo, string>> = {};
    // A field's path ends with its name (pratica.tipologia too).
    for (const i of r.error?.issues ?? []) errori[i.path.at(-1) as Campo] ??= traduciErrore(i.message, this.t);
    this.errori = errori;
    this.esito = undefined;
    if (!r.success) {
      await this.updateComplete;
      // The first invalid field in the order of the form.
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.inviando = id;
    this.#partecipazione.proprie.add(id);
    this.#bozza.dimentica();
    await consegnaDellaPagina().accoda({
      richiesta: r.data,
      endpoint: this.endpoint || this.#endpointFornito.value || '/api/richieste',
      credentials: this.credentials,
      utente: this.#partecipazione.utente(),
      conservazione: this.conservazione,
    });
    // Still undecided: an earlier request blocked this run, so this one waits in the queue too.
    if (this.inviando === id) this.#concludi({ tipo: 'rinviata' }, true);
  }

  #quandoNotifica(n: Notifica): void {
    // A delivery only removes one entry, a postponement changes none that is shown: no need to re-read the archive,
    // whose reads would hold up the queue's own writes during a flush of hundreds.
    if (n.tipo === 'consegnata') this.attesa = this.attesa.filter((v) => v.id !== n.id);
    else if (n.tipo !== 'rinviata') void this.#aggiornaAttesa();
    if (n.tipo === 'cambiata' || n.utente !== this.#partecipazione.utente()) return;
    const mia = n.id === this.inviando;
    // Delivered: whoever sent it, the user is told; postponed: only the form that sent it empties.
    if (n.tipo !== 'respinta') {
      if (n.tipo === 'consegnata' || mia) this.#concludi(n, mia);
    } else {
      if (mia) this.#bozza.salvaOra();
      else if (n.inBozza) void this.#bozza.caricamento.then(() => this.#bozza.ricarica());
      this.inviando = undefined;
      this.esito = n;
    }
  }

  /** The request left the form: sent or queued. The form is empty again and focus goes to the outcome. */
  async #concludi(esito: Esito, svuota: boolean): Promise<void> {
    if (svuota) {
      this.inviando = undefined;
      this.#bozza.svuota();
    }
    this.esito = esito;
    await this.updateComplete;
    if (svuota) this.renderRoot.querySelector<HTMLElement>('[part~=status]')?.focus();
  }

  override render() {
    const t = this.t.modulo;
    const e = this.esito;
    const nErrori = Object.values(this.errori).filter(Boolean).length;
    const inCoda = this.attesa.filter((v) => v.stato === 'in-coda').length;
    return html`
      <div part="status" role="status" tabindex="-1">
        ${e?.tipo === 'consegnata' ? html`<p class="ok">${t.inviata} ${e.numero !== undefined ? formatta(t.numeroTicket, { numero: e.numero }) : nothing}</p>` : nothing}
        ${e?.tipo === 'rinviata' || inCoda ? html`<p>${e?.tipo === 'rinviata' ? t.inCoda : nothing} ${inCoda ? formatta(t.inAttesa, { n: inCoda }) : nothing}</p>` : nothing}
      </div>
      <div part="alert" role="alert">
        ${nErrori ? formatta(t.correggi, { n: nErrori }) : nothing}
        ${e?.tipo === 'respinta' ? formatta(t.rifiutata, { messaggio: e.messaggio ?? formatta(t.erroreGenerico, { stato: e.stato }) }) : nothing}
      </div>
      ${consegnaDellaPagina().archivio.persistente ? nothing : html`<p part="notice">${t.senzaArchivio}</p>`}
      ${this.attesa.filter((v) => v.stato !== 'in-coda').map(
        // An expired or refused request: not sent any more, its text shown to be copied.
        (v) => html`<section part="notice" aria-labelledby="ferma-${v.id}">
          <h3 id="ferma-${v.id}">${t.nonInviata}</h3>
          <p>${v.stato === 'scaduta' ? formatta(t.scaduta, { giorni: this.conservazione }) : formatta(t.respinta, { messaggio: v.messaggio ?? '' })}</p>
          <textarea readonly aria-labelledby="ferma-${v.id}" .value=${v.richiesta.descrizione}></textarea>
          <button part="button" type="button" @click=${() => navigator.clipboard?.writeText(v.richiesta.descrizione)}>${t.copia}</button>
          <button part="button" type="button" @click=${() => consegnaDellaPagina().elimina(v.id)}>${t.elimina}</button>
        </section>`,
      )}
      <form part="form" novalidate @submit=${this.#invia}>
        <p class="nota">${t.notaObbligatori}</p>
        ${this.#testo('cognome', t.cognome, 'family-name', true)}
        ${this.#testo('nome', t.nome, 'given-name', true)}
        ${this.#testo('email', t.email, 'email')}
        ${this.#testo('telefono', t.telefono, 'tel', false, t.consiglioTelefono)}
        <div part="field" class="campo">
          <input part="checkbox" type="checkbox" id="campo-rispostaViaEmail" .checked=${!!this.#valore('rispostaViaEmail')}
            @change=${(e: Event) => this.#modifica('rispostaViaEmail', (e.target as HTMLInputElement).checked)} />
          <label part="label" for="campo-rispostaViaEmail">${t.rispostaViaEmail}</label>
        </div>
        ${this.#testo('descrizione', t.descrizione, '', true, t.guidaDescrizione)}
        ${avvisoLimiti(this.#valore('descrizione'), this)}
        <fieldset part="field">
          <legend part="label">${t.pratica}</legend>
          ${this.#testo('tipologia', t.tipologia)} ${this.#testo('numero', t.numeroPratica)}
        </fieldset>
        <button part="button" type="submit" ?disabled=${!!this.inviando}>${this.inviando ? t.invio : t.invia}</button>
      </form>
    `;
  }

  /** A labelled text field; without autocomplete, the description: a textarea with its counter. */
  #testo(c: Campo, etichetta: string, autocomplete = 'off', required?: boolean, hint?: string) {
    const errore = this.errori[c];
    const valore = this.#valore(c);
    const descritto = `${hint ? `aiuto-${c} ` : ''}${autocomplete ? '' : `contatore-${c} `}${errore ? `errore-${c}` : ''}`.trim() || nothing;
    const input = (e: Event) => this.#modifica(c, (e.target as HTMLInputElement).value);
    const id = `campo-${c}`;
    return html`<div part="field" class="campo">
      <label part="label" for=${id}>${etichetta}</label>${required ? html`<span aria-hidden="true">*</span>` : nothing}
      ${hint ? html`<p part="hint" id="aiuto-${c}">${hint}</p>` : nothing}
      ${autocomplete
        ? html`<input part="input" id=${id} type=${autocomplete === 'email' || autocomplete === 'tel' ? autocomplete : 'text'} autocomplete=${autocomplete} ?required=${required} aria-invalid=${!!errore} aria-describedby=${descritto} .value=${valore} @input=${input} />`
        : html`<textarea part="input" id=${id} rows="8" required aria-invalid=${!!errore} aria-describedby=${descritto} .value=${valore} @input=${input}></textarea>
            <p part="counter" id="contatore-${c}" class=${valore.length > MAX_DESCRIZIONE ? 'oltre' : ''}>${formatta(this.t.modulo.contatore, { n: valore.length, max: MAX_DESCRIZIONE })}</p>`}
      ${errore ? html`<p part="error" id="errore-${c}">${errore}</p>` : nothing}
    </div>`;
  }
}

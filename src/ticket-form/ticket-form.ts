import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { LinguaController } from '../controllers/lingua-controller.js';
import { ContextConsumer } from '@lit/context';
import { endpointContext, paginaRichiesteContext } from '../context.js';
import { richiestaSchema, MAX_DESCRIZIONE } from '../richiesta.js';
import {
  ALTRO_UTENTE,
  consegnaDellaPagina,
  type Notifica,
  type NotificaDiRichiesta,
  type VoceCoda,
  type VoceRichiesta,
} from '../delivery/consegna.js';
import type { Intestazioni } from '../delivery/invio.js';
import type { ValoriModulo } from '../delivery/bozze.js';
import { diUnaVoce, dimenticaUtente } from '../delivery/voci.js';
import { paginaAccettata } from '../pagina-richieste.js';
import { PartecipazioneController } from '../controllers/partecipazione.js';
import {
  formatta,
  linguaDi,
  testiDi,
  traduciErrore,
  type Testi,
  type TestiParziali,
  type Traduzioni,
} from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { avvisoLimiti } from '../limiti/avviso.js';
import { BozzaController } from './bozza-controller.js';
import { InAttesaController } from '../controllers/in-attesa-controller.js';
import { campoDescrizione, campoDiTesto, casella } from './campi.js';
import { AllegatiController, perLaRichiesta } from './allegati-controller.js';
import { campoAllegati } from './campo-allegati.js';
import { dimensioneLeggibile } from '../allegati/nomi.js';
import { richiesteNonInviate } from './non-inviate.js';
import { styles } from './ticket-form.styles.js';

const TESTI: Traduzioni<'modulo'> = { it: it.modulo, en: en.modulo };
const ERRORI: Traduzioni<'errori'> = { it: it.errori, en: en.errori };
const ALLEGATI: Traduzioni<'allegati'> = { it: it.allegati, en: en.allegati };

type Campo = keyof ValoriModulo;
/** Where an error shows: a field, or the attachments. */
type ConErrore = Campo | 'allegati';
type Prefill = 'cognome' | 'nome' | 'email' | 'telefono';
const PREFILL: readonly Campo[] = ['cognome', 'nome', 'email', 'telefono'];
const ePrefill = (c: Campo): c is Prefill => PREFILL.includes(c);
const unaRichiesta = (v: VoceCoda): v is VoceRichiesta => v.tipo === 'richiesta';

/**
 * What the status and alert regions tell about the user's last request: the queue's own news, or "postponed" when
 * an earlier request held up this one's run (then whether the browser is offline is all that is known).
 */
type EsitoMostrato = NotificaDiRichiesta | { tipo: 'rinviata'; motivo: string };

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
  static override properties = {
    cognome: {},
    nome: {},
    email: {},
    telefono: {},
    utente: {},
    endpoint: {},
    credentials: {},
    conservazione: { type: Number },
    paginaRichieste: { attribute: 'pagina-richieste' },
    headers: { attribute: false },
    testi: { attribute: false },
    errori: { state: true, attribute: false },
    inviando: { state: true, attribute: false },
    esito: { state: true, attribute: false },
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
  /**
   * The portal's "Le mie richieste" page: the sent message links to it (else the provider's pagina-richieste). Only an
   * http:, https: or relative URL; anything else is ignored with a console warning.
   */
  paginaRichieste?: string;
  /** Extra headers (a CSRF token), or a function returning them; read at each attempt, never stored. */
  headers?: Intestazioni | (() => Intestazioni | Promise<Intestazioni>);
  /** Overrides of any text. */
  testi?: TestiParziali;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
  }

  /** The provider's endpoint; a change updates the form. */
  #endpointFornito = new ContextConsumer(this, { context: endpointContext, subscribe: true });
  #paginaRichiesteFornita = new ContextConsumer(this, { context: paginaRichiesteContext, subscribe: true });

  private errori: Partial<Record<ConErrore, string>> = {};
  /** The id of the request being submitted, while it is. */
  private inviando?: string;
  private esito?: EsitoMostrato;
  /** The pagina-richieste attribute when it is a web address. */
  #paginaRichiesteAccettata?: string;

  #partecipazione = new PartecipazioneController(this, {
    modulo: true,
    firma: {
      endpoint: () => this.#endpoint(),
      intestazioni: () => (typeof this.headers === 'function' ? this.headers() : this.headers),
    },
    notifica: (n) => this.#quandoNotifica(n),
  });

  #attesa = new InAttesaController(this, () => this.#partecipazione.utente(), unaRichiesta);

  #bozza = new BozzaController(this, {
    utente: () => this.#partecipazione.utente(),
    cambioUtente: (altro) => {
      // Someone else, or nobody after a logout: nothing of the previous user's stays on screen (their pending
      // requests leave with the waiting list's own change of user).
      if (altro) this.#dimenticaVista();
    },
    caricata: () => void this.#allegati.verifica(),
  });

  #allegati = new AllegatiController(this, {
    elenco: () => this.#bozza.valori.allegati ?? [],
    cambia: (elenco) => {
      this.#bozza.modifica('allegati', elenco);
      this.errori = { ...this.errori, allegati: undefined };
      // At once, not after the typing pause: the bytes are stored already, the list must not lag behind them.
      return this.#bozza.salvaOra();
    },
  });

  #endpoint(): string {
    return this.endpoint || this.#endpointFornito.value || '/api/richieste';
  }

  override willUpdate(cambiate: PropertyValues<this>): void {
    if (cambiate.has('paginaRichieste'))
      this.#paginaRichiesteAccettata = paginaAccettata(this.paginaRichieste, 'assistenza-ticket-form');
  }

  /** Drops what the form shows of its user: the outcome, the messages, the files' problems (the fields go apart). */
  #dimenticaVista(): void {
    this.esito = undefined;
    this.errori = {};
    this.#allegati.problemi = [];
  }

  /** How many files the request being submitted carries, for the outcome's message. */
  #allegatiInInvio = 0;
  /** How many files the last delivered request carried. */
  #allegatiInviati = 0;

  /** A field's value: what the user typed or the draft restored, else the prefill (attribute, then profile). */
  #valore(c: Campo): string {
    const scritto = this.#bozza.valori[c];
    if (scritto !== undefined) return String(scritto);
    if (!ePrefill(c)) return '';
    return this[c] ?? this.#partecipazione.profilo.value?.[c] ?? '';
  }

  #modifica(c: Campo, v: string | boolean): void {
    this.#bozza.modifica(c, v);
    this.errori = { ...this.errori, [c]: undefined };
  }

  async #invia(e: Event): Promise<void> {
    e.preventDefault();
    if (this.inviando) return;
    // A file still being read or re-encoded goes with the request; a second click meanwhile finds it being sent.
    if (this.#allegati.inPreparazione > 0) {
      await this.#allegati.pronti();
      if (this.inviando) return;
    }
    const allegati = this.#bozza.valori.allegati ?? [];
    // An empty optional field is left out (undefined keys do not reach the JSON body).
    const facoltativo = (c: Campo) => this.#valore(c).trim() || undefined;
    const pratica = { tipologia: facoltativo('tipologia'), numero: facoltativo('numero') };
    const id = crypto.randomUUID();
    const r = richiestaSchema.safeParse({
      id,
      cognome: this.#valore('cognome'),
      nome: this.#valore('nome'),
      email: facoltativo('email'),
      telefono: facoltativo('telefono'),
      rispostaViaEmail: this.#bozza.valori.rispostaViaEmail === true,
      descrizione: this.#valore('descrizione'),
      pratica: pratica.tipologia || pratica.numero ? pratica : undefined,
      creataIl: new Date().toISOString(),
      allegati: allegati.length ? allegati.map(perLaRichiesta) : undefined,
    });
    this.esito = undefined;
    // A file the server refused goes again only once the user has removed or replaced it.
    const rifiutati = allegati.some((a) => a.errore);
    if (!r.success || rifiutati) {
      await this.#mostraErrori(r.success ? [] : r.error.issues, rifiutati);
      return;
    }
    this.errori = {};
    this.inviando = id;
    this.#allegatiInInvio = allegati.length;
    this.#partecipazione.proprie.add(id);
    this.#bozza.dimentica();
    await consegnaDellaPagina().accoda({
      richiesta: r.data,
      endpoint: this.#endpoint(),
      credentials: this.credentials,
      utente: this.#partecipazione.utente(),
      conservazione: this.conservazione,
    });
    // Still undecided: an earlier request held up this run, so this one waits in the queue too.
    if (this.inviando === id)
      void this.#concludi({ tipo: 'rinviata', motivo: navigator.onLine ? 'in attesa' : 'offline' }, true);
  }

  /** One message per field, in the element's language; focus on the first invalid field in the order of the form. */
  async #mostraErrori(issues: { path: PropertyKey[]; message: string }[], allegatiRifiutati: boolean): Promise<void> {
    const t = testiDi(this, 'errori', ERRORI);
    const errori: Partial<Record<ConErrore, string>> = {};
    // A field's path ends with its name (pratica.tipologia too); an attachment's starts with allegati.
    const campoDi = (path: PropertyKey[]) => (path[0] === 'allegati' ? 'allegati' : (path.at(-1) as Campo));
    for (const i of issues) errori[campoDi(i.path)] ??= traduciErrore(i.message, t);
    if (allegatiRifiutati) errori.allegati = testiDi(this, 'allegati', ALLEGATI).daRimuovere;
    this.errori = errori;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  #quandoNotifica(n: Notifica): void {
    // Read before the waiting list forgets the request: how many files a delivered one carried.
    if (n.tipo === 'consegnata') this.#allegatiInviati = this.#quantiAllegati(n.id);
    this.#attesa.segui(n);
    this.#allegati.segui(n);
    if (n.tipo === 'dimenticata' && dimenticaUtente(n, this.#partecipazione.utente())) {
      // dimentica(): the draft goes from the screen, and the save still pending must not write it back.
      this.#bozza.dimentica();
      this.#bozza.svuota();
      this.#dimenticaVista();
    }
    if (!diUnaVoce(n)) return;
    // Replies are the requests list's; another user's requests are not this form's to tell.
    if (n.cosa !== 'richiesta' || n.utente !== this.#partecipazione.utente()) return;
    const mia = n.id === this.inviando;
    if (n.tipo === 'respinta') {
      this.#respinta(n, mia);
      return;
    }
    // Delivered: whoever sent it, the user is told; postponed: only the form that sent it empties.
    if (n.tipo === 'consegnata' || mia) void this.#concludi(n, mia);
  }

  /** The files of a request of this user: the one being submitted, or one waiting in the queue. */
  #quantiAllegati(id: string): number {
    if (id === this.inviando) return this.#allegatiInInvio;
    const inCoda = this.#attesa.voci.find((v) => v.id === id);
    return inCoda?.richiesta.allegati?.length ?? 0;
  }

  /** Refused: this form's own request keeps its text; another's goes back into the draft the queue wrote. */
  #respinta(n: Extract<Notifica, { tipo: 'respinta' }>, mia: boolean): void {
    if (mia && n.allegato)
      void this.#allegati.segnaRifiutato(
        n.allegato,
        n.messaggio ?? formatta(testiDi(this, 'modulo', TESTI).erroreGenerico, { stato: n.stato }),
      );
    else if (mia) void this.#bozza.salvaOra();
    else if (n.inBozza) void this.#bozza.caricamento.then(() => this.#bozza.ricarica());
    this.inviando = undefined;
    this.esito = n;
  }

  /** The request left the form: sent or queued. The form is empty again and focus goes to the outcome. */
  async #concludi(esito: EsitoMostrato, svuota: boolean): Promise<void> {
    if (svuota) {
      this.inviando = undefined;
      this.#bozza.svuota();
    }
    this.esito = esito;
    await this.updateComplete;
    if (svuota) this.renderRoot.querySelector<HTMLElement>('[part~=status]')?.focus();
  }

  override render() {
    const t = testiDi(this, 'modulo', TESTI);
    const testo = (
      nome: Campo,
      etichetta: string,
      altro: { tipo?: 'text' | 'email' | 'tel'; autocomplete?: string; obbligatorio?: boolean; aiuto?: string } = {},
    ) =>
      campoDiTesto({
        nome,
        etichetta,
        tipo: altro.tipo ?? 'text',
        autocomplete: altro.autocomplete ?? 'off',
        obbligatorio: altro.obbligatorio,
        aiuto: altro.aiuto,
        valore: this.#valore(nome),
        errore: this.errori[nome],
        alCambio: (v) => this.#modifica(nome, v),
      });
    const descrizione = this.#valore('descrizione');
    return html`
      ${this.#stato(t)}
      ${consegnaDellaPagina().archivio.persistente ? nothing : html`<p part="notice">${t.senzaArchivio}</p>`}
      ${richiesteNonInviate(this.#attesa.ferme, { t, giorni: this.conservazione, elimina: (id) => void consegnaDellaPagina().elimina(id) })}
      <form part="form" novalidate @submit=${this.#invia}>
        <p class="nota">${t.notaObbligatori}</p>
        ${testo('cognome', t.cognome, { autocomplete: 'family-name', obbligatorio: true })}
        ${testo('nome', t.nome, { autocomplete: 'given-name', obbligatorio: true })}
        ${testo('email', t.email, { tipo: 'email', autocomplete: 'email' })}
        ${testo('telefono', t.telefono, { tipo: 'tel', autocomplete: 'tel', aiuto: t.consiglioTelefono })}
        ${casella({
          nome: 'rispostaViaEmail',
          etichetta: t.rispostaViaEmail,
          selezionata: this.#bozza.valori.rispostaViaEmail === true,
          alCambio: (v) => this.#modifica('rispostaViaEmail', v),
        })}
        ${campoDescrizione({
          nome: 'descrizione',
          etichetta: t.descrizione,
          obbligatorio: true,
          aiuto: t.guidaDescrizione,
          valore: descrizione,
          errore: this.errori.descrizione,
          contatore: formatta(t.contatore, { n: descrizione.length, max: MAX_DESCRIZIONE }),
          oltre: descrizione.length > MAX_DESCRIZIONE,
          alCambio: (v) => this.#modifica('descrizione', v),
        })}
        ${avvisoLimiti(descrizione, this)}
        <fieldset part="field">
          <legend part="label">${t.pratica}</legend>
          ${testo('tipologia', t.tipologia)} ${testo('numero', t.numeroPratica)}
        </fieldset>
        ${this.#campoAllegati()}
        <button part="button" type="submit" ?disabled=${!!this.inviando}>${this.inviando ? t.invio : t.invia}</button>
      </form>
    `;
  }

  #campoAllegati() {
    const elenco = this.#bozza.valori.allegati ?? [];
    const noti = [...elenco, ...this.#attesa.inCoda.flatMap((v) => v.richiesta.allegati ?? [])];
    return campoAllegati({
      t: testiDi(this, 'allegati', ALLEGATI),
      elenco,
      problemi: this.#allegati.problemi,
      erroreInvio: this.errori.allegati,
      dimensione: (byte) => dimensioneLeggibile(byte, linguaDi(this)),
      caricamenti: this.#allegati.caricamenti(noti),
      inPreparazione: this.#allegati.inPreparazione > 0,
      soloInPagina: this.#allegati.soloInPagina,
      alCambio: (files) => void this.#allegati.scelti(files),
      rimuovi: (id) => void this.#allegati.rimuovi(id),
    });
  }

  /** After a delivery, the way to follow the request, when the portal has a "Le mie richieste" page. */
  #collegamentoRichieste(t: Testi['modulo']) {
    const pagina = this.#paginaRichiesteAccettata || this.#paginaRichiesteFornita.value;
    if (!pagina) return nothing;
    return html`<p><a href=${pagina}>${t.seguiRichiesta}</a></p>`;
  }

  /** With the outcome, how many files went with the request (the end of their uploads, announced). */
  #allegatiConsegnati() {
    if (!this.#allegatiInviati) return nothing;
    return formatta(testiDi(this, 'allegati', ALLEGATI).inviati, { n: this.#allegatiInviati });
  }

  /** Why the last request waits: offline, the service not answering; held by this page, the count below says why. */
  #rinvio(motivo: string, t: Testi['modulo']): string {
    if (motivo === 'offline') return t.inCodaOffline;
    if (motivo === ALTRO_UTENTE) return '';
    return t.inCodaServizio;
  }

  /** How many requests wait, and, when this page reports another user too, that they do not go from here. */
  #inAttesa(t: Testi['modulo'], n: number): string {
    const quanti = formatta(t.inAttesa, { n });
    if (consegnaDellaPagina().inviabileQui(this.#partecipazione.utente())) return quanti;
    return `${quanti} ${t.altroUtente}`;
  }

  /** The outcome of the last request and the count of the waiting ones (status), and what went wrong (alert). */
  #stato(t: Testi['modulo']) {
    const e = this.esito;
    const nErrori = Object.values(this.errori).filter(Boolean).length;
    const inCoda = this.#attesa.inCoda.length;
    const numero =
      e?.tipo === 'consegnata' && e.numero !== undefined ? formatta(t.numeroTicket, { numero: e.numero }) : '';
    let rinviata = '';
    if (e?.tipo === 'rinviata') rinviata = this.#rinvio(e.motivo, t);
    let rifiutata = '';
    if (e?.tipo === 'respinta')
      rifiutata = formatta(t.rifiutata, { messaggio: e.messaggio ?? formatta(t.erroreGenerico, { stato: e.stato }) });
    return html`
      <div part="status" role="status" tabindex="-1">
        ${
          e?.tipo === 'consegnata'
            ? html`<p class="ok">${t.inviata} ${numero} ${this.#allegatiConsegnati()}</p>
                ${this.#collegamentoRichieste(t)}`
            : nothing
        }
        ${rinviata || inCoda ? html`<p>${rinviata} ${inCoda ? this.#inAttesa(t, inCoda) : nothing}</p>` : nothing}
      </div>
      <div part="alert" role="alert">${nErrori ? formatta(t.correggi, { n: nErrori }) : nothing} ${rifiutata}</div>
    `;
  }
}

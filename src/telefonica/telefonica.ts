import { LitElement, html, nothing } from 'lit';
import { LinguaController } from '../controllers/lingua-controller.js';
import { ContextConsumer } from '@lit/context';
import { enteContext } from '../context.js';
import { localeDi, testiDi, type Testi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { titolo } from '../titolo.js';
import {
  calendario,
  descriviOrari,
  descriviRiapertura,
  statoLinea,
  type Calendario,
  type Stato,
} from '../orari/orari.js';
import { orologioDiSistema, type Orologio } from '../orologio.js';
import { styles } from './telefonica.styles.js';
import { telDa } from './tel.js';

export { telDa };

const TESTI: Traduzioni<'telefonica'> = { it: it.telefonica, en: en.telefonica };

/** A timer waits at most an hour: after the computer slept it may fire late, and the state must not stay stale long. */
const ATTESA_MASSIMA_MS = 3_600_000;

/**
 * @summary Phone support, only where the Ente has bought it: the number, the hours, and whether the line is open now
 * (Europe/Rome time, weekends and Italian national holidays closed). Renders nothing until enabled.
 *
 * @tag assistenza-telefonica
 *
 * @csspart heading - The title.
 * @csspart number - The sentence with the number.
 * @csspart link - The tel: link.
 * @csspart hours - The days and hours.
 * @csspart status - "Aperto ora", or "Chiuso" with when it reopens.
 *
 * @cssproperty [--assistenza-colore-primario=#0066cc] - The link.
 * @cssproperty [--assistenza-colore-testo=#1a1a1a] - Text.
 * @cssproperty [--assistenza-colore-sfondo=transparent] - Background.
 * @cssproperty [--assistenza-colore-successo=#00703c] - "Aperto ora".
 * @cssproperty [--assistenza-colore-chiuso=#455b71] - "Chiuso".
 * @cssproperty [--assistenza-colore-focus=#ff9900] - The focus ring.
 * @cssproperty [--assistenza-font=Titillium Web, system-ui, sans-serif] - Font family.
 * @cssproperty [--assistenza-dimensione-testo=1rem] - Base font size.
 * @cssproperty [--assistenza-spaziatura=1rem] - Spacing unit.
 *
 * @cssstate attiva - The line is enabled and shown: `assistenza-telefonica:state(attiva)`.
 */
export class AssistenzaTelefonica extends LitElement {
  static override styles = styles;
  static override properties = {
    abilitata: { type: Boolean },
    numero: {},
    orari: {},
    giorni: {},
    chiusure: {},
    livello: { type: Number },
    testi: { attribute: false },
    orologio: { attribute: false },
  };

  /** Enables the line; so does the provider's `ente.telefono.abilitata`. */
  abilitata = false;
  /** The number to call, written as people read it ("0521 123.456"); wins over the provider's. */
  numero?: string;
  /** Time slots, Rome time: "08:30-12:30,14:00-18:00" by default. */
  orari?: string;
  /** Weekdays: "lun-ven" by default, or a list and ranges like "lun,mer,ven". */
  giorni?: string;
  /** Extra closing days besides national holidays: ISO dates or ranges, comma separated ("2026-06-29,2026-08-10/2026-08-14"). */
  chiusure?: string;
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  livello = 2;
  /** Overrides of any text. */
  testi?: TestiParziali;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
  }
  /** The time source: a test or a demo replaces it to move time. */
  orologio: Orologio = orologioDiSistema;

  /** The provider's Ente configuration; a change updates the element. */
  #ente = new ContextConsumer(this, { context: enteContext, subscribe: true });

  /** The number to call, only while the line is enabled. */
  #attiva?: string;
  #calendario?: Calendario;
  /** Only while the line is enabled and its configuration is right. */
  #stato?: Stato;
  /** The last configuration error reported, so that a mistake is reported once and not at every tick. */
  #avviso?: string;
  #internals = this.attachInternals();
  /** Cancels the timer of the next change. */
  #annulla?: () => void;

  // Back on the page, or back to a tab that slept: the timer is gone or may be late.
  #aggiorna = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#aggiorna);
    this.#aggiorna();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#annulla?.();
    document.removeEventListener('visibilitychange', this.#aggiorna);
  }

  override willUpdate(): void {
    const tel = this.#ente.value?.telefono ?? {};
    const numero = this.numero ?? tel.numero;
    const abilitata = this.abilitata || tel.abilitata;
    this.#attiva = abilitata ? numero : undefined;
    this.#calendario = undefined;
    this.#stato = undefined;
    try {
      this.#calendario = calendario({
        orari: this.orari ?? tel.orari,
        giorni: this.giorni ?? tel.giorni,
        chiusure: this.chiusure ?? tel.chiusure,
      });
      if (this.#attiva) this.#stato = statoLinea(this.orologio.ora(), this.#calendario);
    } catch (e) {
      this.#avvisaUnaVolta(`<assistenza-telefonica> ${(e as Error).message}: orari non mostrati`);
    }
    this.#mostraSe(!!this.#attiva);
  }

  #avvisaUnaVolta(messaggio: string): void {
    if (messaggio === this.#avviso) return;
    this.#avviso = messaggio;
    console.warn(messaggio);
  }

  /** The custom state `attiva` shows the host (its styles hide it otherwise). */
  #mostraSe(attiva: boolean): void {
    try {
      if (attiva) this.#internals.states.add('attiva');
      else this.#internals.states.delete('attiva');
    } catch {
      // An engine without custom states: the host stays display:block, but with nothing in it.
    }
  }

  /** One timer for the next change, not a poll. */
  override updated(): void {
    this.#annulla?.();
    this.#annulla = undefined;
    const rivedi = this.#stato?.rivedi;
    if (rivedi)
      this.#annulla = this.orologio.programma(
        this.#aggiorna,
        Math.min(rivedi - this.orologio.ora(), ATTESA_MASSIMA_MS),
      );
  }

  override render() {
    const numero = this.#attiva;
    if (!numero) return nothing;
    const t = testiDi(this, 'telefonica', TESTI);
    return html`
      ${titolo(this.livello, t.titolo)}
      <p part="number">${t.chiama} <a part="link" href=${telDa(numero)}>${numero}</a></p>
      ${this.#orari(t)}
    `;
  }

  /** The days and hours, and whether the line is open: only when the configuration is right. */
  #orari(t: Testi['telefonica']) {
    const s = this.#stato;
    const c = this.#calendario;
    if (!s || !c) return nothing;
    const locale = localeDi(this);
    const riapre = s.riapre ? `, ${descriviRiapertura(s.riapre, t, locale)}` : '';
    return html`<p part="hours">${descriviOrari(c, t, locale)}</p>
      <p part="status">
        <strong class=${s.aperto ? 'aperto' : ''}>${s.aperto ? t.aperto : t.chiuso}</strong>${riapre}
      </p>`;
  }
}

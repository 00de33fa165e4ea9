import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { LinguaController } from '../controllers/lingua-controller.js';
import { fonteTempiContext } from '../context.js';
import { orologioDiSistema, type Orologio } from '../orologio.js';
import { formatta, localeDi, testiDi, type Testi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { titolo } from '../titolo.js';
import { DATI, datiTempiSchema, type DatiTempi, type Tempo } from './dati.js';
import { FonteController } from './fonte-controller.js';
import { styles } from './tempi-risposta.styles.js';

const TESTI: Traduzioni<'tempi'> = { it: it.tempi, en: en.tempi };

/** The seed's working day, in minutes. */
const GIORNATA = 480;

/** "10 minuti", "un'ora", "2 ore", "la giornata (8 ore)". */
function durata(minuti: number, t: Testi['tempi'], locale: string): string {
  const numero = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (minuti === GIORNATA) return t.giornata;
  if (minuti === 60) return t.ora;
  if (minuti < 60) return formatta(t.minuti, { n: numero(minuti) });
  return formatta(t.ore, { n: numero(minuti / 60) });
}

/** Italian elides the article before a number read with a vowel: l'1%, l'8%, l'11%, l'80%. */
const articolo = (percentuale: number) => (/^(8|11?$)/.test(String(Math.trunc(percentuale))) ? 'l’' : 'il ');

/**
 * @summary The help desk's response times: how many requests are solved within 10 minutes, 30 minutes, an hour and
 * the working day, how many take more than 24 hours and why. A bar chart with the figures as text beside it: the
 * help desk's own, read from `fonte`, or else the published ones.
 *
 * @tag assistenza-tempi-risposta
 *
 * @csspart heading - The title.
 * @csspart chart - The figures and their bars (a description list).
 * @csspart causes - The usual causes of a delay beyond 24 hours.
 * @csspart date - When the figures were updated.
 *
 * @cssproperty [--assistenza-colore-primario=#0066cc] - The bars.
 * @cssproperty [--assistenza-colore-avviso=#a66300] - The bar of the requests that took longer.
 * @cssproperty [--assistenza-colore-sfondo-grafico=#e3e7ec] - The bars' track.
 * @cssproperty [--assistenza-colore-testo=#1a1a1a] - Text.
 * @cssproperty [--assistenza-colore-sfondo=transparent] - Background.
 * @cssproperty [--assistenza-font=Titillium Web, system-ui, sans-serif] - Font family.
 * @cssproperty [--assistenza-dimensione-testo=1rem] - Base font size.
 * @cssproperty [--assistenza-spaziatura=1rem] - Spacing unit.
 *
 * @cssstate caricamento - The figures of `fonte` are being read (for at most 10 seconds); the others are shown meanwhile.
 */
export class AssistenzaTempiRisposta extends LitElement {
  static override styles = styles;
  static override properties = {
    // A JSON attribute; what does not parse is kept as is, and found invalid in willUpdate.
    dati: {
      converter: (v: string | null) => {
        if (v === null) return undefined;
        try {
          return JSON.parse(v);
        } catch {
          return v;
        }
      },
    },
    fonte: {},
    livello: { type: Number },
    testi: { attribute: false },
    orologio: { attribute: false },
  };

  /**
   * Where to read the help desk's own figures: the server's GET /api/tempi-risposta (or the provider's `fonte-tempi`).
   * While they are read, and when they cannot be (an error, no answer within 10 s, too few requests yet), `dati` or
   * the published figures are shown.
   */
  fonte?: string;
  /** Figures and their date to show when there is no `fonte`, or while it is read or fails; also a JSON attribute. Invalid ones are ignored with a console warning. */
  dati?: DatiTempi;
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  livello = 2;
  /** Overrides of any text. */
  testi?: TestiParziali;
  /** The time source of the read's time limit (tests move it). */
  orologio: Orologio = orologioDiSistema;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
  }

  #fonteFornita = new ContextConsumer(this, { context: fonteTempiContext, subscribe: true });
  #fonte = new FonteController(this, () => this.orologio);
  #internals = this.attachInternals();
  /** What is shown without the figures of `fonte`. */
  #ripiego = DATI;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dati')) this.#ripiego = this.#datiDaMostrare();
    this.#fonte.segui(this.fonte ?? this.#fonteFornita.value);
    this.#statoSe('caricamento', this.#fonte.stato === 'lettura');
  }

  /** The host's figures when they are valid; otherwise, with a warning for wrong ones, the published ones. */
  #datiDaMostrare(): DatiTempi {
    const d = this.dati;
    if (d === undefined || d === null) return DATI;
    const r = datiTempiSchema.safeParse(d);
    if (r.success) return r.data;
    console.warn('<assistenza-tempi-risposta> dati non validi', d);
    return DATI;
  }

  #statoSe(nome: string, attivo: boolean): void {
    try {
      if (attivo) this.#internals.states.add(nome);
      else this.#internals.states.delete(nome);
    } catch {
      // An engine without custom states: nothing to style by, nothing else changes.
    }
  }

  override render() {
    const t = testiDi(this, 'tempi', TESTI);
    const locale = localeDi(this);
    const d = this.#fonte.dati ?? this.#ripiego;
    const riga = ({ minuti, percentuale, circa }: Tempo, testo: string, classe?: string) => {
      const quota = (percentuale / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
      const cifra = circa ? formatta(t.circa[circa], { art: articolo(percentuale), p: quota }) : quota;
      return html`<div class=${classe}>
        <dt>${formatta(testo, { durata: durata(minuti, t, locale) })}</dt>
        <dd>
          <svg aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none">
            <rect class="quota" width=${percentuale} height="10"></rect>
          </svg>
          ${cifra}
        </dd>
      </div>`;
    };
    return html`
      ${titolo(this.livello, t.titolo)}
      <p>${t.intro}</p>
      <dl part="chart">
        ${d.entro.map((x) => riga(x, t.entro))} ${d.oltre ? riga(d.oltre, t.oltre, 'lenta') : nothing}
      </dl>
      <p>${t.cause}</p>
      <ul part="causes">
        ${t.motivi.map((m) => html`<li>${m}</li>`)}
      </ul>
      <p part="date">
        ${t.aggiornati}
        <time datetime=${d.aggiornati}
          >${new Date(d.aggiornati).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })}</time
        >${this.#campione(d.richieste, t, locale)}.
      </p>
    `;
  }

  /** ", su 412 richieste" when the figures say how many requests they come from. */
  #campione(richieste: number | undefined, t: Testi['tempi'], locale: string): string {
    if (richieste === undefined) return '';
    if (richieste === 1) return t.suUna;
    return formatta(t.su, { n: richieste.toLocaleString(locale) });
  }
}

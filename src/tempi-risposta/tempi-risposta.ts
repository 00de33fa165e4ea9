import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { PartecipazioneController } from '../controllers/partecipazione.js';
import { formatta, linguaDi, testiPer, type TestiParziali } from '../i18n/index.js';
import { intestazione } from '../intestazione.js';
import { DATI, validi, type DatiTempi, type Tempo } from './dati.js';
import { styles } from './tempi-risposta.styles.js';

/**
 * @summary The help desk's response times: how many requests are solved within 10 minutes, 30 minutes, an hour and
 * the working day, how many take more than 24 hours and why. A bar chart with the figures as text beside it.
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
 */
export class AssistenzaTempiRisposta extends LitElement {
  static override styles = styles;
  // Reactive properties declared here rather than with decorators: the decorator helpers cost ~430 B gzip of the
  // 24 KB bundle budget (see README, bundle size). Each field below keeps its doc.
  static override properties = {
    // A JSON attribute; what does not parse is kept as is, and found invalid in willUpdate.
    dati: {
      converter: (v: string | null) => {
        try {
          return JSON.parse(v!);
        } catch {
          return v;
        }
      },
    },
    livello: { type: Number },
    testi: { attribute: false },
  };

  /** New figures and their date, when the help desk publishes them; also a JSON attribute. Invalid ones are ignored with a console warning. */
  dati?: DatiTempi;
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  livello = 2;
  /** Overrides of any text. */
  testi?: TestiParziali;

  #mostrati = DATI;

  constructor() {
    super();
    new PartecipazioneController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const d = this.dati;
    if (changed.has('dati')) this.#mostrati = d == null ? DATI : validi(d) ? d : (console.warn('<assistenza-tempi-risposta> dati non validi', d), DATI);
  }

  override render() {
    const t = testiPer(this, this.testi).tempi;
    const locale = linguaDi(this) === 'en' ? 'en-GB' : 'it-IT';
    const d = this.#mostrati;
    const riga = ({ minuti: m, percentuale: p, circa }: Tempo, testo: string, classe?: string) => {
      const q = (p / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
      // 480 minutes is the seed's working day.
      const durata = m === 480 ? t.giornata : m === 60 ? t.ora : formatta(m < 60 ? t.minuti : t.ore, { n: (m < 60 ? m : m / 60).toLocaleString(locale, { maximumFractionDigits: 1 }) });
      // Italian elides the article before a number read with a vowel: l’1%, l’8%, l’11%, l’80%.
      const art = /^(8|11?$)/.test(String(Math.trunc(p))) ? 'l’' : 'il ';
      return html`<div class=${classe}>
        <dt>${formatta(testo, { durata })}</dt>
        <dd>
          <svg aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none"><rect class="quota" width=${p} height="10"></rect></svg>
          ${circa ? formatta(t.circa[circa], { art, p: q }) : q}
        </dd>
      </div>`;
    };
    return html`
      ${intestazione(this.livello, t.titolo)}
      <p>${t.intro}</p>
      <dl part="chart">${d.entro.map((x) => riga(x, t.entro))} ${d.oltre ? riga(d.oltre, t.oltre, 'lenta') : nothing}</dl>
      <p>${t.cause}</p>
      <ul part="causes">
        ${t.motivi.map((m) => html`<li>${m}</li>`)}
      </ul>
      <p part="date">
        ${t.aggiornati}
        <time datetime=${d.aggiornati}>${new Date(d.aggiornati).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })}</time>.
      </p>
    `;
  }
}

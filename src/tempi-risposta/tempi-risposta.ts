import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PartecipazioneController } from '../controllers/partecipazione.js';
import { formatta, linguaDi, testiPer, type Testi, type TestiParziali } from '../i18n/index.js';
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

  /** New figures and their date, when the help desk publishes them; also a JSON attribute. Invalid ones are ignored with a console warning. */
  @property({ converter: (v) => (v === null ? undefined : leggiJson(v)) }) dati?: DatiTempi;
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  @property({ type: Number }) livello = 2;
  /** Overrides of any text. */
  @property({ attribute: false }) testi?: TestiParziali;

  private mostrati = DATI;

  constructor() {
    super();
    new PartecipazioneController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('dati')) return;
    const ok = this.dati === undefined || validi(this.dati);
    if (!ok) {
      console.warn(
        '<assistenza-tempi-risposta>: ignoring dati (expected {aggiornati: "YYYY-MM", entro: [{minuti, percentuale, circa?}], oltre?}), showing the default figures:',
        this.dati,
      );
    }
    this.mostrati = (ok && this.dati) || DATI;
  }

  override render() {
    const tt = testiPer(this, this.testi);
    const t = tt.tempi;
    const locale = linguaDi(this) === 'en' ? 'en-GB' : 'it-IT';
    const d = this.mostrati;
    const [anno, mese] = d.aggiornati.split('-').map(Number);
    const data = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(anno, mese - 1));
    const riga = (x: Tempo, testo: string, lenta = false) => html`<div class=${lenta ? 'lenta' : ''}>
      <dt>${formatta(testo, { durata: durata(x.minuti, t, locale) })}</dt>
      <dd>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
          ${svg`<rect class="fondo" width="100" height="10"></rect><rect class="quota" width=${x.percentuale} height="10"></rect>`}
        </svg>
        <span>${quota(x, t, locale)}</span>
      </dd>
    </div>`;
    return html`
      ${intestazione(this.livello, t.titolo)}
      <p>${t.intro}</p>
      <dl part="chart">${d.entro.map((x) => riga(x, t.entro))} ${d.oltre ? riga(d.oltre, t.oltre, true) : nothing}</dl>
      <p>${t.cause}</p>
      <ul part="causes">
        <li>${t.weekend}</li>
        <li>${t.ente}</li>
        <li>${t.software}</li>
      </ul>
      <p part="date">${t.aggiornati} <time datetime=${d.aggiornati}>${data}</time>.</p>
    `;
  }
}

function leggiJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** "10 minuti", "un’ora", "8 ore"; 480 minutes is the seed's working day. */
function durata(minuti: number, t: Testi['tempi'], locale: string): string {
  if (minuti === 480) return t.giornata;
  if (minuti < 60) return formatta(t.minuti, { n: minuti });
  return minuti === 60 ? t.ora : formatta(t.ore, { n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minuti / 60) });
}

/** "23,5%", "oltre il 50%", "oltre l’80%": Italian elides the article before a number read with a vowel (1, 8, 11, 80…). */
function quota(x: Tempo, t: Testi['tempi'], locale: string): string {
  const p = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x.percentuale / 100);
  const intero = Math.trunc(x.percentuale);
  const art = intero === 1 || intero === 11 || String(intero).startsWith('8') ? 'l’' : 'il ';
  return x.circa ? formatta(t.circa[x.circa], { art, p }) : p;
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { LinguaController } from '../controllers/lingua-controller.js';
import { formatta, localeDi, testiDi, type Testi, type TestiParziali, type Traduzioni } from '../i18n/index.js';
import * as it from '../i18n/it.js';
import * as en from '../i18n/en.js';
import { titolo } from '../titolo.js';
import { DATI, validi, type DatiTempi, type Tempo } from './dati.js';
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
    livello: { type: Number },
    testi: { attribute: false },
  };

  /** New figures and their date, when the help desk publishes them; also a JSON attribute. Invalid ones are ignored with a console warning. */
  dati?: DatiTempi;
  /** The title's heading level, so the host page's outline stays sensible (2 by default). */
  livello = 2;
  /** Overrides of any text. */
  testi?: TestiParziali;

  constructor() {
    super();
    // Renders again when the nearest lang changes (a language switcher, a host setting <html lang>).
    new LinguaController(this);
  }

  #mostrati = DATI;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dati')) this.#mostrati = this.#datiDaMostrare();
  }

  /** The host's figures when they are valid; otherwise, with a warning for wrong ones, the published ones. */
  #datiDaMostrare(): DatiTempi {
    const d = this.dati;
    if (d === undefined || d === null) return DATI;
    if (validi(d)) return d;
    console.warn('<assistenza-tempi-risposta> dati non validi', d);
    return DATI;
  }

  override render() {
    const t = testiDi(this, 'tempi', TESTI);
    const locale = localeDi(this);
    const d = this.#mostrati;
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
        >.
      </p>
    `;
  }
}

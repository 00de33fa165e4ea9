import { LitElement, html, nothing } from 'lit';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { ApiSportello, BASE_PREDEFINITA, type TempiSportello } from '../api.js';
import { riuscito } from '../esiti.js';
import { emetti } from '../eventi.js';
import { indirizzo } from '../percorso.js';
import { stili } from '../stili.js';
import { tabella } from '../tabella.js';
import { nomeStato, testi } from '../testi.js';
import { durataBreve, limite, nomeMese, percento, pochiDati } from '../tempi-risposta.js';
import { inAttesaDa } from '../tempo.js';
import { styles } from './tempi.styles.js';

const t = testi.tempi;
type Mese = TempiSportello['mesi'][number];
type InAttesa = TempiSportello['inAttesa'][number];

/**
 * @summary The response times for the help desk: the published figures for each of the last 12 months however few the
 * requests (small months marked), the median time to the help desk's first reply over 90 days, and the requests
 * waiting longest for it now, each a link to the request. Read when it opens and on "Aggiorna".
 *
 * @tag sportello-tempi
 *
 * @fires sportello-annuncio - The figures were read again on "Aggiorna".
 * @fires sportello-sessione-scaduta - The server answered 401.
 */
export class SportelloTempi extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    orologio: { attribute: false },
    dati: { state: true, attribute: false },
    errore: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** The time source of the waits ("in attesa da 2 ore"). */
  orologio: Orologio = orologioDiSistema;

  private dati?: TempiSportello;
  private errore = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#leggi();
  }

  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #fallita = (messaggio: string) => {
    this.errore = messaggio;
  };

  async #leggi(): Promise<boolean> {
    const esito = await new ApiSportello(this.base).tempiRisposta();
    if (!riuscito(this, esito, this.#fallita)) {
      return false;
    }
    this.errore = '';
    this.dati = esito.dati;
    return true;
  }

  async #aggiorna(): Promise<void> {
    if (await this.#leggi()) {
      emetti(this, 'sportello-annuncio', { testo: t.aggiornati });
    }
  }

  /** A share, or a dash a screen reader reads as "nessuna richiesta" in a month without any. */
  #quota(m: Mese, percentuale: number) {
    if (m.richieste === 0) {
      return html`<td class="numero"><span aria-hidden="true">–</span><span class="vh">${t.nessunDato}</span></td>`;
    }
    return html`<td class="numero">${percento(percentuale)}</td>`;
  }

  #mese(m: Mese, minimo: number) {
    const mediana = m.medianaPrimaRispostaMinuti;
    return html`<tr>
      <th scope="row">${nomeMese(m.mese)}</th>
      <td class="numero">
        ${m.richieste} ${pochiDati(m.richieste, minimo) ? html`<span class="pochi">${t.pochiDati}</span>` : nothing}
      </td>
      ${m.entro.map((e) => this.#quota(m, e.percentuale))} ${this.#quota(m, m.oltre.percentuale)}
      <td class="numero">${mediana === null ? t.nessunaRisposta : durataBreve(mediana)}</td>
    </tr>`;
  }

  #tabella(d: TempiSportello) {
    const [primo] = d.mesi;
    if (primo === undefined) {
      return nothing;
    }
    const colonne = [
      t.mese,
      t.richieste,
      ...primo.entro.map((e) => t.entro(limite(e.minuti))),
      t.oltre(limite(primo.oltre.minuti)),
      t.primaRisposta,
    ];
    const conPochi = d.mesi.some((m) => pochiDati(m.richieste, d.minimo));
    return html`${tabella({
      id: 'titolo-tabella',
      titolo: t.tabella,
      colonne,
      righe: d.mesi.map((m) => this.#mese(m, d.minimo)),
    })}
    ${conPochi ? html`<p class="nota">${t.notaPochi(d.minimo)}</p>` : nothing}`;
  }

  #mediana(d: TempiSportello) {
    const m = d.medianaPrimaRispostaMinuti;
    return html`<section class="mediana" aria-labelledby="titolo-mediana">
      <h2 id="titolo-mediana">${t.mediana}</h2>
      ${
        m === null
          ? html`<p>${t.medianaNessuna}</p>`
          : html`<p>${t.medianaTesto} <strong>${durataBreve(m)}</strong></p>`
      }
    </section>`;
  }

  #voce(r: InAttesa, ora: number) {
    return html`<li>
      <a href=${indirizzo({ vista: 'richiesta', id: r.id })}>${testi.coda.richiesta(r.numero)}</a>
      <span class="stato stato-${r.stato}">${nomeStato(r.stato)}</span>
      <span>${`${r.cognome} ${r.nome}`.trim()}</span>
      <span class="attesa">${inAttesaDa(r.inAttesaDal, ora)}</span>
    </li>`;
  }

  #inAttesa(d: TempiSportello) {
    const ora = this.orologio.ora();
    return html`<section aria-labelledby="titolo-attesa">
      <h2 id="titolo-attesa">${t.inAttesa}</h2>
      <p class="aiuto">${t.inAttesaIntro}</p>
      ${
        d.inAttesa.length === 0
          ? html`<p>${t.nessunaInAttesa}</p>`
          : html`<ol class="attesa">
              ${d.inAttesa.map((r) => this.#voce(r, ora))}
            </ol>`
      }
    </section>`;
  }

  override render() {
    const d = this.dati;
    return html`<h1 tabindex="-1">${t.titolo}</h1>
      <p class="intro">${t.intro}</p>
      <p><button type="button" @click=${this.#aggiorna}>${t.aggiorna}</button></p>
      <div role="alert">${this.errore}</div>
      ${
        d === undefined
          ? html`<p>${this.errore === '' ? t.caricamento : nothing}</p>`
          : html`${this.#tabella(d)} ${this.#mediana(d)} ${this.#inAttesa(d)}`
      }`;
  }
}

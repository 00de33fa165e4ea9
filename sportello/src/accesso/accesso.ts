import { LitElement, html, nothing } from 'lit';
import { ApiSportello, BASE_PREDEFINITA } from '../api.js';
import { emetti } from '../eventi.js';
import { stili } from '../stili.js';
import { testi } from '../testi.js';
import { alle, traQuanto } from '../tempo.js';
import { orologioDiSistema, type Orologio } from '../../../src/orologio.js';
import { styles } from './accesso.styles.js';

type Campo = 'utente' | 'password';

/**
 * @summary The help desk's login: user name and password, and every refusal said in words: a wrong pair, an empty
 * field, a name or an address locked after too many failures (and when to try again), a server that does not answer.
 *
 * @tag sportello-accesso
 *
 * @fires sportello-entrato - The operator logged in: the session cookie is set.
 */
export class SportelloAccesso extends LitElement {
  static override styles = [stili, styles];
  static override properties = {
    base: {},
    avviso: {},
    orologio: { attribute: false },
    mancanti: { state: true, attribute: false },
    errore: { state: true, attribute: false },
  };

  /** The help desk's API (/api/sportello by default). */
  base = BASE_PREDEFINITA;
  /** A notice above the form: the session ended, the operator logged out. */
  avviso = '';
  /** The time source (when a lock ends). */
  orologio: Orologio = orologioDiSistema;

  private mancanti: Campo[] = [];
  private errore = '';
  #inCorso = false;

  /** Moves the focus to the page's heading (the console does it when this page opens). */
  focalizza(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  #campo(nome: Campo): HTMLInputElement {
    return this.renderRoot.querySelector(`#${nome}`) as HTMLInputElement;
  }

  async #accedi(e: Event): Promise<void> {
    e.preventDefault();
    if (this.#inCorso) {
      return;
    }
    const utente = this.#campo('utente').value.trim();
    const password = this.#campo('password').value;
    this.mancanti = (['utente', 'password'] as const).filter((c) => (c === 'utente' ? utente : password) === '');
    this.errore = '';
    if (this.mancanti.length > 0) {
      await this.updateComplete;
      this.#campo(this.mancanti[0]).focus();
      return;
    }
    this.#inCorso = true;
    const esito = await new ApiSportello(this.base).accedi(utente, password);
    this.#inCorso = false;
    if (esito.esito === 'entrato') {
      this.#campo('password').value = '';
      emetti(this, 'sportello-entrato', {});
      return;
    }
    if (esito.esito === 'bloccato') {
      const fine = this.orologio.ora() + esito.retryAfterS * 1000;
      this.errore = testi.accesso.bloccato(esito.messaggio, traQuanto(esito.retryAfterS), alle(fine));
      return;
    }
    this.errore = esito.messaggio;
    if (esito.esito === 'rifiutato') {
      this.#campo('password').value = '';
      this.#campo('password').focus();
    }
  }

  #errore(campo: Campo) {
    if (!this.mancanti.includes(campo)) {
      return nothing;
    }
    return html`<p class="errore" id="errore-${campo}">${testi.accesso.manca[campo]}</p>`;
  }

  #input(campo: Campo, tipo: string, completamento: string) {
    const invalido = this.mancanti.includes(campo);
    return html`<div class="campo">
      <label for=${campo}>${testi.accesso[campo]}</label>
      <input
        id=${campo}
        name=${campo}
        type=${tipo}
        autocomplete=${completamento}
        autocapitalize="none"
        spellcheck="false"
        required
        aria-invalid=${invalido ? 'true' : 'false'}
        aria-describedby=${invalido ? `errore-${campo}` : nothing}
      />
      ${this.#errore(campo)}
    </div>`;
  }

  override render() {
    return html`<div class="accesso scheda">
      <h1 tabindex="-1">${testi.accesso.titolo}</h1>
      <p>${testi.accesso.intro}</p>
      ${this.avviso ? html`<p class="avviso">${this.avviso}</p>` : nothing}
      <div role="alert">${this.errore}</div>
      <form novalidate @submit=${this.#accedi}>
        ${this.#input('utente', 'text', 'username')} ${this.#input('password', 'password', 'current-password')}
        <button type="submit">${testi.accesso.accedi}</button>
      </form>
    </div>`;
  }
}

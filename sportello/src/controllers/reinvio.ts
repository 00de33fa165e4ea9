// "Invia di nuovo" of a request's failed mail: one call at a time, what it did said in the page's live region and the
// request read again (the mail waits for its attempt), or why not (already sent, the server away) kept for the alert.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiSportello } from '../api.js';
import { emetti } from '../eventi.js';
import { riuscito } from '../esiti.js';
import type { MailSportello } from '../posta.js';
import { testi } from '../testi.js';

export interface OpzioniReinvio {
  api: () => ApiSportello;
  /** After the mail went back in the outbox: read the request again, then put the focus on that mail. */
  rimessa: (m: MailSportello) => Promise<void>;
}

export class ReinvioController implements ReactiveController {
  /** Why the last "Invia di nuovo" did not go through; empty otherwise. */
  errore = '';
  #inCorso = false;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private o: OpzioniReinvio,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.errore = '';
  }

  /** Another request opened: the last one's refusal is not this one's. */
  azzera(): void {
    this.errore = '';
  }

  async reinvia(m: MailSportello): Promise<void> {
    if (this.#inCorso) {
      return;
    }
    this.#inCorso = true;
    this.errore = '';
    this.host.requestUpdate();
    const esito = await this.o.api().reinviaMail(m.reinvio);
    this.#inCorso = false;
    const fallita = (messaggio: string) => {
      this.errore = testi.posta.reinvioNonRiuscito(messaggio);
    };
    if (!riuscito(this.host, esito, fallita)) {
      this.host.requestUpdate();
      return;
    }
    emetti(this.host, 'sportello-annuncio', { testo: testi.annunci.reinviata(m.destinatario) });
    await this.o.rimessa(m);
  }
}

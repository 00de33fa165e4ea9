// The portal's token as the widget carries it: the host hands a function to `headers`, read at every attempt, and the
// server knows the user from the token alone (no session cookie in these tests).
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaRichieste, AssistenzaTicketForm } from '../src/index.js';
import { finche, nuovoSecchio, pulisciArchivio, pulsante, scrivi, type Secchio } from './helpers.js';

describe('the portal’s token in the elements’ headers', () => {
  let s: Secchio;
  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
  });

  it('stores a request sent with the host’s Bearer token as that user’s, and the list reads it with the same headers', async () => {
    const token = await s.token('mrossi');
    const letti: string[] = [];
    const headers = () => {
      letti.push(token);
      return { Authorization: `Bearer ${token}` };
    };
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form
        endpoint=${s.endpoint}
        utente="mrossi"
        .headers=${headers}
      ></assistenza-ticket-form>`,
    );
    scrivi(el, 'Cognome', 'Rossi');
    scrivi(el, 'Nome', 'Mario');
    scrivi(el, 'Descrizione del problema', 'Inviata con il token del portale.');
    await el.updateComplete;
    const inviata = oneEvent(el, 'assistenza-inviata');
    pulsante(el, 'Invia richiesta').click();
    const { detail } = (await inviata) as CustomEvent<{ id: string; numero: number }>;

    const { ricevute, tentativi } = await s.registro();
    expect(ricevute.map((r) => [r.chiave, r.utente])).to.deep.equal([[detail.id, 'mrossi']]);
    expect(tentativi[0].intestazioni.authorization).to.equal(`Bearer ${token}`);
    expect(tentativi[0].intestazioni.cookie, 'no session cookie at all').to.equal(undefined);
    expect(letti.length, 'read at the attempt').to.be.greaterThan(0);

    const lista = await fixture<AssistenzaRichieste>(
      html`<assistenza-richieste endpoint=${s.endpoint} utente="mrossi" .headers=${headers}></assistenza-richieste>`,
    );
    await finche(() => lista.shadowRoot!.textContent!.includes(`Richiesta n. ${detail.numero}`), 'the list shows it');
  });

  it('a request without a token is anonymous: stored with no user, in nobody’s list', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form>`,
    );
    scrivi(el, 'Cognome', 'Verdi');
    scrivi(el, 'Nome', 'Luca');
    scrivi(el, 'Descrizione del problema', 'Non riesco ad accedere al portale.');
    await el.updateComplete;
    const inviata = oneEvent(el, 'assistenza-inviata');
    pulsante(el, 'Invia richiesta').click();
    await inviata;
    const [r] = (await s.registro()).ricevute;
    expect(r.richiesta.cognome).to.equal('Verdi');
    expect(r.utente).to.equal(undefined);
  });

  it('a token the server refuses is a refusal with the server’s words, never an anonymous request', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form
        endpoint=${s.endpoint}
        utente="mrossi"
        .headers=${{ Authorization: 'Bearer non.un.token' }}
      ></assistenza-ticket-form>`,
    );
    scrivi(el, 'Cognome', 'Rossi');
    scrivi(el, 'Nome', 'Mario');
    scrivi(el, 'Descrizione del problema', 'Con un token falso.');
    await el.updateComplete;
    const errore = oneEvent(el, 'assistenza-errore');
    pulsante(el, 'Invia richiesta').click();
    const { detail } = (await errore) as CustomEvent<{ stato: number; messaggio: string }>;
    expect(detail.stato).to.equal(401);
    expect(detail.messaggio).to.equal('Il token di accesso non è valido.');
    expect((await s.registro()).ricevute).to.have.length(0);
  });
});

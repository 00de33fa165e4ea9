import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { AssistenzaTicketForm } from '../src/index.js';
import { consegnaDellaPagina, type VoceRichiesta } from '../src/delivery/consegna.js';
import { orologioDiSistema } from '../src/orologio.js';
import {
  nuovoSecchio,
  pulisciArchivio,
  campo,
  scrivi,
  pulsante,
  stato,
  finche,
  apriScheda,
  fingiOffline,
  OrologioFinto,
  type Secchio,
  type Scheda,
} from './helpers.js';

const consegna = consegnaDellaPagina();
const online = (w: Window = window) => w.dispatchEvent(new Event('online'));

async function compilaEInvia(
  el: HTMLElement & { updateComplete: Promise<boolean> },
  descrizione = 'Non riesco a protocollare la pratica.',
) {
  scrivi(el, 'Cognome', 'Rossi');
  scrivi(el, 'Nome', 'Mario');
  scrivi(el, 'Descrizione del problema', descrizione);
  await el.updateComplete;
  pulsante(el, 'Invia richiesta').click();
}

const inCoda = () => consegna.archivio.elenca<VoceRichiesta>('coda:');

describe('delivery queue (through <assistenza-ticket-form>)', () => {
  let s: Secchio;
  let orologio: OrologioFinto;
  const schede: Scheda[] = [];

  beforeEach(async () => {
    await pulisciArchivio();
    s = nuovoSecchio();
    orologio = new OrologioFinto();
    consegna.orologio = orologio;
    consegna.timeoutMs = 30_000;
  });
  afterEach(() => {
    consegna.orologio = orologioDiSistema;
    schede.splice(0).forEach((x) => x.chiudi());
  });

  const modulo = (attr: Partial<Record<'utente' | 'email', string>> = {}) =>
    fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form
        endpoint=${s.endpoint}
        utente=${attr.utente ?? ''}
        email=${attr.email ?? ''}
      ></assistenza-ticket-form>`,
    );

  it('the connection drops at submit: queued, says the service is not answering, delivered once when it is back', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    const { detail } = await ev;
    await el.updateComplete;
    // The browser is online: what it knows is that the service did not answer, not that the user is offline.
    expect(stato(el)).to.contain(
      'il servizio di assistenza non risponde: la richiesta è salvata su questo computer e verrà inviata automaticamente',
    );
    expect(stato(el)).not.to.contain('sei offline');
    expect(stato(el)).to.contain('Richieste in attesa di invio: 1.');
    expect(campo(el, 'Descrizione del problema').value).to.equal('');
    expect((await inCoda()).map((v) => v.id)).to.deep.equal([detail.id]);
    await expect(el).to.be.accessible();

    const inviata = oneEvent(el, 'assistenza-inviata');
    online();
    const ok = await inviata;
    expect(ok.detail.id).to.equal(detail.id);
    const { ricevute, tentativi } = await s.registro();
    expect(ricevute.map((r) => r.chiave)).to.deep.equal([detail.id]);
    expect(tentativi.map((t) => t.chiave)).to.deep.equal([detail.id, detail.id]);
    expect(await inCoda()).to.deep.equal([]);
    await el.updateComplete;
    expect(stato(el)).to.contain(`Numero della richiesta: ${ricevute[0].numero}.`);
    expect(stato(el)).not.to.contain('in attesa');
  });

  it('offline at submit: queued without an attempt, says the user is offline, delivered when back online', async () => {
    const el = await modulo({ utente: 'u1' });
    const ripristina = fingiOffline();
    try {
      const ev = oneEvent(el, 'assistenza-in-coda');
      await compilaEInvia(el);
      await ev;
      await el.updateComplete;
      expect(stato(el)).to.contain('Richiesta in coda, sei offline: verrà inviata appena torni online.');
      expect(stato(el)).not.to.contain('non risponde');
      expect((await s.registro()).tentativi, 'nothing tried while offline').to.have.length(0);
      await expect(el).to.be.accessible();
    } finally {
      ripristina();
    }
    const inviata = oneEvent(el, 'assistenza-inviata');
    online();
    await inviata;
    expect((await s.registro()).ricevute).to.have.length(1);
  });

  it('says the same in English under lang="en", offline and with the service not answering', async () => {
    const box = await fixture<HTMLElement>(
      html`<div lang="en"><assistenza-ticket-form endpoint=${s.endpoint} utente="u1"></assistenza-ticket-form></div>`,
    );
    const el = box.querySelector('assistenza-ticket-form')!;
    const inglese = async (descrizione: string) => {
      scrivi(el, 'Surname', 'Rossi');
      scrivi(el, 'First name', 'Mario');
      scrivi(el, 'Problem description', descrizione);
      await el.updateComplete;
      const ev = oneEvent(el, 'assistenza-in-coda');
      pulsante(el, 'Send request').click();
      await ev;
      await el.updateComplete;
    };
    await s.guasti([{ modo: 'stato', stato: 503, volte: 1 }]);
    await inglese('Service down.');
    expect(stato(el)).to.contain(
      'Request queued, the support service is not answering: the request is saved on this computer and will be sent automatically.',
    );
    const ripristina = fingiOffline();
    try {
      await inglese('Offline now.');
      expect(stato(el)).to.contain('Request queued, you are offline: it will be sent as soon as you are back online.');
    } finally {
      ripristina();
    }
  });

  it('503 three times, then 201: every attempt carries the same id and key, stored once', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'stato', stato: 503, volte: 3 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    const id = (await ev).detail.id;
    const inviata = oneEvent(el, 'assistenza-inviata');
    // The backoff timer drives the retries: first within about 5 s, then doubling.
    const attese: number[] = [];
    for (let i = 0; i < 3; i++) {
      await finche(() => orologio.prossimo !== undefined, 'a retry scheduled');
      attese.push(orologio.prossimo! - orologio.adesso);
      await orologio.avanza(orologio.prossimo! - orologio.adesso);
      await consegna.inattiva();
    }
    await inviata;
    expect(attese[0]).to.be.within(2500, 5000);
    expect(attese[1]).to.be.within(5000, 10000);
    expect(attese[2]).to.be.within(10000, 20000);
    const { ricevute, tentativi } = await s.registro();
    expect(tentativi.map((t) => [t.chiave, t.stato])).to.deep.equal([
      [id, 503],
      [id, 503],
      [id, 503],
      [id, 201],
    ]);
    // The endpoint logs the body of every attempt, the ones it answered 503 too: each carries the same id.
    expect(tentativi.map((t) => JSON.parse(t.corpo).id)).to.deep.equal([id, id, id, id]);
    expect(ricevute).to.have.length(1);
  });

  it('429 with Retry-After: no trigger hurries past it, the timer sends after it', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'stato', stato: 429, retryAfter: '120', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    await ev;
    const [v] = await inCoda();
    expect(v.nonPrimaDi - orologio.adesso).to.equal(120_000);
    await finche(() => orologio.prossimo !== undefined, 'timer set');
    expect(orologio.prossimo! - orologio.adesso).to.equal(120_000);
    online();
    document.dispatchEvent(new Event('visibilitychange'));
    await orologio.avanza(60_000);
    await consegna.svuota();
    expect((await s.registro()).tentativi).to.have.length(1);
    const inviata = oneEvent(el, 'assistenza-inviata');
    await orologio.avanza(60_000);
    await inviata;
    expect((await s.registro()).ricevute).to.have.length(1);
  });

  for (const stato of [408, 500, 502, 504]) {
    it(`${stato} is retryable: queued, not refused`, async () => {
      const el = await modulo({ utente: 'u1' });
      // Chromium resends a request answered 408 by itself, six times here before fetch sees it: the fault lasts ten.
      await s.guasti([{ modo: 'stato', stato, volte: 10 }]);
      const ev = oneEvent(el, 'assistenza-in-coda');
      await compilaEInvia(el);
      const id = (await ev).detail.id;
      expect((await inCoda()).map((v) => [v.id, v.ultimoErrore])).to.deep.equal([[id, `HTTP ${stato}`]]);
    });
  }

  it('the backoff is capped at about 5 minutes', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'stato', stato: 500 }]);
    await compilaEInvia(el);
    for (let i = 0; i < 9; i++) {
      await finche(() => orologio.prossimo !== undefined, 'scheduled');
      await orologio.avanza(orologio.prossimo! - orologio.adesso);
      await consegna.inattiva();
    }
    await finche(() => orologio.prossimo !== undefined, 'scheduled');
    // About 5 minutes: between half and all of it, with the jitter.
    expect(orologio.prossimo! - orologio.adesso).to.be.within(150_000, 300_000);
    expect((await s.registro()).tentativi).to.have.length(10);
  });

  it('a 503 with a Retry-After of 30 days waits one hour, not 30 days', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'stato', stato: 503, retryAfter: String(30 * 86_400), volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    await ev;
    const [v] = await inCoda();
    expect(v.nonPrimaDi - orologio.adesso).to.equal(3_600_000);
    expect(v.prossimoTentativo - orologio.adesso).to.equal(3_600_000);
    await finche(() => orologio.prossimo !== undefined, 'timer set');
    expect(orologio.prossimo! - orologio.adesso).to.equal(3_600_000);
    const inviata = oneEvent(el, 'assistenza-inviata');
    await orologio.avanza(3_600_000);
    await inviata;
    expect((await s.registro()).ricevute).to.have.length(1);
  });

  it('on the real clock, a Retry-After of 30 days leaves the page quiet: no spinning timer re-reading the queue', async () => {
    consegna.orologio = orologioDiSistema;
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'stato', stato: 503, retryAfter: String(30 * 86_400), volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    await ev;
    await consegna.inattiva();
    // A timer of more than 2^31 - 1 ms fires at once: the queue would read itself again and again.
    const archivio = consegna.archivio as { elenca: (p: string) => Promise<unknown[]> };
    const elenca = archivio.elenca;
    let letture = 0;
    archivio.elenca = function (this: unknown, p: string) {
      letture++;
      return elenca.call(this, p);
    };
    try {
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      archivio.elenca = elenca;
    }
    expect(letture, 'queue reads in one second').to.be.below(3);
    expect((await s.registro()).tentativi).to.have.length(1);
  });

  it('a queued request keeps its endpoint’s origin: a later page’s headers go only to its own origin, never to another', async () => {
    const altraOrigine = `http://127.0.0.1:${location.port}${s.endpoint}`;
    const altrove = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${altraOrigine} utente="u1"></assistenza-ticket-form>`,
    );
    // The other origin answers no CORS preflight: the request stays queued, its endpoint kept.
    const ev = oneEvent(altrove, 'assistenza-in-coda');
    await compilaEInvia(altrove, 'Verso un’altra origine.');
    await ev;
    expect((await inCoda()).map((v) => v.endpoint)).to.deep.equal([altraOrigine]);
    altrove.remove();
    const qui = await modulo({ utente: 'u1' });
    qui.headers = { 'X-CSRF-Token': 'segreto-del-portale' };
    await consegna.svuota(true);
    await consegna.inattiva();
    // The browser asks the other origin first (a preflight) which headers the request carries: the endpoint logs it.
    const preflight = (await s.registro()).tentativi.filter((t) => t.metodo === 'OPTIONS');
    expect(preflight).to.have.length(2);
    for (const p of preflight) {
      expect(p.intestazioni.origin).to.equal(location.origin);
      expect(p.intestazioni['access-control-request-headers']).to.equal('content-type,idempotency-key');
    }
    // This page's own origin still gets them.
    const inviata = oneEvent(qui, 'assistenza-inviata');
    await compilaEInvia(qui, 'Qui.');
    await inviata;
    const post = (await s.registro()).tentativi.filter((t) => t.metodo === 'POST');
    expect(post.map((t) => t.intestazioni['x-csrf-token'])).to.deep.equal(['segreto-del-portale']);
  });

  it('a 200 that is an HTML page (a Wi-Fi login, a proxy) is not a delivery: the request stays queued', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'portale', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    const id = (await ev).detail.id;
    expect((await inCoda()).map((v) => [v.id, v.ultimoErrore])).to.deep.equal([[id, 'risposta non riconosciuta']]);
    const inviata = oneEvent(el, 'assistenza-inviata');
    online();
    await inviata;
    const { ricevute, tentativi } = await s.registro();
    expect(tentativi.map((t) => [t.chiave, t.stato])).to.deep.equal([
      [id, 200],
      [id, 201],
    ]);
    expect(ricevute).to.have.length(1);
  });

  it('the server stored it but the answer was lost: the retry uses the same key and it is stored once', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'perdi-risposta', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    const id = (await ev).detail.id;
    const inviata = oneEvent(el, 'assistenza-inviata');
    online();
    const ok = await inviata;
    const { ricevute, tentativi } = await s.registro();
    expect(tentativi.map((t) => t.chiave)).to.deep.equal([id, id]);
    expect(ricevute).to.have.length(1);
    expect(ok.detail.numero).to.equal(ricevute[0].numero);
  });

  it('a hanging request is abandoned after the timeout and retried', async () => {
    consegna.timeoutMs = 500;
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'appeso', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el);
    await ev;
    const [v] = await inCoda();
    expect(v.ultimoErrore).to.equal('timeout');
    // The retry gets the ordinary limit: on a busy machine a real answer can take longer than half a second.
    consegna.timeoutMs = 30_000;
    const inviata = oneEvent(el, 'assistenza-inviata');
    online();
    await inviata;
    expect((await s.registro()).ricevute).to.have.length(1);
  });

  it('two elements on one page flushing at once send each request once', async () => {
    const [a, b] = await Promise.all([modulo({ utente: 'u1' }), modulo({ utente: 'u1' })]);
    await s.guasti([{ modo: 'rete' }]);
    for (const [el, testo] of [
      [a, 'Primo problema.'],
      [b, 'Secondo problema.'],
    ] as const) {
      const ev = oneEvent(el, 'assistenza-in-coda');
      await compilaEInvia(el, testo);
      await ev;
    }
    await s.guasti([]);
    const inviate = [oneEvent(a, 'assistenza-inviata'), oneEvent(b, 'assistenza-inviata')];
    await Promise.all([consegna.svuota(true), consegna.svuota(true), online()]);
    await Promise.all(inviate);
    expect(await inCoda()).to.deep.equal([]);
    const { ricevute, tentativi } = await s.registro();
    expect(ricevute.map((r) => r.richiesta.descrizione).sort()).to.deep.equal(['Primo problema.', 'Secondo problema.']);
    const riusciti = tentativi.filter((t) => t.stato === 201).map((t) => t.chiave);
    expect(riusciti).to.have.length(2);
    expect(new Set(riusciti).size).to.equal(2);
  });

  it('two tabs flushing at once: every request stored once, no key sent by both', async () => {
    const el = await modulo({ utente: 'u1' });
    await s.guasti([{ modo: 'rete' }]);
    for (let i = 0; i < 5; i++) {
      const ev = oneEvent(el, 'assistenza-in-coda');
      await compilaEInvia(el, `Problema numero ${i}.`);
      await ev;
    }
    expect(await inCoda()).to.have.length(5);
    await s.guasti([{ modo: 'lento', ritardoMs: 50 }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u1' });
    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u1' });
    schede.push(a, b);
    online(a.win);
    online(b.win);
    await finche(async () => (await inCoda()).length === 0, 'queue empty', 15000);
    const { ricevute, tentativi } = await s.registro();
    expect(ricevute).to.have.length(5);
    const inviati = tentativi.filter((t) => t.stato !== 'interrotta').map((t) => t.chiave);
    expect(inviati).to.have.length(5);
    expect(new Set(inviati).size).to.equal(5);
    // Each delivery fired assistenza-inviata once, in the tab that delivered it.
    await finche(() => a.win.eventi.length + b.win.eventi.length === 5, 'five events');
    const ids = [...a.win.eventi, ...b.win.eventi]
      .filter((e) => e.tipo === 'assistenza-inviata')
      .map((e) => e.detail.id);
    expect(new Set(ids).size).to.equal(5);
  });

  it('a closed tab loses nothing: the next load delivers, fires assistenza-inviata there and shows the number', async () => {
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u7' });
    await compilaEInvia(a.el);
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued in tab a');
    const id = a.win.eventi[0].detail.id;
    a.chiudi();
    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u7' });
    schede.push(b);
    await finche(() => b.win.eventi.some((e) => e.tipo === 'assistenza-inviata'), 'delivered on the next load');
    expect(b.win.eventi.map((e) => [e.tipo, e.detail.id])).to.deep.equal([['assistenza-inviata', id]]);
    const { ricevute } = await s.registro();
    expect(ricevute).to.have.length(1);
    await b.el.updateComplete;
    expect(stato(b.el)).to.contain(`Numero della richiesta: ${ricevute[0].numero}.`);
    expect(b.win.errori).to.deep.equal([]);
  });

  it('the other tabs learn the outcome and update their status', async () => {
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u12' });
    schede.push(a);
    // Tab a's own backoff timer never fires here: the delivery must come from tab b.
    a.win.consegna.orologio = { ora: () => Date.now(), programma: () => () => {} };
    await compilaEInvia(a.el);
    await finche(() => stato(a.el).includes('Richieste in attesa di invio: 1.'), 'tab a shows one waiting');
    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u12' });
    schede.push(b);
    await finche(() => b.win.eventi.some((e) => e.tipo === 'assistenza-inviata'), 'tab b delivered');
    const { ricevute } = await s.registro();
    await finche(() => !stato(a.el).includes('in attesa'), 'tab a no longer shows it waiting');
    expect(stato(a.el)).to.contain(`Numero della richiesta: ${ricevute[0].numero}.`);
    // The event fires once, in the tab that delivered: not in tab a.
    expect(a.win.eventi.map((e) => e.tipo)).to.deep.equal(['assistenza-in-coda']);
  });

  it('reload mid-queue: after submitting, a reload shows an empty form and the pending request, never the text again', async () => {
    await s.guasti([{ modo: 'rete' }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u8' });
    await compilaEInvia(a.el, 'Testo da non inviare due volte.');
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued');
    a.frame.contentWindow!.location.reload();
    await finche(() => !!(a.frame.contentWindow as unknown as { elemento?: unknown }).elemento, 'reloaded', 15000);
    const el = (a.frame.contentWindow as unknown as { elemento: AssistenzaTicketForm }).elemento;
    await finche(() => stato(el).includes('Richieste in attesa di invio: 1.'), 'pending shown');
    expect(campo(el, 'Descrizione del problema').value).to.equal('');
    a.chiudi();
    await s.guasti([]);
    expect((await inCoda()).map((v) => v.richiesta.descrizione)).to.deep.equal(['Testo da non inviare due volte.']);
  });

  it('a pending request travels under its writer: not sent while another user is known, nor from a page that knows nobody; sent where its writer is', async () => {
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'anna' });
    await compilaEInvia(a.el);
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued');
    a.chiudi();
    // This page, with Bruno's form, then with an element that knows nobody.
    const bruno = await modulo({ utente: 'bruno' });
    online();
    await consegna.svuota(true);
    await consegna.inattiva();
    // Bruno does not see Anna's pending request either.
    expect(stato(bruno)).not.to.contain('in attesa');
    bruno.remove();
    await fixture(html`<assistenza-tempi-risposta></assistenza-tempi-risposta>`);
    await consegna.svuota(true);
    await consegna.inattiva();
    expect((await s.registro()).ricevute, 'sent neither under Bruno nor from a page without a user').to.have.length(0);
    const diAnna = await apriScheda({ endpoint: s.endpoint, elemento: 'assistenza-tempi-risposta', profilo: 'anna' });
    schede.push(diAnna);
    await finche(async () => (await s.registro()).ricevute.length === 1, 'delivered from a page that knows Anna');
  });

  it('a request written with no user goes only from a page where no user is known', async () => {
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const a = await apriScheda({ endpoint: s.endpoint });
    await compilaEInvia(a.el, 'Scritta senza accesso.');
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued');
    a.chiudi();
    const anna = await apriScheda({ endpoint: s.endpoint, elemento: 'assistenza-tempi-risposta', profilo: 'anna' });
    schede.push(anna);
    online(anna.win);
    await anna.win.consegna.svuota(true);
    await anna.win.consegna.inattiva();
    expect((await s.registro()).ricevute, 'not sent where Anna is known').to.have.length(0);
    const nessuno = await apriScheda({ endpoint: s.endpoint, elemento: 'assistenza-tempi-risposta' });
    schede.push(nessuno);
    await finche(async () => (await s.registro()).ricevute.length === 1, 'delivered from a page that knows nobody');
    expect((await s.registro()).ricevute[0].richiesta.descrizione).to.equal('Scritta senza accesso.');
  });

  it('a page that reports two users sends neither’s requests, and the form says why; once one leaves, the other’s go', async () => {
    const anna = await modulo({ utente: 'anna' });
    const bruno = await modulo({ utente: 'bruno' });
    // Held, not tried: the host still hears it waits in the queue.
    const ev = oneEvent(anna, 'assistenza-in-coda');
    await compilaEInvia(anna, 'Di Anna.');
    await ev;
    online();
    await consegna.svuota(true);
    await consegna.inattiva();
    expect((await s.registro()).tentativi, 'not even tried').to.deep.equal([]);
    await anna.updateComplete;
    expect(stato(anna)).to.contain(
      'Richieste in attesa di invio: 1. Non partono da questa pagina, dove risulta collegato un altro utente.',
    );
    const inviata = oneEvent(anna, 'assistenza-inviata');
    bruno.remove();
    await inviata;
    expect((await s.registro()).ricevute.map((r) => r.richiesta.descrizione)).to.deep.equal(['Di Anna.']);
  });

  it('Mario’s request queued on a 503; Mario logs out, Anna logs in and opens a page with only the response times, no profile, no utente: it is not sent under Anna, and goes as Mario’s once he is back', async () => {
    await s.sessione('mario');
    await s.guasti([{ modo: 'stato', stato: 503, volte: 1 }]);
    const mario = await apriScheda({ endpoint: s.endpoint, utente: 'mario' });
    await compilaEInvia(mario.el, 'Il testo di Mario.');
    await finche(() => mario.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued on the 503');
    mario.chiudi();
    await s.sessione('anna');
    const tempi = await apriScheda({ endpoint: s.endpoint, elemento: 'assistenza-tempi-risposta' });
    online(tempi.win);
    await tempi.win.consegna.svuota(true);
    await tempi.win.consegna.inattiva();
    tempi.chiudi();
    const { ricevute, tentativi } = await s.registro();
    expect(ricevute, 'nothing stored, under Anna or anyone').to.deep.equal([]);
    expect(tentativi.map((t) => t.stato)).to.deep.equal([503]);
    // Anna's list does not show Mario's text, and his request is still waiting for him.
    const anna = await fixture<HTMLElement>(
      html`<assistenza-richieste endpoint=${s.endpoint} utente="anna"></assistenza-richieste>`,
    );
    await finche(() => (anna.shadowRoot!.textContent ?? '').includes('Non hai ancora inviato'), 'Anna’s empty list');
    expect(anna.shadowRoot!.textContent).not.to.contain('Il testo di Mario.');
    anna.remove();
    expect((await inCoda()).map((v) => [v.utente, v.richiesta.descrizione])).to.deep.equal([
      ['mario', 'Il testo di Mario.'],
    ]);
    // Mario back on a page with only the response times, under the portal's provider that knows him.
    await s.sessione('mario');
    const ritorno = await apriScheda({ endpoint: s.endpoint, elemento: 'assistenza-tempi-risposta', profilo: 'mario' });
    schede.push(ritorno);
    await finche(async () => (await s.registro()).ricevute.length === 1, 'delivered once Mario is back');
    const [consegnata] = (await s.registro()).ricevute;
    expect([consegnata.utente, consegnata.richiesta.descrizione]).to.deep.equal(['mario', 'Il testo di Mario.']);
  });

  it('a portal page with only the phone line delivers what is pending of the user its provider knows (the full package makes every element join the queue)', async () => {
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u13' });
    await compilaEInvia(a.el);
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued');
    a.chiudi();
    const telefono = await apriScheda({
      elemento: 'assistenza-telefonica',
      abilitata: 'si',
      numero: '0521 123456',
      profilo: 'u13',
    });
    schede.push(telefono);
    await finche(
      async () => (await s.registro()).ricevute.length === 1,
      'delivered from the page with only the phone line',
    );
    await finche(() => telefono.win.eventi.some((e) => e.tipo === 'assistenza-inviata'), 'the event fired there');
  });

  it('a non-retryable 4xx takes it out of the queue and back into the draft, with the message', async () => {
    await s.guasti([
      { modo: 'rete', volte: 1 },
      { modo: 'stato', stato: 409, messaggio: 'Pratica già chiusa.', volte: 1 },
    ]);
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u9' });
    await compilaEInvia(a.el, 'Da rimettere nella bozza.');
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-in-coda'), 'queued');
    a.chiudi();
    const b = await apriScheda({ endpoint: s.endpoint, utente: 'u9' });
    schede.push(b);
    await finche(() => b.win.eventi.some((e) => e.tipo === 'assistenza-errore'), 'refused');
    expect(b.win.eventi.find((e) => e.tipo === 'assistenza-errore')!.detail).to.deep.include({
      stato: 409,
      messaggio: 'Pratica già chiusa.',
    });
    await finche(
      () => campo(b.el, 'Descrizione del problema').value === 'Da rimettere nella bozza.',
      'back in the form',
    );
    expect(await inCoda()).to.deep.equal([]);
    expect(b.el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Pratica già chiusa.');
  });

  it('past the retention period a request is not sent, and the user is told and can copy the text', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} utente="u10" conservazione="2"></assistenza-ticket-form>`,
    );
    await s.guasti([{ modo: 'rete', volte: 1 }]);
    const ev = oneEvent(el, 'assistenza-in-coda');
    await compilaEInvia(el, 'Testo vecchio da copiare.');
    await ev;
    orologio.adesso += 3 * 86_400_000;
    online();
    await consegna.svuota();
    await finche(() => !!el.shadowRoot!.querySelector('[part~=notice] textarea'), 'expired request shown');
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~=notice] textarea')!;
    expect(area.value).to.equal('Testo vecchio da copiare.');
    expect(el.shadowRoot!.querySelector('[part~=notice]')!.textContent).to.contain('entro 2 giorni');
    expect((await s.registro()).ricevute).to.have.length(0);
    expect(pulsante(el, 'Copia il testo')).to.exist;
    await expect(el).to.be.accessible();
    pulsante(el, 'Elimina').click();
    await finche(async () => (await inCoda()).length === 0, 'removed');
  });

  it('IndexedDB refused: the form still sends online, says drafts cannot be kept, and throws nothing', async () => {
    const a = await apriScheda({ endpoint: s.endpoint, utente: 'u11', idb: 'rotto' });
    schede.push(a);
    await finche(() => (a.el.shadowRoot!.textContent ?? '').includes('non conserva le bozze'), 'notice shown');
    await compilaEInvia(a.el);
    await finche(() => a.win.eventi.some((e) => e.tipo === 'assistenza-inviata'), 'sent');
    expect((await s.registro()).ricevute).to.have.length(1);
    expect(a.win.errori).to.deep.equal([]);
  });
});

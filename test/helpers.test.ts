import { expect } from '@open-wc/testing';
import { nuovoSecchio } from './helpers.js';

const richiesta = () => ({
  id: crypto.randomUUID(),
  cognome: 'Rossi',
  nome: 'Mario',
  email: 'mario.rossi@esempio.it',
  rispostaViaEmail: true,
  descrizione: 'Non riesco ad allegare la planimetria.',
  creataIl: new Date().toISOString(),
});

async function invia(endpoint: string, corpo: { id: string }) {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': corpo.id },
    body: JSON.stringify(corpo),
  });
}

describe('the test buckets (helpers.ts), from a browser', () => {
  it('logs the page in as a user of one bucket only: its cookie goes to that bucket’s paths and no other', async () => {
    const s = nuovoSecchio();
    const t = nuovoSecchio();
    await s.sessione('mrossi');
    const r = richiesta();
    expect((await invia(s.endpoint, r)).status).to.equal(201);
    const lista = await (await fetch(s.endpoint)).json();
    expect(lista.richieste.map((x: { id: string }) => x.id)).to.deep.equal([r.id]);
    expect((await fetch(t.endpoint)).status, 'another bucket has no session').to.equal(401);
    expect(document.cookie, 'HttpOnly').not.to.contain('assistenza-prova-sessione');
    await s.sessione(null);
    expect((await fetch(s.endpoint)).status).to.equal(401);
  });

  it('makes the help desk answer and set a state, and pages the list as asked', async () => {
    const s = nuovoSecchio();
    await s.sessione('abianchi');
    await s.opzioni({ perPagina: 1 });
    const r = richiesta();
    await invia(s.endpoint, r);
    await invia(s.endpoint, richiesta());
    const risposta = await s.sportello.rispondi(r.id, 'Buongiorno, ci manda il file?', 'attesa-utente');
    expect(risposta).to.include({ stato: 'attesa-utente', inviataViaMailA: 'mario.rossi@esempio.it' });
    const [q] = (await s.sportello.elenco()).filter((x) => x.id === r.id);
    expect(q.messaggi.map((m) => m.testo)).to.deep.equal(['Buongiorno, ci manda il file?']);
    await s.sportello.cambiaStato(r.id, 'risolta');
    const prima = await fetch(s.endpoint);
    expect(prima.headers.get('link')).to.match(/rel="next"$/);
    const seconda = await (await fetch(/<([^>]+)>/.exec(prima.headers.get('link') ?? '')![1])).json();
    expect(seconda.richieste[0]).to.include({ id: r.id, stato: 'risolta' });
    expect((await s.registro()).posta).to.have.length(1);
  });
});

// The help desk's routes over real HTTP (/api/sportello): every request with its contacts and thread, the operator's
// reply and state, and the mail outbox demo/.dati/posta.json.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Mail } from '../../demo/server/posta.js';
import { gestoreDemo } from '../../demo/server/plugin.js';
import {
  avvia,
  cambiaStato,
  cartellaTemporanea,
  elenco,
  invia,
  italiano,
  richiesta,
  rispostaSportello,
  sportello,
  type Demo,
} from './http.js';

describe('/api/sportello (the help desk’s routes, demo server)', () => {
  let cartella: string;
  let file: string;
  let elimina: () => void;
  let d: Demo;
  beforeEach(async () => {
    ({ cartella, file, elimina } = cartellaTemporanea());
    d = await avvia(file);
  });
  afterEach(async () => {
    await d.chiudi();
    elimina();
  });

  const posta = () => JSON.parse(readFileSync(join(cartella, 'posta.json'), 'utf8')) as Mail[];

  it('lists every request, newest first, with its user (or none), contacts, practice, state and thread', async () => {
    const mario = richiesta({ cognome: 'Rossi', nome: 'Mario', email: 'mario.rossi@esempio.it' });
    const anonima = richiesta({
      cognome: 'Verdi',
      nome: 'Luca',
      telefono: undefined,
      pratica: undefined,
      rispostaViaEmail: false,
      email: undefined,
    });
    await invia(d, mario, { utente: 'mrossi' });
    await invia(d, anonima);
    const [a, b] = await sportello(d);
    assert.equal(a.id, anonima.id);
    assert.equal(a.utente, null);
    assert.equal(a.numero, 2);
    assert.equal(b.id, mario.id);
    assert.equal(b.utente, 'mrossi');
    assert.equal(b.email, 'mario.rossi@esempio.it');
    assert.equal(b.telefono, '+39 347 123.45.67');
    assert.equal(b.stato, 'ricevuta');
    assert.deepEqual(b.messaggi, []);
    assert.deepEqual(b.allegati, []);
    assert.deepEqual((b as unknown as { pratica: unknown }).pratica, { tipologia: 'SCIA', numero: '123/2026' });
  });

  it('appends the operator’s reply with autore "assistenza"; without a state a received request goes in-lavorazione', async () => {
    const r = richiesta({ rispostaViaEmail: false });
    await invia(d, r, { utente: 'mrossi' });
    const a = await rispostaSportello(d, r.id, { testo: '  Buongiorno, ci può mandare il file?  ' });
    assert.equal(a.stato, 201);
    assert.equal(a.json.stato, 'in-lavorazione');
    assert.equal(a.json.inviataViaMailA, undefined);
    const [perUtente] = (await elenco(d, 'mrossi')).json.richieste;
    assert.equal(perUtente.stato, 'in-lavorazione');
    assert.deepEqual(
      perUtente.messaggi.map((m) => [m.id, m.autore, m.testo]),
      [[a.json.id, 'assistenza', 'Buongiorno, ci può mandare il file?']],
    );
    assert.ok(!('inviataViaMailA' in perUtente.messaggi[0]), 'the user’s list says nothing of the outbox');

    // Another reply without a state keeps the one it has; with a state, takes it.
    await cambiaStato(d, r.id, 'attesa-utente');
    assert.equal((await rispostaSportello(d, r.id, { testo: 'Sollecito.' })).json.stato, 'attesa-utente');
    assert.equal((await rispostaSportello(d, r.id, { testo: 'Risolto.', stato: 'risolta' })).json.stato, 'risolta');
    const [x] = await sportello(d);
    assert.equal(x.stato, 'risolta');
    assert.deepEqual(
      x.messaggi.map((m) => m.testo),
      ['Buongiorno, ci può mandare il file?', 'Sollecito.', 'Risolto.'],
    );
    assert.ok(!existsSync(join(cartella, 'posta.json')), 'no mail was asked for');
  });

  it('writes the reply to the mail outbox when the request asked for the answer by mail, and says so in the thread', async () => {
    const r = richiesta({ email: 'mario.rossi@esempio.it', rispostaViaEmail: true });
    await invia(d, r, { utente: 'mrossi' });
    const a = await rispostaSportello(d, r.id, { testo: 'Buongiorno, provi ora.', stato: 'attesa-utente' });
    assert.equal(a.stato, 201);
    assert.equal(a.json.inviataViaMailA, 'mario.rossi@esempio.it');
    const [m] = posta();
    assert.equal(m.a, 'mario.rossi@esempio.it');
    assert.equal(m.richiesta, r.id);
    assert.equal(m.numero, 1);
    assert.equal(m.messaggio, a.json.id);
    assert.match(m.oggetto, /richiesta n\. 1/);
    assert.match(m.testo, /^Buongiorno, provi ora\./);
    const [x] = await sportello(d);
    assert.equal(x.messaggi[0].inviataViaMailA, 'mario.rossi@esempio.it');
    // The thread survives a restart, the outbox too.
    await d.chiudi();
    d = await avvia(file);
    await rispostaSportello(d, r.id, { testo: 'Secondo messaggio.' });
    assert.equal(posta().length, 2);
  });

  it('sets the state alone, and refuses an unknown state or request', async () => {
    const r = richiesta();
    await invia(d, r, { utente: 'mrossi' });
    const a = await cambiaStato(d, r.id, 'chiusa');
    assert.equal(a.stato, 200);
    assert.deepEqual(a.json, { id: r.id, stato: 'chiusa' });
    assert.equal((await sportello(d))[0].stato, 'chiusa');
    assert.equal((await sportello(d))[0].messaggi.length, 0);

    const b = await cambiaStato(d, r.id, 'archiviata');
    assert.equal(b.stato, 422);
    italiano(b.json.messaggio);
    assert.equal((await cambiaStato(d, randomUUID(), 'risolta')).stato, 404);
    assert.equal((await rispostaSportello(d, randomUUID(), { testo: 'x' })).stato, 404);
    const c = await rispostaSportello(d, r.id, { testo: '  ', stato: 'risolta' });
    assert.equal(c.stato, 422);
    italiano(c.json.messaggio);
    const e = await rispostaSportello(d, r.id, { testo: 'ok', urgente: true });
    assert.equal(e.stato, 422);
    assert.match(e.json.messaggio!, /Campi non previsti: urgente\./);
    assert.equal((await sportello(d))[0].stato, 'chiusa');
  });

  it('stores neither the reply nor the mail when the outbox cannot be written', async () => {
    // posta.json becomes a folder with something in it: the outbox's rename over it fails.
    mkdirSync(join(cartella, 'posta.json', 'bloccata'), { recursive: true });
    const r = richiesta({ rispostaViaEmail: true });
    await invia(d, r, { utente: 'mrossi' });
    const a = await rispostaSportello(d, r.id, { testo: 'Buongiorno.' });
    assert.equal(a.stato, 503);
    italiano(a.json.messaggio);
    assert.deepEqual((await sportello(d))[0].messaggi, []);
    assert.equal((await sportello(d))[0].stato, 'ricevuta');
  });

  it('takes the mail back out of the outbox when the reply itself cannot be stored', async () => {
    const r = richiesta({ rispostaViaEmail: true });
    await invia(d, r, { utente: 'mrossi' });
    // The requests' file becomes a folder with something in it: the store's rename over it fails.
    rmSync(file);
    mkdirSync(join(file, 'bloccato'), { recursive: true });
    const a = await rispostaSportello(d, r.id, { testo: 'Buongiorno.' });
    assert.equal(a.stato, 503);
    assert.deepEqual(posta(), []);
    assert.deepEqual((await sportello(d))[0].messaggi, []);
  });

  it('will not start on an unreadable outbox', async () => {
    await d.chiudi();
    writeFileSync(join(cartella, 'posta.json'), '{');
    assert.throws(
      () => gestoreDemo({ file, bundle: 'x.js' }),
      /posta in uscita .* non è leggibile.*correggila o cancellala/,
    );
    d = await avvia(join(cartella, 'altro', 'richieste.json'));
  });
});

// The demo endpoint over real HTTP, with its file archive: what a backend must do with POST /api/richieste.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gestoreDemo } from '../../demo/server/plugin.js';
import type { DatiArchivio } from '../../demo/server/archivio.js';
import { avvia, cartellaTemporanea, invia, italiano, richiesta, sportello, type Demo } from './http.js';

/** What the help desk's list holds, oldest first: numero, id and the request as received. */
const ricevute = async (d: Demo) => (await sportello(d)).reverse();

describe('POST /api/richieste (demo endpoint, file archive)', () => {
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

  it('stores a valid request, trimmed, answers 201 with a numero, and writes it to the file', async () => {
    const r = richiesta();
    const a = await invia(d, r);
    assert.equal(a.stato, 201);
    assert.deepEqual(a.json, { id: r.id, numero: 1 });
    const [x] = await ricevute(d);
    assert.equal(x.numero, 1);
    assert.equal(x.id, r.id);
    assert.equal(x.cognome, 'D’Angelo');
    assert.deepEqual((x as unknown as { pratica: unknown }).pratica, { tipologia: 'SCIA', numero: '123/2026' });
    assert.ok(Math.abs(Date.parse(x.ricevutaIl) - Date.now()) < 5000, 'ricevutaIl is now');
    assert.equal(x.stato, 'ricevuta');
    assert.deepEqual(
      (JSON.parse(readFileSync(file, 'utf8')) as DatiArchivio).richieste.map((y) => y.chiave),
      [r.id],
    );
  });

  it('assigns numeri in sequence', async () => {
    const numeri = [];
    for (let i = 0; i < 3; i++) numeri.push((await invia(d, richiesta())).json.numero);
    assert.deepEqual(numeri, [1, 2, 3]);
  });

  it('answers a repeated Idempotency-Key with the same numero and stores the request once', async () => {
    const r = richiesta();
    const prima = await invia(d, r);
    await invia(d, richiesta());
    const seconda = await invia(d, r);
    assert.equal(seconda.stato, 201);
    assert.deepEqual(seconda.json, prima.json);
    assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
    assert.deepEqual(
      (await ricevute(d)).map((x) => x.numero),
      [1, 2],
    );
  });

  it('refuses an invalid request with 422, a messaggio per field in Italian, and stores nothing', async () => {
    const a = await invia(d, richiesta({ email: 'mario@', telefono: 'chiamami', descrizione: '   ' }));
    assert.equal(a.stato, 422);
    assert.deepEqual(a.json.errori!.map((e) => e.campo).sort(), ['descrizione', 'email', 'telefono']);
    assert.match(a.json.messaggio!, /Inserisci un indirizzo email valido/);
    assert.match(a.json.messaggio!, /Descrivi il problema/);
    for (const e of a.json.errori!) italiano(e.messaggio);
    assert.deepEqual(await ricevute(d), []);
  });

  it('words a missing field and a wrong type in Italian', async () => {
    const { cognome: _, ...senzaCognome } = richiesta();
    const a = await invia(d, { ...senzaCognome, nome: 42 });
    assert.equal(a.stato, 422);
    assert.match(a.json.messaggio!, /Manca il campo obbligatorio «cognome»/);
    assert.match(a.json.messaggio!, /Il campo «nome» deve essere un testo/);
    italiano(a.json.messaggio);
  });

  it('refuses unknown fields, at the top and inside pratica, naming them', async () => {
    const a = await invia(d, richiesta({ stato: 'chiusa', admin: true }));
    assert.equal(a.stato, 422);
    assert.match(a.json.messaggio!, /Campi non previsti: stato, admin\./);
    const b = await invia(d, richiesta({ pratica: { numero: '1', comune: 'Parma' } }));
    assert.equal(b.stato, 422);
    assert.match(b.json.messaggio!, /Campi non previsti in «pratica»: comune\./);
    assert.deepEqual(await ricevute(d), []);
  });

  it('refuses bad JSON and a body that is not an object with 400', async () => {
    const r = richiesta();
    const a = await invia(d, JSON.stringify(r).slice(0, -5), { chiave: r.id });
    assert.equal(a.stato, 400);
    assert.equal(a.json.messaggio, 'Il corpo della richiesta non è un JSON valido.');
    const b = await invia(d, '[1,2]', { chiave: r.id });
    assert.equal(b.stato, 400);
    assert.equal(b.json.messaggio, 'Il corpo della richiesta deve essere un oggetto JSON.');
    assert.deepEqual(await ricevute(d), []);
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const r = richiesta();
    for (const tipo of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      const a = await invia(d, r, { tipo });
      assert.equal(a.stato, 415, tipo);
      assert.match(a.json.messaggio!, /Content-Type: application\/json/);
    }
    assert.equal((await invia(d, r, { tipo: 'application/json; charset=utf-8' })).stato, 201);
  });

  it('refuses an oversized body with 413 whether announced or streamed, and stores nothing', async () => {
    const grande = richiesta({ descrizione: 'x'.repeat(70 * 1024) });
    const a = await invia(d, grande);
    assert.equal(a.stato, 413);
    assert.equal(a.json.messaggio, 'La richiesta è troppo grande: al massimo 64 KiB.');
    // Chunked, with no Content-Length: the limit holds while reading.
    const stato = await new Promise<number>((ok, ko) => {
      const u = new URL(`${d.url}/api/richieste`);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': grande.id },
        },
        (res) => {
          res.resume();
          ok(res.statusCode!);
        },
      );
      req.on('error', ko);
      const testo = JSON.stringify(grande);
      for (let i = 0; i < testo.length; i += 8192) req.write(testo.slice(i, i + 8192));
      req.end();
    });
    assert.equal(stato, 413);
    assert.deepEqual(await ricevute(d), []);
  });

  it('wants an Idempotency-Key equal to the id', async () => {
    const r = richiesta();
    const a = await invia(d, r, { chiave: null });
    assert.equal(a.stato, 400);
    assert.equal(a.json.messaggio, 'Manca l’intestazione Idempotency-Key.');
    const b = await invia(d, r, { chiave: randomUUID() });
    assert.equal(b.stato, 422);
    assert.equal(b.json.messaggio, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
    assert.deepEqual(await ricevute(d), []);
  });

  it('keeps what it received across a restart with the same file: same numero for a repeated key, the count goes on', async () => {
    const r1 = richiesta();
    const r2 = richiesta();
    await invia(d, r1);
    await invia(d, r2);
    await d.chiudi();
    d = await avvia(file);
    assert.deepEqual(
      (await ricevute(d)).map((x) => [x.numero, x.id]),
      [
        [1, r1.id],
        [2, r2.id],
      ],
    );
    assert.deepEqual((await invia(d, r1)).json, { id: r1.id, numero: 1 });
    assert.equal((await invia(d, richiesta())).json.numero, 3);
    assert.equal((await ricevute(d)).length, 3);
  });

  it('answers 503 and keeps nothing, in memory or on disk, when the file cannot be written', async () => {
    await d.chiudi();
    const bloccato = join(cartella, 'un-file');
    writeFileSync(bloccato, '');
    d = await avvia(join(bloccato, 'richieste.json')); // its folder is a file: every write fails
    const r = richiesta();
    const a = await invia(d, r);
    assert.equal(a.stato, 503);
    assert.equal(a.intestazioni.get('retry-after'), '30');
    italiano(a.json.messaggio);
    assert.deepEqual(await ricevute(d), []);
    assert.deepEqual(readdirSync(cartella).sort(), ['un-file']);
  });

  it('will not start on an unreadable archive rather than hand out numeri twice', () => {
    writeFileSync(file, '[{"numero": 1,');
    assert.throws(() => gestoreDemo({ file, bundle: 'x.js' }), /non è leggibile.*correggilo o cancellalo/);
  });

  it('a fault set through /api/guasti hits the next request only as often as asked', async () => {
    const g = await fetch(`${d.url}/api/guasti`, {
      method: 'POST',
      body: JSON.stringify([{ modo: 'stato', stato: 503, volte: 1, retryAfter: '2' }]),
    });
    assert.equal(g.status, 200);
    const r = richiesta();
    const a = await invia(d, r);
    assert.equal(a.stato, 503);
    assert.equal(a.intestazioni.get('retry-after'), '2');
    assert.deepEqual(await ricevute(d), []);
    assert.equal((await invia(d, r)).stato, 201);
    assert.deepEqual(await (await fetch(`${d.url}/api/guasti`)).json(), []);
  });

  it('drops the connection for the "rete" fault, and refuses a fault it does not know', async () => {
    await fetch(`${d.url}/api/guasti`, { method: 'POST', body: JSON.stringify([{ modo: 'rete', volte: 1 }]) });
    await assert.rejects(invia(d, richiesta()), TypeError);
    const g = await fetch(`${d.url}/api/guasti`, { method: 'POST', body: JSON.stringify([{ modo: 'incendio' }]) });
    assert.equal(g.status, 400);
    italiano(((await g.json()) as { messaggio: string }).messaggio);
  });

  it('answers other methods with 405 and unknown /api paths with 404', async () => {
    const a = await fetch(`${d.url}/api/richieste`, { method: 'DELETE' });
    assert.equal(a.status, 405);
    assert.equal(a.headers.get('allow'), 'GET, POST');
    assert.equal((await fetch(`${d.url}/api/altro`)).status, 404);
  });

  it('serves the built bundles, the full one and the phone banner the Ente page loads, and nothing else from that folder', async () => {
    await d.chiudi();
    const dist = join(cartella, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'assistenza-tecnica.js'), 'console.log("tutto");');
    writeFileSync(join(dist, 'assistenza-telefonica.js'), 'console.log("telefono");');
    writeFileSync(join(dist, 'segreto.js'), 'no');
    d = await avvia(file, { bundle: dist });
    for (const [percorso, testo] of [
      ['/assistenza-tecnica.js', 'console.log("tutto");'],
      ['/assistenza-telefonica.js', 'console.log("telefono");'],
    ]) {
      const res = await fetch(`${d.url}${percorso}`);
      assert.equal(res.status, 200, percorso);
      assert.match(res.headers.get('content-type')!, /^text\/javascript/);
      assert.equal(await res.text(), testo);
    }
    assert.equal((await fetch(`${d.url}/segreto.js`)).status, 404);
    assert.ok(!existsSync(file), 'serving the bundle writes no archive');
  });
});

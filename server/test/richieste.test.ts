// POST /api/richieste over real HTTP, on PGlite and on PostgreSQL: what a backend must do with a new request.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { MOTORI, serverDiProva, servi, type ServerDiProva } from './aiuti.js';
import { invia, italiano, richiesta, sportello } from './http.js';

for (const motore of MOTORI) {
  describe(`POST /api/richieste (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** What the help desk's list holds, oldest first. */
    const ricevute = async () => (await sportello(s)).reverse();

    it('stores a valid request, trimmed, and answers 201 with a numero', async () => {
      const r = richiesta();
      const a = await invia(s, r);
      assert.equal(a.stato, 201);
      assert.equal(a.json.id, r.id);
      assert.equal(typeof a.json.numero, 'number');
      const [x] = await ricevute();
      assert.equal(x.numero, a.json.numero);
      assert.equal(x.id, r.id);
      assert.equal(x.cognome, 'D’Angelo');
      assert.deepEqual(x.pratica, { tipologia: 'SCIA', numero: '123/2026' });
      assert.ok(Math.abs(Date.parse(x.ricevutaIl) - Date.now()) < 5000, 'ricevutaIl is now');
      assert.equal(x.stato, 'ricevuta');
      assert.equal(x.utente, null, 'sent without a token: anonymous');
    });

    it('assigns distinct, increasing numeri', async () => {
      const numeri: number[] = [];
      for (let i = 0; i < 3; i++) numeri.push((await invia(s, richiesta())).json.numero!);
      assert.ok(numeri[0] < numeri[1] && numeri[1] < numeri[2], numeri.join(', '));
    });

    it('answers a repeated Idempotency-Key with the same numero and stores the request once', async () => {
      const r = richiesta();
      const prima = await invia(s, r);
      await invia(s, richiesta());
      const seconda = await invia(s, r);
      assert.equal(seconda.stato, 201);
      assert.deepEqual(seconda.json, prima.json);
      assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal(prima.intestazioni.get('idempotent-replayed'), null);
      assert.equal((await ricevute()).length, 2);
    });

    it('refuses the same key with another body, or from another caller, with 422 revealing nothing', async () => {
      const r = richiesta({ descrizione: 'Il testo segreto di Mario.' });
      assert.equal((await invia(s, r, { utente: 'mrossi' })).stato, 201);
      for (const [come, corpo, utente] of [
        ['another body', { ...r, descrizione: 'Un altro testo.' }, 'mrossi'],
        ['another user', r, 'abianchi'],
        ['anonymous', r, undefined],
      ] as const) {
        const a = await invia(s, corpo, { utente });
        assert.equal(a.stato, 422, come);
        italiano(a.json.messaggio);
        assert.doesNotMatch(a.testo, /Mario|segreto|numero/i, come);
      }
      assert.equal((await ricevute()).length, 1);
    });

    it('answers every one of many concurrent attempts with one key 201 and the same numero, storing one request', async () => {
      // Several rounds: in the first the pool is still opening its connections, which lines the attempts up.
      for (let giro = 1; giro <= 4; giro++) {
        const r = richiesta();
        const risposte = await Promise.all(Array.from({ length: 20 }, () => invia(s, r, { utente: 'mrossi' })));
        assert.deepEqual(new Set(risposte.map((a) => a.stato)), new Set([201]), `round ${giro}`);
        assert.equal(new Set(risposte.map((a) => a.json.numero)).size, 1);
        assert.equal(risposte.filter((a) => a.intestazioni.get('idempotent-replayed') === null).length, 1);
        assert.equal((await ricevute()).length, giro);
      }
    });

    it('refuses an invalid request with 422, a messaggio per field in Italian, and stores nothing', async () => {
      const a = await invia(s, richiesta({ email: 'mario@', telefono: 'chiamami', descrizione: '   ' }));
      assert.equal(a.stato, 422);
      assert.deepEqual(a.json.errori!.map((e) => e.campo).sort(), ['descrizione', 'email', 'telefono']);
      assert.match(a.json.messaggio!, /Inserisci un indirizzo email valido/);
      assert.match(a.json.messaggio!, /Descrivi il problema/);
      for (const e of a.json.errori!) italiano(e.messaggio);
      assert.deepEqual(await ricevute(), []);
    });

    it('words a missing field and a wrong type in Italian', async () => {
      const { cognome: _, ...senzaCognome } = richiesta();
      const a = await invia(s, { ...senzaCognome, nome: 42 });
      assert.equal(a.stato, 422);
      assert.match(a.json.messaggio!, /Manca il campo obbligatorio «cognome»/);
      assert.match(a.json.messaggio!, /Il campo «nome» deve essere un testo/);
      italiano(a.json.messaggio);
    });

    it('refuses unknown fields, at the top and inside pratica, naming them', async () => {
      const a = await invia(s, richiesta({ stato: 'chiusa', admin: true }));
      assert.equal(a.stato, 422);
      assert.match(a.json.messaggio!, /Campi non previsti: stato, admin\./);
      const b = await invia(s, richiesta({ pratica: { numero: '1', comune: 'Parma' } }));
      assert.equal(b.stato, 422);
      assert.match(b.json.messaggio!, /Campi non previsti in «pratica»: comune\./);
      assert.deepEqual(await ricevute(), []);
    });

    it('refuses bad JSON and a body that is not an object with 400', async () => {
      const r = richiesta();
      const a = await invia(s, JSON.stringify(r).slice(0, -5), { chiave: r.id });
      assert.equal(a.stato, 400);
      assert.equal(a.json.messaggio, 'Il corpo della richiesta non è un JSON valido.');
      const b = await invia(s, '[1,2]', { chiave: r.id });
      assert.equal(b.stato, 400);
      assert.equal(b.json.messaggio, 'Il corpo della richiesta deve essere un oggetto JSON.');
      const c = await invia(s, '', { chiave: r.id });
      assert.equal(c.stato, 400);
      assert.deepEqual(await ricevute(), []);
    });

    it('refuses a body that is not declared as JSON with 415', async () => {
      const r = richiesta();
      for (const tipo of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
        const a = await invia(s, r, { tipo });
        assert.equal(a.stato, 415, tipo);
        assert.match(a.json.messaggio!, /Content-Type: application\/json/);
      }
      assert.equal((await invia(s, r, { tipo: 'application/json; charset=utf-8' })).stato, 201);
    });

    it('refuses an oversized body with 413 whether announced or streamed, and stores nothing', async () => {
      const grande = richiesta({ descrizione: 'x'.repeat(70 * 1024) });
      const a = await invia(s, grande);
      assert.equal(a.stato, 413);
      assert.equal(a.json.messaggio, 'La richiesta è troppo grande: al massimo 64 KiB.');
      // Chunked, with no Content-Length: the limit holds while reading.
      const stato = await new Promise<number>((ok, ko) => {
        const u = new URL(`${s.url}/api/richieste`);
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
      assert.deepEqual(await ricevute(), []);
    });

    it('wants an Idempotency-Key equal to the id', async () => {
      const r = richiesta();
      const a = await invia(s, r, { chiave: null });
      assert.equal(a.stato, 400);
      assert.equal(a.json.messaggio, 'Manca l’intestazione Idempotency-Key.');
      const b = await invia(s, r, { chiave: randomUUID() });
      assert.equal(b.stato, 422);
      assert.equal(b.json.messaggio, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
      const c = await invia(s, r, { chiave: 'non-un-uuid' });
      assert.equal(c.stato, 422);
      assert.deepEqual(await ricevute(), []);
    });

    it('keeps what it received across a restart on the same database: same numero for a repeated key', async () => {
      const r1 = richiesta();
      const n1 = (await invia(s, r1)).json.numero;
      await s.chiudiServer();
      const nuovo = await servi(s.db);
      try {
        assert.deepEqual((await invia(nuovo, r1)).json, { id: r1.id, numero: n1 });
        assert.ok((await invia(nuovo, richiesta())).json.numero! > n1!);
        assert.equal((await sportello(nuovo)).length, 2);
      } finally {
        await nuovo.app.close();
      }
    });

    it('answers other methods with 405 and Allow, and unknown /api paths with 404, in JSON', async () => {
      const a = await fetch(`${s.url}/api/richieste`, { method: 'DELETE' });
      assert.equal(a.status, 405);
      assert.equal(a.headers.get('allow'), 'GET, POST');
      italiano(((await a.json()) as { messaggio: string }).messaggio);
      const b = await fetch(`${s.url}/api/altro`);
      assert.equal(b.status, 404);
      italiano(((await b.json()) as { messaggio: string }).messaggio);
    });
  });
}

// What every route does the same way, over real HTTP on PGlite and on PostgreSQL: CORS for the configured origins only,
// the health check, 503 with Retry-After when the database is away, and one JSON log line per request that never holds
// a token, a body or a description.
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import pino from 'pino';
import { MOTORI, amministra, databaseDiProva, serverDiProva, servi, token, type ServerDiProva } from './aiuti.js';
import { PNG, carica, chiediSportello, elenco, invia, italiano, nuovaRisposta, richiesta, rispondi } from './http.js';

const PORTALE = 'https://portale.esempio.it';
const ALTRO_PORTALE = 'https://sue.comune.esempio.it';

for (const motore of MOTORI) {
  describe(`every route (${motore})`, () => {
    let s: ServerDiProva | undefined;
    afterEach(async () => {
      await s?.chiudi();
      s = undefined;
    });

    /** A CORS preflight of `metodo` on `percorso` from `origine`, asking for `intestazioni`. */
    const preflight = (
      server: ServerDiProva,
      percorso: string,
      origine: string,
      metodo: string,
      intestazioni: string,
    ) =>
      fetch(`${server.url}${percorso}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origine,
          'Access-Control-Request-Method': metodo,
          'Access-Control-Request-Headers': intestazioni,
        },
      });

    it('allows the ASSISTENZA_ORIGINI origins across origins, preflight and actual request, with the headers the widget reads', async () => {
      s = await serverDiProva(motore, { origini: [PORTALE, ALTRO_PORTALE] });
      for (const [percorso, metodo, intestazioni] of [
        ['/api/richieste', 'POST', 'authorization,content-type,idempotency-key'],
        ['/api/richieste', 'GET', 'authorization'],
        [`/api/richieste/${randomUUID()}/messaggi`, 'POST', 'authorization,content-type,idempotency-key'],
        [
          `/api/richieste/allegati/${randomUUID()}`,
          'PUT',
          'authorization,content-disposition,content-type,idempotency-key',
        ],
      ]) {
        for (const origine of [PORTALE, ALTRO_PORTALE]) {
          const res = await preflight(s, percorso, origine, metodo, intestazioni);
          assert.equal(res.status, 204, `${metodo} ${percorso}`);
          assert.equal(res.headers.get('access-control-allow-origin'), origine);
          assert.match(res.headers.get('access-control-allow-methods')!, new RegExp(`\\b${metodo}\\b`));
          const ammesse = res.headers.get('access-control-allow-headers')!.toLowerCase();
          for (const h of intestazioni.split(',')) {
            assert.match(ammesse, new RegExp(`\\b${h}\\b`), `${h} on ${metodo} ${percorso}`);
          }
          assert.match(res.headers.get('vary') ?? '', /origin/i);
        }
      }
      const intestazioni = { Origin: PORTALE, Authorization: `Bearer ${await token('mrossi')}` };
      const res = await fetch(`${s.url}/api/richieste`, { headers: intestazioni });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), PORTALE);
      assert.match(res.headers.get('vary') ?? '', /origin/i);
      const esposte = res.headers.get('access-control-expose-headers')!.toLowerCase();
      for (const h of ['etag', 'link', 'retry-after', 'idempotent-replayed']) {
        assert.match(esposte, new RegExp(`\\b${h}\\b`), h);
      }
      const r = richiesta();
      const post = await invia(s, r, { intestazioni: { Origin: ALTRO_PORTALE } });
      assert.equal(post.stato, 201);
      assert.equal(post.intestazioni.get('access-control-allow-origin'), ALTRO_PORTALE);
      const errore = await invia(s, r, { tipo: 'text/plain', intestazioni: { Origin: PORTALE } });
      assert.equal(errore.stato, 415);
      assert.equal(errore.intestazioni.get('access-control-allow-origin'), PORTALE, 'errors too: the page reads them');
    });

    it('gives any other origin no Access-Control-Allow-Origin, preflight or actual request', async () => {
      const server = await serverDiProva(motore, { origini: [PORTALE] });
      s = server;
      for (const origine of [
        'https://malevolo.esempio.it',
        'http://portale.esempio.it',
        'https://portale.esempio.it.malevolo.it',
        'https://portale.esempio.it:8443',
        'null',
      ]) {
        const pre = await preflight(
          server,
          '/api/richieste',
          origine,
          'POST',
          'authorization,content-type,idempotency-key',
        );
        assert.equal(pre.headers.get('access-control-allow-origin'), null, `preflight from ${origine}`);
        const intestazioni = { Origin: origine, Authorization: `Bearer ${await token('mrossi')}` };
        const res = await fetch(`${server.url}/api/richieste`, { headers: intestazioni });
        assert.equal(res.headers.get('access-control-allow-origin'), null, `GET from ${origine}`);
      }
    });

    it('allows no origin at all when ASSISTENZA_ORIGINI names none', async () => {
      s = await serverDiProva(motore);
      const pre = await preflight(s, '/api/richieste', PORTALE, 'POST', 'content-type,idempotency-key');
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
      const res = await fetch(`${s.url}/api/richieste`, { headers: { Origin: PORTALE } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });

    it('answers GET /api/salute 200 {"stato":"ok"} while the database answers', async () => {
      s = await serverDiProva(motore);
      const res = await fetch(`${s.url}/api/salute`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(await res.text(), '{"stato":"ok"}');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const post = await fetch(`${s.url}/api/salute`, { method: 'POST' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET');
    });

    it('answers 503 with Retry-After in Italian on every route when the database is away, and /api/salute says 503', async () => {
      const d = await databaseDiProva(motore);
      const { app, url } = await servi(d.db);
      const r = richiesta();
      try {
        await d.db.chiudi();
        const risposte = [
          await invia({ url }, r, { utente: 'mrossi' }),
          await elenco({ url }, 'mrossi'),
          await rispondi({ url }, r.id, nuovaRisposta(), { utente: 'mrossi' }),
          await carica({ url }, randomUUID(), PNG, { utente: 'mrossi' }),
          await carica({ url }, randomUUID(), PNG),
        ];
        for (const a of risposte) {
          assert.equal(a.stato, 503);
          assert.match(a.intestazioni.get('retry-after')!, /^\d+$/);
          italiano(a.json.messaggio);
        }
        const salute = await fetch(`${url}/api/salute`);
        assert.equal(salute.status, 503);
        assert.match(salute.headers.get('retry-after')!, /^\d+$/);
      } finally {
        await app.close();
        // Closed already: only its files or its database remain to throw away.
        if (motore === 'pglite') {
          rmSync(d.dove, { recursive: true, force: true });
        } else {
          await amministra(`DROP DATABASE IF EXISTS ${new URL(d.dove).pathname.slice(1)} WITH (FORCE)`);
        }
      }
    });

    it('marks every answer Cache-Control: no-store, the help desk’s and Fastify’s own errors too', async () => {
      s = await serverDiProva(motore);
      const r = richiesta();
      await invia(s, r, { utente: 'mrossi' });
      const id = randomUUID();
      await carica(s, id, PNG, { utente: 'mrossi' });
      await invia(
        s,
        richiesta({ allegati: [{ id, nome: 'planimetria.png', tipo: 'image/png', dimensione: PNG.length }] }),
        {
          utente: 'mrossi',
        },
      );
      const chiedi = (percorso: string, init: RequestInit = {}) =>
        percorso.startsWith('/api/sportello/')
          ? chiediSportello(s!, percorso, init)
          : fetch(`${s!.url}${percorso}`, init);
      const json = { 'Content-Type': 'application/json' };
      for (const [attesa, percorso, init] of [
        [200, '/api/salute', {}],
        [200, '/api/sportello/richieste', {}],
        [200, `/api/sportello/richieste/${r.id}`, {}],
        [404, `/api/sportello/richieste/${randomUUID()}`, {}],
        [200, `/api/sportello/allegati/${id}`, {}],
        [201, `/api/sportello/richieste/${r.id}/messaggi`, { method: 'POST', headers: json, body: '{"testo":"Ok."}' }],
        [200, `/api/sportello/richieste/${r.id}`, { method: 'PATCH', headers: json, body: '{"stato":"risolta"}' }],
        [422, `/api/sportello/richieste/${r.id}`, { method: 'PATCH', headers: json, body: '{"stato":"x"}' }],
        [400, `/api/sportello/richieste/${r.id}`, { method: 'PATCH', headers: json, body: '{' }],
        [
          403,
          `/api/sportello/richieste/${r.id}`,
          { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: 'x' },
        ],
        [401, '/api/sportello/sessione', { headers: { Cookie: 'assistenza-sportello=scaduta' } }],
        [415, '/api/richieste', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }],
        [413, '/api/richieste', { method: 'POST', headers: json, body: 'x'.repeat(70 * 1024) }],
        [405, '/api/richieste', { method: 'DELETE' }],
        [404, '/api/inesistente', {}],
      ] as const) {
        const res = await chiedi(percorso, init);
        assert.equal(res.status, attesa, `${init.method ?? 'GET'} ${percorso}`);
        assert.equal(res.headers.get('cache-control'), 'no-store', `${init.method ?? 'GET'} ${percorso}`);
        await res.arrayBuffer();
      }
    });

    it('logs one JSON line per request with method, route, status, time and request id; never a token, a body or a description', async () => {
      const scritto: string[] = [];
      const log = pino({ level: 'info' }, { write: (riga: string) => scritto.push(riga) });
      s = await serverDiProva(motore, { log });
      const segreto = await token('mrossi');
      const autorizzato = { Authorization: `Bearer ${segreto}` };
      const r = richiesta({
        cognome: 'Cognomeriservato',
        email: 'indirizzo.riservato@esempio.it',
        descrizione: 'Descrizione riservata del problema della SCIA.',
      });
      const risposta = nuovaRisposta({ testo: 'Testo riservato della risposta.' });
      const fatte = [
        await invia(s, r, { intestazioni: autorizzato }),
        await invia(s, r, { intestazioni: autorizzato }),
        await invia(s, { ...r, descrizione: 'Altra descrizione riservata.' }, { intestazioni: autorizzato }),
        await invia(s, richiesta({ email: 'email-sbagliata-riservata' }), { intestazioni: autorizzato }),
        await elenco(s, undefined, { intestazioni: autorizzato }),
        await elenco(s, undefined, { intestazioni: { Authorization: `Bearer ${segreto}x` } }),
        await rispondi(s, r.id, risposta, { intestazioni: autorizzato }),
        await carica(s, randomUUID(), PNG, { nome: 'nome-file-riservato.png', intestazioni: autorizzato }),
        await invia(s, '{"descrizione": "JSON rotto riservato', { chiave: randomUUID() }),
      ];
      const res = await fetch(`${s.url}/api/inesistente?filtro=riservato`);
      await res.arrayBuffer();
      const idRisposte = [...fatte.map((a) => a.intestazioni.get('x-request-id')), res.headers.get('x-request-id')];
      const stati = [...fatte.map((a) => a.stato), res.status];
      assert.deepEqual(stati, [201, 201, 422, 422, 200, 401, 201, 201, 400, 404]);
      await s.app.close();

      const testo = scritto.join('');
      const righe = testo.split('\n').filter((l) => l !== '');
      const perRichiesta = righe
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'richiesta');
      assert.equal(perRichiesta.length, stati.length, 'one line per request');
      for (const [i, l] of perRichiesta.entries()) {
        assert.equal(l.reqId, idRisposte[i], 'the request id, as the answer’s X-Request-Id');
        assert.equal(l.statoHttp, stati[i]);
        assert.equal(typeof l.metodo, 'string');
        assert.equal(typeof l.ms, 'number');
        assert.equal(typeof l.time, 'number');
        assert.ok('rotta' in l);
      }
      assert.deepEqual(
        perRichiesta.slice(0, 8).map((l) => [l.metodo, l.rotta]),
        [
          ['POST', '/api/richieste'],
          ['POST', '/api/richieste'],
          ['POST', '/api/richieste'],
          ['POST', '/api/richieste'],
          ['GET', '/api/richieste'],
          ['GET', '/api/richieste'],
          ['POST', '/api/richieste/:id/messaggi'],
          ['PUT', '/api/richieste/allegati/:id'],
        ],
        'the route, not the path with its ids',
      );
      assert.equal(new Set(idRisposte).size, idRisposte.length, 'a request id each');
      for (const [cosa, valore] of [
        ['the token', segreto],
        ['the token’s signature', segreto.split('.')[2]],
        ['a surname', 'Cognomeriservato'],
        ['an email', 'indirizzo.riservato'],
        ['a description', 'Descrizione riservata'],
        ['another body’s description', 'Altra descrizione'],
        ['a field refused', 'email-sbagliata'],
        ['a reply', 'Testo riservato'],
        ['a file name', 'nome-file-riservato'],
        ['a file’s bytes', 'IHDR finto'],
        ['a broken body', 'JSON rotto'],
        ['a query string', 'filtro=riservato'],
        ['a request’s id', r.id],
      ]) {
        assert.ok(!testo.includes(valore), `${cosa} in the log`);
      }
      assert.doesNotMatch(testo, /riservat/i);
    });
  });
}

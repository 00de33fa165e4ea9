// The browser suite's proxy in front of the help desk's server (test/server/plugin.ts) over real HTTP: each bucket's
// session cookie (turned into the user's token), options, faults, log and help desk, as test/helpers.ts drives them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { avviaServer, fermaServer, gestisciProva } from '../server/plugin.js';
import { nuovaRisposta, richiesta, servi, type Servito } from './http.js';

describe('the test runner’s buckets (/prova/<bucket>/…)', () => {
  let d: Servito;
  before(async () => {
    await avviaServer();
    d = await servi((req, res, next) => {
      void gestisciProva(req, res).then((risposto) => {
        if (!risposto) {
          next();
        }
      });
    });
  });
  after(async () => {
    await d.chiudi();
    await fermaServer();
  });

  /** A bucket as a browser uses it: it keeps the cookies the bucket sets, for the paths they name. */
  function secchio() {
    const base = `/prova/${randomUUID()}`;
    const cookie = new Map<string, string>();
    async function chiedi(percorso: string, init: RequestInit = {}) {
      const intestazioni = new Headers(init.headers);
      const valide = [...cookie].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`);
      if (valide.length > 0) {
        intestazioni.set('Cookie', valide.join('; '));
      }
      const res = await fetch(`${d.url}${percorso}`, { ...init, headers: intestazioni });
      for (const c of res.headers.getSetCookie()) {
        const [coppia] = c.split(';');
        const [nome, valore] = coppia.split('=');
        cookie.set(nome, valore);
      }
      return res;
    }
    const json = (percorso: string, metodo: string, corpo: unknown, extra: Record<string, string> = {}) =>
      chiedi(percorso, {
        method: metodo,
        headers: { 'Content-Type': 'application/json', ...extra },
        body: JSON.stringify(corpo),
      });
    return { base, chiedi, json, cookie };
  }

  it('logs a bucket in with an HttpOnly cookie for its own path only, and out again', async () => {
    const s = secchio();
    const a = await s.json(`${s.base}/sessione`, 'POST', { utente: 'mrossi' });
    assert.equal(a.status, 200);
    const [impostato] = a.headers.getSetCookie();
    assert.match(
      impostato,
      new RegExp(`^assistenza-prova-sessione=[\\w-]+; Path=${s.base}; HttpOnly; SameSite=Strict$`),
    );
    const r = richiesta();
    assert.equal((await s.json(`${s.base}/richieste`, 'POST', r, { 'Idempotency-Key': r.id })).status, 201);
    const lista = (await (await s.chiedi(`${s.base}/richieste`)).json()) as { richieste: { id: string }[] };
    assert.deepEqual(
      lista.richieste.map((x) => x.id),
      [r.id],
    );
    const [ricevuta] = ((await (await s.chiedi(`${s.base}/registro`)).json()) as { ricevute: { utente?: string }[] })
      .ricevute;
    assert.equal(ricevuta.utente, 'mrossi');

    await s.json(`${s.base}/sessione`, 'POST', { utente: 'abianchi' });
    assert.deepEqual(
      ((await (await s.chiedi(`${s.base}/richieste`)).json()) as { richieste: unknown[] }).richieste,
      [],
    );
    const fuori = await s.json(`${s.base}/sessione`, 'POST', { utente: null });
    assert.match(fuori.headers.getSetCookie()[0], /Max-Age=0/);
    assert.equal((await s.chiedi(`${s.base}/richieste`)).status, 401);
    assert.equal((await s.json(`${s.base}/sessione`, 'POST', { utente: 'a b' })).status, 400);

    // Another bucket's token means nothing here.
    const t = secchio();
    await t.json(`${t.base}/sessione`, 'POST', { utente: 'mrossi' });
    const token = [...t.cookie.values()][0];
    const res = await fetch(`${d.url}${s.base}/richieste`, {
      headers: { Cookie: `assistenza-prova-sessione=${token}` },
    });
    assert.equal(res.status, 401);
  });

  it('sets perPagina per bucket', async () => {
    const s = secchio();
    await s.json(`${s.base}/sessione`, 'POST', { utente: 'mrossi' });
    assert.equal((await s.json(`${s.base}/opzioni`, 'POST', { perPagina: 1 })).status, 200);
    for (let i = 0; i < 2; i++) {
      const r = richiesta();
      await s.json(`${s.base}/richieste`, 'POST', r, { 'Idempotency-Key': r.id });
    }
    const a = await s.chiedi(`${s.base}/richieste`);
    const [ultima] = ((await a.json()) as { richieste: { numero: number }[] }).richieste;
    assert.equal(a.headers.get('link'), `<${s.base}/richieste?prima-di=${ultima.numero}&per-pagina=1>; rel="next"`);
    assert.equal((await s.json(`${s.base}/opzioni`, 'POST', { perPagina: 0 })).status, 400);
  });

  it('serves …/tempi-risposta from the response times’ own history, with the minimum the bucket asks for, behind its faults', async () => {
    const s = secchio();
    const a = await s.chiedi(`${s.base}/tempi-risposta`);
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('cache-control'), 'public, max-age=300');
    const tempi = (await a.json()) as { richieste: number; entro: { percentuale: number }[] };
    assert.equal(tempi.richieste, 1040, 'test/server/storico.ts, whatever the other buckets send');
    assert.deepEqual(
      tempi.entro.map((e) => e.percentuale),
      [25, 45, 60, 80],
    );
    assert.equal((await s.json(`${s.base}/opzioni`, 'POST', { statisticheMinimo: 1041 })).status, 200);
    assert.equal((await s.chiedi(`${s.base}/tempi-risposta`)).status, 404, 'the server’s own 404');
    assert.equal((await s.json(`${s.base}/opzioni`, 'POST', { statisticheMinimo: 0 })).status, 400);
    await s.json(`${s.base}/guasti`, 'POST', [{ modo: 'stato', stato: 503, volte: 1 }]);
    assert.equal((await s.chiedi(`${s.base}/tempi-risposta`)).status, 503);
    const altro = secchio();
    assert.equal((await altro.chiedi(`${altro.base}/tempi-risposta`)).status, 200, 'another bucket: the default');
  });

  it('logs every attempt with method, path, key, status, headers and body; faults filtered by route', async () => {
    const s = secchio();
    await s.json(`${s.base}/sessione`, 'POST', { utente: 'mrossi' });
    assert.equal(
      (await s.json(`${s.base}/guasti`, 'POST', [{ modo: 'stato', stato: 503, su: 'messaggi', volte: 1 }])).status,
      200,
    );
    // Refused, so the fault above stays.
    assert.equal((await s.json(`${s.base}/guasti`, 'POST', [{ modo: 'fuoco' }])).status, 400);
    const r = richiesta();
    await s.json(`${s.base}/richieste`, 'POST', r, { 'Idempotency-Key': r.id });
    const m = nuovaRisposta();
    assert.equal(
      (await s.json(`${s.base}/richieste/${r.id}/messaggi`, 'POST', m, { 'Idempotency-Key': m.id })).status,
      503,
    );
    assert.equal(
      (await s.json(`${s.base}/richieste/${r.id}/messaggi`, 'POST', m, { 'Idempotency-Key': m.id })).status,
      201,
    );
    await s.chiedi(`${s.base}/richieste?prima-di=9`);
    const { tentativi } = (await (await s.chiedi(`${s.base}/registro`)).json()) as {
      tentativi: {
        metodo: string;
        percorso: string;
        chiave?: string;
        stato: number;
        corpo: string;
        intestazioni: Record<string, string>;
      }[];
    };
    assert.deepEqual(
      tentativi.map((t) => [t.metodo, t.percorso.replace(s.base, ''), t.chiave, t.stato]),
      [
        ['POST', '/richieste', r.id, 201],
        ['POST', `/richieste/${r.id}/messaggi`, m.id, 503],
        ['POST', `/richieste/${r.id}/messaggi`, m.id, 201],
        ['GET', '/richieste?prima-di=9', undefined, 200],
      ],
    );
    assert.deepEqual(JSON.parse(tentativi[1].corpo), m, 'the body a fault answered is logged too');
    assert.match(tentativi[0].intestazioni.cookie, /assistenza-prova-sessione=/);
  });

  it('lets a test answer as the help desk: reply with a state, set a state, read the outbox', async () => {
    const s = secchio();
    await s.json(`${s.base}/sessione`, 'POST', { utente: 'mrossi' });
    const r = richiesta({ email: 'mario.rossi@esempio.it', rispostaViaEmail: true });
    await s.json(`${s.base}/richieste`, 'POST', r, { 'Idempotency-Key': r.id });
    const a = await s.json(`${s.base}/operatore/richieste/${r.id}/messaggi`, 'POST', {
      testo: 'Buongiorno.',
      stato: 'attesa-utente',
    });
    assert.equal(a.status, 201);
    assert.equal(((await a.json()) as { inviataViaMailA: string }).inviataViaMailA, 'mario.rossi@esempio.it');
    const [q] = (
      (await (await s.chiedi(`${s.base}/richieste`)).json()) as {
        richieste: { stato: string; messaggi: { autore: string }[] }[];
      }
    ).richieste;
    assert.equal(q.stato, 'attesa-utente');
    assert.deepEqual(
      q.messaggi.map((x) => x.autore),
      ['assistenza'],
    );
    assert.equal((await s.json(`${s.base}/operatore/richieste/${r.id}`, 'PATCH', { stato: 'risolta' })).status, 200);
    const [perSportello] = (
      (await (await s.chiedi(`${s.base}/operatore/richieste`)).json()) as { richieste: { stato: string }[] }
    ).richieste;
    assert.equal(perSportello.stato, 'risolta');
    const { posta } = (await (await s.chiedi(`${s.base}/registro`)).json()) as { posta: { a: string }[] };
    assert.deepEqual(
      posta.map((m) => m.a),
      ['mario.rossi@esempio.it'],
    );
    // The help desk's calls are not the user's attempts.
    const { tentativi } = (await (await s.chiedi(`${s.base}/registro`)).json()) as { tentativi: unknown[] };
    assert.equal(tentativi.length, 2);
  });

  it('answers 404 for an unknown control of a bucket, and leaves other paths to the next handler', async () => {
    const s = secchio();
    assert.equal((await s.chiedi(`${s.base}/altro`)).status, 404);
    assert.equal((await s.chiedi(`${s.base}/registro`, { method: 'DELETE' })).status, 405);
    assert.equal((await fetch(`${d.url}/altrove`)).status, 404);
  });
});

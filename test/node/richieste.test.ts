// "Le mie richieste" over real HTTP: GET /api/richieste (the session user's own requests, pages, ETag) and POST
// /api/richieste/<id>/messaggi (the user's reply), on the demo's server with its file store.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { elencoRichiesteSchema, richiestaUtenteSchema } from '../../src/elenco.js';
import {
  avvia,
  cambiaStato,
  cartellaTemporanea,
  elenco,
  grezza,
  invia,
  italiano,
  nuovaRisposta,
  richiesta,
  rispondi,
  rispostaSportello,
  sessione,
  sportello,
  type Demo,
} from './http.js';

describe('GET /api/richieste and the user’s replies (demo endpoint, file store)', () => {
  let file: string;
  let elimina: () => void;
  let d: Demo;
  beforeEach(async () => {
    ({ file, elimina } = cartellaTemporanea());
    d = await avvia(file);
  });
  afterEach(async () => {
    await d.chiudi();
    elimina();
  });

  /** Sends a request as `utente` and answers its id. */
  async function inviaCome(utente: string | undefined, extra: Record<string, unknown> = {}): Promise<string> {
    const r = richiesta(extra);
    const a = await invia(d, r, { utente });
    assert.equal(a.stato, 201);
    return r.id;
  }

  it('shows each user only their own requests, newest first; without a session it answers 401 in Italian', async () => {
    const m1 = await inviaCome('mrossi', { descrizione: 'Primo problema di Mario.' });
    const a1 = await inviaCome('abianchi', { descrizione: 'Il problema di Anna.' });
    const m2 = await inviaCome('mrossi', { descrizione: 'Secondo problema di Mario.' });
    await inviaCome(undefined, { descrizione: 'Una richiesta senza accesso.' });

    const mario = await elenco(d, 'mrossi');
    assert.equal(mario.stato, 200);
    assert.deepEqual(
      mario.json.richieste.map((r) => r.id),
      [m2, m1],
    );
    const anna = await elenco(d, 'abianchi');
    assert.deepEqual(
      anna.json.richieste.map((r) => r.id),
      [a1],
    );

    const nessuno = await elenco(d, undefined);
    assert.equal(nessuno.stato, 401);
    italiano(nessuno.json.messaggio);
    assert.match(nessuno.intestazioni.get('content-type')!, /^application\/json/);
    // A cookie naming someone who is not a demo user is no session.
    assert.equal((await elenco(d, 'admin')).stato, 401);
  });

  it('answers the documented shape, which the browser’s schema accepts item by item; no contacts in it', async () => {
    const id = await inviaCome('mrossi');
    await inviaCome('mrossi', { pratica: undefined, rispostaViaEmail: false, email: undefined });
    const a = await elenco(d, 'mrossi');
    assert.match(a.intestazioni.get('content-type')!, /^application\/json/);
    assert.equal(a.intestazioni.get('cache-control'), 'no-store');
    const corpo = elencoRichiesteSchema.parse(a.json);
    const [senzaPratica, conPratica] = corpo.richieste.map((x) => richiestaUtenteSchema.parse(x));
    assert.equal(conPratica.id, id);
    assert.equal(conPratica.numero, 1);
    assert.equal(conPratica.stato, 'ricevuta');
    assert.deepEqual(conPratica.pratica, { tipologia: 'SCIA', numero: '123/2026' });
    assert.equal(conPratica.rispostaViaEmail, true);
    assert.deepEqual(conPratica.messaggi, []);
    assert.equal(conPratica.allegati, undefined);
    assert.ok(Math.abs(Date.parse(conPratica.aggiornataIl) - Date.now()) < 5000, 'aggiornataIl is the time of arrival');
    assert.ok(!('pratica' in senzaPratica));
    assert.deepEqual(Object.keys(a.json.richieste[1]).sort(), [
      'aggiornataIl',
      'creataIl',
      'descrizione',
      'id',
      'messaggi',
      'numero',
      'pratica',
      'rispostaViaEmail',
      'stato',
    ]);
  });

  it('takes the user’s reply into the thread, keeps the state, moves aggiornataIl', async () => {
    const id = await inviaCome('mrossi');
    const [prima] = (await elenco(d, 'mrossi')).json.richieste;
    await new Promise((ok) => setTimeout(ok, 5));
    const r = nuovaRisposta({ testo: '  Riga uno\nriga due.  ' });
    const a = await rispondi(d, id, r, { utente: 'mrossi' });
    assert.equal(a.stato, 201);
    assert.deepEqual(a.json, { id: r.id, stato: 'ricevuta' });
    assert.equal(a.intestazioni.get('cache-control'), 'no-store');
    const [dopo] = (await elenco(d, 'mrossi')).json.richieste;
    assert.deepEqual(dopo.messaggi, [
      { id: r.id, autore: 'utente', testo: 'Riga uno\nriga due.', inviatoIl: r.inviatoIl },
    ]);
    assert.ok(Date.parse(dopo.aggiornataIl) > Date.parse(prima.aggiornataIl), 'aggiornataIl moved');
    const [perSportello] = await sportello(d);
    assert.equal(perSportello.messaggi[0].autore, 'utente');
  });

  it('answers 404, the same body, for another user’s request and for an unknown one; 401 without a session', async () => {
    const id = await inviaCome('mrossi');
    const altrui = await rispondi(d, id, nuovaRisposta(), { utente: 'abianchi' });
    const ignota = await rispondi(d, randomUUID(), nuovaRisposta(), { utente: 'abianchi' });
    assert.equal(altrui.stato, 404);
    assert.equal(ignota.stato, 404);
    assert.equal(altrui.testo, ignota.testo);
    italiano(altrui.json.messaggio);
    const anonima = await rispondi(d, id, nuovaRisposta());
    assert.equal(anonima.stato, 401);
    italiano(anonima.json.messaggio);
    assert.deepEqual((await sportello(d))[0].messaggi, []);
  });

  it('dedupes a reply by its Idempotency-Key: the repeat gets the same 201 and nothing is stored twice', async () => {
    const id = await inviaCome('mrossi');
    const r = nuovaRisposta();
    const prima = await rispondi(d, id, r, { utente: 'mrossi' });
    const seconda = await rispondi(d, id, r, { utente: 'mrossi' });
    assert.equal(seconda.stato, 201);
    assert.deepEqual(seconda.json, prima.json);
    assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
    assert.equal(prima.intestazioni.get('idempotent-replayed'), null);
    assert.equal((await elenco(d, 'mrossi')).json.richieste[0].messaggi.length, 1);
  });

  it('refuses a bad reply with 415, 413, 400 and 422 in Italian, and stores nothing', async () => {
    const id = await inviaCome('mrossi');
    const come = { utente: 'mrossi' };
    const r = nuovaRisposta();
    assert.equal((await rispondi(d, id, r, { ...come, tipo: 'text/plain' })).stato, 415);
    assert.equal((await rispondi(d, id, nuovaRisposta({ testo: 'x'.repeat(70 * 1024) }), come)).stato, 413);
    assert.equal((await rispondi(d, id, '{"id": ', { ...come, chiave: r.id })).stato, 400);
    assert.equal((await rispondi(d, id, '[]', { ...come, chiave: r.id })).stato, 400);
    const senzaChiave = await rispondi(d, id, r, { ...come, chiave: null });
    assert.equal(senzaChiave.stato, 400);
    assert.equal(senzaChiave.json.messaggio, 'Manca l’intestazione Idempotency-Key.');
    const altraChiave = await rispondi(d, id, r, { ...come, chiave: randomUUID() });
    assert.equal(altraChiave.stato, 422);
    assert.equal(altraChiave.json.messaggio, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
    for (const [sbagliata, campo] of [
      [nuovaRisposta({ testo: '   ' }), 'testo'],
      [nuovaRisposta({ testo: 'x'.repeat(4001) }), 'testo'],
      [nuovaRisposta({ testo: 'con un\ttab' }), 'testo'],
      [nuovaRisposta({ testo: 'con un \u0000' }), 'testo'],
      [nuovaRisposta({ inviatoIl: 'ieri' }), 'inviatoIl'],
      [nuovaRisposta({ autore: 'assistenza' }), ''],
    ] as const) {
      const a = await rispondi(d, id, sbagliata, come);
      assert.equal(a.stato, 422, JSON.stringify(sbagliata).slice(0, 80));
      assert.deepEqual(
        a.json.errori!.map((e) => e.campo),
        [campo],
      );
      italiano(a.json.messaggio);
    }
    const { testo: _, ...senzaTesto } = nuovaRisposta();
    const mancante = await rispondi(d, id, senzaTesto, come);
    assert.match(mancante.json.messaggio!, /Manca il campo obbligatorio «testo»/);
    assert.equal((await rispondi(d, id, nuovaRisposta({ testo: 'x'.repeat(4000) }), come)).stato, 201);
    assert.equal((await elenco(d, 'mrossi')).json.richieste[0].messaggi.length, 1);
  });

  it('answers 409 to a reply on a closed request, and stores nothing', async () => {
    const id = await inviaCome('mrossi');
    assert.equal((await cambiaStato(d, id, 'chiusa')).stato, 200);
    const a = await rispondi(d, id, nuovaRisposta(), { utente: 'mrossi' });
    assert.equal(a.stato, 409);
    italiano(a.json.messaggio);
    assert.match(a.intestazioni.get('content-type')!, /^application\/json/);
    const [r] = (await elenco(d, 'mrossi')).json.richieste;
    assert.equal(r.stato, 'chiusa');
    assert.deepEqual(r.messaggi, []);
  });

  it('puts a solved request, or one waiting for the user, back in the works when the user replies', async () => {
    for (const stato of ['risolta', 'attesa-utente']) {
      const id = await inviaCome('mrossi');
      await cambiaStato(d, id, stato);
      const a = await rispondi(d, id, nuovaRisposta(), { utente: 'mrossi' });
      assert.deepEqual(a.json.stato, 'in-lavorazione', stato);
      assert.equal((await elenco(d, 'mrossi')).json.richieste[0].stato, 'in-lavorazione');
    }
    const lavorata = await inviaCome('mrossi');
    await cambiaStato(d, lavorata, 'in-lavorazione');
    assert.equal((await rispondi(d, lavorata, nuovaRisposta(), { utente: 'mrossi' })).json.stato, 'in-lavorazione');
  });

  it('sends a strong ETag and answers 304 without a body to a matching If-None-Match; a change gives a new ETag', async () => {
    const id = await inviaCome('mrossi');
    const a = await elenco(d, 'mrossi');
    const etag = a.intestazioni.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/, 'strong: no W/');
    const b = await elenco(d, 'mrossi', { etag });
    assert.equal(b.stato, 304);
    assert.equal(b.testo, '');
    assert.equal(b.intestazioni.get('etag'), etag);
    assert.equal(b.intestazioni.get('cache-control'), 'no-store');
    assert.equal(
      (await elenco(d, 'mrossi', { etag: `"altro", W/${etag}` })).stato,
      304,
      'a list of tags, weak comparison',
    );
    assert.equal((await elenco(d, 'mrossi', { etag: '"altro"' })).stato, 200);
    // Anna's list is another body, so another tag.
    assert.notEqual((await elenco(d, 'abianchi')).intestazioni.get('etag'), etag);

    await rispostaSportello(d, id, { testo: 'Buongiorno, provi a ridurre il file.' });
    const c = await elenco(d, 'mrossi', { etag });
    assert.equal(c.stato, 200);
    assert.notEqual(c.intestazioni.get('etag'), etag);
    assert.equal(c.json.richieste[0].messaggi[0].autore, 'assistenza');
  });

  it('pages the list: Link rel="next" to the older requests, none on the last page, an empty list past the end', async () => {
    await d.chiudi();
    d = await avvia(file, { perPagina: 2 });
    const id: string[] = [];
    for (let i = 0; i < 5; i++) id.push(await inviaCome('mrossi'));
    await inviaCome('abianchi');
    const pagine: string[][] = [];
    let percorso: string | undefined = '/api/richieste';
    while (percorso !== undefined) {
      const a = await elenco(d, 'mrossi', { percorso });
      assert.equal(a.stato, 200);
      pagine.push(a.json.richieste.map((r) => r.id));
      const link = a.intestazioni.get('link');
      const prossima = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
      if (prossima !== undefined) {
        assert.match(prossima, /^\/api\/richieste\?/, 'an absolute path under the same base');
      }
      percorso = prossima;
    }
    assert.deepEqual(pagine, [[id[4], id[3]], [id[2], id[1]], [id[0]]]);
    assert.deepEqual((await elenco(d, 'mrossi', { percorso: '/api/richieste?prima-di=1' })).json.richieste, []);
    // A request arriving meanwhile shifts nothing: the next page still starts after the last one seen.
    const pagina2 = '/api/richieste?prima-di=4';
    await inviaCome('mrossi');
    assert.deepEqual(
      (await elenco(d, 'mrossi', { percorso: pagina2 })).json.richieste.map((r) => r.id),
      [id[2], id[1]],
    );
    const sbagliata = await elenco(d, 'mrossi', { percorso: '/api/richieste?prima-di=zero' });
    assert.equal(sbagliata.stato, 400);
    italiano(sbagliata.json.messaggio);
  });

  it('marks every personal answer Cache-Control: no-store', async () => {
    const r = richiesta();
    const risposte = [
      await invia(d, r, { utente: 'mrossi' }),
      await invia(d, r, { utente: 'mrossi' }),
      await elenco(d, 'mrossi'),
      await elenco(d, undefined),
    ];
    const etag = risposte[2].intestazioni.get('etag')!;
    risposte.push(await elenco(d, 'mrossi', { etag }));
    risposte.push(await rispondi(d, r.id, nuovaRisposta(), { utente: 'mrossi' }));
    risposte.push(await rispondi(d, randomUUID(), nuovaRisposta(), { utente: 'mrossi' }));
    risposte.push(await rispondi(d, r.id, nuovaRisposta(), {}));
    assert.deepEqual(
      risposte.map((a) => a.stato),
      [201, 201, 200, 401, 304, 201, 404, 401],
    );
    for (const a of risposte) {
      assert.equal(a.intestazioni.get('cache-control'), 'no-store');
    }
  });

  it('keeps owners, threads, states and reply keys across a restart with the same file', async () => {
    const id = await inviaCome('mrossi');
    const r = nuovaRisposta();
    await rispondi(d, id, r, { utente: 'mrossi' });
    await rispostaSportello(d, id, { testo: 'Risolto: riprovi ora.', stato: 'risolta' });
    const prima = (await elenco(d, 'mrossi')).json;
    await d.chiudi();
    d = await avvia(file);
    const dopo = await elenco(d, 'mrossi');
    assert.deepEqual(dopo.json, prima);
    assert.equal(dopo.json.richieste[0].stato, 'risolta');
    assert.deepEqual(
      dopo.json.richieste[0].messaggi.map((m) => m.autore),
      ['utente', 'assistenza'],
    );
    assert.deepEqual((await elenco(d, 'abianchi')).json.richieste, []);
    const ripetuta = await rispondi(d, id, r, { utente: 'mrossi' });
    assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');
    assert.equal((await elenco(d, 'mrossi')).json.richieste[0].messaggi.length, 2);
  });

  it('limits a fault to one route: only the list, or only the replies, fail', async () => {
    const id = await inviaCome('mrossi');
    const guasti = (g: unknown) => fetch(`${d.url}/api/guasti`, { method: 'POST', body: JSON.stringify(g) });
    assert.equal((await guasti([{ modo: 'stato', stato: 503, su: 'elenco', volte: 1 }])).status, 200);
    assert.equal((await invia(d, richiesta(), { utente: 'mrossi' })).stato, 201, 'a POST passes by');
    assert.equal((await rispondi(d, id, nuovaRisposta(), { utente: 'mrossi' })).stato, 201, 'a reply passes by');
    assert.equal((await elenco(d, 'mrossi')).stato, 503);
    assert.equal((await elenco(d, 'mrossi')).stato, 200, 'spent');

    await guasti([{ modo: 'rete', su: 'messaggi' }]);
    await assert.rejects(rispondi(d, id, nuovaRisposta(), { utente: 'mrossi' }), TypeError);
    assert.equal((await elenco(d, 'mrossi')).stato, 200);
    assert.equal((await invia(d, richiesta(), { utente: 'mrossi' })).stato, 201);
    await guasti([]);

    // In order: the first fault that applies to the route is the one met.
    await guasti([
      { modo: 'stato', stato: 500, su: 'richieste', volte: 1 },
      { modo: 'stato', stato: 502, volte: 1 },
    ]);
    assert.equal((await elenco(d, 'mrossi')).stato, 502);
    assert.equal((await invia(d, richiesta(), { utente: 'mrossi' })).stato, 500);
    assert.equal((await invia(d, richiesta(), { utente: 'mrossi' })).stato, 201);

    const sbagliato = await guasti([{ modo: 'rete', su: 'sportello' }]);
    assert.equal(sbagliato.status, 400);
    italiano(((await sbagliato.json()) as { messaggio: string }).messaggio);
  });

  it('"perdi-risposta" on the replies stores the reply and drops the answer; the retry is a replay', async () => {
    const id = await inviaCome('mrossi');
    await fetch(`${d.url}/api/guasti`, {
      method: 'POST',
      body: JSON.stringify([{ modo: 'perdi-risposta', su: 'messaggi', volte: 1 }]),
    });
    const r = nuovaRisposta();
    await assert.rejects(rispondi(d, id, r, { utente: 'mrossi' }), TypeError);
    const ripetuta = await rispondi(d, id, r, { utente: 'mrossi' });
    assert.equal(ripetuta.stato, 201);
    assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');
    assert.equal((await elenco(d, 'mrossi')).json.richieste[0].messaggi.length, 1);
  });

  it('takes the streamed body of a reply within the limit and refuses one past it, chunked', async () => {
    const id = await inviaCome('mrossi');
    const grande = Buffer.from(JSON.stringify(nuovaRisposta({ testo: 'x'.repeat(70 * 1024) })));
    const a = await grezza(d, {
      metodo: 'POST',
      percorso: `/api/richieste/${id}/messaggi`,
      intestazioni: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...sessione('mrossi') },
      byte: grande,
      pezzo: 8192,
    });
    assert.equal(a.stato, 413);
    assert.deepEqual((await elenco(d, 'mrossi')).json.richieste[0].messaggi, []);
  });
});

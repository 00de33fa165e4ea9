// GET /api/richieste over real HTTP, on PGlite and on PostgreSQL: "Le mie richieste", the caller's own requests a page
// at a time, with an ETag, never cached.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { elencoRichiesteSchema, richiestaUtenteSchema } from '../../src/elenco.js';
import { MOTORI, serverDiProva, type ServerDiProva } from './aiuti.js';
import { cambiaStato, elenco, invia, italiano, nuovaRisposta, richiesta, rispondi, rispostaSportello } from './http.js';

/** The target of a `Link: <…>; rel="next"` header, if there is one. */
function prossima(link: string | null): string | undefined {
  if (link === null) {
    return undefined;
  }
  const m = /^<([^>]+)>; rel="next"$/.exec(link);
  assert.ok(m, `a Link with rel="next": ${link}`);
  return m[1];
}

for (const motore of MOTORI) {
  describe(`GET /api/richieste (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** Sends a request as `utente`; answers its id and numero. */
    async function inviaCome(utente: string | undefined, extra: Record<string, unknown> = {}) {
      const r = richiesta(extra);
      const a = await invia(s, r, { utente });
      assert.equal(a.stato, 201);
      return { id: r.id, numero: a.json.numero! };
    }

    /** Every page of `utente`'s list from `percorso`, following Link rel="next": the ids of each page. */
    async function pagine(utente: string, percorso: string): Promise<string[][]> {
      const viste: string[][] = [];
      let dove: string | undefined = percorso;
      while (dove !== undefined) {
        const a = await elenco(s, utente, { percorso: dove });
        assert.equal(a.stato, 200, dove);
        viste.push(a.json.richieste.map((r) => r.id));
        dove = prossima(a.intestazioni.get('link'));
        if (dove !== undefined) {
          assert.match(dove, /^\/api\/richieste\?/, 'an absolute path under the same base');
        }
      }
      return viste;
    }

    it('shows each user only their own requests, newest first', async () => {
      const m1 = await inviaCome('mrossi', { descrizione: 'Primo problema di Mario.' });
      const a1 = await inviaCome('abianchi', { descrizione: 'Il problema di Anna.' });
      const m2 = await inviaCome('mrossi', { descrizione: 'Secondo problema di Mario.' });
      await inviaCome(undefined, { descrizione: 'Una richiesta senza accesso.' });

      const mario = await elenco(s, 'mrossi');
      assert.equal(mario.stato, 200);
      assert.deepEqual(
        mario.json.richieste.map((r) => r.id),
        [m2.id, m1.id],
      );
      assert.deepEqual(
        (await elenco(s, 'abianchi')).json.richieste.map((r) => r.id),
        [a1.id],
      );
      assert.deepEqual((await elenco(s, 'lverdi')).json.richieste, [], 'a user with no requests');
    });

    it('orders by arrival, never by the client’s creataIl', async () => {
      const recente = await inviaCome('mrossi', { creataIl: '2030-01-01T00:00:00.000Z' });
      const vecchia = await inviaCome('mrossi', { creataIl: '2001-01-01T00:00:00.000Z' });
      const [prima, seconda] = (await elenco(s, 'mrossi')).json.richieste;
      assert.deepEqual([prima.id, seconda.id], [vecchia.id, recente.id], 'the last one received comes first');
      assert.equal(seconda.creataIl, '2030-01-01T00:00:00.000Z', 'creataIl kept as written');
    });

    it('answers 401 in Italian without a token, as JSON and not cached', async () => {
      await inviaCome('mrossi');
      const nessuno = await elenco(s, undefined);
      assert.equal(nessuno.stato, 401);
      italiano(nessuno.json.messaggio);
      assert.match(nessuno.json.messaggio!, /Accedi al portale/);
      assert.match(nessuno.intestazioni.get('content-type')!, /^application\/json/);
      assert.equal(nessuno.intestazioni.get('cache-control'), 'no-store');
      assert.equal(nessuno.intestazioni.get('etag'), null);
      assert.equal(nessuno.json.richieste, undefined);
    });

    it('answers the documented shape, which the widget’s schemas accept item by item; no contacts in it', async () => {
      const conPratica = await inviaCome('mrossi');
      await inviaCome('mrossi', { pratica: undefined, rispostaViaEmail: false, email: undefined, telefono: undefined });
      const a = await elenco(s, 'mrossi');
      assert.match(a.intestazioni.get('content-type')!, /^application\/json/);
      const corpo = elencoRichiesteSchema.parse(a.json);
      const [senza, con] = corpo.richieste.map((x) => richiestaUtenteSchema.parse(x));
      assert.equal(con.id, conPratica.id);
      assert.equal(con.numero, conPratica.numero);
      assert.equal(con.stato, 'ricevuta');
      assert.equal(con.descrizione, 'Non riesco a caricare la planimetria della SCIA.');
      assert.deepEqual(con.pratica, { tipologia: 'SCIA', numero: '123/2026' });
      assert.equal(con.rispostaViaEmail, true);
      assert.deepEqual(con.messaggi, []);
      assert.ok(Math.abs(Date.parse(con.aggiornataIl) - Date.now()) < 5000, 'aggiornataIl is the time of arrival');
      assert.ok(!('pratica' in senza));
      assert.equal(senza.rispostaViaEmail, false);
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
      assert.doesNotMatch(
        a.testo,
        /zoe\.dangelo|347|D’Angelo|Zoë|utente"|impronta/,
        'no contacts, owner or fingerprint',
      );
    });

    it('shows the thread in order of arrival, with the help desk’s replies and the state they set', async () => {
      const { id } = await inviaCome('mrossi');
      const r = nuovaRisposta({ testo: '  Riga uno\nriga due.  ' });
      assert.equal((await rispondi(s, id, r, { utente: 'mrossi' })).stato, 201);
      await rispostaSportello(s, id, { testo: 'Buongiorno, riprovi ora.', stato: 'attesa-utente' });
      const [voce] = (await elenco(s, 'mrossi')).json.richieste;
      assert.equal(voce.stato, 'attesa-utente');
      assert.deepEqual(
        voce.messaggi.map((m) => [m.autore, m.testo]),
        [
          ['utente', 'Riga uno\nriga due.'],
          ['assistenza', 'Buongiorno, riprovi ora.'],
        ],
      );
      assert.deepEqual(voce.messaggi[0], {
        id: r.id,
        autore: 'utente',
        testo: 'Riga uno\nriga due.',
        inviatoIl: r.inviatoIl,
      });
      assert.ok(!('inviataViaMailA' in voce.messaggi[1]), 'the user’s list says nothing of the outbox');
    });

    it('sends a strong ETag and answers 304 without a body to a matching If-None-Match, by weak comparison', async () => {
      const { id } = await inviaCome('mrossi');
      const a = await elenco(s, 'mrossi');
      const etag = a.intestazioni.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/, 'strong: no W/');
      assert.equal((await elenco(s, 'mrossi')).intestazioni.get('etag'), etag, 'the same list, the same tag');

      const b = await elenco(s, 'mrossi', { etag });
      assert.equal(b.stato, 304);
      assert.equal(b.testo, '');
      assert.equal(b.intestazioni.get('etag'), etag);
      assert.equal(b.intestazioni.get('cache-control'), 'no-store');
      assert.equal((await elenco(s, 'mrossi', { etag: `W/${etag}` })).stato, 304, 'W/ matches by weak comparison');
      assert.equal((await elenco(s, 'mrossi', { etag: `"altro", W/${etag}` })).stato, 304, 'a list of tags');
      assert.equal((await elenco(s, 'mrossi', { etag: '*' })).stato, 304);
      assert.equal((await elenco(s, 'mrossi', { etag: '"altro"' })).stato, 200);
      assert.equal((await elenco(s, 'mrossi', { etag: etag.slice(1, -1) })).stato, 200, 'an unquoted tag is another');
      // Anna's list is another body, so another tag, and Mario's tag gives her no 304.
      assert.notEqual((await elenco(s, 'abianchi')).intestazioni.get('etag'), etag);
      assert.equal((await elenco(s, 'abianchi', { etag })).stato, 200);

      // A request changed, or a new one, gives a new tag: the old one no longer matches.
      await rispostaSportello(s, id, { testo: 'Buongiorno, provi a ridurre il file.' });
      const c = await elenco(s, 'mrossi', { etag });
      assert.equal(c.stato, 200);
      assert.notEqual(c.intestazioni.get('etag'), etag);
      assert.equal(c.json.richieste[0].messaggi[0].autore, 'assistenza');
    });

    it('gives a new ETag at each change the list shows', async () => {
      const { id } = await inviaCome('mrossi');
      const tag = async () => (await elenco(s, 'mrossi')).intestazioni.get('etag')!;
      const visti = [await tag()];
      await rispondi(s, id, nuovaRisposta(), { utente: 'mrossi' });
      visti.push(await tag());
      await rispostaSportello(s, id, { testo: 'Buongiorno.' });
      visti.push(await tag());
      await cambiaStato(s, id, 'risolta');
      visti.push(await tag());
      await inviaCome('mrossi');
      visti.push(await tag());
      assert.equal(new Set(visti).size, visti.length, visti.join(' '));
      assert.equal((await elenco(s, 'mrossi', { etag: visti[0] })).stato, 200, 'an old tag is not a match');
    });

    it('pages the list: Link rel="next" to the older requests, none on the last page, an empty list past the end', async () => {
      await s.chiudi();
      s = await serverDiProva(motore, { perPagina: 2 });
      const mie: { id: string; numero: number }[] = [];
      for (let i = 0; i < 5; i++) mie.push(await inviaCome('mrossi'));
      await inviaCome('abianchi');
      const id = mie.map((r) => r.id);
      assert.deepEqual(await pagine('mrossi', '/api/richieste'), [[id[4], id[3]], [id[2], id[1]], [id[0]]]);
      const oltre = await elenco(s, 'mrossi', { percorso: `/api/richieste?prima-di=${mie[0].numero}` });
      assert.equal(oltre.stato, 200);
      assert.deepEqual(oltre.json.richieste, []);
      assert.equal(oltre.intestazioni.get('link'), null);
      // A request arriving meanwhile shifts nothing: the next page still starts below the last one seen.
      const pagina2 = `/api/richieste?prima-di=${mie[3].numero}`;
      await inviaCome('mrossi');
      assert.deepEqual(
        (await elenco(s, 'mrossi', { percorso: pagina2 })).json.richieste.map((r) => r.id),
        [id[2], id[1]],
      );
      // Anna's pages are hers alone.
      assert.deepEqual((await pagine('abianchi', '/api/richieste')).flat().length, 1);
    });

    it('holds 20 requests a page unless told otherwise', async () => {
      const mie: string[] = [];
      for (let i = 0; i < 21; i++) mie.push((await inviaCome('mrossi')).id);
      mie.reverse();
      assert.deepEqual(await pagine('mrossi', '/api/richieste'), [mie.slice(0, 20), [mie[20]]]);
    });

    it('takes per-pagina from 1 to 100 and keeps it in the next page’s link', async () => {
      const mie: string[] = [];
      for (let i = 0; i < 5; i++) mie.push((await inviaCome('mrossi')).id);
      mie.reverse();
      const a = await elenco(s, 'mrossi', { percorso: '/api/richieste?per-pagina=2' });
      assert.equal(a.stato, 200);
      assert.equal(a.json.richieste.length, 2);
      const link = prossima(a.intestazioni.get('link'))!;
      assert.match(link, /[?&]per-pagina=2(&|$)/);
      assert.match(link, /[?&]prima-di=\d+(&|$)/);
      assert.deepEqual(await pagine('mrossi', '/api/richieste?per-pagina=2'), [
        mie.slice(0, 2),
        mie.slice(2, 4),
        [mie[4]],
      ]);
      assert.deepEqual(
        await pagine('mrossi', '/api/richieste?per-pagina=1'),
        mie.map((id) => [id]),
      );
      const cento = await elenco(s, 'mrossi', { percorso: '/api/richieste?per-pagina=100' });
      assert.equal(cento.stato, 200);
      assert.deepEqual(
        cento.json.richieste.map((r) => r.id),
        mie,
      );
      assert.equal(cento.intestazioni.get('link'), null);
    });

    it('answers 400 in Italian to a per-pagina outside 1–100 or not a number', async () => {
      await inviaCome('mrossi');
      for (const valore of ['0', '101', '1000', '-1', '2.5', 'tutte', '', '1e2', ' 5', '0x10']) {
        const a = await elenco(s, 'mrossi', { percorso: `/api/richieste?per-pagina=${encodeURIComponent(valore)}` });
        assert.equal(a.stato, 400, `per-pagina=${valore}`);
        italiano(a.json.messaggio);
        assert.match(a.json.messaggio!, /per-pagina/);
        assert.equal(a.intestazioni.get('cache-control'), 'no-store');
      }
      assert.equal((await elenco(s, 'mrossi', { percorso: '/api/richieste?per-pagina=2&per-pagina=3' })).stato, 400);
    });

    it('answers 400 in Italian to a prima-di that is not a numero', async () => {
      await inviaCome('mrossi');
      for (const valore of ['zero', '0', '-3', '2.5', '', 'abc', '1e3', randomUUID()]) {
        const a = await elenco(s, 'mrossi', { percorso: `/api/richieste?prima-di=${encodeURIComponent(valore)}` });
        assert.equal(a.stato, 400, `prima-di=${valore}`);
        italiano(a.json.messaggio);
        assert.match(a.json.messaggio!, /prima-di/);
      }
      const giusto = await elenco(s, 'mrossi', { percorso: '/api/richieste?prima-di=9007199254740991' });
      assert.equal(giusto.stato, 200);
      assert.equal(giusto.json.richieste.length, 1);
    });

    it('marks every answer of the user’s routes Cache-Control: no-store', async () => {
      const r = richiesta();
      const risposte = [
        await invia(s, r, { utente: 'mrossi' }),
        await invia(s, r, { utente: 'mrossi' }),
        await invia(s, { ...r, descrizione: 'Altro.' }, { utente: 'mrossi' }),
        await invia(s, richiesta({ email: 'x' }), { utente: 'mrossi' }),
        await elenco(s, 'mrossi'),
        await elenco(s, undefined),
      ];
      const etag = risposte[4].intestazioni.get('etag')!;
      risposte.push(await elenco(s, 'mrossi', { etag }));
      risposte.push(await elenco(s, 'mrossi', { percorso: '/api/richieste?prima-di=x' }));
      const risposta = nuovaRisposta();
      risposte.push(await rispondi(s, r.id, risposta, { utente: 'mrossi' }));
      risposte.push(await rispondi(s, r.id, risposta, { utente: 'mrossi' }));
      risposte.push(await rispondi(s, randomUUID(), nuovaRisposta(), { utente: 'mrossi' }));
      risposte.push(await rispondi(s, r.id, nuovaRisposta(), {}));
      await cambiaStato(s, r.id, 'chiusa');
      risposte.push(await rispondi(s, r.id, nuovaRisposta(), { utente: 'mrossi' }));
      risposte.push(await rispondi(s, r.id, nuovaRisposta(), { utente: 'mrossi', tipo: 'text/plain' }));
      assert.deepEqual(
        risposte.map((a) => a.stato),
        [201, 201, 422, 422, 200, 401, 304, 400, 201, 201, 404, 401, 409, 415],
      );
      for (const a of risposte) {
        assert.equal(a.intestazioni.get('cache-control'), 'no-store', String(a.stato));
      }
    });
  });
}

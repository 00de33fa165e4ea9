// POST /api/richieste/<id>/messaggi over real HTTP, on PGlite and on PostgreSQL: the user's reply in the thread of one
// of their own requests, exactly once by its key.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MOTORI, autorizzazione, quante, serverDiProva, type ServerDiProva } from './aiuti.js';
import {
  cambiaStato,
  elenco,
  grezza,
  invia,
  italiano,
  nuovaRisposta,
  richiesta,
  rispondi,
  soloIntestazioni,
  sportello,
} from './http.js';

for (const motore of MOTORI) {
  describe(`POST /api/richieste/:id/messaggi (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** Sends a request as `utente` and answers its id. */
    async function inviaCome(utente: string | undefined): Promise<string> {
      const r = richiesta();
      assert.equal((await invia(s, r, { utente })).stato, 201);
      return r.id;
    }

    /** The thread of `utente`'s request `id`, as their list shows it. */
    const thread = async (id: string, utente = 'mrossi') =>
      (await elenco(s, utente)).json.richieste.find((r) => r.id === id)!.messaggi;

    it('takes the user’s reply into the thread, trimmed, keeps the state, moves aggiornataIl', async () => {
      const id = await inviaCome('mrossi');
      const [prima] = (await elenco(s, 'mrossi')).json.richieste;
      await new Promise((ok) => setTimeout(ok, 5));
      const r = nuovaRisposta({ testo: '  Riga uno\nriga due.  ' });
      const a = await rispondi(s, id, r, { utente: 'mrossi' });
      assert.equal(a.stato, 201);
      assert.deepEqual(a.json, { id: r.id, stato: 'ricevuta' });
      assert.equal(a.intestazioni.get('idempotent-replayed'), null);
      assert.match(a.intestazioni.get('content-type')!, /^application\/json/);
      const [dopo] = (await elenco(s, 'mrossi')).json.richieste;
      assert.deepEqual(dopo.messaggi, [
        { id: r.id, autore: 'utente', testo: 'Riga uno\nriga due.', inviatoIl: r.inviatoIl },
      ]);
      assert.equal(dopo.stato, 'ricevuta');
      assert.ok(Date.parse(dopo.aggiornataIl) > Date.parse(prima.aggiornataIl), 'aggiornataIl moved');
      const [perSportello] = await sportello(s);
      assert.equal(perSportello.messaggi[0].autore, 'utente');
      assert.ok(Math.abs(Date.parse(perSportello.messaggi[0].ricevutoIl) - Date.now()) < 5000, 'stamped on arrival');
    });

    it('dedupes a reply by its Idempotency-Key: the repeat gets the same 201, Idempotent-Replayed, nothing stored twice', async () => {
      const id = await inviaCome('mrossi');
      const r = nuovaRisposta();
      const prima = await rispondi(s, id, r, { utente: 'mrossi' });
      await cambiaStato(s, id, 'in-lavorazione');
      const seconda = await rispondi(s, id, r, { utente: 'mrossi' });
      assert.equal(seconda.stato, 201);
      assert.deepEqual(seconda.json, prima.json, 'the first answer, state included');
      assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal(prima.intestazioni.get('idempotent-replayed'), null);
      // The JSON's key order and spacing do not make another body.
      const riordinata = `{"inviatoIl":"${r.inviatoIl}", "testo":${JSON.stringify(r.testo)},"id":"${r.id}"}`;
      const terza = await rispondi(s, id, riordinata, { utente: 'mrossi', chiave: r.id });
      assert.equal(terza.stato, 201);
      assert.equal(terza.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal((await thread(id)).length, 1);
      assert.equal(await quante(s.db, 'messaggi'), 1);
    });

    it('refuses the same key with another body, on another request, or from another user: 422 revealing nothing', async () => {
      const mia = await inviaCome('mrossi');
      const altraMia = await inviaCome('mrossi');
      const diAnna = await inviaCome('abianchi');
      const r = nuovaRisposta({ testo: 'Il codice segreto della pratica è 4242.' });
      assert.equal((await rispondi(s, mia, r, { utente: 'mrossi' })).stato, 201);
      for (const [come, richiestaId, corpo, utente] of [
        ['another body', mia, { ...r, testo: 'Un altro testo.' }, 'mrossi'],
        ['another request of the same user', altraMia, r, 'mrossi'],
        ['another user, on her own request', diAnna, r, 'abianchi'],
      ] as const) {
        const a = await rispondi(s, richiestaId, corpo, { utente });
        assert.equal(a.stato, 422, come);
        italiano(a.json.messaggio);
        assert.match(a.json.messaggio!, /Idempotency-Key/);
        assert.doesNotMatch(a.testo, /segreto|4242|ricevuta|in-lavorazione|mrossi/, come);
        assert.deepEqual(Object.keys(a.json), ['messaggio'], come);
      }
      assert.equal((await thread(mia)).length, 1);
      assert.deepEqual(await thread(altraMia), []);
      assert.deepEqual(await thread(diAnna, 'abianchi'), []);
      assert.equal(await quante(s.db, 'messaggi'), 1);
    });

    it('answers every one of many concurrent attempts with one key 201, storing one message', async () => {
      const id = await inviaCome('mrossi');
      // Several rounds: in the first the pool is still opening its connections, which lines the attempts up.
      for (let giro = 1; giro <= 4; giro++) {
        const r = nuovaRisposta();
        const risposte = await Promise.all(Array.from({ length: 20 }, () => rispondi(s, id, r, { utente: 'mrossi' })));
        assert.deepEqual(
          risposte.map((a) => a.stato),
          risposte.map(() => 201),
          `round ${giro}`,
        );
        for (const a of risposte) {
          assert.deepEqual(a.json, { id: r.id, stato: 'ricevuta' });
        }
        assert.equal(risposte.filter((a) => a.intestazioni.get('idempotent-replayed') === null).length, 1);
        assert.equal((await thread(id)).length, giro);
      }
      assert.equal(await quante(s.db, 'messaggi'), 4);
    });

    it('takes a UUID in capitals for the same id: in the path and as the reply’s id, the repeat is the first answer', async () => {
      const id = await inviaCome('mrossi');
      const r = nuovaRisposta();
      const maiuscola = { ...r, id: r.id.toUpperCase() };
      const prima = await rispondi(s, id.toUpperCase(), maiuscola, { utente: 'mrossi' });
      assert.equal(prima.stato, 201);
      for (const [come, percorso, corpo] of [
        ['the same', id.toUpperCase(), maiuscola],
        ['the path in small letters', id, maiuscola],
      ] as const) {
        const ripetuta = await rispondi(s, percorso, corpo, { utente: 'mrossi' });
        assert.equal(ripetuta.stato, 201, come);
        assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true', come);
        assert.deepEqual(ripetuta.json, prima.json, come);
      }
      assert.equal((await thread(id)).length, 1);
    });

    it('answers 404, the same body, for another user’s request and for an unknown one, before reading the body', async () => {
      const id = await inviaCome('mrossi');
      const anonima = await inviaCome(undefined);
      const altrui = await rispondi(s, id, nuovaRisposta(), { utente: 'abianchi' });
      const ignota = await rispondi(s, randomUUID(), nuovaRisposta(), { utente: 'abianchi' });
      const diNessuno = await rispondi(s, anonima, nuovaRisposta(), { utente: 'abianchi' });
      const nonUuid = await rispondi(s, 'pratica-123', nuovaRisposta(), { utente: 'abianchi' });
      for (const a of [altrui, ignota, diNessuno, nonUuid]) {
        assert.equal(a.stato, 404);
        assert.equal(a.testo, ignota.testo);
      }
      italiano(altrui.json.messaggio);
      // Decided on the headers alone: Anna gets the 404 while her body has not even been sent.
      const intestazioni = {
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
        ...(await autorizzazione('abianchi')),
      };
      const percorso = `/api/richieste/${id}/messaggi`;
      const a = await soloIntestazioni(s, { metodo: 'POST', percorso, intestazioni, lunghezza: 100 });
      assert.equal(a.stato, 404);
      assert.equal(a.json.messaggio, altrui.json.messaggio);
      // And Mario, whose request it is, is waited for: his body is needed.
      const mario = { ...intestazioni, ...(await autorizzazione('mrossi')) };
      const b = await soloIntestazioni(s, {
        metodo: 'POST',
        percorso,
        intestazioni: mario,
        lunghezza: 100,
        attesaMs: 500,
      });
      assert.equal(b.stato, 'in-attesa');
      assert.deepEqual(await thread(id), []);
      assert.equal(await quante(s.db, 'messaggi'), 0);
    });

    it('answers 401 in Italian to an anonymous reply, and stores nothing', async () => {
      const id = await inviaCome('mrossi');
      const anonima = await rispondi(s, id, nuovaRisposta());
      assert.equal(anonima.stato, 401);
      italiano(anonima.json.messaggio);
      assert.match(anonima.json.messaggio!, /Accedi al portale/);
      const suAnonima = await rispondi(s, await inviaCome(undefined), nuovaRisposta());
      assert.equal(suAnonima.stato, 401, 'nobody replies to an anonymous request');
      assert.equal(await quante(s.db, 'messaggi'), 0);
    });

    it('refuses a bad reply with 415, 413, 400 and 422 in Italian, and stores nothing', async () => {
      const id = await inviaCome('mrossi');
      const come = { utente: 'mrossi' };
      const r = nuovaRisposta();
      for (const tipo of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const a = await rispondi(s, id, r, { ...come, tipo });
        assert.equal(a.stato, 415, tipo);
        assert.match(a.json.messaggio!, /Content-Type: application\/json/);
      }
      const grande = await rispondi(s, id, nuovaRisposta({ testo: 'x'.repeat(70 * 1024) }), come);
      assert.equal(grande.stato, 413);
      assert.equal(grande.json.messaggio, 'La richiesta è troppo grande: al massimo 64 KiB.');
      const rotto = await rispondi(s, id, '{"id": ', { ...come, chiave: r.id });
      assert.equal(rotto.stato, 400);
      assert.equal(rotto.json.messaggio, 'Il corpo della richiesta non è un JSON valido.');
      for (const corpo of ['[]', '"testo"', '42', 'null']) {
        const a = await rispondi(s, id, corpo, { ...come, chiave: r.id });
        assert.equal(a.stato, 400, corpo);
        assert.equal(a.json.messaggio, 'Il corpo della richiesta deve essere un oggetto JSON.');
      }
      const senzaChiave = await rispondi(s, id, r, { ...come, chiave: null });
      assert.equal(senzaChiave.stato, 400);
      assert.equal(senzaChiave.json.messaggio, 'Manca l’intestazione Idempotency-Key.');
      const altraChiave = await rispondi(s, id, r, { ...come, chiave: randomUUID() });
      assert.equal(altraChiave.stato, 422);
      assert.equal(altraChiave.json.messaggio, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
      for (const [sbagliata, campo] of [
        [nuovaRisposta({ testo: '   ' }), 'testo'],
        [nuovaRisposta({ testo: 'x'.repeat(4001) }), 'testo'],
        [nuovaRisposta({ testo: 'con un\ttab' }), 'testo'],
        [nuovaRisposta({ testo: 'con un \u0000' }), 'testo'],
        [nuovaRisposta({ testo: 42 }), 'testo'],
        [nuovaRisposta({ inviatoIl: 'ieri' }), 'inviatoIl'],
        [nuovaRisposta({ id: 'non-un-uuid' }), 'id'],
        [nuovaRisposta({ autore: 'assistenza' }), ''],
        [nuovaRisposta({ stato: 'chiusa' }), ''],
      ] as const) {
        const a = await rispondi(s, id, sbagliata, come);
        assert.equal(a.stato, 422, JSON.stringify(sbagliata).slice(0, 80));
        assert.deepEqual(
          a.json.errori!.map((e) => e.campo),
          [campo],
        );
        italiano(a.json.messaggio);
      }
      const { testo: _, ...senzaTesto } = nuovaRisposta();
      const mancante = await rispondi(s, id, senzaTesto, come);
      assert.equal(mancante.stato, 422);
      assert.match(mancante.json.messaggio!, /Manca il campo obbligatorio «testo»/);
      assert.equal(await quante(s.db, 'messaggi'), 0);
      assert.equal((await rispondi(s, id, nuovaRisposta({ testo: 'x'.repeat(4000) }), come)).stato, 201);
      assert.equal((await thread(id)).length, 1);
    });

    it('refuses a reply streamed chunked past 64 KiB with 413, and stores nothing', async () => {
      const id = await inviaCome('mrossi');
      const r = nuovaRisposta({ testo: 'x'.repeat(70 * 1024) });
      const a = await grezza(s, {
        metodo: 'POST',
        percorso: `/api/richieste/${id}/messaggi`,
        intestazioni: {
          'Content-Type': 'application/json',
          'Idempotency-Key': r.id,
          ...(await autorizzazione('mrossi')),
        },
        byte: Buffer.from(JSON.stringify(r)),
        pezzo: 8192,
      });
      assert.equal(a.stato, 413);
      assert.deepEqual(await thread(id), []);
    });

    it('answers 409 in Italian to a reply on a closed request, and stores nothing', async () => {
      const id = await inviaCome('mrossi');
      assert.equal((await cambiaStato(s, id, 'chiusa')).stato, 200);
      const a = await rispondi(s, id, nuovaRisposta(), { utente: 'mrossi' });
      assert.equal(a.stato, 409);
      italiano(a.json.messaggio);
      assert.match(a.json.messaggio!, /chiusa/);
      assert.match(a.intestazioni.get('content-type')!, /^application\/json/);
      const [r] = (await elenco(s, 'mrossi')).json.richieste;
      assert.equal(r.stato, 'chiusa');
      assert.deepEqual(r.messaggi, []);
    });

    it('still answers a repeat of a reply sent before the request was closed with its first 201', async () => {
      const id = await inviaCome('mrossi');
      const r = nuovaRisposta();
      const prima = await rispondi(s, id, r, { utente: 'mrossi' });
      await cambiaStato(s, id, 'chiusa');
      const ripetuta = await rispondi(s, id, r, { utente: 'mrossi' });
      assert.equal(ripetuta.stato, 201, 'the queue retried a reply whose answer it never heard');
      assert.deepEqual(ripetuta.json, prima.json);
      assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal((await thread(id)).length, 1);
    });

    it('puts a solved request, or one waiting for the user, back in-lavorazione when the user replies', async () => {
      for (const [prima, dopo] of [
        ['risolta', 'in-lavorazione'],
        ['attesa-utente', 'in-lavorazione'],
        ['in-lavorazione', 'in-lavorazione'],
        ['ricevuta', 'ricevuta'],
      ]) {
        const id = await inviaCome('mrossi');
        if (prima !== 'ricevuta') {
          assert.equal((await cambiaStato(s, id, prima)).stato, 200);
        }
        const a = await rispondi(s, id, nuovaRisposta(), { utente: 'mrossi' });
        assert.equal(a.stato, 201, prima);
        assert.equal(a.json.stato, dopo, prima);
        assert.equal((await elenco(s, 'mrossi')).json.richieste[0].stato, dopo, prima);
        assert.equal((await sportello(s))[0].stato, dopo, prima);
      }
    });
  });
}

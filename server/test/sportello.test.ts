// The help desk's routes over real HTTP (/api/sportello), on PGlite and on PostgreSQL: every request with its user,
// contacts and thread, the operator's reply and the mail it puts in the outbox, the state alone.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MOTORI, quante, serverDiProva, type ServerDiProva } from './aiuti.js';
import {
  type VoceSportelloJson,
  cambiaStato,
  chiediSportello,
  elenco,
  invia,
  italiano,
  nuovaRisposta,
  richiesta,
  rispondi,
  rispostaSportello,
  sportello,
} from './http.js';

interface RigaPosta {
  richiesta: string;
  messaggio: string;
  destinatario: string;
  oggetto: string;
  testo: string;
}

for (const motore of MOTORI) {
  describe(`/api/sportello (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** The outbox, oldest first. */
    const posta = () =>
      s.db.query<RigaPosta>(
        'SELECT richiesta, messaggio, destinatario, oggetto, testo FROM posta ORDER BY scritta_il, id',
      );

    /** One request as the help desk sees it. */
    async function voce(id: string) {
      const res = await chiediSportello(s, `/api/sportello/richieste/${id}`);
      assert.equal(res.status, 200);
      return (await res.json()) as VoceSportelloJson;
    }

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
      const nMario = (await invia(s, mario, { utente: 'mrossi' })).json.numero!;
      const nAnonima = (await invia(s, anonima)).json.numero!;
      const [a, b] = await sportello(s);
      assert.equal(a.id, anonima.id);
      assert.equal(a.utente, null);
      assert.equal(a.numero, nAnonima);
      assert.ok(!('email' in a) && !('telefono' in a) && !('pratica' in a));
      assert.equal(b.id, mario.id);
      assert.equal(b.numero, nMario);
      assert.ok(nAnonima > nMario);
      assert.equal(b.utente, 'mrossi');
      assert.equal(b.cognome, 'Rossi');
      assert.equal(b.email, 'mario.rossi@esempio.it');
      assert.equal(b.telefono, '+39 347 123.45.67');
      assert.equal(b.stato, 'ricevuta');
      assert.equal(b.creataIl, mario.creataIl);
      assert.deepEqual(b.messaggi, []);
      assert.deepEqual(b.allegati, []);
      assert.deepEqual(b.pratica, { tipologia: 'SCIA', numero: '123/2026' });
      assert.deepEqual(await voce(mario.id), b, 'one request alone is the same as in the list');
    });

    it('answers 404 for one request it does not have', async () => {
      for (const id of [randomUUID(), 'pratica-123']) {
        const res = await chiediSportello(s, `/api/sportello/richieste/${id}`);
        assert.equal(res.status, 404, id);
        italiano(((await res.json()) as { messaggio: string }).messaggio);
      }
    });

    it('appends the operator’s reply with autore "assistenza"; without a state a received request goes in-lavorazione', async () => {
      const r = richiesta({ rispostaViaEmail: false });
      await invia(s, r, { utente: 'mrossi' });
      const a = await rispostaSportello(s, r.id, { testo: '  Buongiorno, ci può mandare il file?  ' });
      assert.equal(a.stato, 201);
      assert.equal(a.json.stato, 'in-lavorazione');
      assert.equal(a.json.inviataViaMailA, undefined);
      assert.match(a.json.id!, /^[\da-f]{8}-[\da-f]{4}-4/);
      const [perUtente] = (await elenco(s, 'mrossi')).json.richieste;
      assert.equal(perUtente.stato, 'in-lavorazione');
      assert.deepEqual(
        perUtente.messaggi.map((m) => [m.id, m.autore, m.testo]),
        [[a.json.id, 'assistenza', 'Buongiorno, ci può mandare il file?']],
      );
      assert.ok(!('inviataViaMailA' in perUtente.messaggi[0]), 'the user’s list says nothing of the outbox');

      // Another reply without a state keeps the one it has; with a state, takes it.
      await cambiaStato(s, r.id, 'attesa-utente');
      assert.equal((await rispostaSportello(s, r.id, { testo: 'Sollecito.' })).json.stato, 'attesa-utente');
      const risolta = await rispostaSportello(s, r.id, { testo: 'Risolto.', stato: 'risolta' });
      assert.equal(risolta.json.stato, 'risolta');
      const x = await voce(r.id);
      assert.equal(x.stato, 'risolta');
      assert.deepEqual(
        x.messaggi.map((m) => m.testo),
        ['Buongiorno, ci può mandare il file?', 'Sollecito.', 'Risolto.'],
      );
      assert.ok(x.messaggi.every((m) => !('inviataViaMailA' in m)));
      assert.deepEqual(await posta(), [], 'no mail was asked for');
    });

    it('keeps the thread in order of arrival, the user’s replies and the operator’s interleaved', async () => {
      const r = richiesta({ rispostaViaEmail: false });
      await invia(s, r, { utente: 'mrossi' });
      await rispostaSportello(s, r.id, { testo: 'Uno.' });
      // The user's clock is an hour behind: their reply still comes after the operator's.
      const indietro = new Date(Date.now() - 3600_000).toISOString();
      await rispondi(s, r.id, nuovaRisposta({ testo: 'Due.', inviatoIl: indietro }), { utente: 'mrossi' });
      await rispostaSportello(s, r.id, { testo: 'Tre.' });
      const x = await voce(r.id);
      assert.deepEqual(
        x.messaggi.map((m) => [m.autore, m.testo]),
        [
          ['assistenza', 'Uno.'],
          ['utente', 'Due.'],
          ['assistenza', 'Tre.'],
        ],
      );
      assert.equal(x.messaggi[1].inviatoIl, indietro, 'the time it was written, kept');
    });

    it('writes the reply to the mail outbox when the request asked for the answer by mail, and says so in the thread', async () => {
      const r = richiesta({ email: 'mario.rossi@esempio.it', rispostaViaEmail: true });
      const numero = (await invia(s, r, { utente: 'mrossi' })).json.numero!;
      const a = await rispostaSportello(s, r.id, { testo: 'Buongiorno, provi ora.', stato: 'attesa-utente' });
      assert.equal(a.stato, 201);
      assert.deepEqual(a.json, { id: a.json.id, stato: 'attesa-utente', inviataViaMailA: 'mario.rossi@esempio.it' });
      const [m] = await posta();
      assert.equal(m.destinatario, 'mario.rossi@esempio.it');
      assert.equal(m.richiesta, r.id);
      assert.equal(m.messaggio, a.json.id);
      assert.equal(m.oggetto, `[Richiesta n. ${numero}] In attesa di una tua risposta`);
      assert.match(m.testo, /^Buongiorno, provi ora\./);
      const x = await voce(r.id);
      assert.equal(x.messaggi[0].inviataViaMailA, 'mario.rossi@esempio.it');
      assert.equal((await sportello(s))[0].messaggi[0].inviataViaMailA, 'mario.rossi@esempio.it');
      await rispostaSportello(s, r.id, { testo: 'Secondo messaggio.' });
      assert.equal((await posta()).length, 2, 'one mail per reply');
      // The user's reply is not mailed to the user.
      await rispondi(s, r.id, nuovaRisposta(), { utente: 'mrossi' });
      assert.equal((await posta()).length, 2);
    });

    it('sends no mail to a request with an email that did not ask for the answer by mail', async () => {
      const r = richiesta({ email: 'mario.rossi@esempio.it', rispostaViaEmail: false });
      await invia(s, r);
      const a = await rispostaSportello(s, r.id, { testo: 'Buongiorno.' });
      assert.equal(a.stato, 201);
      assert.ok(!('inviataViaMailA' in a.json));
      assert.deepEqual(await posta(), []);
    });

    it('sets the state alone, and refuses an unknown state or request', async () => {
      const r = richiesta();
      await invia(s, r, { utente: 'mrossi' });
      for (const stato of ['in-lavorazione', 'attesa-utente', 'risolta', 'ricevuta', 'chiusa']) {
        const a = await cambiaStato(s, r.id, stato);
        assert.equal(a.stato, 200, stato);
        assert.deepEqual(a.json, { id: r.id, stato });
        assert.equal((await voce(r.id)).stato, stato);
      }
      assert.equal((await voce(r.id)).messaggi.length, 0, 'a change of state is no message');

      for (const corpo of [{ stato: 'archiviata' }, {}, { stato: 'risolta', testo: 'x' }, { stato: 3 }]) {
        const res = await chiediSportello(s, `/api/sportello/richieste/${r.id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(corpo),
        });
        assert.equal(res.status, 422, JSON.stringify(corpo));
        italiano(((await res.json()) as { messaggio: string }).messaggio);
      }
      const b = await cambiaStato(s, r.id, 'archiviata');
      assert.match(b.json.messaggio!, /ricevuta, in-lavorazione, attesa-utente, risolta, chiusa/);
      for (const id of [randomUUID(), 'pratica-123']) {
        const c = await cambiaStato(s, id, 'risolta');
        assert.equal(c.stato, 404, id);
        italiano(c.json.messaggio);
      }
      assert.equal((await voce(r.id)).stato, 'chiusa');
    });

    it('refuses a reply to an unknown request (404) or a bad reply (422, 400, and 403 when not declared JSON), storing nothing', async () => {
      const r = richiesta();
      await invia(s, r, { utente: 'mrossi' });
      for (const id of [randomUUID(), 'pratica-123']) {
        const a = await rispostaSportello(s, id, { testo: 'x' });
        assert.equal(a.stato, 404, id);
        italiano(a.json.messaggio);
      }
      for (const [corpo, campo] of [
        [{ testo: '  ', stato: 'risolta' }, 'testo'],
        [{ testo: 'x'.repeat(4001) }, 'testo'],
        [{ testo: 'ok', stato: 'archiviata' }, 'stato'],
        [{ stato: 'risolta' }, 'testo'],
        [{ testo: 'ok', urgente: true }, ''],
      ] as const) {
        const a = await rispostaSportello(s, r.id, corpo);
        assert.equal(a.stato, 422, JSON.stringify(corpo).slice(0, 60));
        assert.deepEqual(
          a.json.errori!.map((e) => e.campo),
          [campo],
        );
        italiano(a.json.messaggio);
      }
      assert.match((await rispostaSportello(s, r.id, { testo: 'ok', urgente: true })).json.messaggio!, /urgente/);
      assert.equal((await rispostaSportello(s, r.id, '{"testo":')).stato, 400);
      assert.equal((await rispostaSportello(s, r.id, '[]')).stato, 400);
      const testo = await chiediSportello(s, `/api/sportello/richieste/${r.id}/messaggi`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'Buongiorno.',
      });
      assert.equal(
        testo.status,
        403,
        'a state-changing help desk route wants JSON: a form post from elsewhere is refused',
      );
      assert.equal(await quante(s.db, 'messaggi'), 0);
      assert.deepEqual(await posta(), []);
      assert.equal((await voce(r.id)).stato, 'ricevuta');
    });

    it('answers other methods with 405 and Allow', async () => {
      const r = richiesta();
      await invia(s, r);
      for (const [metodo, percorso, allow] of [
        ['POST', '/api/sportello/richieste', 'GET'],
        ['DELETE', `/api/sportello/richieste/${r.id}`, 'GET, PATCH'],
        ['GET', `/api/sportello/richieste/${r.id}/messaggi`, 'POST'],
        ['DELETE', `/api/sportello/allegati/${randomUUID()}`, 'GET'],
      ]) {
        const res = await chiediSportello(s, percorso, { method: metodo });
        assert.equal(res.status, 405, `${metodo} ${percorso}`);
        assert.equal(res.headers.get('allow'), allow);
      }
      assert.equal(await quante(s.db, 'richieste'), 1);
    });
  });
}

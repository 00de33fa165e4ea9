// The help desk's queue over real HTTP, on PGlite and on PostgreSQL: what to answer first, filters, search, counts,
// the user's new replies marked, and the ETag the console's refresh relies on.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MOTORI, serverDiProva, type ServerDiProva } from './aiuti.js';
import { amministratore, cambiaStato, invia, nuovaRisposta, richiesta, rispondi, rispostaSportello } from './http.js';

interface Coda {
  richieste: { id: string; numero: number; stato: string; inAttesaDal?: string; nuovaRispostaUtente: boolean }[];
  totale: number;
  conteggi: Record<string, number>;
}

for (const motore of MOTORI) {
  describe(`GET /api/sportello/richieste: the queue (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    const coda = async (query = '', etag?: string) => {
      const { cookie } = await amministratore(s);
      const headers: Record<string, string> = { Cookie: cookie };
      if (etag) headers['If-None-Match'] = etag;
      const res = await fetch(`${s.url}/api/sportello/richieste${query}`, { headers });
      return { res, corpo: res.status === 200 ? ((await res.json()) as Coda) : undefined };
    };
    const id = async (query: string) => (await coda(query)).corpo!.richieste.map((r) => r.id);
    /** A request sent by Mario, received `minutiFa` minutes ago. */
    const arrivata = async (minutiFa: number, extra: Record<string, unknown> = {}) => {
      const r = richiesta(extra);
      assert.equal((await invia(s, r, { utente: 'mrossi' })).stato, 201);
      await s.db.query(
        `UPDATE richieste SET ricevuta_il = now() - make_interval(mins => $2),
           in_attesa_dal = now() - make_interval(mins => $2), aggiornata_il = now() - make_interval(mins => $2)
         WHERE id = $1`,
        [r.id, minutiFa],
      );
      return r.id;
    };

    it('puts first the open requests waiting longest for the help desk, then those waiting for the user, then the solved', async () => {
      const recente = await arrivata(5);
      const vecchia = await arrivata(120);
      const risolta = await arrivata(600);
      await cambiaStato(s, risolta, 'risolta');
      const attesaUtente = await arrivata(300);
      await rispostaSportello(s, attesaUtente, { testo: 'Ci manda il file?', stato: 'attesa-utente' });
      const riaperta = await arrivata(400);
      await rispostaSportello(s, riaperta, { testo: 'Prima risposta.', stato: 'attesa-utente' });
      assert.equal((await rispondi(s, riaperta, nuovaRisposta(), { utente: 'mrossi' })).stato, 201);

      const { corpo } = await coda();
      assert.deepEqual(
        corpo!.richieste.map((r) => r.id),
        [vecchia, recente, riaperta, attesaUtente, risolta],
      );
      const per = new Map(corpo!.richieste.map((r) => [r.id, r]));
      assert.deepEqual(
        [vecchia, recente, riaperta, attesaUtente].map((x) => per.get(x)!.nuovaRispostaUtente),
        [false, false, true, false],
        'the user replied since the help desk last wrote',
      );
      assert.equal(per.get(attesaUtente)!.inAttesaDal, undefined, 'the help desk spoke last');
      const attesa = Date.now() - Date.parse(per.get(vecchia)!.inAttesaDal!);
      assert.ok(Math.abs(attesa - 120 * 60_000) < 60_000, `waiting for ${attesa} ms`);
      assert.equal(per.get(riaperta)!.stato, 'in-lavorazione');
    });

    it('filters by state, searches by numero, name, email and text, and counts each state whatever the filter', async () => {
      const mario = await arrivata(10, { cognome: 'Rossi', nome: 'Mario', email: 'mario.rossi@esempio.it' });
      const anna = await arrivata(20, {
        cognome: 'Bianchi',
        nome: 'Anna',
        email: 'anna.bianchi@comune.esempio.it',
        descrizione: 'La voltura non parte.',
      });
      const altra = await arrivata(30, { cognome: 'Verdi', nome: 'Luca', email: 'luca@esempio.it' });
      await cambiaStato(s, altra, 'chiusa');
      await rispondi(s, mario, nuovaRisposta({ testo: 'Allego la planimetria aggiornata.' }), { utente: 'mrossi' });

      assert.deepEqual(await id('?stato=chiusa'), [altra]);
      assert.deepEqual(await id('?stato=ricevuta'), [anna, mario]);
      const numeroAnna = (await coda()).corpo!.richieste.find((r) => r.id === anna)!.numero;
      for (const cerca of [String(numeroAnna), `n. ${numeroAnna}`, `#${numeroAnna}`]) {
        assert.deepEqual(await id(`?cerca=${encodeURIComponent(cerca)}`), [anna], cerca);
      }
      assert.deepEqual(await id('?cerca=bianchi'), [anna], 'a surname, any case');
      assert.deepEqual(await id('?cerca=Anna%20Bianchi'), [anna], 'a full name');
      assert.deepEqual(await id('?cerca=comune.esempio'), [anna], 'an email');
      assert.deepEqual(await id('?cerca=VOLTURA'), [anna], 'the description');
      assert.deepEqual(await id('?cerca=planimetria%20aggiornata'), [mario], 'the thread');
      assert.deepEqual(await id('?cerca=100%25'), [], 'a % is a character, not a wildcard');
      assert.deepEqual(await id('?stato=chiusa&cerca=bianchi'), []);
      const { corpo } = await coda('?stato=chiusa');
      assert.deepEqual(corpo!.conteggi, {
        ricevuta: 2,
        'in-lavorazione': 0,
        'attesa-utente': 0,
        risolta: 0,
        chiusa: 1,
      });
      assert.equal(corpo!.totale, 1);
      assert.equal((await coda('?stato=aperta')).res.status, 400);
      assert.equal((await coda('?limite=0')).res.status, 400);
      assert.deepEqual(await id('?limite=1'), [anna]);
    });

    it('answers 304 to the console’s refresh while nothing changed, and a new body when a request arrives', async () => {
      await arrivata(1);
      const prima = await coda();
      const etag = prima.res.headers.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/);
      const uguale = await coda('', etag);
      assert.equal(uguale.res.status, 304);
      await arrivata(0);
      const nuova = await coda('', etag);
      assert.equal(nuova.res.status, 200);
      assert.equal(nuova.corpo!.richieste.length, 2);
    });
  });
}

// Two server processes on one PostgreSQL: exactly once across processes. Many attempts with one key at once, half to
// each instance, store one row and are all answered 201 as the first was; numeri are distinct and increasing
// whichever instance answers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { databaseDiProva, type DatabaseDiProva } from './aiuti.js';
import { invia, nuovaRisposta, richiesta, rispondi, type RispostaHttp } from './http.js';
import { LIMITE, avviaServer, carica, nuovoFile, type ProcessoServer } from './processo.js';

/** How many attempts with one key, at once, half to each instance. */
const TENTATIVI = 24;

/** Every attempt 201 with the same answer, exactly one of them not a replay. */
function unaSolaVolta(risposte: RispostaHttp<Record<string, unknown>>[], cosa: string) {
  assert.deepEqual(
    risposte.map((a) => a.stato),
    risposte.map(() => 201),
    `${cosa}: ${risposte.map((a) => a.testo).join(' ')}`,
  );
  assert.equal(new Set(risposte.map((a) => a.testo)).size, 1, `${cosa}: one answer`);
  const prime = risposte.filter((a) => a.intestazioni.get('idempotent-replayed') === null);
  assert.equal(prime.length, 1, `${cosa}: one first answer, the others replays`);
}

describe('two server processes on one PostgreSQL', () => {
  let d: DatabaseDiProva;
  let istanze: ProcessoServer[] = [];
  before(async () => {
    d = await databaseDiProva('postgresql');
    istanze = await Promise.all([1, 2].map(() => avviaServer({ ASSISTENZA_DATABASE_URL: d.dove })));
  });
  after(async () => {
    await Promise.all(istanze.map((p) => p.ferma('SIGKILL')));
    await d.elimina();
  });
  /** The instance of the i-th attempt: every other one. */
  const istanza = (i: number) => istanze[i % 2];

  it(
    'stores one request for concurrent attempts with one key on both, answering every one 201 with one numero',
    LIMITE,
    async () => {
      const richieste = Array.from({ length: 4 }, () => richiesta());
      const risposte = await Promise.all(
        richieste.map((r) =>
          Promise.all(Array.from({ length: TENTATIVI }, (_, i) => invia(istanza(i), r, { utente: 'mrossi' }))),
        ),
      );
      risposte.forEach((a, i) => unaSolaVolta(a, `request ${i}`));
      const numeri = risposte.map((a) => a[0].json.numero);
      assert.equal(new Set(numeri).size, richieste.length, 'one numero each, distinct');
      const righe = await d.db.query<{ id: string; numero: number }>(
        'SELECT id, numero::float8 AS numero FROM richieste ORDER BY numero',
      );
      assert.deepEqual(
        righe,
        richieste.map((r, i) => ({ id: r.id, numero: numeri[i] })).sort((x, y) => x.numero! - y.numero!),
      );
    },
  );

  it('stores one reply for concurrent attempts with one key on both, answering every one 201', LIMITE, async () => {
    const r = richiesta();
    assert.equal((await invia(istanze[0], r, { utente: 'mrossi' })).stato, 201);
    const m = nuovaRisposta();
    const risposte = await Promise.all(
      Array.from({ length: TENTATIVI }, (_, i) => rispondi(istanza(i), r.id, m, { utente: 'mrossi' })),
    );
    unaSolaVolta(risposte, 'reply');
    assert.deepEqual(risposte[0].json, { id: m.id, stato: 'ricevuta' });
    const righe = await d.db.query('SELECT id FROM messaggi WHERE richiesta = $1', [r.id]);
    assert.deepEqual(righe, [{ id: m.id }]);
  });

  it('stores one upload for concurrent attempts with one key on both, answering every one 201', LIMITE, async () => {
    const f = nuovoFile(64 * 1024);
    const risposte = await Promise.all(Array.from({ length: TENTATIVI }, (_, i) => carica(istanza(i), f, 'mrossi')));
    unaSolaVolta(risposte, 'upload');
    const righe = await d.db.query('SELECT id, dimensione FROM allegati WHERE id = $1', [f.id]);
    assert.deepEqual(righe, [{ id: f.id, dimensione: 64 * 1024 }]);
  });

  it('gives distinct, increasing numeri whichever instance answers', LIMITE, async () => {
    const inFila: number[] = [];
    for (let i = 0; i < 10; i++) {
      const a = await invia(istanza(i), richiesta());
      assert.equal(a.stato, 201);
      inFila.push(a.json.numero!);
    }
    for (let i = 1; i < inFila.length; i++) {
      assert.ok(inFila[i] > inFila[i - 1], `increasing: ${inFila.join(', ')}`);
    }
    const insieme = await Promise.all(Array.from({ length: 60 }, (_, i) => invia(istanza(i), richiesta())));
    assert.deepEqual(new Set(insieme.map((a) => a.stato)), new Set([201]));
    const numeri = insieme.map((a) => a.json.numero!);
    assert.equal(new Set(numeri).size, numeri.length, 'distinct');
    assert.ok(Math.min(...numeri) > inFila.at(-1)!, 'after those answered before');
  });
});

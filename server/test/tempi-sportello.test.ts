// The help desk's response times, on PGlite and on PostgreSQL: each of the last 12 months of Rome on fixed data (the
// first resolution, a reopening ignored, open requests past 24 hours, empty months, the window's edges in summer and
// winter time), the median time to the help desk's first reply, the requests waiting longest; and
// GET /api/sportello/tempi-risposta over real HTTP.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../src/archivio/database.js';
import {
  inizioMeseRoma,
  mesiFinoA,
  tempiSportello,
  type MeseSportello,
  type TempiSportello,
} from '../src/servizi/statistiche.js';
import type { StatoRichiesta } from '../src/servizi/stati.js';
import { MOTORI, databaseDiProva, operatoreDiProva, serverDiProva, type DatabaseDiProva } from './aiuti.js';
import { invia, italiano, richiesta, rispostaSportello } from './http.js';

const MINUTO = 60_000;
const ORA = 60 * MINUTO;

/** A request as the server keeps it, at fixed times. */
interface Scritta {
  ricevutaIl: string;
  /** Minutes after arriving it was first resolved (risolta_il); none: never. */
  risoltaDopo?: number;
  /** Its state now (a request resolved and reopened is open with risolta_il kept). */
  stato?: StatoRichiesta;
  /** Since when it waits for the help desk; null: the help desk spoke last. Its arrival unless said. */
  inAttesaDal?: string | null;
  /** Minutes after arriving of each message of the thread, by the help desk or the user. */
  messaggi?: { autore: 'assistenza' | 'utente'; dopo: number }[];
  cognome?: string;
}

const dopo = (istante: string, minuti: number) => new Date(Date.parse(istante) + minuti * MINUTO);

/** Writes the requests and their threads straight into the tables; their ids, in order. */
async function scrivi(db: Database, righe: Scritta[]): Promise<string[]> {
  const id: string[] = [];
  for (const r of righe) {
    const risolta = r.risoltaDopo === undefined ? null : dopo(r.ricevutaIl, r.risoltaDopo);
    const stato = r.stato ?? (risolta === null ? 'in-lavorazione' : 'risolta');
    const [{ id: nuovo }] = await db.query<{ id: string }>(
      `INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, ricevuta_il,
         stato, aggiornata_il, risolta_il, in_attesa_dal)
       VALUES (gen_random_uuid(), 'prova', $1, 'Mario', false, 'Prova.', $2, $2, $3, $2, $4, $5)
       RETURNING id`,
      [r.cognome ?? 'Rossi', r.ricevutaIl, stato, risolta, r.inAttesaDal === undefined ? r.ricevutaIl : r.inAttesaDal],
    );
    for (const m of r.messaggi ?? []) {
      await db.query(
        `INSERT INTO messaggi (id, richiesta, autore, testo, scritto_il, ricevuto_il, stato_dopo)
         VALUES (gen_random_uuid(), $1, $2, 'Prova.', $3, $3, $4)`,
        [nuovo, m.autore, dopo(r.ricevutaIl, m.dopo), stato],
      );
    }
    id.push(nuovo);
  }
  return id;
}

const ora = new Date('2026-12-15T10:00:00Z');
const mese = (t: TempiSportello, m: string): MeseSportello => {
  const trovato = t.mesi.find((x) => x.mese === m);
  assert.ok(trovato, `${m} in ${t.mesi.map((x) => x.mese)}`);
  return trovato;
};
const quote = (m: MeseSportello) => ({
  richieste: m.richieste,
  entro: m.entro.map((x) => x.percentuale),
  oltre: m.oltre.percentuale,
  mediana: m.medianaPrimaRispostaMinuti,
});

describe('the help desk’s response times: Rome’s months', () => {
  it('begins a month at midnight in Rome, in winter and in summer time', () => {
    assert.equal(inizioMeseRoma(2026, 12).toISOString(), '2026-11-30T23:00:00.000Z');
    assert.equal(inizioMeseRoma(2026, 8).toISOString(), '2026-07-31T22:00:00.000Z');
    assert.equal(
      inizioMeseRoma(2026, 4).toISOString(),
      '2026-03-31T22:00:00.000Z',
      'the first of April, after the change',
    );
    assert.equal(inizioMeseRoma(2026, 11).toISOString(), '2026-10-31T23:00:00.000Z', 'the first of November, after it');
    assert.equal(inizioMeseRoma(2026, 13).toISOString(), '2026-12-31T23:00:00.000Z', 'January of the next year');
  });

  it('takes the current month of Rome and the 11 before, across a January', () => {
    const { mesi, fine } = mesiFinoA(new Date('2027-02-28T23:30:00Z'), 12);
    assert.deepEqual(
      mesi.map((m) => m.mese),
      [
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
        '2027-01',
      ].concat(['2027-02', '2027-03']),
      'half past midnight of 1 March in Rome is March',
    );
    assert.equal(mesi[0].inizio.toISOString(), '2026-03-31T22:00:00.000Z');
    assert.equal(fine.toISOString(), '2027-03-31T22:00:00.000Z');
  });
});

for (const motore of MOTORI) {
  describe(`the help desk’s response times on fixed data (${motore})`, () => {
    let d: DatabaseDiProva;
    before(async () => {
      d = await databaseDiProva(motore);
    });
    beforeEach(async () => {
      await d.db.query('DELETE FROM richieste');
    });
    after(async () => {
      await d.elimina();
    });

    it('gives a month the shares of its requests: the first resolution, a reopening ignored, open ones past 24 hours in oltre', async () => {
      const novembre = '2026-11-10T09:00:00Z';
      await scrivi(d.db, [
        // Solved in 5 minutes, reopened by the user since: still within 10 minutes.
        {
          ricevutaIl: novembre,
          risoltaDopo: 5,
          stato: 'in-lavorazione',
          messaggi: [{ autore: 'assistenza', dopo: 2 }],
        },
        { ricevutaIl: novembre, risoltaDopo: 45, messaggi: [10, 20].map((x) => ({ autore: 'assistenza', dopo: x })) },
        { ricevutaIl: novembre, risoltaDopo: 30 * 60, messaggi: [{ autore: 'assistenza', dopo: 180 }] },
        // Open for a month: oltre; the user's message is no reply of the help desk.
        { ricevutaIl: novembre, messaggi: [{ autore: 'utente', dopo: 1 }] },
      ]);
      const t = await tempiSportello(d.db, { minimo: 30, ora });
      assert.deepEqual(quote(mese(t, '2026-11')), {
        richieste: 4,
        entro: [25, 25, 50, 50],
        oltre: 50,
        mediana: 10,
      });
      assert.deepEqual(
        mese(t, '2026-11').entro.map((x) => x.minuti),
        [10, 30, 60, 480],
      );
      assert.equal(mese(t, '2026-11').oltre.minuti, 1440);
    });

    it('gives a month without requests zeros and no median, and keeps an open request younger than 24 hours out of oltre', async () => {
      await scrivi(d.db, [{ ricevutaIl: new Date(ora.getTime() - 5 * ORA).toISOString() }]);
      const t = await tempiSportello(d.db, { minimo: 30, ora });
      assert.equal(t.aggiornati, '2026-12');
      assert.equal(t.minimo, 30);
      assert.deepEqual(
        t.mesi.map((m) => m.mese),
        ['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07'].concat([
          '2026-06',
          '2026-05',
          '2026-04',
          '2026-03',
          '2026-02',
          '2026-01',
        ]),
        'the newest first',
      );
      assert.deepEqual(quote(mese(t, '2026-12')), { richieste: 1, entro: [0, 0, 0, 0], oltre: 0, mediana: null });
      for (const m of t.mesi.slice(1)) {
        assert.deepEqual(quote(m), { richieste: 0, entro: [0, 0, 0, 0], oltre: 0, mediana: null }, m.mese);
      }
      assert.equal(t.medianaPrimaRispostaMinuti, null);
    });

    it('puts a request in its month of Rome: the window begins at midnight of 1 January in Rome and ends now', async () => {
      await scrivi(d.db, [
        { ricevutaIl: '2025-12-31T22:59:59Z', risoltaDopo: 1, cognome: 'prima' },
        { ricevutaIl: '2025-12-31T23:00:00Z', risoltaDopo: 1, cognome: 'gennaio' },
        { ricevutaIl: '2026-07-31T21:59:59Z', risoltaDopo: 1, cognome: 'luglio' },
        { ricevutaIl: '2026-07-31T22:00:00Z', risoltaDopo: 1, cognome: 'agosto' },
        { ricevutaIl: '2026-11-30T22:59:59Z', risoltaDopo: 1, cognome: 'novembre' },
        { ricevutaIl: '2026-11-30T23:00:00Z', risoltaDopo: 1, cognome: 'dicembre' },
        { ricevutaIl: ora.toISOString(), risoltaDopo: 1, cognome: 'adesso' },
        { ricevutaIl: new Date(ora.getTime() + 1000).toISOString(), risoltaDopo: 1, cognome: 'dopo' },
      ]);
      const t = await tempiSportello(d.db, { minimo: 30, ora });
      const contate = Object.fromEntries(t.mesi.filter((m) => m.richieste > 0).map((m) => [m.mese, m.richieste]));
      assert.deepEqual(contate, { '2026-01': 1, '2026-07': 1, '2026-08': 1, '2026-11': 1, '2026-12': 2 });
      // Resolved a minute after arriving, but the one received at `ora` only after it: not yet within 10 minutes.
      assert.deepEqual(quote(mese(t, '2026-12')).entro, [50, 50, 50, 50]);
    });

    it('gives the median minutes to the help desk’s first reply over the last 90 days, halfway between two middle ones', async () => {
      await scrivi(d.db, [
        { ricevutaIl: '2026-11-10T09:00:00Z', messaggi: [{ autore: 'assistenza', dopo: 2 }] },
        // The first reply counts (written after a later one), not the later ones, nor the user's before it.
        {
          ricevutaIl: '2026-11-10T09:00:00Z',
          messaggi: [
            { autore: 'utente', dopo: 1 },
            { autore: 'assistenza', dopo: 20 },
            { autore: 'assistenza', dopo: 10 },
          ],
        },
        { ricevutaIl: '2026-11-12T09:00:00Z', messaggi: [{ autore: 'assistenza', dopo: 125 }] },
        { ricevutaIl: '2026-12-15T08:00:00Z', messaggi: [{ autore: 'assistenza', dopo: 30 }] },
        { ricevutaIl: '2026-12-15T08:00:00Z' },
        // 91 days ago: in its month's median, not in the 90 days'.
        { ricevutaIl: '2026-09-15T09:00:00Z', messaggi: [{ autore: 'assistenza', dopo: 1000 }] },
        // Replied to after the moment of the figures: not replied to yet.
        { ricevutaIl: '2026-12-15T09:55:00Z', messaggi: [{ autore: 'assistenza', dopo: 10 }] },
      ]);
      const t = await tempiSportello(d.db, { minimo: 30, ora });
      assert.equal(t.medianaPrimaRispostaMinuti, 20, 'of 2, 10, 30 and 125 minutes');
      assert.equal(mese(t, '2026-11').medianaPrimaRispostaMinuti, 10, 'of 2, 10 and 125');
      assert.equal(mese(t, '2026-12').medianaPrimaRispostaMinuti, 30);
      assert.equal(mese(t, '2026-09').medianaPrimaRispostaMinuti, 1000);
    });

    it('lists the 10 open requests waiting longest for the help desk, in the queue’s order', async () => {
      const fa = (minuti: number) => new Date(ora.getTime() - minuti * MINUTO).toISOString();
      // Twelve waiting, received in one order and waiting since another (the user wrote after a reply).
      const attese = Array.from({ length: 12 }, (_, i) => ({
        ricevutaIl: fa(5000),
        inAttesaDal: fa(100 * (i + 1)),
        stato: (i % 2 === 0 ? 'ricevuta' : 'in-lavorazione') as StatoRichiesta,
        cognome: `attesa-${i + 1}`,
      }));
      await scrivi(d.db, [
        ...attese,
        // Not waiting for the help desk, however old: it spoke last, it waits for the user, it is solved or closed.
        { ricevutaIl: fa(9000), inAttesaDal: null, cognome: 'risposta' },
        { ricevutaIl: fa(9000), stato: 'attesa-utente', cognome: 'attesa-utente' },
        { ricevutaIl: fa(9000), risoltaDopo: 5, cognome: 'risolta' },
        { ricevutaIl: fa(9000), risoltaDopo: 5, stato: 'chiusa', cognome: 'chiusa' },
      ]);
      const t = await tempiSportello(d.db, { minimo: 30, ora });
      assert.deepEqual(
        t.inAttesa.map((r) => r.cognome),
        ['attesa-12', 'attesa-11', 'attesa-10', 'attesa-9', 'attesa-8', 'attesa-7', 'attesa-6', 'attesa-5'].concat([
          'attesa-4',
          'attesa-3',
        ]),
      );
      const [primo] = t.inAttesa;
      assert.deepEqual(
        { stato: primo.stato, nome: primo.nome, inAttesaDal: primo.inAttesaDal },
        { stato: 'in-lavorazione', nome: 'Mario', inAttesaDal: fa(1200) },
      );
      assert.ok(Number.isInteger(primo.numero) && primo.numero > 0);
      const [{ id }] = await d.db.query<{ id: string }>("SELECT id FROM richieste WHERE cognome = 'attesa-12'");
      assert.equal(primo.id, id);
    });
  });

  describe(`GET /api/sportello/tempi-risposta (${motore})`, () => {
    it('answers 401 without a session, the figures to any operator, 405 to other methods', async () => {
      const s = await serverDiProva(motore);
      try {
        const senza = await fetch(`${s.url}/api/sportello/tempi-risposta`);
        assert.equal(senza.status, 401);
        italiano(((await senza.json()) as { messaggio?: string }).messaggio);
        await scrivi(s.db, [
          { ricevutaIl: new Date(Date.now() - 2 * ORA).toISOString(), risoltaDopo: 3, inAttesaDal: null },
          { ricevutaIl: new Date(Date.now() - ORA).toISOString(), cognome: 'Verdi' },
        ]);
        // Sent and replied to through the server's own routes, a moment ago.
        const r = richiesta();
        assert.equal((await invia(s, r, { utente: 'mrossi' })).stato, 201);
        assert.equal((await rispostaSportello(s, r.id, { testo: 'Buongiorno.' })).stato, 201);
        const operatore = await operatoreDiProva(s);
        const res = await fetch(`${s.url}/api/sportello/tempi-risposta`, { headers: { Cookie: operatore.cookie } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        const corpo = (await res.json()) as TempiSportello;
        assert.equal(corpo.mesi.length, 12);
        const [questo] = corpo.mesi;
        assert.equal(questo.mese, corpo.aggiornati);
        assert.equal(
          corpo.mesi.reduce((n, m) => n + m.richieste, 0),
          3,
        );
        assert.deepEqual(
          corpo.inAttesa.map((r) => r.cognome),
          ['Verdi'],
        );
        assert.equal(corpo.minimo, 30);
        assert.ok(
          corpo.medianaPrimaRispostaMinuti !== null && corpo.medianaPrimaRispostaMinuti < 1,
          `the reply of a moment ago: ${corpo.medianaPrimaRispostaMinuti}`,
        );
        const post = await fetch(`${s.url}/api/sportello/tempi-risposta`, {
          method: 'POST',
          headers: { Cookie: operatore.cookie },
        });
        assert.equal(post.status, 405);
      } finally {
        await s.chiudi();
      }
    });
  });
}

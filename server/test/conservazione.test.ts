// The retention, on PGlite and on PostgreSQL, on a fixed clock (the purge takes its `ora`): requests solved or closed
// just inside and just outside the limit, a request reopened and solved again, 0 months, unnamed uploads at 29 and 31
// days, batches, the record kept without the deleted requests' ids; the hourly schedule and its stop; on PostgreSQL,
// the advisory lock, two instances purging at once, and two server processes purging at their start.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { apriPglite, apriPostgres } from '../src/archivio/apri.js';
import type { Database } from '../src/archivio/database.js';
import { CHIAVE_CONSERVAZIONE } from '../src/archivio/conservazione.js';
import { pianificaConservazione, purga, type Rimossi } from '../src/servizi/conservazione.js';
import { MOTORI, cartellaPglite, databaseDiProva, quante, serverDiProva, type ServerDiProva } from './aiuti.js';
import { PNG, cambiaStato, carica, invia, nuovaRisposta, richiesta, rispondi, rispostaSportello } from './http.js';
import { LIMITE, avviaServer, finche, json, type ProcessoServer } from './processo.js';

/** The purge's clock in these tests, and 24 months before it on Rome's calendar (12:00 CEST both days). */
const ORA = new Date('2026-06-15T10:00:00.000Z');
const LIMITE_24 = new Date('2024-06-15T10:00:00.000Z');
const SECONDO = 1000;
const GIORNO = 24 * 60 * 60 * 1000;

const nessuno: Rimossi = { richieste: 0, messaggi: 0, allegati: 0, posta: 0, vociRegistro: 0, allegatiNonUsati: 0 };

/** Sets since when a request has been solved or closed (what its trigger set at the change of state). */
async function conclusaDal(db: Database, id: string, il: Date): Promise<void> {
  await db.query('UPDATE richieste SET conclusa_dal = $2 WHERE id = $1', [id, il]);
}

async function righe(db: Database, tabella: string, colonna: string, id: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tabella} WHERE ${colonna} = $1`, [id]);
  return r.n;
}

for (const motore of MOTORI) {
  describe(`the retention (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** A user's request with a file, the help desk's reply (mailed: rispostaViaEmail) and the download, then `stato`. */
    async function completa(stato: 'risolta' | 'chiusa') {
      const file = randomUUID();
      assert.equal((await carica(s, file, PNG, { utente: 'mrossi' })).stato, 201);
      const r = richiesta({
        allegati: [{ id: file, nome: 'planimetria.png', tipo: 'image/png', dimensione: PNG.length }],
      });
      const { numero } = (await invia(s, r, { utente: 'mrossi' })).json;
      assert.equal((await rispostaSportello(s, r.id, { testo: 'Fatto.' })).stato, 201);
      assert.equal((await cambiaStato(s, r.id, stato)).stato, 200);
      return { r, file, numero: numero! };
    }

    it('deletes a request solved or closed for longer than the limit with its thread, file, mail and key; one just inside stays', async () => {
      const dentro = await completa('risolta');
      const fuori = await completa('chiusa');
      const aperta = richiesta();
      await invia(s, aperta, { utente: 'mrossi' });
      await s.db.query("UPDATE richieste SET ricevuta_il = '2020-01-01' WHERE id = $1", [aperta.id]);
      await conclusaDal(s.db, dentro.r.id, new Date(LIMITE_24.getTime() + SECONDO));
      await conclusaDal(s.db, fuori.r.id, new Date(LIMITE_24.getTime() - SECONDO));
      const vociFuori = await righe(s.db, 'registro', 'richiesta', fuori.r.id);
      assert.ok(vociFuori >= 2, 'the reply and the change of state are in the record');

      const esito = await purga(s.db, { ora: ORA, mesi: 24 });

      assert.deepEqual(esito, {
        esito: 'completata',
        rimossi: { ...nessuno, richieste: 1, messaggi: 1, allegati: 1, posta: 1, vociRegistro: vociFuori },
      });
      for (const [tabella, colonna] of [
        ['richieste', 'id'],
        ['messaggi', 'richiesta'],
        ['allegati', 'richiesta'],
        ['posta', 'richiesta'],
        ['registro', 'richiesta'],
      ]) {
        assert.equal(await righe(s.db, tabella, colonna, fuori.r.id), 0, `${tabella} of the request outside`);
        assert.ok((await righe(s.db, tabella, colonna, dentro.r.id)) > 0, `${tabella} of the request inside`);
      }
      assert.equal(await righe(s.db, 'allegati', 'id', fuori.file), 0);
      assert.equal(await righe(s.db, 'richieste', 'id', aperta.id), 1, 'an open request is never deleted');
      // The record is kept: the deleted request's entries by numero, without its id.
      assert.equal(await righe(s.db, 'registro', 'numero', String(fuori.numero)), vociFuori);
      // Its key is gone with it: the same id is a new request now, with a new numero.
      const dinuovo = await invia(s, { ...fuori.r, allegati: undefined }, { utente: 'mrossi' });
      assert.equal(dinuovo.stato, 201);
      assert.equal(dinuovo.intestazioni.get('idempotent-replayed'), null);
      assert.notEqual(dinuovo.json.numero, fuori.numero);
    });

    it('counts from the last resolution: solved long ago, reopened and solved again, it stays; never reopened, it goes', async () => {
      const riaperta = richiesta();
      const vecchia = richiesta();
      for (const r of [riaperta, vecchia]) {
        await invia(s, r, { utente: 'mrossi' });
        await cambiaStato(s, r.id, 'risolta');
        await s.db.query("UPDATE richieste SET risolta_il = '2023-03-01', conclusa_dal = '2023-03-01' WHERE id = $1", [
          r.id,
        ]);
      }
      const leggi = async (id: string) =>
        (
          await s.db.query<{ stato: string; risoltaIl: Date; conclusaDal: Date | null }>(
            'SELECT stato, risolta_il AS "risoltaIl", conclusa_dal AS "conclusaDal" FROM richieste WHERE id = $1',
            [id],
          )
        )[0];
      assert.equal(
        (await rispondi(s, riaperta.id, nuovaRisposta(), { utente: 'mrossi' })).json.stato,
        'in-lavorazione',
      );
      assert.equal((await leggi(riaperta.id)).conclusaDal, null, 'reopened: no longer solved');
      await cambiaStato(s, riaperta.id, 'risolta');
      const risolta = await leggi(riaperta.id);
      assert.ok(risolta.conclusaDal!.getTime() > Date.now() - 10 * 60 * SECONDO, 'solved again now');
      assert.equal(risolta.risoltaIl.toISOString(), new Date('2023-03-01').toISOString(), 'the first resolution stays');
      await cambiaStato(s, riaperta.id, 'chiusa');
      assert.equal(
        (await leggi(riaperta.id)).conclusaDal!.getTime(),
        risolta.conclusaDal!.getTime(),
        'closing keeps it',
      );

      const esito = await purga(s.db, { mesi: 24 });
      assert.equal(esito.rimossi.richieste, 1);
      assert.equal(await righe(s.db, 'richieste', 'id', riaperta.id), 1);
      assert.equal(await righe(s.db, 'richieste', 'id', vecchia.id), 0);
    });

    it('with 0 months deletes every solved or closed request at the next purge, and no open one', async () => {
      const risolta = richiesta();
      const aperta = richiesta();
      await invia(s, risolta);
      await invia(s, aperta);
      await cambiaStato(s, risolta.id, 'risolta');
      await cambiaStato(s, aperta.id, 'attesa-utente');
      const esito = await purga(s.db, { mesi: 0, ora: new Date() });
      assert.equal(esito.rimossi.richieste, 1);
      assert.equal(await righe(s.db, 'richieste', 'id', risolta.id), 0);
      assert.equal(await righe(s.db, 'richieste', 'id', aperta.id), 1);
    });

    it('deletes an upload no request names 30 days after its upload: at 29 days it stays, at 31 it goes', async () => {
      const [ventinove, trentuno, nominato] = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of [ventinove, trentuno, nominato]) {
        assert.equal((await carica(s, id, PNG, { utente: 'mrossi' })).stato, 201);
      }
      const r = richiesta({
        allegati: [{ id: nominato, nome: 'planimetria.png', tipo: 'image/png', dimensione: PNG.length }],
      });
      await invia(s, r, { utente: 'mrossi' });
      const caricato = (id: string, giorni: number) =>
        s.db.query('UPDATE allegati SET caricato_il = $2 WHERE id = $1', [
          id,
          new Date(ORA.getTime() - giorni * GIORNO),
        ]);
      await caricato(ventinove, 29);
      await caricato(trentuno, 31);
      await caricato(nominato, 31);
      const esito = await purga(s.db, { ora: ORA, mesi: 24 });
      assert.deepEqual(esito, { esito: 'completata', rimossi: { ...nessuno, allegatiNonUsati: 1 } });
      assert.equal(await righe(s.db, 'allegati', 'id', ventinove), 1);
      assert.equal(await righe(s.db, 'allegati', 'id', trentuno), 0);
      assert.equal(await righe(s.db, 'allegati', 'id', nominato), 1, 'named by a request: the request’s to keep');
    });

    it('deletes in batches, each in a transaction of its own, until none is left', async () => {
      for (let i = 0; i < 7; i++) {
        const r = richiesta({ rispostaViaEmail: false });
        await invia(s, r);
        await rispostaSportello(s, r.id, { testo: 'Fatto.', stato: 'chiusa' });
        await conclusaDal(s.db, r.id, new Date('2020-01-01'));
      }
      for (let i = 0; i < 5; i++) {
        await carica(s, randomUUID(), PNG);
      }
      await s.db.query("UPDATE allegati SET caricato_il = '2020-01-01'");
      const esito = await purga(s.db, { ora: ORA, mesi: 24, lotto: 3 });
      assert.equal(esito.esito, 'completata');
      assert.equal(esito.rimossi.richieste, 7);
      assert.equal(esito.rimossi.allegatiNonUsati, 5);
      assert.equal(await quante(s.db, 'richieste'), 0);
      assert.equal(await quante(s.db, 'allegati'), 0);
    });

    it('stops between two batches when told to, and removes the rest at the next purge', async () => {
      for (let i = 0; i < 4; i++) {
        const r = richiesta();
        await invia(s, r);
        await cambiaStato(s, r.id, 'risolta');
        await conclusaDal(s.db, r.id, new Date('2020-01-01'));
      }
      const fermo = new AbortController();
      fermo.abort();
      assert.deepEqual(await purga(s.db, { ora: ORA, mesi: 24, lotto: 1, segnale: fermo.signal }), {
        esito: 'interrotta',
        rimossi: nessuno,
      });
      assert.equal(await quante(s.db, 'richieste'), 4);
      assert.equal((await purga(s.db, { ora: ORA, mesi: 24, lotto: 1 })).rimossi.richieste, 4);
    });

    it('purges at once and then at every turn, logging how many of each it removed, until stopped', async () => {
      const r = richiesta();
      await invia(s, r);
      await cambiaStato(s, r.id, 'chiusa');
      await conclusaDal(s.db, r.id, new Date('2020-01-01'));
      const voci: { o: Record<string, unknown>; messaggio: string }[] = [];
      const log = {
        info: (o: object, messaggio: string) => voci.push({ o: o as Record<string, unknown>, messaggio }),
        warn: (o: object, messaggio: string) => voci.push({ o: o as Record<string, unknown>, messaggio }),
      };
      const c = pianificaConservazione(s.db, { mesi: 24, log, ogniMs: 20 });
      await finche(() => voci.length >= 3, 60_000, 'three purges');
      await c.ferma();
      const dopo = voci.length;
      assert.equal(voci[0].messaggio, 'conservazione: rimossi i dati scaduti');
      assert.deepEqual(
        { richieste: voci[0].o.richieste, mesi: voci[0].o.mesi },
        { richieste: 1, mesi: 24 },
        'the first, at once, removed the request',
      );
      assert.equal(voci[1].o.richieste, 0);
      assert.equal(typeof voci[0].o.ms, 'number');
      await new Promise((ok) => setTimeout(ok, 200));
      assert.equal(voci.length, dopo, 'no purge after the stop');

      // Stopped at once: the purge under way ends before its first batch, and is waited for.
      const subito: string[] = [];
      const ferma = pianificaConservazione(s.db, {
        mesi: 24,
        log: { info: (_o, m) => subito.push(m), warn: (_o, m) => subito.push(m) },
      });
      await ferma.ferma();
      assert.deepEqual(subito, ['conservazione: interrotta dalla chiusura']);
    });
  });
}

describe('the retention across instances (postgresql)', () => {
  /** `n` requests closed since 2020 with two messages each, and `orfani` uploads no request names from 2020. */
  async function scadute(db: Database, n: number, orfani: number): Promise<void> {
    await db.query(
      `INSERT INTO richieste (id, utente, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, stato,
         conclusa_dal)
       SELECT gen_random_uuid(), 'utente-' || i, 'x', 'Rossi', 'Mario', false, 'Scaduta.', now(), 'chiusa',
         '2020-01-01'
       FROM generate_series(1, $1) AS i`,
      [n],
    );
    await db.query(
      `INSERT INTO messaggi (id, richiesta, autore, testo, scritto_il, stato_dopo)
       SELECT gen_random_uuid(), r.id, 'utente', 'Testo.', now(), 'chiusa' FROM richieste r, generate_series(1, 2)`,
    );
    await db.query(
      `INSERT INTO allegati (id, nome, tipo, dimensione, impronta, contenuto, caricato_il)
       SELECT gen_random_uuid(), 'a.png', 'image/png', 1, 'x', '\\x00'::bytea, '2020-01-01'
       FROM generate_series(1, $1)`,
      [orfani],
    );
  }

  const somma = (esiti: { rimossi: Rimossi }[], k: keyof Rimossi) => esiti.reduce((t, e) => t + e.rimossi[k], 0);

  it('does not purge while another instance holds the purge’s lock, and purges once it is free', async () => {
    const d = await databaseDiProva('postgresql');
    const altra = new pg.Client({ connectionString: d.dove });
    await altra.connect();
    try {
      await scadute(d.db, 3, 1);
      await altra.query('BEGIN');
      await altra.query('SELECT pg_advisory_xact_lock($1)', [CHIAVE_CONSERVAZIONE]);
      assert.deepEqual(await purga(d.db, { ora: ORA, mesi: 24 }), { esito: 'in-corso-altrove', rimossi: nessuno });
      assert.equal(await quante(d.db, 'richieste'), 3);
      await altra.query('COMMIT');
      const esito = await purga(d.db, { ora: ORA, mesi: 24 });
      assert.equal(esito.esito, 'completata');
      assert.equal(esito.rimossi.richieste, 3);
    } finally {
      await altra.end();
      await d.elimina();
    }
  });

  it('two instances purging at once remove each row once, and their counts add up', async () => {
    const d = await databaseDiProva('postgresql');
    const seconda = apriPostgres(d.dove, { warn() {}, error() {} });
    try {
      for (let giro = 0; giro < 3; giro++) {
        await scadute(d.db, 60, 20);
        const esiti = await Promise.all([d.db, seconda].map((db) => purga(db, { ora: ORA, mesi: 24, lotto: 5 })));
        assert.ok(
          esiti.some((e) => e.esito === 'completata'),
          JSON.stringify(esiti),
        );
        assert.equal(somma(esiti, 'richieste'), 60, JSON.stringify(esiti));
        assert.equal(somma(esiti, 'messaggi'), 120);
        assert.equal(somma(esiti, 'allegatiNonUsati'), 20);
        assert.equal(await quante(d.db, 'richieste'), 0);
        assert.equal(await quante(d.db, 'messaggi'), 0);
        assert.equal(await quante(d.db, 'allegati'), 0);
      }
    } finally {
      await seconda.chiudi();
      await d.elimina();
    }
  });

  it(
    'two server processes started together purge at their start, each row once, their logged counts adding up',
    LIMITE,
    async () => {
      const d = await databaseDiProva('postgresql');
      const istanze: ProcessoServer[] = [];
      try {
        await scadute(d.db, 40, 10);
        istanze.push(...(await Promise.all([1, 2].map(() => avviaServer({ ASSISTENZA_DATABASE_URL: d.dove })))));
        const purghe = (p: ProcessoServer) =>
          p.righe.map(json).filter((r) => typeof r?.msg === 'string' && r.msg.startsWith('conservazione:'));
        await finche(() => istanze.every((p) => purghe(p).length > 0), 120_000, 'both instances logging a purge');
        const prime = istanze.map((p) => purghe(p)[0]!);
        const conta = (k: string) => prime.reduce((t, r) => t + Number(r[k]), 0);
        assert.equal(conta('richieste'), 40, JSON.stringify(prime));
        assert.equal(conta('messaggi'), 80);
        assert.equal(conta('allegatiNonUsati'), 10);
        assert.equal(await quante(d.db, 'richieste'), 0);
        for (const p of istanze) {
          assert.deepEqual(await p.ferma(), { codice: 0, segnale: null });
        }
      } finally {
        await Promise.all(istanze.map((p) => p.ferma('SIGKILL')));
        await d.elimina();
      }
    },
  );
});

describe('the retention in a server process (pglite)', () => {
  it('purges at the start, with the months of ASSISTENZA_CONSERVAZIONE_MESI', LIMITE, async (t) => {
    const cartella = await cartellaPglite();
    const db = await apriPglite(cartella);
    const id = randomUUID();
    await db.query(
      `INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, stato,
         conclusa_dal)
       VALUES ($1, 'x', 'Rossi', 'Mario', false, 'Risolta da 13 mesi.', now(), 'risolta', now() - interval '13 months')`,
      [id],
    );
    await db.chiudi();
    t.after(() => rmSync(cartella, { recursive: true, force: true }));
    const avvia = async (mesi: string) => {
      const p = await avviaServer({ ASSISTENZA_DATI: cartella, ASSISTENZA_CONSERVAZIONE_MESI: mesi });
      await finche(
        () => p.righe.some((r) => json(r)?.msg === 'conservazione: rimossi i dati scaduti'),
        120_000,
        'a purge',
      );
      const riga = p.righe.map(json).find((r) => r?.msg === 'conservazione: rimossi i dati scaduti')!;
      assert.deepEqual(await p.ferma(), { codice: 0, segnale: null });
      return riga;
    };
    assert.equal((await avvia('24')).richieste, 0, 'within 24 months');
    const riga = await avvia('12');
    assert.equal(riga.richieste, 1, 'past 12 months');
    assert.equal(riga.mesi, 12);
  });
});

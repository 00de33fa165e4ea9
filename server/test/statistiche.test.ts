// The response times, on PGlite and on PostgreSQL: the rule on fixed data (first resolution, reopening, open requests
// past 24 hours, the 90-day window's edges, the minimum sample) and GET /api/tempi-risposta over real HTTP.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Database } from '../src/archivio/database.js';
import { leggiConfigurazione } from '../src/configurazione.js';
import { datiTempiSchema } from '../../src/tempi-risposta/dati.js';
import {
  meseDiRoma,
  percentuale,
  tempiDiRisposta,
  type EsitoTempi,
  type TempiRisposta,
} from '../src/servizi/statistiche.js';
import {
  MOTORI,
  SEGRETO,
  databaseDiProva,
  serverDiProva,
  servi,
  type DatabaseDiProva,
  type ServerDiProva,
} from './aiuti.js';
import { cambiaStato, invia, italiano, nuovaRisposta, richiesta, rispondi } from './http.js';

const MINUTO = 60_000;
const ORA = 60 * MINUTO;
const GIORNO = 24 * ORA;

interface Arrivata {
  ricevutaIl: Date;
  /** The first time it became risolta or chiusa; none: still open. */
  risoltaIl?: Date;
}

/** Requests written straight into the table, as the server keeps them: received and first resolved at these times. */
async function arrivate(db: Database, righe: Arrivata[]): Promise<void> {
  await db.query(
    `INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, ricevuta_il,
       stato, aggiornata_il, risolta_il)
     SELECT gen_random_uuid(), 'prova', 'Rossi', 'Mario', false, 'Prova.', r.ricevuta, r.ricevuta,
       CASE WHEN r.risolta IS NULL THEN 'in-lavorazione' ELSE 'risolta' END, coalesce(r.risolta, r.ricevuta), r.risolta
     FROM unnest($1::timestamptz[], $2::timestamptz[]) AS r (ricevuta, risolta)`,
    [righe.map((r) => r.ricevutaIl), righe.map((r) => r.risoltaIl ?? null)],
  );
}

/** `n` requests received `fa` ms before `ora`, each resolved `dopo` ms after arriving (none: still open). */
const tante = (n: number, ora: Date, fa: number, dopo?: number): Arrivata[] =>
  Array.from({ length: n }, () => {
    const ricevutaIl = new Date(ora.getTime() - fa);
    return dopo === undefined ? { ricevutaIl } : { ricevutaIl, risoltaIl: new Date(ricevutaIl.getTime() + dopo) };
  });

function calcolati(e: EsitoTempi): TempiRisposta {
  assert.equal(e.esito, 'calcolati', JSON.stringify(e));
  return (e as { tempi: TempiRisposta }).tempi;
}

/** The four shares of `entro` (10, 30, 60, 480 minutes) and the share of `oltre`. */
const quote = (t: TempiRisposta) => ({ entro: t.entro.map((x) => x.percentuale), oltre: t.oltre.percentuale });

describe('response times: the arithmetic', () => {
  it('rounds a share to one decimal, half up', () => {
    assert.equal(percentuale(1, 3), 33.3);
    assert.equal(percentuale(2, 3), 66.7);
    assert.equal(percentuale(1, 16), 6.3);
    assert.equal(percentuale(412, 412), 100);
    assert.equal(percentuale(0, 412), 0);
  });

  it('names the month in Europe/Rome, whatever the zone of the server', () => {
    assert.equal(meseDiRoma(new Date('2026-11-30T22:59:59Z')), '2026-11');
    assert.equal(meseDiRoma(new Date('2026-11-30T23:00:00Z')), '2026-12', 'midnight in Rome (UTC+1)');
    assert.equal(meseDiRoma(new Date('2026-07-31T22:00:00Z')), '2026-08', 'midnight in Rome (UTC+2 in summer)');
  });
});

for (const motore of MOTORI) {
  describe(`response times: the rule on fixed data (${motore})`, () => {
    // One database for the suite, emptied before each test: the rule reads nothing but the requests.
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

    const ora = new Date('2026-12-15T10:00:00Z');
    const secondo = 1000;

    it('gives the shares of all the window’s requests, unresolved ones in the total only, and the month in Rome', async () => {
      await arrivate(d.db, [
        ...tante(5, ora, 2 * GIORNO, 5 * MINUTO),
        ...tante(3, ora, 2 * GIORNO, 20 * MINUTO),
        ...tante(2, ora, 2 * GIORNO, 45 * MINUTO),
        ...tante(4, ora, 2 * GIORNO, 3 * ORA),
        ...tante(2, ora, 2 * GIORNO, 12 * ORA),
        ...tante(3, ora, 2 * GIORNO, 30 * ORA),
        ...tante(1, ora, 5 * ORA),
      ]);
      const t = calcolati(await tempiDiRisposta(d.db, { minimo: 1, ora }));
      assert.deepEqual(t, {
        aggiornati: '2026-12',
        richieste: 20,
        entro: [
          { minuti: 10, percentuale: 25 },
          { minuti: 30, percentuale: 40 },
          { minuti: 60, percentuale: 50 },
          { minuti: 480, percentuale: 70 },
        ],
        oltre: { minuti: 1440, percentuale: 15 },
      });
    });

    it('counts within a limit a request resolved exactly at it, and not one a second later', async () => {
      await arrivate(d.db, [
        ...tante(1, ora, GIORNO, 10 * MINUTO),
        ...tante(1, ora, GIORNO, 10 * MINUTO + secondo),
        ...tante(1, ora, 2 * GIORNO, GIORNO),
        ...tante(1, ora, 2 * GIORNO, GIORNO + secondo),
      ]);
      const t = calcolati(await tempiDiRisposta(d.db, { minimo: 1, ora }));
      assert.deepEqual(quote(t), { entro: [25, 50, 50, 50], oltre: 25 });
    });

    it('counts in oltre the requests still open more than 24 hours after arriving, never a younger open one', async () => {
      await arrivate(d.db, [
        ...tante(1, ora, GIORNO + secondo),
        ...tante(1, ora, 40 * GIORNO),
        ...tante(1, ora, GIORNO),
        ...tante(1, ora, 23 * ORA),
        ...tante(1, ora, 3 * MINUTO),
      ]);
      const t = calcolati(await tempiDiRisposta(d.db, { minimo: 1, ora }));
      assert.equal(t.richieste, 5);
      assert.deepEqual(quote(t), { entro: [0, 0, 0, 0], oltre: 40 });
    });

    it('takes a resolution after the moment of the figures as not happened yet', async () => {
      // At `ora`: one open for 30 hours (oltre), one open for 5 minutes (in no share), though both are resolved later.
      await arrivate(d.db, [
        { ricevutaIl: new Date(ora.getTime() - 30 * ORA), risoltaIl: new Date(ora.getTime() + ORA) },
        { ricevutaIl: new Date(ora.getTime() - 5 * MINUTO), risoltaIl: new Date(ora.getTime() + MINUTO) },
      ]);
      const t = calcolati(await tempiDiRisposta(d.db, { minimo: 1, ora }));
      assert.deepEqual(quote(t), { entro: [0, 0, 0, 0], oltre: 50 });
    });

    it('takes the requests received in the last 90 days: after 90 × 24 hours before, up to the moment itself', async () => {
      const fa = (ms: number) => new Date(ora.getTime() - ms);
      await arrivate(d.db, [
        { ricevutaIl: fa(90 * GIORNO), risoltaIl: fa(90 * GIORNO - MINUTO) },
        { ricevutaIl: fa(90 * GIORNO - secondo), risoltaIl: fa(90 * GIORNO - secondo - MINUTO) },
        { ricevutaIl: fa(0) },
        { ricevutaIl: fa(-secondo) },
        { ricevutaIl: fa(400 * GIORNO), risoltaIl: fa(400 * GIORNO - MINUTO) },
      ]);
      const t = calcolati(await tempiDiRisposta(d.db, { minimo: 1, ora }));
      assert.equal(t.richieste, 2, 'the one 90 days less a second ago, and the one received at that very moment');
      assert.deepEqual(quote(t), { entro: [50, 50, 50, 50], oltre: 0 });
    });

    it('publishes nothing from fewer requests than the minimum, and publishes from exactly the minimum', async () => {
      await arrivate(d.db, tante(29, ora, GIORNO, MINUTO));
      await arrivate(d.db, tante(3, ora, 100 * GIORNO, MINUTO));
      assert.deepEqual(await tempiDiRisposta(d.db, { minimo: 30, ora }), {
        esito: 'troppo-poche',
        richieste: 29,
        minimo: 30,
      });
      await arrivate(d.db, tante(1, ora, GIORNO, MINUTO));
      assert.equal(calcolati(await tempiDiRisposta(d.db, { minimo: 30, ora })).richieste, 30);
    });

    it('publishes nothing from an empty window, whatever the minimum', async () => {
      assert.equal((await tempiDiRisposta(d.db, { minimo: 1, ora })).esito, 'troppo-poche');
    });
  });

  describe(`response times: resolutions through the server’s own routes (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** Moves a request's arrival and first resolution back in time, as if it had all happened `ms` earlier. */
    const indietro = (id: string, ms: number) =>
      s.db.query(
        `UPDATE richieste SET ricevuta_il = ricevuta_il - $2::int * interval '1 millisecond',
           risolta_il = risolta_il - $2::int * interval '1 millisecond' WHERE id = $1`,
        [id, ms],
      );

    it('counts the first time a request became risolta or chiusa; reopening and solving it again change nothing', async () => {
      // A: solved 5 minutes after arriving, reopened by the user's reply, closed again two days later.
      const a = richiesta();
      assert.equal((await invia(s, a, { utente: 'mrossi' })).stato, 201);
      await indietro(a.id, 5 * MINUTO);
      assert.equal((await cambiaStato(s, a.id, 'risolta')).stato, 200);
      const riaperta = await rispondi(s, a.id, nuovaRisposta(), { utente: 'mrossi' });
      assert.equal(riaperta.json.stato, 'in-lavorazione');
      await indietro(a.id, 2 * GIORNO);
      assert.equal((await cambiaStato(s, a.id, 'chiusa')).stato, 200);
      // B: closed straight away 20 minutes after arriving, never risolta.
      const b = richiesta();
      assert.equal((await invia(s, b)).stato, 201);
      await indietro(b.id, 20 * MINUTO);
      assert.equal((await cambiaStato(s, b.id, 'chiusa')).stato, 200);

      const t = calcolati(await tempiDiRisposta(s.db, { minimo: 1 }));
      assert.equal(t.richieste, 2);
      assert.deepEqual(quote(t), { entro: [50, 100, 100, 100], oltre: 0 });
    });
  });

  describe(`GET /api/tempi-risposta (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    const adesso = () => new Date();
    const leggi = (intestazioni: Record<string, string> = {}) =>
      fetch(`${s.url}/api/tempi-risposta`, { headers: intestazioni });

    it('answers 404 with an Italian messaggio while the last 90 days hold fewer than 30 requests', async () => {
      await arrivate(s.db, tante(29, adesso(), GIORNO, 5 * MINUTO));
      await arrivate(s.db, tante(5, adesso(), 91 * GIORNO, 5 * MINUTO));
      const res = await leggi();
      assert.equal(res.status, 404);
      const corpo = (await res.json()) as { messaggio?: string };
      italiano(corpo.messaggio);
      assert.match(corpo.messaggio!, /meno di 30 richieste/);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
      assert.equal(res.headers.get('etag'), null);
    });

    it('answers the figures to a caller without a token, cacheable by anyone for five minutes', async () => {
      await arrivate(s.db, [
        ...tante(8, adesso(), 3 * GIORNO, 5 * MINUTO),
        ...tante(8, adesso(), 3 * GIORNO, 25 * MINUTO),
        ...tante(8, adesso(), 3 * GIORNO, 50 * MINUTO),
        ...tante(8, adesso(), 3 * GIORNO, 5 * ORA),
        ...tante(4, adesso(), 3 * GIORNO, 2 * GIORNO),
        ...tante(4, adesso(), 3 * GIORNO),
      ]);
      const res = await leggi();
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
      assert.match(res.headers.get('etag')!, /^"[\w-]{43}"$/);
      const corpo = (await res.json()) as TempiRisposta;
      assert.ok(datiTempiSchema.safeParse(corpo).success, 'the widget takes it as its dati');
      assert.equal(corpo.aggiornati, meseDiRoma(adesso()));
      assert.equal(corpo.richieste, 40);
      assert.deepEqual(quote(corpo), { entro: [20, 40, 60, 80], oltre: 20 });
    });

    it('answers 304 to its own ETag, and another ETag once the figures change', async () => {
      await arrivate(s.db, tante(30, adesso(), GIORNO, 5 * MINUTO));
      const prima = await leggi();
      const etag = prima.headers.get('etag')!;
      const ancora = await leggi({ 'If-None-Match': etag });
      assert.equal(ancora.status, 304);
      assert.equal(await ancora.text(), '');
      assert.equal(ancora.headers.get('etag'), etag);
      assert.equal(ancora.headers.get('cache-control'), 'public, max-age=300');
      assert.equal((await leggi({ 'If-None-Match': `W/${etag}, "altro"` })).status, 304, 'weak comparison, a list');
      await arrivate(s.db, tante(1, adesso(), ORA));
      const dopo = await leggi({ 'If-None-Match': etag });
      assert.equal(dopo.status, 200);
      assert.notEqual(dopo.headers.get('etag'), etag);
      assert.equal(((await dopo.json()) as TempiRisposta).richieste, 31);
    });

    it('answers HEAD like GET and 405 with Allow to other methods', async () => {
      await arrivate(s.db, tante(30, adesso(), GIORNO, 5 * MINUTO));
      const testa = await fetch(`${s.url}/api/tempi-risposta`, { method: 'HEAD' });
      assert.equal(testa.status, 200);
      assert.equal(testa.headers.get('cache-control'), 'public, max-age=300');
      const post = await fetch(`${s.url}/api/tempi-risposta`, { method: 'POST' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET');
    });

    it('is described in /api/openapi.json, and its answer is valid there', async () => {
      await arrivate(s.db, tante(30, adesso(), GIORNO, 5 * MINUTO));
      const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
        components: { schemas: Record<string, object> };
      };
      assert.deepEqual(doc.paths['/api/tempi-risposta'].get.security, [], 'no token');
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
      const valido = ajv.getSchema('doc#/components/schemas/TempiRisposta')!;
      assert.ok(valido(await (await leggi()).json()), JSON.stringify(valido.errors));
      assert.equal(
        valido({ aggiornati: '2026-13', richieste: 30, entro: [], oltre: { minuti: 1, percentuale: 1 } }),
        false,
      );
    });
  });
}

describe('ASSISTENZA_STATISTICHE_MINIMO', () => {
  const ambiente = (v?: string) => ({ ASSISTENZA_JWT_SEGRETO: SEGRETO, ASSISTENZA_STATISTICHE_MINIMO: v });

  it('is 30 unless set, and any whole number from 1 when set', () => {
    assert.equal(leggiConfigurazione(ambiente()).statisticheMinimo, 30);
    assert.equal(leggiConfigurazione(ambiente('')).statisticheMinimo, 30);
    assert.equal(leggiConfigurazione(ambiente('1')).statisticheMinimo, 1);
    assert.equal(leggiConfigurazione(ambiente(' 100 ')).statisticheMinimo, 100);
  });

  it('stops the start naming itself when it is not a whole number from 1 to a million', () => {
    for (const v of ['0', '-5', 'trenta', '1.5', '1e3', '1000001']) {
      assert.throws(
        () => leggiConfigurazione(ambiente(v)),
        (e: Error) => e.message.startsWith(`ASSISTENZA_STATISTICHE_MINIMO: «${v}» non è un numero di richieste`),
        v,
      );
    }
  });

  it('sets the server’s minimum', async () => {
    const d = await databaseDiProva('pglite');
    const { app, url } = await servi(d.db, { statisticheMinimo: 2 });
    try {
      await arrivate(d.db, tante(1, new Date(), ORA, MINUTO));
      assert.equal((await fetch(`${url}/api/tempi-risposta`)).status, 404);
      await arrivate(d.db, tante(1, new Date(), ORA, MINUTO));
      assert.equal((await fetch(`${url}/api/tempi-risposta`)).status, 200);
    } finally {
      await app.close();
      await d.elimina();
    }
  });
});

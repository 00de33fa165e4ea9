// Benchmark of GET /api/tempi-risposta's query (servizi/statistiche.ts) on PGlite and on PostgreSQL (fsync on, as
// deployed): its time on one million requests received in the last 90 days, then on the same million with years of
// older requests written before them, as a help desk's table grows. Rows are made by the database (generate_series).
// Prints numbers; asserts nothing about time. `node scripts/bench/statistiche.mjs [pglite|postgresql]` runs one engine;
// ASSISTENZA_BENCH_FINESTRA and ASSISTENZA_BENCH_VECCHIE set the two counts (1,000,000 and 4,000,000). The query goes
// through the server's own code (servizi/statistiche.ts, archivio/statistiche.ts); its plan is printed as it ran.
// Beside it, the help desk's view (GET /api/sportello/tempi-risposta: the 12 months of Rome, the median to the first
// reply, the longest waits) on the same rows, each request of its 12 months given one reply of the help desk.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { OPZIONI_SERVER } from '../server.mjs';
import { avviaPostgres } from '../postgres.mjs';

const FINESTRA = Number(process.env.ASSISTENZA_BENCH_FINESTRA ?? 1_000_000);
const VECCHIE = Number(process.env.ASSISTENZA_BENCH_VECCHIE ?? 4_000_000);
const GIRI = 7;
const motori = process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'postgresql'];

const cartella = 'node_modules/.cache/assistenza';
mkdirSync(cartella, { recursive: true });
const modulo = `${cartella}/bench-statistiche.mjs`;
await build({
  ...OPZIONI_SERVER,
  sourcemap: false,
  stdin: {
    contents: `
      export { apriPglite, apriPostgres } from './server/src/archivio/apri.ts';
      export { applicaMigrazioni } from './server/src/archivio/migrazioni.ts';
      export {
        tempiDiRisposta,
        tempiSportello,
        finestraA,
        LIMITI_ENTRO,
        LIMITE_OLTRE,
      } from './server/src/servizi/statistiche.ts';
      export { conteggi } from './server/src/archivio/statistiche.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  outfile: modulo,
});
const server = await import(`../../${modulo}?${Date.now()}`);
const silenzioso = { info() {}, warn() {}, error() {} };

const ms = (t) => `${t.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ms`;
const n = (x) => x.toLocaleString('en-GB');
const mediana = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * `quante` requests received between `da` and `a` (ms since the epoch, evenly spread, in order of arrival as a table
 * fills), in statements of 250,000 rows: one in 50 still open, the others first resolved 1 minute to 3 days after
 * arriving (log-uniformly: about a quarter within 10 minutes, half within the hour). `esegui` runs a statement.
 */
async function riempi(esegui, quante, da, a) {
  const lotto = 250_000;
  for (let primo = 0; primo < quante; primo += lotto) {
    const ultimo = Math.min(primo + lotto, quante) - 1;
    await esegui(
      `INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, ricevuta_il,
         stato, aggiornata_il, risolta_il)
       SELECT gen_random_uuid(), 'bench', 'Rossi', 'Mario', false, 'Una richiesta del bench.', t, t,
         CASE WHEN r IS NULL THEN 'in-lavorazione' ELSE 'chiusa' END, coalesce(r, t), r
       FROM (
         SELECT t, CASE WHEN g % 50 = 0 THEN NULL
                        ELSE t + exp(ln(4320) * ((g * 7919) % 10007) / 10007.0) * interval '1 minute' END AS r
         FROM (SELECT g, to_timestamp(($3::float8 + g * ($4::float8 - $3::float8) / $5::float8) / 1000) AS t
               FROM generate_series($1::bigint, $2::bigint) AS g) AS x
       ) AS y`,
      [primo, ultimo, da, a, quante],
    );
  }
}

/**
 * One reply of the help desk to each request received in the last 365 days before `ora` (what the help desk's view
 * reads), halfway to its resolution, or an hour after arriving when it is open.
 */
async function risposte(esegui, ora) {
  await esegui(
    `INSERT INTO messaggi (id, richiesta, autore, testo, scritto_il, ricevuto_il, stato_dopo)
     SELECT gen_random_uuid(), id, 'assistenza', 'Una risposta del bench.', t, t, 'in-lavorazione'
     FROM (SELECT id, ricevuta_il + coalesce((risolta_il - ricevuta_il) / 2, interval '1 hour') AS t
           FROM richieste WHERE ricevuta_il > $1) AS x`,
    [new Date(ora - 365 * GIORNO)],
  );
}

/** The help desk's view at `ora`: its time, median of GIRI runs after one to warm the cache, and how many it counted. */
async function misuraSportello(db, ora = new Date()) {
  await server.tempiSportello(db, { minimo: 1, ora });
  const tempi = [];
  let t;
  for (let i = 0; i < GIRI; i++) {
    const t0 = performance.now();
    t = await server.tempiSportello(db, { minimo: 1, ora });
    tempi.push(performance.now() - t0);
  }
  const richieste = t.mesi.reduce((somma, m) => somma + m.richieste, 0);
  console.log(
    `  the help desk's view (12 months, ${n(richieste)} requests, each replied to once): median ${ms(mediana(tempi))} ` +
      `(min ${ms(Math.min(...tempi))}, max ${ms(Math.max(...tempi))}, ${GIRI} runs); median to the first reply ` +
      `${t.medianaPrimaRispostaMinuti} min`,
  );
}

/**
 * The query's time for the window ending at `ora`, median of GIRI runs after one to warm the cache; and its plan, run
 * (EXPLAIN ANALYZE).
 */
async function misura(db, ora = new Date()) {
  await server.tempiDiRisposta(db, { minimo: 1, ora });
  const tempi = [];
  let esito;
  for (let i = 0; i < GIRI; i++) {
    const t0 = performance.now();
    esito = await server.tempiDiRisposta(db, { minimo: 1, ora });
    tempi.push(performance.now() - t0);
  }
  // The very statement the route runs, prefixed with EXPLAIN: archivio/statistiche.ts writes it, not this file.
  let piano = [];
  const spiega = {
    async query(sql, parametri) {
      piano = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parametri);
      return [{}];
    },
  };
  await server.conteggi(spiega, server.finestraA(ora), {
    entro: server.LIMITI_ENTRO,
    oltre: server.LIMITE_OLTRE,
  });
  const righe = piano.map((r) => r['QUERY PLAN']);
  const nodi = righe
    .filter((l) => /Scan|Gather/.test(l))
    .map((l) => {
      const [, nodo, tempo, righe] =
        /^\s*(?:->\s*)?(.*?)\s+\(cost=.*actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+)/.exec(l) ?? [];
      return `${nodo} (${ms(Number(tempo))}, ${n(Number(righe))} rows)`;
    });
  const blocchi = righe.find((l) => /Buffers:/.test(l))?.trim() ?? '';
  return { mediana: mediana(tempi), minimo: Math.min(...tempi), massimo: Math.max(...tempi), esito, nodi, blocchi };
}

async function dimensione(db) {
  const [r] = await db.query(
    `SELECT pg_size_pretty(pg_total_relation_size('richieste')) AS tabella,
            pg_size_pretty(pg_relation_size('richieste_per_arrivo')) AS indice`,
  );
  return `table ${r.tabella} with indexes, the arrival index ${r.indice}`;
}

function stampa(titolo, m) {
  const e = m.esito.tempi;
  console.log(`  ${titolo}`);
  console.log(`    query: median ${ms(m.mediana)} (min ${ms(m.minimo)}, max ${ms(m.massimo)}, ${GIRI} runs)`);
  console.log(`    plan: ${m.nodi.join(' → ')}; ${m.blocchi}`);
  console.log(
    `    figures: ${n(e.richieste)} requests; ${e.entro.map((x) => `≤${x.minuti} min ${x.percentuale}%`).join(', ')}; ` +
      `>${e.oltre.minuti} min ${e.oltre.percentuale}%`,
  );
}

const GIORNO = 86_400_000;

async function banco(motore, db, esegui) {
  console.log(`\n${motore}`);
  const ora = Date.now();
  // The window's million, as the last 89 days wrote them (a day of margin: the bench takes minutes).
  const da = ora - 89 * GIORNO;
  let t0 = performance.now();
  await riempi(esegui, FINESTRA, da, ora);
  await risposte(esegui, ora);
  await esegui('VACUUM ANALYZE richieste');
  await esegui('VACUUM ANALYZE messaggi');
  console.log(`  written in ${ms(performance.now() - t0)}; ${await dimensione(db)}`);
  stampa(`${n(FINESTRA)} requests, all in the window:`, await misura(db));
  await misuraSportello(db);

  // The same million again after years of older requests, written before them as a help desk's table fills.
  await esegui('TRUNCATE richieste CASCADE');
  t0 = performance.now();
  await riempi(esegui, VECCHIE, da - 5 * 365 * GIORNO, da - 2 * GIORNO);
  await riempi(esegui, FINESTRA, da, ora);
  await risposte(esegui, ora);
  await esegui('VACUUM ANALYZE richieste');
  await esegui('VACUUM ANALYZE messaggi');
  console.log(`  written in ${ms(performance.now() - t0)}; ${await dimensione(db)}`);
  stampa(
    `${n(VECCHIE + FINESTRA)} requests, the same ${n(FINESTRA)} in the window after 5 years of ${n(VECCHIE)}:`,
    await misura(db),
  );
  await misuraSportello(db);

  // The same table as it was at the end of each older year: windows of about the same size, one to four years of
  // requests before each (and the rest after it).
  console.log(
    `  the same table, the window ending at the end of each older year (about ${n(Math.round((VECCHIE / (5 * 365)) * 90))} requests in it):`,
  );
  for (let prima = 1; prima <= 4; prima++) {
    const allora = new Date(da - 2 * GIORNO - (5 - prima) * 365 * GIORNO);
    const m = await misura(db, allora);
    console.log(
      `    ${prima} year${prima === 1 ? '' : 's'} of requests before the window: median ${ms(m.mediana)} ` +
        `(${n(m.esito.tempi.richieste)} requests; ${m.nodi.join(' → ')}; ${m.blocchi})`,
    );
  }
}

for (const motore of motori) {
  if (motore === 'pglite') {
    const dati = mkdtempSync(join(tmpdir(), 'assistenza-bench-'));
    const db = await server.apriPglite(dati);
    try {
      await server.applicaMigrazioni(db, silenzioso);
      await banco('PGlite (embedded, in this process)', db, (sql, p) => db.query(sql, p));
    } finally {
      await db.chiudi();
      rmSync(dati, { recursive: true, force: true });
    }
  } else {
    const cluster = await avviaPostgres({ veloce: false });
    try {
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      await c.query('CREATE DATABASE bench');
      await c.end();
      // The server's own pool for the query it runs; a connection of the bench's, without the server's 10 s
      // statement timeout, to write the millions of rows.
      const db = server.apriPostgres(cluster.urlDi('bench'), silenzioso);
      const scrittore = new pg.Client({ connectionString: cluster.urlDi('bench') });
      await scrittore.connect();
      try {
        await server.applicaMigrazioni(db, silenzioso);
        const [v] = await db.query('SHOW server_version');
        await banco(`PostgreSQL ${v.server_version} (fsync on)`, db, (sql, p) => scrittore.query(sql, p));
      } finally {
        await scrittore.end();
        await db.chiudi();
      }
    } finally {
      cluster.elimina();
    }
  }
}

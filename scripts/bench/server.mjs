// Benchmark of the help desk's server (issue 16): the built bin as a process of its own, over real HTTP with
// keep-alive, on PGlite and on PostgreSQL (a cluster with fsync on, as deployed). POST /api/richieste at 1, 20 and 100
// concurrent clients, each beside the rate of bare one-row INSERTs (one transaction each) into the same engine measured
// in this run; a user's list with 200 requests; the server's resident memory. Prints numbers; asserts nothing.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { SignJWT } from 'jose';
import { avviaPostgres, portaLibera } from '../postgres.mjs';
import { costruisciServer, serverDaCostruire } from '../server.mjs';

/** How long each measurement runs. */
const DURATA_MS = 5000;
const LIVELLI = [1, 20, 100];
/** The server's pool (apriPostgres): no more transactions than this run at once, whatever the clients. */
const POOL_SERVER = 10;
const RICHIESTE_ELENCO = 200;
const LETTURE_ELENCO = 300;
const SEGRETO = 'segreto-del-benchmark-del-server-di-assistenza-0123';
const BIN = 'server/bin/assistenza-tecnica-server.js';
const MIGRAZIONE = readFileSync('server/src/archivio/migrazioni/001_richieste.sql', 'utf8');

const attesa = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** The value below which `p` of the sorted times fall. */
const percentile = (ordinati, p) => ordinati[Math.min(ordinati.length - 1, Math.floor(ordinati.length * p))];

const token = (utente) =>
  new SignJWT({ sub: utente })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SEGRETO));

/** A request as the widget sends it. */
const nuovaRichiesta = () => ({
  id: randomUUID(),
  cognome: 'D’Angelo',
  nome: 'Zoë',
  email: 'zoe.dangelo@esempio.it',
  telefono: '+39 347 123.45.67',
  rispostaViaEmail: true,
  descrizione: 'Non riesco a caricare la planimetria della SCIA: il caricamento si ferma al 90% e poi dà errore.',
  pratica: { tipologia: 'SCIA', numero: '123/2026' },
  creataIl: new Date().toISOString(),
});

/** One HTTP request on a kept-alive connection: its status and body. */
function http(agente, url, metodo, intestazioni, corpo) {
  const u = new URL(url);
  return new Promise((ok, ko) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: metodo,
        headers: intestazioni,
        agent: agente,
      },
      (res) => {
        let testo = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          testo += c;
        });
        res.on('end', () => ok({ stato: res.statusCode, testo }));
      },
    );
    req.on('error', ko);
    req.end(corpo);
  });
}

function post(agente, url, autorizzazione) {
  const r = nuovaRichiesta();
  const corpo = JSON.stringify(r);
  return http(
    agente,
    `${url}/api/richieste`,
    'POST',
    {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(corpo),
      'Idempotency-Key': r.id,
      Authorization: autorizzazione,
    },
    corpo,
  );
}

/** `clienti` loops, each one request at a time, for DURATA_MS: throughput and latency of `una`. */
async function carico(clienti, una) {
  const tempi = [];
  const fine = performance.now() + DURATA_MS;
  const inizio = performance.now();
  let errori = 0;
  await Promise.all(
    Array.from({ length: clienti }, async () => {
      while (performance.now() < fine) {
        const t0 = performance.now();
        const ok = await una();
        tempi.push(performance.now() - t0);
        if (!ok) errori++;
      }
    }),
  );
  const secondi = (performance.now() - inizio) / 1000;
  tempi.sort((a, b) => a - b);
  return { alSecondo: tempi.length / secondi, p50: percentile(tempi, 0.5), p99: percentile(tempi, 0.99), errori };
}

// A server left running by a failed run is stopped with the benchmark.
const figli = new Set();
process.on('exit', () => figli.forEach((f) => f.kill('SIGKILL')));

/** The built server on `env`, its port free, its log to /dev/null (it still writes its line per request). */
async function avviaServer(env) {
  const porta = await portaLibera();
  const figlio = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(porta),
      ASSISTENZA_JWT_SEGRETO: SEGRETO,
      ASSISTENZA_LOG: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  figli.add(figlio);
  figlio.once('exit', () => figli.delete(figlio));
  const url = `http://127.0.0.1:${porta}`;
  for (let i = 0; ; i++) {
    if (figlio.exitCode !== null) throw new Error(`the server exited with ${figlio.exitCode}`);
    const r = await fetch(`${url}/api/salute`).catch(() => undefined);
    if (r?.status === 200) break;
    if (i > 600) throw new Error('the server did not start in 60 s');
    await attesa(100);
  }
  const memoria = () => {
    const status = readFileSync(`/proc/${figlio.pid}/status`, 'utf8');
    const kb = (campo) => Number(new RegExp(`^${campo}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, picco: kb('VmHWM') / 1024 };
  };
  const ferma = () =>
    new Promise((ok) => {
      figlio.once('exit', ok);
      figlio.kill('SIGTERM');
    });
  return { url, memoria, ferma, figlio };
}

const INSERT = `INSERT INTO richieste (id, utente, impronta, cognome, nome, email, telefono, risposta_via_email,
  descrizione, pratica_tipologia, pratica_numero, scritta_il) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const valori = () => [
  randomUUID(),
  'bench-insert',
  'impronta',
  'D’Angelo',
  'Zoë',
  'zoe.dangelo@esempio.it',
  '+39 347 123.45.67',
  true,
  'Non riesco a caricare la planimetria della SCIA: il caricamento si ferma al 90% e poi dà errore.',
  'SCIA',
  '123/2026',
  new Date(),
];

/** Bare INSERTs, one row a transaction (autocommit), on `connessioni` connections of the server's PostgreSQL. */
async function insertPostgres(url, connessioni) {
  const pool = new pg.Pool({ connectionString: url, max: connessioni });
  try {
    await Promise.all(Array.from({ length: connessioni }, () => pool.query('SELECT 1')));
    return await carico(connessioni, async () => {
      await pool.query(INSERT, valori());
      return true;
    });
  } finally {
    await pool.end();
  }
}

/** Bare INSERTs, one row a transaction, into a PGlite of this process on a folder of its own (the server holds its). */
async function insertPglite() {
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-bench-pglite-'));
  const db = new PGlite(join(cartella, 'pglite'));
  try {
    await db.exec(MIGRAZIONE);
    return await carico(1, async () => {
      await db.query(INSERT, valori());
      return true;
    });
  } finally {
    await db.close();
    rmSync(cartella, { recursive: true, force: true });
  }
}

/** The whole section on one engine: the POST levels with their INSERT rates, the list, the memory. */
async function misura(motore, env, insert) {
  const s = await avviaServer(env);
  const avvio = s.memoria();
  try {
    const autorizzazione = `Bearer ${await token('bench')}`;
    const agente = new Agent({ keepAlive: true, maxSockets: 200 });
    const unPost = async () => (await post(agente, s.url, autorizzazione)).stato === 201;
    // Warm-up: the JIT, the pool's connections, the table's first pages.
    await carico(10, unPost);
    const righe = [];
    for (const clienti of LIVELLI) {
      const server = await carico(clienti, unPost);
      const bare = await insert(clienti);
      righe.push({ motore, clienti, server, bare });
      console.log(
        `  ${motore} ${clienti} clients: ${server.alSecondo.toFixed(0)} req/s, bare INSERT ${bare.misura.alSecondo.toFixed(0)}/s`,
      );
    }

    // A user with 200 requests, and their list read as the widget reads it (the first page), and 100 at a time.
    const elenco = `Bearer ${await token('elenco')}`;
    for (let i = 0; i < RICHIESTE_ELENCO; i++) {
      const a = await post(agente, s.url, elenco);
      if (a.stato !== 201) throw new Error(`POST for the list: ${a.stato} ${a.testo}`);
    }
    const letture = {};
    for (const [nome, percorso] of [
      ['first page (20)', '/api/richieste'],
      ['a page of 100', '/api/richieste?per-pagina=100'],
    ]) {
      const tempi = [];
      let byte = 0;
      for (let i = 0; i < LETTURE_ELENCO; i++) {
        const t0 = performance.now();
        const a = await http(agente, `${s.url}${percorso}`, 'GET', { Authorization: elenco });
        tempi.push(performance.now() - t0);
        if (a.stato !== 200) throw new Error(`GET ${percorso}: ${a.stato}`);
        byte = Buffer.byteLength(a.testo);
      }
      tempi.sort((a, b) => a - b);
      letture[nome] = { p50: percentile(tempi, 0.5), p99: percentile(tempi, 0.99), byte };
    }
    agente.destroy();
    return { righe, letture, memoria: { avvio, dopo: s.memoria() } };
  } finally {
    await s.ferma();
  }
}

if (serverDaCostruire()) await costruisciServer();

const risultati = [];
let primoAvvioPglite;
const cartellaPglite = mkdtempSync(join(tmpdir(), 'assistenza-bench-server-'));
try {
  // PGlite is one connection: concurrency does not apply, so one measurement serves every level.
  let misurato;
  const insertUnaVolta = async () => {
    misurato ??= await insertPglite();
    return { misura: misurato, connessioni: 1 };
  };
  // The first start creates the database (PGlite's initdb, its memory's peak): done before, and reported apart.
  const creazione = await avviaServer({ ASSISTENZA_DATI: cartellaPglite });
  primoAvvioPglite = creazione.memoria().picco;
  await creazione.ferma();
  risultati.push(await misura('PGlite', { ASSISTENZA_DATI: cartellaPglite }, insertUnaVolta));
} finally {
  rmSync(cartellaPglite, { recursive: true, force: true });
}

const cluster = await avviaPostgres({ veloce: false });
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE assistenza');
  await admin.end();
  const url = cluster.urlDi('assistenza');
  const perConnessioni = new Map();
  const insert = async (clienti) => {
    // As many connections as the server can use at that level: its pool holds 10.
    const connessioni = Math.min(clienti, POOL_SERVER);
    if (!perConnessioni.has(connessioni)) perConnessioni.set(connessioni, await insertPostgres(url, connessioni));
    return { misura: perConnessioni.get(connessioni), connessioni };
  };
  risultati.push(await misura('PostgreSQL', { ASSISTENZA_DATABASE_URL: url }, insert));
} finally {
  cluster.elimina();
}

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(
  `\nServer benchmark: POST /api/richieste over HTTP/1.1 keep-alive, ${DURATA_MS / 1000} s a level, the load generator ` +
    `on the same machine (${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(1)} ` +
    `at the end); PostgreSQL with fsync on; ` +
    'bare INSERT: one row a transaction, on as many connections as the server could use (its pool: 10; PGlite: 1)',
);
console.table(
  risultati.flatMap((r) =>
    r.righe.map(({ motore, clienti, server, bare }) => ({
      engine: motore,
      clients: clienti,
      'req/s': Math.round(server.alSecondo),
      p50: ms(server.p50),
      p99: ms(server.p99),
      errors: server.errori,
      'bare INSERT/s': `${Math.round(bare.misura.alSecondo)} (${bare.connessioni} conn.)`,
      'server/INSERT': `${((server.alSecondo / bare.misura.alSecondo) * 100).toFixed(0)}%`,
    })),
  ),
);
console.log(`A user's list with ${RICHIESTE_ELENCO} requests, GET ${LETTURE_ELENCO} times one after another:`);
console.table(
  risultati.flatMap((r) =>
    Object.entries(r.letture).map(([nome, l]) => ({
      engine: r.righe[0].motore,
      read: nome,
      p50: ms(l.p50),
      p99: ms(l.p99),
      'KB of JSON': (l.byte / 1024).toFixed(1),
    })),
  ),
);
console.log('The server process, resident memory (RSS) when ready, after the runs, and its peak:');
for (const r of risultati) {
  const { avvio, dopo } = r.memoria;
  console.log(
    `  ${r.righe[0].motore}: ${avvio.rss.toFixed(0)} MB → ${dopo.rss.toFixed(0)} MB, peak ${dopo.picco.toFixed(0)} MB`,
  );
}
console.log(
  `  PGlite's first start on an empty folder (creating the database) peaks at ${primoAvvioPglite.toFixed(0)} MB`,
);

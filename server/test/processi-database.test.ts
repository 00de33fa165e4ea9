// The database goes away under a running server (PostgreSQL stopped, then hung) and comes back: requests are answered
// 503 with Retry-After within seconds, never 500, never left hanging; /api/salute says 503; the same process serves
// again when the database is back, without a restart.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { avviaPostgres, type Cluster } from '../../scripts/postgres.mjs';
import { ATTESA_CONNESSIONE_MS, ATTESA_QUERY_MS } from '../src/archivio/apri.js';
import { invia, richiesta, risposta, type RispostaHttp } from './http.js';
import { LIMITE, attesa, avviaServer, json, type ProcessoServer } from './processo.js';

/** A refused connection is answered at once; 10 s is only there to catch a hang. */
const LIMITE_FERMO_MS = 10_000;
/** A server that accepts and never answers: the connection's or the statement's timeout, and some slack. */
const LIMITE_BLOCCATO_MS = ATTESA_QUERY_MS + ATTESA_CONNESSIONE_MS + 5000;

/** The parent's pid of a process, from /proc. */
function genitore(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The postmaster of the cluster at `url` and its children (backends, checkpointer, WAL writer…). */
async function processiDelCluster(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const proprio = rows[0].pid;
  const postmaster = genitore(proprio);
  await c.end();
  const figli = readdirSync('/proc')
    .filter((f) => /^\d+$/.test(f))
    .map(Number)
    .filter((pid) => {
      try {
        // Not this query's own backend, which is exiting: once the postmaster goes on and reaps it, it is gone.
        return pid !== proprio && genitore(pid) === postmaster;
      } catch {
        return false;
      }
    });
  return [postmaster, ...figli];
}

/** Lets a stopped process go on; one that has gone meanwhile (a backend reaped by its postmaster) needs nothing. */
function continua(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw e;
    }
  }
}

/** A request timed. */
async function cronometra<T>(f: () => Promise<T>): Promise<{ esito: T; ms: number }> {
  const inizio = performance.now();
  const esito = await f();
  return { esito, ms: Math.round(performance.now() - inizio) };
}

/** A 503 as the contract has it: Retry-After, and a messaggio. */
function nonDisponibile(a: RispostaHttp<Record<string, unknown>>) {
  assert.equal(a.stato, 503, a.testo);
  assert.match(a.intestazioni.get('retry-after') ?? '', /^\d+$/);
  assert.equal(typeof a.json.messaggio, 'string');
}

const salute = async (s: ProcessoServer) => risposta<Record<string, unknown>>(await fetch(`${s.url}/api/salute`));

describe('the database goes away under a running server', () => {
  let cluster: Cluster;
  let s: ProcessoServer;
  let fermati: number[] = [];
  before(async () => {
    cluster = await avviaPostgres();
    s = await avviaServer({ ASSISTENZA_DATABASE_URL: cluster.url });
  });
  after(async () => {
    for (const pid of fermati) {
      continua(pid);
    }
    await s?.ferma('SIGKILL');
    cluster?.elimina();
  });

  /**
   * Clients that keep sending requests, eight at a time, until told to stop: what each was answered (0: no answer, the
   * connection failed), and how long it took.
   */
  function flusso() {
    const risposte: { stato: number; ms: number; retryAfter: string | null; id: string }[] = [];
    let avanti = true;
    const cliente = async () => {
      while (avanti) {
        const r = richiesta();
        const inizio = performance.now();
        const esito = await invia(s, r).catch(() => undefined);
        risposte.push({
          stato: esito?.stato ?? 0,
          ms: Math.round(performance.now() - inizio),
          retryAfter: esito?.intestazioni.get('retry-after') ?? null,
          id: r.id,
        });
        await attesa(5);
      }
    };
    const clienti = Array.from({ length: 8 }, cliente);
    return {
      risposte,
      ferma: async () => {
        avanti = false;
        await Promise.all(clienti);
      },
    };
  }

  it(
    'answers 503 with Retry-After while PostgreSQL is stopped, and serves again in the same process when it is back',
    LIMITE,
    async (t) => {
      assert.equal((await invia(s, richiesta())).stato, 201);
      const f = flusso();
      // Stopped and started under the clients a few times: sessions end in the middle of transactions.
      for (let volta = 1; volta <= 5; volta++) {
        await attesa(300);
        cluster.ferma();
        const post = await cronometra(() => invia(s, richiesta()));
        nonDisponibile(post.esito);
        const s503 = await cronometra(() => salute(s));
        nonDisponibile(s503.esito);
        assert.ok(post.ms < LIMITE_FERMO_MS, `${post.ms} ms`);
        assert.ok(s503.ms < LIMITE_FERMO_MS, `${s503.ms} ms`);
        await attesa(300);

        cluster.avvia();
        const dopo = await cronometra(() => invia(s, richiesta()));
        assert.equal(dopo.esito.stato, 201, dopo.esito.testo);
        assert.equal((await salute(s)).stato, 200);
        t.diagnostic(
          `stop ${volta}: POST answered 503 in ${post.ms} ms, /api/salute 503 in ${s503.ms} ms; ` +
            `started again: the first POST 201 in ${dopo.ms} ms`,
        );
      }
      await attesa(300);
      await f.ferma();

      const conta = (stato: number) => f.risposte.filter((r) => r.stato === stato).length;
      const lenta = Math.max(...f.risposte.map((r) => r.ms));
      t.diagnostic(
        `meanwhile 8 clients sent ${f.risposte.length}: ${conta(201)} × 201, ${conta(503)} × 503, the slowest ${lenta} ms`,
      );
      assert.ok(s.vivo(), `the process never exited: ${s.stderr()}`);
      assert.deepEqual(
        [...new Set(f.risposte.map((r) => r.stato))].sort(),
        [201, 503],
        'every one answered 201 or 503, and some of each',
      );
      for (const r of f.risposte.filter((x) => x.stato === 503)) {
        assert.match(r.retryAfter ?? '', /^\d+$/);
      }
      assert.ok(lenta < LIMITE_FERMO_MS, `${lenta} ms`);

      // Every 201 is stored, whatever happened around it.
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      const { rows } = await c.query<{ id: string }>('SELECT id FROM richieste');
      await c.end();
      const salvate = new Set(rows.map((r) => r.id));
      for (const r of f.risposte.filter((x) => x.stato === 201)) {
        assert.ok(salvate.has(r.id), r.id);
      }
    },
  );

  it(
    'answers 503 within the timeouts while PostgreSQL hangs (SIGSTOP), and serves again when it goes on',
    LIMITE,
    async (t) => {
      assert.equal((await invia(s, richiesta())).stato, 201, 'a pooled connection to the server about to hang');
      fermati = await processiDelCluster(cluster.url);
      for (const pid of fermati) {
        process.kill(pid, 'SIGSTOP');
      }
      const [post, altra, s503] = await Promise.all([
        cronometra(() => invia(s, richiesta())),
        cronometra(() => invia(s, richiesta())),
        cronometra(() => salute(s)),
      ]);
      nonDisponibile(post.esito);
      nonDisponibile(altra.esito);
      nonDisponibile(s503.esito);
      const nuova = await cronometra(() => invia(s, richiesta()));
      nonDisponibile(nuova.esito);
      t.diagnostic(
        `PostgreSQL hung: POSTs answered 503 in ${post.ms} and ${altra.ms} ms, /api/salute in ${s503.ms} ms, ` +
          `the next POST in ${nuova.ms} ms`,
      );
      for (const x of [post, altra, s503, nuova]) {
        assert.ok(x.ms < LIMITE_BLOCCATO_MS, `${x.ms} ms`);
      }

      for (const pid of fermati) {
        continua(pid);
      }
      fermati = [];
      const dopo = await invia(s, richiesta());
      assert.equal(dopo.stato, 201, dopo.testo);
      assert.equal((await salute(s)).stato, 200);
      assert.ok(s.vivo(), 'the process never exited');
      const log = s.righe.map(json).filter((l) => l?.msg === 'richiesta');
      assert.deepEqual(
        new Set(log.map((l) => l!.statoHttp)),
        new Set([200, 201, 503]),
        'no 500 in the whole test, by the log',
      );
    },
  );
});

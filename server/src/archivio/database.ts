// The one way the server talks to its database, PostgreSQL or the embedded PGlite alike: queries with $1 parameters,
// transactions, and a database that stops answering turned into one error the routes answer 503 to.
import pg from 'pg';

/** Anything that runs a query: the database, or a transaction's connection. */
export interface Esecutore {
  query<R = Record<string, unknown>>(sql: string, parametri?: readonly unknown[]): Promise<R[]>;
}

export interface Database extends Esecutore {
  readonly motore: 'pglite' | 'postgresql';
  /** Runs `f` in one transaction: committed when it resolves, rolled back when it throws (the error goes on). */
  transazione<T>(f: (tx: Esecutore) => Promise<T>): Promise<T>;
  /** Whether the database answers now (the health route). */
  risponde(): Promise<boolean>;
  chiudi(): Promise<void>;
}

/**
 * The database could not be reached, went away or did not answer in time: nothing was committed by the operation
 * that met it, and trying again later is the remedy (the routes answer 503 with Retry-After).
 */
export class DatabaseNonDisponibile extends Error {
  constructor(causa: unknown) {
    super(`database non disponibile: ${(causa as Error)?.message ?? String(causa)}`, { cause: causa });
    this.name = 'DatabaseNonDisponibile';
  }
}

// SQLSTATE classes that mean "not now" rather than "wrong": 08 connection exception, 53 insufficient resources,
// 57 operator intervention (a shutdown, a statement timeout), 40 transaction rollback (serialization, deadlock).
const CLASSI_TRANSITORIE = ['08', '53', '57', '40'];
// What Node and node-postgres say when the server is away or silent.
const CODICI_RETE = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'];
const MESSAGGI_RETE = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /client has encountered a connection error/i,
  /connection is closed/i,
  /cannot use a pool after calling end/i,
];

/** Whether an error means the database is unavailable (503) rather than a fault of the query (500). */
export function eNonDisponibile(e: unknown): boolean {
  if (e instanceof DatabaseNonDisponibile) {
    return true;
  }
  const codice = (e as { code?: unknown })?.code;
  if (typeof codice === 'string' && /^[0-9A-Z]{5}$/.test(codice) && CLASSI_TRANSITORIE.includes(codice.slice(0, 2))) {
    return true;
  }
  if (typeof codice === 'string' && CODICI_RETE.includes(codice)) {
    return true;
  }
  const messaggio = (e as Error)?.message ?? '';
  return MESSAGGI_RETE.some((m) => m.test(messaggio));
}

const traduci = (e: unknown): unknown => (eNonDisponibile(e) ? new DatabaseNonDisponibile(e) : e);

/** A Database over a node-postgres pool: a real PostgreSQL's, or PGlite's through its node-postgres adapter. */
export class DatabasePool implements Database {
  constructor(
    readonly motore: 'pglite' | 'postgresql',
    private readonly pool: pg.Pool,
    private readonly allaChiusura: () => Promise<void> = async () => {},
  ) {}

  async query<R>(sql: string, parametri: readonly unknown[] = []): Promise<R[]> {
    try {
      const r = await this.pool.query(sql, parametri as unknown[]);
      return r.rows as R[];
    } catch (e) {
      throw traduci(e);
    }
  }

  async transazione<T>(f: (tx: Esecutore) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw traduci(e);
    }
    // A connection that breaks while it is ours (PostgreSQL stopped between two statements) emits 'error', which
    // with no listener would end the process: the pool listens only to idle connections. The next statement on it
    // fails, and the connection is thrown away below.
    let persa = false;
    const segnaPersa = () => {
      persa = true;
    };
    client.on('error', segnaPersa);
    const tx: Esecutore = {
      query: async <R>(sql: string, parametri: readonly unknown[] = []) =>
        (await client.query(sql, parametri as unknown[])).rows as R[],
    };
    try {
      await client.query('BEGIN');
      const esito = await f(tx);
      await client.query('COMMIT');
      client.off('error', segnaPersa);
      client.release();
      return esito;
    } catch (e) {
      client.off('error', segnaPersa);
      // A connection that failed is thrown away, not handed to the next request; a healthy one is rolled back.
      let rotta = persa || eNonDisponibile(e);
      if (!rotta) {
        rotta = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
      }
      client.release(rotta ? (e as Error) : undefined);
      throw traduci(e);
    }
  }

  async risponde(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async chiudi(): Promise<void> {
    await this.pool.end();
    await this.allaChiusura();
  }
}

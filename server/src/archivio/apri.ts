// Opens the database the configuration names: a PostgreSQL server through node-postgres, or the embedded PGlite in
// ASSISTENZA_DATI (taken for this process alone), behind the same Database interface.
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DatabasePool, type Database } from './database.js';
import { prendiCartella } from './blocco.js';

export interface Registro {
  warn(o: object, messaggio: string): void;
  error(o: object, messaggio: string): void;
}

/** How long a request waits for a connection and for a statement before the database counts as unavailable. */
export const ATTESA_CONNESSIONE_MS = 3000;
export const ATTESA_QUERY_MS = 5000;

/** A PostgreSQL server's pool: bounded waits everywhere, so a server that stops answering never hangs a request. */
export function apriPostgres(url: string, registro: Registro, massimo = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: massimo,
    connectionTimeoutMillis: ATTESA_CONNESSIONE_MS,
    idleTimeoutMillis: 10_000,
    // A server that stops answering mid-statement: the client gives up a little after PostgreSQL would have.
    query_timeout: ATTESA_QUERY_MS + 500,
    statement_timeout: ATTESA_QUERY_MS,
    application_name: 'assistenza-tecnica-server',
  });
  // A connection broken while idle (PostgreSQL restarted): without a listener it would stop the process.
  pool.on('error', (e) => registro.warn({ errore: e.message }, 'connessione a PostgreSQL persa: verrà riaperta'));
  return new DatabasePool('postgresql', pool);
}

/**
 * The embedded PostgreSQL (PGlite) in `cartella`, created on the first start. The folder is taken for this process
 * first (see blocco.ts); PGlite is one connection, so the pool has one client and transactions queue for it.
 */
export async function apriPglite(cartella: string): Promise<Database> {
  mkdirSync(cartella, { recursive: true });
  const reale = realpathSync(cartella);
  const blocco = await prendiCartella(reale);
  let pglite: PGlite;
  try {
    pglite = new PGlite(join(reale, 'pglite'));
    await pglite.waitReady;
  } catch (e) {
    await blocco.rilascia();
    throw e;
  }
  // Waiting for the one connection is queueing behind other requests, not a database away: a longer wait.
  const pool = new pg.Pool({
    ...createPgConfig(pglite),
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 30_000,
  });
  return new DatabasePool('pglite', pool, async () => {
    await pglite.close();
    await blocco.rilascia();
  });
}

// Applies the migrations not yet applied, each in its own transaction with its row in `migrazioni`. Instances starting
// at once on one PostgreSQL take turns on an advisory lock, so each migration runs exactly once.
import type { Database } from './database.js';
import { MIGRAZIONI, type Migrazione } from './migrazioni/index.js';

// The advisory lock's key: any constant this application alone uses.
const CHIAVE_BLOCCO = 727_011_601;

export interface RegistroMigrazioni {
  info(o: object, messaggio: string): void;
}

/** Applies what is missing; returns the versions applied now. */
export async function applicaMigrazioni(
  db: Database,
  registro: RegistroMigrazioni,
  migrazioni: Migrazione[] = MIGRAZIONI,
): Promise<number[]> {
  // Under the lock too: two CREATE TABLE IF NOT EXISTS at once can both try to create it.
  await db.transazione(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHIAVE_BLOCCO]);
    await tx.query(`CREATE TABLE IF NOT EXISTS migrazioni (
      versione integer PRIMARY KEY,
      nome text NOT NULL,
      applicata_il timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applicate: number[] = [];
  for (const m of migrazioni) {
    const nuova = await db.transazione(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHIAVE_BLOCCO]);
      const gia = await tx.query('SELECT 1 FROM migrazioni WHERE versione = $1', [m.versione]);
      if (gia.length > 0) {
        return false;
      }
      // No parameters: the simple protocol runs the file's several statements.
      await tx.query(m.sql);
      await tx.query('INSERT INTO migrazioni (versione, nome) VALUES ($1, $2)', [m.versione, m.nome]);
      return true;
    });
    if (nuova) {
      applicate.push(m.versione);
      registro.info({ versione: m.versione, nome: m.nome }, 'migrazione applicata');
    }
  }
  return applicate;
}

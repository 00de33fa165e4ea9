// SQL of the retention: its limit in months on Rome's calendar, the purge's advisory lock, the expired requests and
// unnamed uploads a batch at a time, and deleting requests with everything that hangs on them.
import type { Esecutore } from './database.js';
import { dimenticaRichieste } from './registro.js';

/** The purge's advisory lock: any constant this application alone uses (the migrations' is 727_011_601). */
export const CHIAVE_CONSERVAZIONE = 727_011_605;

/**
 * `ora` less `mesi` months on Rome's calendar, at the same time of day: 31 March less one month is the last day of
 * February. PostgreSQL counts it, so every instance and engine finds the same limit.
 */
export async function menoMesi(q: Esecutore, ora: Date, mesi: number): Promise<Date> {
  const [r] = await q.query<{ limite: Date }>(
    `SELECT (($1::timestamptz AT TIME ZONE 'Europe/Rome') - make_interval(months => $2)) AT TIME ZONE 'Europe/Rome'
       AS limite`,
    [ora, mesi],
  );
  return r.limite;
}

/**
 * Takes the purge's lock until this transaction ends, unless another transaction holds it (another instance's purge,
 * on the same PostgreSQL): false then, at once, without waiting.
 */
export async function prendiBlocco(tx: Esecutore): Promise<boolean> {
  const [r] = await tx.query<{ preso: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS preso', [
    CHIAVE_CONSERVAZIONE,
  ]);
  return r.preso;
}

/**
 * Up to `quante` requests solved or closed since before `limite`, the longest solved first, locked until the
 * transaction ends; a request another transaction holds (an operator answering it) is left for the next purge.
 */
export async function concluseDa(tx: Esecutore, limite: Date, quante: number): Promise<string[]> {
  const righe = await tx.query<{ id: string }>(
    `SELECT id FROM richieste WHERE conclusa_dal < $1 ORDER BY conclusa_dal LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [limite, quante],
  );
  return righe.map((r) => r.id);
}

/** What a deletion removed, table by table; `vociRegistro` are the record's entries that forgot a request's id. */
export interface Cancellati {
  richieste: number;
  messaggi: number;
  allegati: number;
  posta: number;
  vociRegistro: number;
}

/**
 * Deletes these requests, locked by the caller. Their threads, attachments, mails and whatever else names a request
 * go with them by ON DELETE CASCADE (a table added later too); the counts are of the tables known here. The record
 * keeps its entries about them, with the numero and without the id.
 */
export async function cancellaRichieste(tx: Esecutore, id: string[]): Promise<Cancellati> {
  if (id.length === 0) {
    return { richieste: 0, messaggi: 0, allegati: 0, posta: 0, vociRegistro: 0 };
  }
  // The rows are locked: no message, file or mail can be added to these requests before the delete.
  const [figli] = await tx.query<Omit<Cancellati, 'richieste' | 'vociRegistro'>>(
    `SELECT (SELECT count(*)::int FROM messaggi WHERE richiesta = ANY($1::uuid[])) AS messaggi,
       (SELECT count(*)::int FROM allegati WHERE richiesta = ANY($1::uuid[])) AS allegati,
       (SELECT count(*)::int FROM posta WHERE richiesta = ANY($1::uuid[])) AS posta`,
    [id],
  );
  const vociRegistro = await dimenticaRichieste(tx, id);
  const cancellate = await tx.query('DELETE FROM richieste WHERE id = ANY($1::uuid[]) RETURNING id', [id]);
  return { richieste: cancellate.length, ...figli, vociRegistro };
}

/** Deletes up to `quante` uploads no request names, uploaded before `caricatiPrima`; how many it deleted. */
export async function cancellaAllegatiNonUsati(tx: Esecutore, caricatiPrima: Date, quante: number): Promise<number> {
  const righe = await tx.query(
    `DELETE FROM allegati WHERE id IN (
       SELECT id FROM allegati WHERE richiesta IS NULL AND caricato_il < $1
       ORDER BY caricato_il LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [caricatiPrima, quante],
  );
  return righe.length;
}

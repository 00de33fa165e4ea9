// SQL of the uploads: stored once by id, their metadata (without the bytes), the bytes for a download, the link to
// the request that names them, and a user's uploads that no request names.
import type { Esecutore } from './database.js';
import { raggruppa } from './messaggi.js';

export interface RigaAllegato {
  id: string;
  utente: string | null;
  nome: string;
  tipo: string;
  dimensione: number;
  impronta: string;
  caricatoIl: Date;
  richiesta: string | null;
  posizione: number | null;
}

const COLONNE = `id, utente, nome, tipo, dimensione, impronta, caricato_il AS "caricatoIl", richiesta, posizione`;

export type NuovoAllegato = Pick<RigaAllegato, 'id' | 'utente' | 'nome' | 'tipo' | 'dimensione' | 'impronta'> & {
  contenuto: Buffer;
};

/** Stores the upload unless its id is taken: true when stored. */
export async function inserisci(tx: Esecutore, a: NuovoAllegato): Promise<boolean> {
  const righe = await tx.query(
    `INSERT INTO allegati (id, utente, nome, tipo, dimensione, impronta, contenuto)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [a.id, a.utente, a.nome, a.tipo, a.dimensione, a.impronta, a.contenuto],
  );
  return righe.length > 0;
}

export async function leggi(q: Esecutore, id: string): Promise<RigaAllegato | undefined> {
  const [a] = await q.query<RigaAllegato>(`SELECT ${COLONNE} FROM allegati WHERE id = $1`, [id]);
  return a;
}

/** These uploads, locked until the transaction ends: two requests cannot both take one. */
export async function perAssegnare(tx: Esecutore, id: string[]): Promise<RigaAllegato[]> {
  return tx.query<RigaAllegato>(`SELECT ${COLONNE} FROM allegati WHERE id = ANY($1::uuid[]) FOR UPDATE`, [id]);
}

/** Gives the uploads to a request, in the order it names them. */
export async function assegna(tx: Esecutore, richiesta: string, id: string[]): Promise<void> {
  await tx.query(
    `UPDATE allegati SET richiesta = $1, posizione = posizioni.n
     FROM unnest($2::uuid[]) WITH ORDINALITY AS posizioni (id, n)
     WHERE allegati.id = posizioni.id`,
    [richiesta, id],
  );
}

/** Adds these files to a request's, after the ones it has (a user's reply by mail brings more). */
export async function aggiungiARichiesta(tx: Esecutore, richiesta: string, id: string[]): Promise<void> {
  await tx.query(
    `UPDATE allegati SET richiesta = $1, posizione = prima.n + posizioni.n
     FROM unnest($2::uuid[]) WITH ORDINALITY AS posizioni (id, n),
       (SELECT coalesce(max(posizione), 0) AS n FROM allegati WHERE richiesta = $1) prima
     WHERE allegati.id = posizioni.id`,
    [richiesta, id],
  );
}

/** The uploads of these requests, each in its request's order. */
export async function diRichieste(q: Esecutore, richieste: string[]): Promise<Map<string, RigaAllegato[]>> {
  const righe = await q.query<RigaAllegato>(
    `SELECT ${COLONNE} FROM allegati WHERE richiesta = ANY($1::uuid[]) ORDER BY posizione`,
    [richieste],
  );
  return raggruppa(righe, (a) => a.richiesta ?? '');
}

/** An upload with its bytes, for a download. */
export async function contenuto(q: Esecutore, id: string): Promise<(RigaAllegato & { contenuto: Buffer }) | undefined> {
  const [a] = await q.query<RigaAllegato & { contenuto: Buffer }>(
    `SELECT ${COLONNE}, contenuto FROM allegati WHERE id = $1`,
    [id],
  );
  return a;
}

/** A user's uploads that no request names, oldest first. */
export async function nonUsatiDi(q: Esecutore, utente: string): Promise<RigaAllegato[]> {
  return q.query<RigaAllegato>(
    `SELECT ${COLONNE} FROM allegati WHERE utente = $1 AND richiesta IS NULL ORDER BY caricato_il, id`,
    [utente],
  );
}

/** Deletes a user's uploads that no request names; how many. */
export async function cancellaNonUsatiDi(tx: Esecutore, utente: string): Promise<number> {
  const righe = await tx.query('DELETE FROM allegati WHERE utente = $1 AND richiesta IS NULL RETURNING id', [utente]);
  return righe.length;
}

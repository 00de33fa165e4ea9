// SQL of the help desk's operators, their sessions and the failed logins that lock a name or an address.
import type { Esecutore } from './database.js';

export type Ruolo = 'operatore' | 'amministratore';

export interface RigaOperatore {
  utente: string;
  nome: string;
  ruolo: Ruolo;
  password: string;
  creatoIl: Date;
}

const COLONNE = `utente, nome, ruolo, password, creato_il AS "creatoIl"`;

export async function conta(q: Esecutore): Promise<number> {
  const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM operatori');
  return r.n;
}

/** Inserts the operator unless the name is taken: true when inserted. */
export async function inserisci(tx: Esecutore, o: Omit<RigaOperatore, 'creatoIl'>): Promise<boolean> {
  const righe = await tx.query(
    `INSERT INTO operatori (utente, nome, ruolo, password) VALUES ($1, $2, $3, $4)
     ON CONFLICT (utente) DO NOTHING RETURNING utente`,
    [o.utente, o.nome, o.ruolo, o.password],
  );
  return righe.length > 0;
}

export async function leggi(q: Esecutore, utente: string): Promise<RigaOperatore | undefined> {
  const [o] = await q.query<RigaOperatore>(`SELECT ${COLONNE} FROM operatori WHERE utente = $1`, [utente]);
  return o;
}

export async function tutti(q: Esecutore): Promise<RigaOperatore[]> {
  return q.query<RigaOperatore>(`SELECT ${COLONNE} FROM operatori ORDER BY utente`);
}

/** The administrators, locked until the transaction ends: two removals at once cannot leave none. */
export async function amministratoriPerAggiornare(tx: Esecutore): Promise<string[]> {
  const righe = await tx.query<{ utente: string }>(
    `SELECT utente FROM operatori WHERE ruolo = 'amministratore' ORDER BY utente FOR UPDATE`,
  );
  return righe.map((r) => r.utente);
}

/** Removes the operator; their sessions go with them (ON DELETE CASCADE). */
export async function rimuovi(tx: Esecutore, utente: string): Promise<boolean> {
  const righe = await tx.query('DELETE FROM operatori WHERE utente = $1 RETURNING utente', [utente]);
  return righe.length > 0;
}

export async function apriSessione(tx: Esecutore, impronta: string, operatore: string): Promise<void> {
  await tx.query('INSERT INTO sessioni (impronta, operatore) VALUES ($1, $2)', [impronta, operatore]);
}

/**
 * The operator of a session used within the last `inattivitaS` seconds, its use noted now; undefined for an
 * unknown or expired session (an expired one is removed).
 */
export async function usaSessione(q: Esecutore, impronta: string, inattivitaS: number) {
  const [o] = await q.query<Omit<RigaOperatore, 'password'>>(
    `UPDATE sessioni s SET usata_il = now()
     FROM operatori o
     WHERE s.impronta = $1 AND o.utente = s.operatore AND s.usata_il > now() - make_interval(secs => $2)
     RETURNING o.utente, o.nome, o.ruolo, o.creato_il AS "creatoIl"`,
    [impronta, inattivitaS],
  );
  if (o === undefined) {
    await q.query('DELETE FROM sessioni WHERE impronta = $1', [impronta]);
  }
  return o;
}

export async function chiudiSessione(tx: Esecutore, impronta: string): Promise<string | undefined> {
  const [r] = await tx.query<{ operatore: string }>('DELETE FROM sessioni WHERE impronta = $1 RETURNING operatore', [
    impronta,
  ]);
  return r?.operatore;
}

export async function annotaFallimento(tx: Esecutore, utente: string, indirizzo: string): Promise<void> {
  await tx.query('INSERT INTO accessi_falliti (utente, indirizzo) VALUES ($1, $2)', [utente, indirizzo]);
}

/** The times of the failures within the window, newest first, for a name and for an address. */
export async function fallimentiRecenti(q: Esecutore, utente: string, indirizzo: string, finestraS: number) {
  const righe = await q.query<{ utente: string; indirizzo: string; il: Date }>(
    `SELECT utente, indirizzo, il FROM accessi_falliti
     WHERE (utente = $1 OR indirizzo = $2) AND il > now() - make_interval(secs => $3)
     ORDER BY il DESC`,
    [utente, indirizzo, finestraS],
  );
  return {
    perUtente: righe.filter((r) => r.utente === utente).map((r) => r.il),
    perIndirizzo: righe.filter((r) => r.indirizzo === indirizzo).map((r) => r.il),
  };
}

/** A successful login forgets the name's failures (the address's stay: offices share one). */
export async function dimenticaFallimenti(tx: Esecutore, utente: string): Promise<void> {
  await tx.query('DELETE FROM accessi_falliti WHERE utente = $1', [utente]);
}

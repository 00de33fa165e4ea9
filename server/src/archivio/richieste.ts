// SQL of the requests table: insert once by id, read one, a user's page, every request for the help desk, state.
import type { Esecutore } from './database.js';
import type { StatoRichiesta } from '../../../src/elenco.js';

/** A request as stored. */
export interface RigaRichiesta {
  id: string;
  numero: number;
  utente: string | null;
  impronta: string;
  cognome: string;
  nome: string;
  email: string | null;
  telefono: string | null;
  rispostaViaEmail: boolean;
  descrizione: string;
  praticaTipologia: string | null;
  praticaNumero: string | null;
  scrittaIl: Date;
  ricevutaIl: Date;
  stato: StatoRichiesta;
  aggiornataIl: Date;
  risoltaIl: Date | null;
}

const COLONNE = `id, numero::float8 AS numero, utente, impronta, cognome, nome, email, telefono,
  risposta_via_email AS "rispostaViaEmail", descrizione, pratica_tipologia AS "praticaTipologia",
  pratica_numero AS "praticaNumero", scritta_il AS "scrittaIl", ricevuta_il AS "ricevutaIl", stato,
  aggiornata_il AS "aggiornataIl", risolta_il AS "risoltaIl"`;

export type NuovaRiga = Omit<RigaRichiesta, 'numero' | 'ricevutaIl' | 'stato' | 'aggiornataIl' | 'risoltaIl'>;

/**
 * Inserts the request unless its id is taken; returns its numero, or undefined when the id was there already (then
 * the caller reads the stored one). A concurrent insert of the same id waits for the first to commit or roll back.
 */
export async function inserisci(tx: Esecutore, r: NuovaRiga): Promise<number | undefined> {
  const righe = await tx.query<{ numero: number }>(
    `INSERT INTO richieste (id, utente, impronta, cognome, nome, email, telefono, risposta_via_email, descrizione,
       pratica_tipologia, pratica_numero, scritta_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO NOTHING
     RETURNING numero::float8 AS numero`,
    [
      r.id,
      r.utente,
      r.impronta,
      r.cognome,
      r.nome,
      r.email,
      r.telefono,
      r.rispostaViaEmail,
      r.descrizione,
      r.praticaTipologia,
      r.praticaNumero,
      r.scrittaIl,
    ],
  );
  return righe[0]?.numero;
}

export async function leggi(q: Esecutore, id: string, perAggiornare = false): Promise<RigaRichiesta | undefined> {
  const blocco = perAggiornare ? ' FOR UPDATE' : '';
  const [r] = await q.query<RigaRichiesta>(`SELECT ${COLONNE} FROM richieste WHERE id = $1${blocco}`, [id]);
  return r;
}

/** A user's requests numbered below `primaDi`, newest first, at most `quante`. */
export async function diUtente(
  q: Esecutore,
  utente: string,
  primaDi: number,
  quante: number,
): Promise<RigaRichiesta[]> {
  return q.query<RigaRichiesta>(
    `SELECT ${COLONNE} FROM richieste WHERE utente = $1 AND numero < $2 ORDER BY numero DESC LIMIT $3`,
    [utente, primaDi, quante],
  );
}

/** Every request, newest first (the help desk's list). */
export async function tutte(q: Esecutore): Promise<RigaRichiesta[]> {
  return q.query<RigaRichiesta>(`SELECT ${COLONNE} FROM richieste ORDER BY numero DESC`);
}

/** Sets the state, moves aggiornataIl, and notes the first resolution. */
export async function cambiaStato(tx: Esecutore, id: string, stato: StatoRichiesta): Promise<void> {
  await tx.query(
    `UPDATE richieste SET stato = $2, aggiornata_il = now(),
       risolta_il = CASE WHEN risolta_il IS NULL AND $2 IN ('risolta', 'chiusa') THEN now() ELSE risolta_il END
     WHERE id = $1`,
    [id, stato],
  );
}

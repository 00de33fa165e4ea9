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
  /** When the help desk last wrote in the thread. */
  ultimaAssistenzaIl: Date | null;
  /** Since when it waits for the help desk: its arrival, or the user's first message after the help desk's last. */
  inAttesaDal: Date | null;
  /** Since when it has been risolta or chiusa without a break (a trigger keeps it); null while open. */
  conclusaDal: Date | null;
  /** When an administrator anonymised it. */
  anonimizzataIl: Date | null;
}

const COLONNE = `id, numero::float8 AS numero, utente, impronta, cognome, nome, email, telefono,
  risposta_via_email AS "rispostaViaEmail", descrizione, pratica_tipologia AS "praticaTipologia",
  pratica_numero AS "praticaNumero", scritta_il AS "scrittaIl", ricevuta_il AS "ricevutaIl", stato,
  aggiornata_il AS "aggiornataIl", risolta_il AS "risoltaIl", ultima_assistenza_il AS "ultimaAssistenzaIl",
  in_attesa_dal AS "inAttesaDal", conclusa_dal AS "conclusaDal", anonimizzata_il AS "anonimizzataIl"`;

export type NuovaRiga = Omit<
  RigaRichiesta,
  | 'numero'
  | 'ricevutaIl'
  | 'stato'
  | 'aggiornataIl'
  | 'risoltaIl'
  | 'ultimaAssistenzaIl'
  | 'inAttesaDal'
  | 'conclusaDal'
  | 'anonimizzataIl'
>;

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

/** The request of this numero (a reply address names it). */
export async function perNumero(q: Esecutore, numero: number): Promise<RigaRichiesta | undefined> {
  const [r] = await q.query<RigaRichiesta>(`SELECT ${COLONNE} FROM richieste WHERE numero = $1`, [numero]);
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

/** All of a user's requests, oldest first (their export). */
export async function tutteDiUtente(q: Esecutore, utente: string): Promise<RigaRichiesta[]> {
  return q.query<RigaRichiesta>(`SELECT ${COLONNE} FROM richieste WHERE utente = $1 ORDER BY numero`, [utente]);
}

/** A user's requests, locked until the transaction ends (their erasure or anonymisation): id and numero, oldest first. */
export async function diUtentePerAggiornare(tx: Esecutore, utente: string): Promise<{ id: string; numero: number }[]> {
  return tx.query<{ id: string; numero: number }>(
    'SELECT id, numero::float8 AS numero FROM richieste WHERE utente = $1 ORDER BY numero FOR UPDATE',
    [utente],
  );
}

/** Sets the state, moves aggiornataIl, and notes the first resolution (conclusa_dal follows, by its trigger). */
export async function cambiaStato(tx: Esecutore, id: string, stato: StatoRichiesta): Promise<void> {
  await tx.query(
    `UPDATE richieste SET stato = $2, aggiornata_il = now(),
       risolta_il = CASE WHEN risolta_il IS NULL AND $2 IN ('risolta', 'chiusa') THEN now() ELSE risolta_il END
     WHERE id = $1`,
    [id, stato],
  );
}

/**
 * A message in the thread moves the queue: the help desk's ends the wait for it; the user's starts one, unless the
 * request is waiting already (then it keeps waiting since the earlier time).
 */
export async function notaMessaggio(tx: Esecutore, id: string, autore: 'utente' | 'assistenza'): Promise<void> {
  if (autore === 'assistenza') {
    await tx.query('UPDATE richieste SET ultima_assistenza_il = now(), in_attesa_dal = NULL WHERE id = $1', [id]);
  } else {
    await tx.query('UPDATE richieste SET in_attesa_dal = coalesce(in_attesa_dal, now()) WHERE id = $1', [id]);
  }
}

/** A request as the help desk's queue lists it. */
export interface VoceCoda {
  id: string;
  numero: number;
  stato: StatoRichiesta;
  utente: string | null;
  cognome: string;
  nome: string;
  email: string | null;
  praticaTipologia: string | null;
  praticaNumero: string | null;
  anteprima: string;
  ricevutaIl: Date;
  aggiornataIl: Date;
  inAttesaDal: Date | null;
  /** The user wrote since the help desk last did (or since arrival, when it never did). */
  nuovaRispostaUtente: boolean;
  messaggi: number;
  allegati: number;
  anonimizzataIl: Date | null;
}

export interface FiltroCoda {
  stato?: StatoRichiesta;
  /** A numero, or words in the name, the email, the description or the thread (any case). */
  cerca?: string;
  limite: number;
}

// Open and waiting for the help desk first (the longest wait at the top), then open ones waiting for the user (the
// oldest activity first), then solved and closed ones (the newest first).
const ORDINE_CODA = `
  CASE
    WHEN r.stato IN ('risolta', 'chiusa') THEN 2
    WHEN r.stato <> 'attesa-utente' AND r.in_attesa_dal IS NOT NULL THEN 0
    ELSE 1
  END,
  CASE WHEN r.stato NOT IN ('risolta', 'chiusa') AND r.stato <> 'attesa-utente' THEN r.in_attesa_dal END,
  CASE WHEN r.stato NOT IN ('risolta', 'chiusa') THEN r.aggiornata_il END,
  r.aggiornata_il DESC,
  r.numero DESC`;

/** The help desk's queue, filtered by state and words. */
export async function coda(q: Esecutore, f: FiltroCoda): Promise<{ voci: VoceCoda[]; totale: number }> {
  const cerca = f.cerca?.trim() || null;
  const simile = cerca === null ? null : `%${cerca.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const righe = await q.query<VoceCoda & { totale: number }>(
    `SELECT r.id, r.numero::float8 AS numero, r.stato, r.utente, r.cognome, r.nome, r.email,
       r.pratica_tipologia AS "praticaTipologia", r.pratica_numero AS "praticaNumero",
       left(r.descrizione, 300) AS anteprima, r.ricevuta_il AS "ricevutaIl", r.aggiornata_il AS "aggiornataIl",
       r.in_attesa_dal AS "inAttesaDal", r.anonimizzata_il AS "anonimizzataIl",
       EXISTS (SELECT 1 FROM messaggi m WHERE m.richiesta = r.id AND m.autore = 'utente'
               AND m.ricevuto_il > coalesce(r.ultima_assistenza_il, r.ricevuta_il)) AS "nuovaRispostaUtente",
       (SELECT count(*)::int FROM messaggi m WHERE m.richiesta = r.id) AS messaggi,
       (SELECT count(*)::int FROM allegati a WHERE a.richiesta = r.id) AS allegati,
       count(*) OVER ()::int AS totale
     FROM richieste r
     WHERE ($1::text IS NULL OR r.stato = $1)
       AND ($2::text IS NULL
            OR r.numero::text = $2
            OR r.cognome || ' ' || r.nome ILIKE $3
            OR r.nome || ' ' || r.cognome ILIKE $3
            OR r.email ILIKE $3
            OR r.descrizione ILIKE $3
            OR EXISTS (SELECT 1 FROM messaggi m WHERE m.richiesta = r.id AND m.testo ILIKE $3))
     ORDER BY ${ORDINE_CODA}
     LIMIT $4`,
    [f.stato ?? null, cerca, simile, f.limite],
  );
  return { voci: righe.map(({ totale: _, ...v }) => v), totale: righe[0]?.totale ?? 0 };
}

/** How many requests are in each state. */
export async function conteggi(q: Esecutore): Promise<Record<StatoRichiesta, number>> {
  const righe = await q.query<{ stato: StatoRichiesta; n: number }>(
    'SELECT stato, count(*)::int AS n FROM richieste GROUP BY stato',
  );
  const c: Record<StatoRichiesta, number> = {
    ricevuta: 0,
    'in-lavorazione': 0,
    'attesa-utente': 0,
    risolta: 0,
    chiusa: 0,
  };
  for (const r of righe) {
    c[r.stato] = r.n;
  }
  return c;
}

/** An open request waiting for the help desk, as the response times list it. */
export interface VoceInAttesa {
  id: string;
  numero: number;
  stato: StatoRichiesta;
  cognome: string;
  nome: string;
  inAttesaDal: Date;
}

/**
 * The `limite` requests waiting longest for the help desk now: the queue's first group in the queue's order, found
 * through the index of the open requests' wait (richieste_in_attesa).
 */
export async function piuInAttesa(q: Esecutore, limite: number): Promise<VoceInAttesa[]> {
  return q.query<VoceInAttesa>(
    `SELECT r.id, r.numero::float8 AS numero, r.stato, r.cognome, r.nome, r.in_attesa_dal AS "inAttesaDal"
     FROM richieste r
     WHERE r.stato NOT IN ('risolta', 'chiusa') AND r.stato <> 'attesa-utente' AND r.in_attesa_dal IS NOT NULL
     ORDER BY r.in_attesa_dal, r.aggiornata_il, r.numero DESC
     LIMIT $1`,
    [limite],
  );
}

// SQL of the record of operator actions: appended in the same transaction as the action, read newest first; a deleted
// request's entries keep its numero and forget its id.
import type { Esecutore } from './database.js';

export const AZIONI = [
  'accesso',
  'accesso-fallito',
  'accesso-bloccato',
  'uscita',
  'risposta',
  'cambio-stato',
  'download',
  'posta-reinviata',
  'operatore-aggiunto',
  'operatore-rimosso',
  'dati-esportati',
  'utente-cancellato',
  'utente-anonimizzato',
] as const;
export type Azione = (typeof AZIONI)[number];

export interface VoceRegistro {
  id: number;
  il: Date;
  operatore: string | null;
  azione: Azione;
  richiesta: string | null;
  numero: number | null;
  dettagli: Record<string, unknown>;
}

export type NuovaVoce = Pick<VoceRegistro, 'operatore' | 'azione'> &
  Partial<Pick<VoceRegistro, 'richiesta' | 'numero' | 'dettagli'>>;

export async function annota(tx: Esecutore, v: NuovaVoce): Promise<void> {
  await tx.query('INSERT INTO registro (operatore, azione, richiesta, numero, dettagli) VALUES ($1, $2, $3, $4, $5)', [
    v.operatore,
    v.azione,
    v.richiesta ?? null,
    v.numero ?? null,
    JSON.stringify(v.dettagli ?? {}),
  ]);
}

export interface FiltroRegistro {
  operatore?: string;
  richiesta?: string;
  /** Only entries older than this id (the next page). */
  primaDi?: number;
  quante: number;
}

/** Entries newest first, filtered by operator and by request. */
export async function leggi(q: Esecutore, f: FiltroRegistro): Promise<VoceRegistro[]> {
  return q.query<VoceRegistro>(
    `SELECT id::float8 AS id, il, operatore, azione, richiesta, numero::float8 AS numero, dettagli FROM registro
     WHERE ($1::text IS NULL OR operatore = $1)
       AND ($2::uuid IS NULL OR richiesta = $2)
       AND ($3::bigint IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [f.operatore ?? null, f.richiesta ?? null, f.primaDi ?? null, f.quante],
  );
}

/**
 * The entries of these requests (about to be deleted) keep their numero and lose the request's id: the record stays,
 * naming nothing the database still holds. The trigger lets the record change in this transaction only, and only here.
 */
export async function dimenticaRichieste(tx: Esecutore, richieste: string[]): Promise<number> {
  await tx.query("SELECT set_config('assistenza.registro_modificabile', 'si', true)");
  const righe = await tx.query('UPDATE registro SET richiesta = NULL WHERE richiesta = ANY($1::uuid[]) RETURNING id', [
    richieste,
  ]);
  await tx.query("SELECT set_config('assistenza.registro_modificabile', '', true)");
  return righe.length;
}

// SQL of the portal's users as the help desk finds them (the token's `sub` their requests were sent under), and of
// anonymising their requests.
import type { Esecutore } from './database.js';

/** A user whose id, name or email matched, with what the server holds of them. */
export interface UtenteTrovato {
  utente: string;
  /** "Nome Cognome" as typed in their requests, each once. */
  nomi: string[];
  /** The emails typed in their requests, each once. */
  email: string[];
  richieste: number;
  /** Their uploads that no request names (yet). */
  allegatiNonUsati: number;
  /** When their latest request arrived; null when they have only uploads. */
  ultimaIl: Date | null;
}

/** The users whose id, a name or an email typed in one of their requests contains `testo` (any case). */
export async function cerca(
  q: Esecutore,
  testo: string,
  limite: number,
): Promise<{ utenti: UtenteTrovato[]; totale: number }> {
  const simile = `%${testo.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const righe = await q.query<UtenteTrovato & { totale: number }>(
    `WITH trovati AS (
       SELECT utente FROM richieste
       WHERE utente IS NOT NULL
         AND (utente ILIKE $1 OR cognome || ' ' || nome ILIKE $1 OR nome || ' ' || cognome ILIKE $1 OR email ILIKE $1)
       UNION
       SELECT utente FROM allegati WHERE utente IS NOT NULL AND richiesta IS NULL AND utente ILIKE $1
     )
     SELECT t.utente,
       coalesce(array_agg(DISTINCT r.nome || ' ' || r.cognome) FILTER (WHERE r.id IS NOT NULL), '{}') AS nomi,
       coalesce(array_agg(DISTINCT r.email) FILTER (WHERE r.email IS NOT NULL), '{}') AS email,
       count(r.id)::int AS richieste,
       (SELECT count(*)::int FROM allegati a WHERE a.utente = t.utente AND a.richiesta IS NULL) AS "allegatiNonUsati",
       max(r.ricevuta_il) AS "ultimaIl",
       count(*) OVER ()::int AS totale
     FROM trovati t LEFT JOIN richieste r ON r.utente = t.utente
     GROUP BY t.utente
     ORDER BY t.utente = $2 DESC, max(r.ricevuta_il) DESC NULLS LAST, t.utente
     LIMIT $3`,
    [simile, testo, limite],
  );
  return { utenti: righe.map(({ totale: _, ...u }) => u), totale: righe[0]?.totale ?? 0 };
}

/** What anonymising removed. */
export interface Anonimizzati {
  messaggi: number;
  allegati: number;
  posta: number;
}

/**
 * Anonymises these requests, locked by the caller: no user, names, contacts, practice, description or fingerprint;
 * the thread's texts emptied (its messages, times, authors and states kept); their files, mails and the
 * Message-IDs of the user's mails deleted. The
 * request's times and states stay, so the queue's counts and the statistics still count it.
 */
export async function anonimizza(tx: Esecutore, id: string[]): Promise<Anonimizzati> {
  await tx.query(
    `UPDATE richieste SET utente = NULL, impronta = '', cognome = '', nome = '', email = NULL, telefono = NULL,
       risposta_via_email = false, descrizione = '', pratica_tipologia = NULL, pratica_numero = NULL,
       anonimizzata_il = now()
     WHERE id = ANY($1::uuid[])`,
    [id],
  );
  const messaggi = await tx.query(
    `UPDATE messaggi SET testo = '', utente = NULL, impronta = NULL, inviata_via_mail_a = NULL
     WHERE richiesta = ANY($1::uuid[]) RETURNING id`,
    [id],
  );
  const allegati = await tx.query('DELETE FROM allegati WHERE richiesta = ANY($1::uuid[]) RETURNING id', [id]);
  const posta = await tx.query('DELETE FROM posta WHERE richiesta = ANY($1::uuid[]) RETURNING id', [id]);
  // The Message-IDs of the user's replies by mail name their mail system: they go, the messages stay emptied.
  await tx.query('DELETE FROM posta_ricevuta WHERE richiesta = ANY($1::uuid[])', [id]);
  return { messaggi: messaggi.length, allegati: allegati.length, posta: posta.length };
}

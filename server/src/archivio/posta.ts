// SQL of the mail: the outbox (the help desk's replies to requests that asked for the answer by mail, each written with
// its Message-ID and threading, taken by the workers under a lease, marked sent or failed) and the Message-IDs of the
// users' replies received by mail.
import type { Esecutore } from './database.js';

export type StatoPosta = 'da-inviare' | 'inviata' | 'fallita';

export interface RigaPosta {
  id: string;
  richiesta: string;
  messaggio: string;
  destinatario: string;
  oggetto: string;
  testo: string;
  scrittaIl: Date;
  messageId: string;
  inReplyTo: string | null;
  riferimenti: string[];
  stato: StatoPosta;
  prossimoTentativoIl: Date | null;
  tentativi: number;
  inErroreDal: Date | null;
  motivo: string | null;
  inviataIl: Date | null;
}

const COLONNE = `id, richiesta, messaggio, destinatario, oggetto, testo, scritta_il AS "scrittaIl",
  message_id AS "messageId", in_reply_to AS "inReplyTo", riferimenti, stato,
  prossimo_tentativo_il AS "prossimoTentativoIl", tentativi, in_errore_dal AS "inErroreDal", motivo,
  inviata_il AS "inviataIl"`;

export type NuovaPosta = Pick<
  RigaPosta,
  'id' | 'richiesta' | 'messaggio' | 'destinatario' | 'oggetto' | 'testo' | 'messageId' | 'inReplyTo' | 'riferimenti'
> & { dovutaIl: Date };

export async function scrivi(tx: Esecutore, p: NuovaPosta): Promise<void> {
  await tx.query(
    `INSERT INTO posta (id, richiesta, messaggio, destinatario, oggetto, testo, message_id, in_reply_to, riferimenti,
       prossimo_tentativo_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      p.id,
      p.richiesta,
      p.messaggio,
      p.destinatario,
      p.oggetto,
      p.testo,
      p.messageId,
      p.inReplyTo,
      p.riferimenti,
      p.dovutaIl,
    ],
  );
}

/** The mails of these requests, oldest first. */
export async function diRichieste(q: Esecutore, richieste: string[]): Promise<RigaPosta[]> {
  return q.query<RigaPosta>(`SELECT ${COLONNE} FROM posta WHERE richiesta = ANY($1::uuid[]) ORDER BY scritta_il, id`, [
    richieste,
  ]);
}

/** A user's mail received back into a request: its Message-ID and the message of the thread it became. */
export interface RigaPostaRicevuta {
  richiesta: string;
  messageId: string;
  messaggio: string;
  ricevutaIl: Date;
}

export async function ricevuteDiRichieste(q: Esecutore, richieste: string[]): Promise<RigaPostaRicevuta[]> {
  return q.query<RigaPostaRicevuta>(
    `SELECT richiesta, message_id AS "messageId", messaggio, ricevuta_il AS "ricevutaIl" FROM posta_ricevuta
     WHERE richiesta = ANY($1::uuid[]) ORDER BY ricevuta_il, message_id`,
    [richieste],
  );
}

export async function leggi(q: Esecutore, id: string, perAggiornare = false): Promise<RigaPosta | undefined> {
  const blocco = perAggiornare ? ' FOR UPDATE' : '';
  const [p] = await q.query<RigaPosta>(`SELECT ${COLONNE} FROM posta WHERE id = $1${blocco}`, [id]);
  return p;
}

/**
 * The Message-IDs of a request's thread so far, oldest first: the mails written to the user and the user's mails
 * received. A new mail answers the last and refers to them all.
 */
export async function messageIdDelThread(q: Esecutore, richiesta: string): Promise<string[]> {
  const righe = await q.query<{ messageId: string }>(
    `SELECT message_id AS "messageId" FROM (
       SELECT message_id, scritta_il AS il FROM posta WHERE richiesta = $1
       UNION ALL
       SELECT message_id, ricevuta_il AS il FROM posta_ricevuta WHERE richiesta = $1
     ) t ORDER BY il, message_id`,
    [richiesta],
  );
  return righe.map((r) => r.messageId);
}

/** A mail taken to be sent, with its request's numero (its reply address needs it). */
export type PostaDaInviare = RigaPosta & { numero: number };

/**
 * Takes up to `quante` mails due at `ora` for this instance: locked with SKIP LOCKED (two instances never take the
 * same row), then leased until `finoA` under `presa`, so no other instance takes them while they are being sent.
 */
export async function prendiDovute(
  tx: Esecutore,
  o: { ora: Date; finoA: Date; presa: string; quante: number },
): Promise<PostaDaInviare[]> {
  return tx.query<PostaDaInviare>(
    `WITH dovute AS (
       SELECT p.id AS dovuta, r.numero FROM posta p JOIN richieste r ON r.id = p.richiesta
       WHERE p.stato = 'da-inviare' AND p.prossimo_tentativo_il <= $1
       ORDER BY p.prossimo_tentativo_il, p.id
       LIMIT $4
       FOR UPDATE OF p SKIP LOCKED
     )
     UPDATE posta SET presa = $3, prossimo_tentativo_il = $2
     FROM dovute WHERE posta.id = dovute.dovuta
     RETURNING ${COLONNE}, dovute.numero::float8 AS numero`,
    [o.ora, o.finoA, o.presa, o.quante],
  );
}

/** Sent: true when this instance still held the lease (it always does unless a send outlived it). */
export async function segnaInviata(q: Esecutore, o: { id: string; presa: string; ora: Date }): Promise<boolean> {
  const righe = await q.query(
    `UPDATE posta SET stato = 'inviata', inviata_il = $3, tentativi = tentativi + 1, presa = NULL,
       prossimo_tentativo_il = NULL, motivo = NULL
     WHERE id = $1 AND presa = $2 RETURNING id`,
    [o.id, o.presa, o.ora],
  );
  return righe.length > 0;
}

/** A failed attempt: tried again at `prossimo`, or failed for good when `prossimo` is null. */
export async function segnaTentativoFallito(
  q: Esecutore,
  o: { id: string; presa: string; motivo: string; inErroreDal: Date; prossimo: Date | null },
): Promise<boolean> {
  const righe = await q.query(
    `UPDATE posta SET tentativi = tentativi + 1, presa = NULL, motivo = $3, in_errore_dal = $4,
       prossimo_tentativo_il = $5, stato = CASE WHEN $5::timestamptz IS NULL THEN 'fallita' ELSE 'da-inviare' END
     WHERE id = $1 AND presa = $2 RETURNING id`,
    [o.id, o.presa, o.motivo, o.inErroreDal, o.prossimo],
  );
  return righe.length > 0;
}

/** A failed mail put back in the outbox, due at `ora`, its failures forgotten; its Message-ID stays. */
export async function rimettiInCoda(tx: Esecutore, id: string, ora: Date): Promise<void> {
  await tx.query(
    `UPDATE posta SET stato = 'da-inviare', prossimo_tentativo_il = $2, tentativi = 0, in_errore_dal = NULL,
       motivo = NULL, presa = NULL
     WHERE id = $1`,
    [id, ora],
  );
}

/** Notes a user's mail received for a request: false when that Message-ID was stored for it already. */
export async function annotaRicevuta(
  tx: Esecutore,
  r: { messageId: string; richiesta: string; messaggio: string },
): Promise<boolean> {
  const righe = await tx.query(
    `INSERT INTO posta_ricevuta (message_id, richiesta, messaggio) VALUES ($1, $2, $3)
     ON CONFLICT (richiesta, message_id) DO NOTHING RETURNING messaggio`,
    [r.messageId, r.richiesta, r.messaggio],
  );
  return righe.length > 0;
}

/** Whether that Message-ID was received for the request already. */
export async function giaRicevuta(q: Esecutore, richiesta: string, messageId: string): Promise<boolean> {
  const righe = await q.query('SELECT 1 FROM posta_ricevuta WHERE richiesta = $1 AND message_id = $2', [
    richiesta,
    messageId,
  ]);
  return righe.length > 0;
}

// SQL of the mail outbox: the help desk's replies to requests that asked for the answer by mail.
import type { Esecutore } from './database.js';

export interface RigaPosta {
  id: string;
  richiesta: string;
  messaggio: string;
  destinatario: string;
  oggetto: string;
  testo: string;
  scrittaIl: Date;
}

export async function scrivi(tx: Esecutore, p: Omit<RigaPosta, 'scrittaIl'>): Promise<void> {
  await tx.query(
    `INSERT INTO posta (id, richiesta, messaggio, destinatario, oggetto, testo) VALUES ($1, $2, $3, $4, $5, $6)`,
    [p.id, p.richiesta, p.messaggio, p.destinatario, p.oggetto, p.testo],
  );
}

/** The mails of these requests, oldest first. */
export async function diRichieste(q: Esecutore, richieste: string[]): Promise<RigaPosta[]> {
  return q.query<RigaPosta>(
    `SELECT id, richiesta, messaggio, destinatario, oggetto, testo, scritta_il AS "scrittaIl"
     FROM posta WHERE richiesta = ANY($1::uuid[]) ORDER BY scritta_il, id`,
    [richieste],
  );
}

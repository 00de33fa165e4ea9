// SQL of the threads: a message inserted once by id, a message by id, the threads of some requests.
import type { Esecutore } from './database.js';
import type { StatoRichiesta } from '../../../src/elenco.js';

export interface RigaMessaggio {
  id: string;
  richiesta: string;
  autore: 'utente' | 'assistenza';
  testo: string;
  scrittoIl: Date;
  ricevutoIl: Date;
  utente: string | null;
  impronta: string | null;
  statoDopo: StatoRichiesta;
  inviataViaMailA: string | null;
  /** The operator who wrote a help desk's message. */
  operatore: string | null;
}

const COLONNE = `id, richiesta, autore, testo, scritto_il AS "scrittoIl", ricevuto_il AS "ricevutoIl", utente, impronta,
  stato_dopo AS "statoDopo", inviata_via_mail_a AS "inviataViaMailA", operatore`;

export type NuovoMessaggio = Omit<RigaMessaggio, 'ricevutoIl'>;

/** Inserts the message unless its id is taken: true when inserted. */
export async function inserisci(tx: Esecutore, m: NuovoMessaggio): Promise<boolean> {
  const righe = await tx.query(
    `INSERT INTO messaggi (id, richiesta, autore, testo, scritto_il, utente, impronta, stato_dopo, inviata_via_mail_a,
       operatore)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      m.id,
      m.richiesta,
      m.autore,
      m.testo,
      m.scrittoIl,
      m.utente,
      m.impronta,
      m.statoDopo,
      m.inviataViaMailA,
      m.operatore,
    ],
  );
  return righe.length > 0;
}

export async function leggi(q: Esecutore, id: string): Promise<RigaMessaggio | undefined> {
  const [m] = await q.query<RigaMessaggio>(`SELECT ${COLONNE} FROM messaggi WHERE id = $1`, [id]);
  return m;
}

/** The threads of these requests, each in order of arrival. */
export async function diRichieste(q: Esecutore, richieste: string[]): Promise<Map<string, RigaMessaggio[]>> {
  const righe = await q.query<RigaMessaggio>(
    `SELECT ${COLONNE} FROM messaggi WHERE richiesta = ANY($1::uuid[]) ORDER BY ricevuto_il, id`,
    [richieste],
  );
  return raggruppa(righe, (m) => m.richiesta);
}

/** Items grouped by a key, each group in the items' order. */
export function raggruppa<T>(righe: T[], chiave: (r: T) => string): Map<string, T[]> {
  const gruppi = new Map<string, T[]>();
  for (const r of righe) {
    const k = chiave(r);
    const gruppo = gruppi.get(k);
    if (gruppo) {
      gruppo.push(r);
    } else {
      gruppi.set(k, [r]);
    }
  }
  return gruppi;
}

// The demo's history: about three months of requests a help desk like GeoTecSUE's receives and solves, so that the
// assistance page's response times are the demo database's own figures. Demo data, marked as such (the requester
// "Storico della demo", the description starting "(Dato dimostrativo)"), anonymous (no user's list shows them), and
// written into the demo's own database only: demo/server/plugin.ts calls scriviStorico before the server opens the
// folder. The server never writes it. Each start adds the days since the last one, so the figures stay current.
import { apriPglite } from '../../server/src/archivio/apri.js';
import { CartellaInUso } from '../../server/src/archivio/blocco.js';
import type { Esecutore } from '../../server/src/archivio/database.js';
import { applicaMigrazioni } from '../../server/src/archivio/migrazioni.js';

/** The days written back from today: a little more than the 90 the figures count. */
export const GIORNI_STORICO = 92;

/** The requester's words of the history, one picked per request. */
const DESCRIZIONI = [
  'Non riesco ad allegare la planimetria alla SCIA: il caricamento si ferma.',
  'Il portale non accetta la firma digitale del modulo (file .p7m).',
  'Non trovo più la pratica che avevo salvato in bozza ieri.',
  'Il pagamento dei diritti di segreteria risulta ancora da effettuare.',
  'Errore imprevisto all’invio della CILA: la pagina resta bianca.',
  'Non riesco a inserire il secondo tecnico incaricato tra i soggetti.',
  'La ricevuta di presentazione non si scarica.',
  'Il campo dei dati catastali non accetta il subalterno.',
];

/** The help desk's reply that solved it. */
const RISPOSTE = [
  'Buongiorno, abbiamo corretto il problema: ora può procedere. Cordiali saluti.',
  'Buongiorno, il file era troppo grande: lo abbiamo ridotto e allegato noi alla pratica.',
  'Buongiorno, la pratica è di nuovo visibile tra le sue bozze.',
  'Buongiorno, abbiamo segnalato il caso all’Ente, che ha sbloccato la pratica.',
];

/** Asks the requester for what is missing. */
const IN_ATTESA = 'Buongiorno, per procedere ci serve il numero della pratica: può indicarcelo?';

/**
 * Writes the history's requests missing from the last GIORNI_STORICO days, by SQL alone: each request's id comes from
 * its day and place in it, so what is already there is left alone and a second start writes nothing twice. Weekdays
 * bring two to four requests between 8.30 and 18.00 (Rome), Saturdays at most one. How long each took is drawn so
 * that about a quarter is solved within 10 minutes, half within 30, 70% within the hour, 80% within the working day
 * and about 5% takes more than 24 hours; a few wait for the requester. What would be solved after now is still open.
 */
export async function scriviStorico(db: Esecutore): Promise<number> {
  const [{ scritte }] = await db.query<{ scritte: number }>(
    `WITH
     giorni AS (
       SELECT g::date AS giorno, extract(isodow FROM g)::int AS dow
       FROM generate_series((now() AT TIME ZONE 'Europe/Rome')::date - $1::int,
                            (now() AT TIME ZONE 'Europe/Rome')::date, interval '1 day') AS g
     ),
     semi AS (
       SELECT giorno, 'assistenza-demo:' || giorno || ':' || i AS seme
       FROM giorni CROSS JOIN LATERAL generate_series(1,
         CASE WHEN dow <= 5 THEN 2 + ('x' || substr(md5(giorno::text), 1, 7))::bit(28)::int % 3
              WHEN dow = 6 THEN ('x' || substr(md5(giorno::text), 1, 7))::bit(28)::int % 2
              ELSE 0 END) AS i
     ),
     -- ('x' || 7 hex digits of md5(text))::bit(28)::int: a number from a text, the same each time; / 2^28: in [0, 1).
     casi AS (
       SELECT seme,
         overlay(overlay(md5(seme) PLACING '4' FROM 13 FOR 1) PLACING '8' FROM 17 FOR 1)::uuid AS id,
         (giorno + time '08:30' + (('x' || substr(md5(seme || ':ora'), 1, 7))::bit(28)::int / 268435456.0) * 570
           * interval '1 minute') AT TIME ZONE 'Europe/Rome' AS arrivo,
         ('x' || substr(md5(seme || ':tempo'), 1, 7))::bit(28)::int / 268435456.0 AS u,
         ('x' || substr(md5(seme || ':chi'), 1, 7))::bit(28)::int AS k
       FROM semi
     ),
     tempi AS (
       SELECT *, CASE
           WHEN u < 0.235 THEN 2 + u / 0.235 * 8
           WHEN u < 0.51 THEN 10 + (u - 0.235) / 0.275 * 20
           WHEN u < 0.70 THEN 30 + (u - 0.51) / 0.19 * 30
           WHEN u < 0.815 THEN 60 + (u - 0.70) / 0.115 * 420
           WHEN u < 0.95 THEN 480 + (u - 0.815) / 0.135 * 960
           WHEN u < 0.985 THEN 1440 + (u - 0.95) / 0.035 * 2880
         END * interval '1 minute' AS durata
       FROM casi WHERE arrivo <= now()
     ),
     righe AS (
       SELECT *, CASE WHEN arrivo + durata <= now() THEN arrivo + durata END AS risolta
       FROM tempi WHERE NOT EXISTS (SELECT 1 FROM richieste r WHERE r.id = tempi.id)
     ),
     nuove AS (
       INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, pratica_tipologia,
         pratica_numero, scritta_il, ricevuta_il, stato, aggiornata_il, risolta_il)
       SELECT id, 'storico-della-demo', 'Storico della demo', (ARRAY['Giulia', 'Marco', 'Sara', 'Luca'])[1 + k % 4],
         false, '(Dato dimostrativo) ' || ($2::text[])[1 + k % array_length($2::text[], 1)],
         (ARRAY['SCIA', 'CILA', 'Permesso di costruire', 'CILAS'])[1 + k % 4],
         (100 + k % 900) || '/' || extract(year FROM arrivo AT TIME ZONE 'Europe/Rome'), arrivo, arrivo,
         CASE WHEN durata IS NULL THEN 'attesa-utente'
              WHEN risolta IS NULL THEN 'in-lavorazione'
              WHEN risolta < now() - interval '7 days' THEN 'chiusa'
              ELSE 'risolta' END,
         coalesce(risolta, least(arrivo + interval '20 minutes', now())), risolta
       FROM righe ORDER BY arrivo
       RETURNING id, ricevuta_il, risolta_il, stato
     ),
     risposte AS (
       INSERT INTO messaggi (id, richiesta, autore, testo, scritto_il, ricevuto_il, stato_dopo)
       SELECT overlay(overlay(md5(id::text || ':risposta') PLACING '4' FROM 13 FOR 1) PLACING '8' FROM 17 FOR 1)::uuid,
         id, 'assistenza',
         CASE WHEN stato = 'attesa-utente' THEN $4
              ELSE ($3::text[])[1 + ('x' || substr(md5(id::text), 1, 7))::bit(28)::int % array_length($3::text[], 1)]
         END,
         coalesce(risolta_il, least(ricevuta_il + interval '20 minutes', now())),
         coalesce(risolta_il, least(ricevuta_il + interval '20 minutes', now())),
         CASE WHEN stato = 'attesa-utente' THEN 'attesa-utente' ELSE 'risolta' END
       FROM nuove WHERE stato <> 'in-lavorazione'
     )
     SELECT count(*)::int AS scritte FROM nuove`,
    [GIORNI_STORICO, DESCRIZIONI, RISPOSTE, IN_ATTESA],
  );
  return scritte;
}

/**
 * The history written into the embedded database of `cartella` (migrated first, as the server would), which is then
 * closed and left to the server. Returns how many requests were written, or undefined when another process holds
 * the folder (a second demo on it: its server then says so, naming the first).
 */
export async function scriviStoricoNellaCartella(cartella: string): Promise<number | undefined> {
  let db;
  try {
    db = await apriPglite(cartella);
  } catch (e) {
    if (e instanceof CartellaInUso) return undefined;
    throw e;
  }
  try {
    await applicaMigrazioni(db, { info() {} });
    return await scriviStorico(db);
  } finally {
    await db.chiudi();
  }
}

// A person's data (GDPR articles 15, 17 and 20): everything the server holds about one of the portal's users as one
// document, for the user and for administrators; administrators find users, and erase or anonymise one's requests.
// Each administrator's action is written to the record in its transaction, naming the requests by numero only.
import type { Database, Esecutore } from '../archivio/database.js';
import * as richieste from '../archivio/richieste.js';
import * as messaggi from '../archivio/messaggi.js';
import { raggruppa } from '../archivio/messaggi.js';
import * as allegati from '../archivio/allegati.js';
import * as posta from '../archivio/posta.js';
import * as registro from '../archivio/registro.js';
import * as utenti from '../archivio/utenti.js';
import { cancellaRichieste } from '../archivio/conservazione.js';
import type { RigaAllegato } from '../archivio/allegati.js';
import type { RigaMessaggio } from '../archivio/messaggi.js';
import type { RigaPosta, RigaPostaRicevuta, StatoPosta } from '../archivio/posta.js';
import type { RigaRichiesta } from '../archivio/richieste.js';
import { richiestaInviata, type RichiestaInviata } from './richieste.js';
import { messaggioSportello, type MessaggioSportello } from './sportello.js';

/** A user's id as the portal's token gives it (`sub`): 1 to 255 characters, nothing invisible. */
const idUtente = /^[^\p{Cc}]{1,255}$/u;
export const eIdUtente = (s: string): boolean => idUtente.test(s);

/** A file's metadata, with the path that downloads it for whoever reads the export. */
export interface AllegatoEsportato {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  caricatoIl: string;
  indirizzo: string;
}

/** A message of the thread: the operator's name is left out, as the operator's data. */
export type MessaggioEsportato = Omit<MessaggioSportello, 'operatore'>;

/** A mail the help desk wrote to the user (the outbox), with whether and when it left. */
export interface MailEsportata {
  id: string;
  messaggio: string;
  destinatario: string;
  oggetto: string;
  testo: string;
  scrittaIl: string;
  messageId: string;
  stato: StatoPosta;
  inviataIl?: string;
  /** Why it did not leave (yet): the mail server's answer. */
  motivo?: string;
}

/** A mail of the user's received back into the request: its Message-ID and the message of the thread it became. */
export interface MailRicevutaEsportata {
  messageId: string;
  messaggio: string;
  ricevutaIl: string;
}

export interface RichiestaEsportata extends RichiestaInviata {
  /** The first time it was solved or closed. */
  risoltaIl?: string;
  /** Since when it has been solved or closed: the retention counts from here. */
  conclusaDal?: string;
  messaggi: MessaggioEsportato[];
  allegati: AllegatoEsportato[];
  posta: MailEsportata[];
  postaRicevuta: MailRicevutaEsportata[];
}

/** Everything the server holds about one user. */
export interface EsportazioneUtente {
  utente: string;
  esportataIl: string;
  richieste: RichiestaEsportata[];
  /** Files uploaded that no request names (yet): kept 30 days after their upload. */
  allegatiNonUsati: AllegatoEsportato[];
}

/** The path that downloads a file, for whoever the export is for. */
export type IndirizzoAllegato = (id: string) => string;

const allegatoEsportato = (a: RigaAllegato, indirizzo: IndirizzoAllegato): AllegatoEsportato => ({
  id: a.id,
  nome: a.nome,
  tipo: a.tipo,
  dimensione: a.dimensione,
  caricatoIl: a.caricatoIl.toISOString(),
  indirizzo: indirizzo(a.id),
});

function messaggioEsportato(m: RigaMessaggio): MessaggioEsportato {
  const { operatore: _, ...voce } = messaggioSportello(m);
  return voce;
}

function mailEsportata(p: RigaPosta): MailEsportata {
  const voce: MailEsportata = {
    id: p.id,
    messaggio: p.messaggio,
    destinatario: p.destinatario,
    oggetto: p.oggetto,
    testo: p.testo,
    scrittaIl: p.scrittaIl.toISOString(),
    messageId: p.messageId,
    stato: p.stato,
  };
  if (p.inviataIl !== null) {
    voce.inviataIl = p.inviataIl.toISOString();
  }
  if (p.motivo !== null) {
    voce.motivo = p.motivo;
  }
  return voce;
}

const mailRicevutaEsportata = (p: RigaPostaRicevuta): MailRicevutaEsportata => ({
  messageId: p.messageId,
  messaggio: p.messaggio,
  ricevutaIl: p.ricevutaIl.toISOString(),
});

function richiestaEsportata(
  r: RigaRichiesta,
  parti: { thread: RigaMessaggio[]; files: RigaAllegato[]; mail: RigaPosta[]; ricevute: RigaPostaRicevuta[] },
  indirizzo: IndirizzoAllegato,
): RichiestaEsportata {
  const voce: RichiestaEsportata = {
    ...richiestaInviata(r),
    messaggi: parti.thread.map(messaggioEsportato),
    allegati: parti.files.map((a) => allegatoEsportato(a, indirizzo)),
    posta: parti.mail.map(mailEsportata),
    postaRicevuta: parti.ricevute.map(mailRicevutaEsportata),
  };
  if (r.risoltaIl !== null) {
    voce.risoltaIl = r.risoltaIl.toISOString();
  }
  if (r.conclusaDal !== null) {
    voce.conclusaDal = r.conclusaDal.toISOString();
  }
  return voce;
}

/** The user's data, read in one snapshot (a reply arriving meanwhile is in it whole or not at all). */
async function leggiDati(tx: Esecutore, utente: string, indirizzo: IndirizzoAllegato): Promise<EsportazioneUtente> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  const righe = await richieste.tutteDiUtente(tx, utente);
  const id = righe.map((r) => r.id);
  const thread = await messaggi.diRichieste(tx, id);
  const files = await allegati.diRichieste(tx, id);
  const mail = raggruppa(await posta.diRichieste(tx, id), (p) => p.richiesta);
  const ricevute = raggruppa(await posta.ricevuteDiRichieste(tx, id), (p) => p.richiesta);
  const nonUsati = await allegati.nonUsatiDi(tx, utente);
  return {
    utente,
    esportataIl: new Date().toISOString(),
    richieste: righe.map((r) =>
      richiestaEsportata(
        r,
        {
          thread: thread.get(r.id) ?? [],
          files: files.get(r.id) ?? [],
          mail: mail.get(r.id) ?? [],
          ricevute: ricevute.get(r.id) ?? [],
        },
        indirizzo,
      ),
    ),
    allegatiNonUsati: nonUsati.map((a) => allegatoEsportato(a, indirizzo)),
  };
}

/** The name a person's data is saved as: the day it was exported. */
export const nomeEsportazione = (il: string): string => `assistenza-tecnica-dati-${il.slice(0, 10)}.json`;

const vuota = (e: EsportazioneUtente) => e.richieste.length === 0 && e.allegatiNonUsati.length === 0;

/** The caller's own data (GET /api/richieste/esportazione): an empty document when the server holds nothing. */
export async function esportaDati(
  db: Database,
  utente: string,
  indirizzo: IndirizzoAllegato,
): Promise<EsportazioneUtente> {
  return db.transazione((tx) => leggiDati(tx, utente, indirizzo));
}

export type EsitoEsportazione = { esito: 'esportati'; dati: EsportazioneUtente } | { esito: 'non-trovato' };

/** A user's data for an administrator, written to the record (which requests, by numero). */
export async function esportaPerSportello(
  db: Database,
  o: { utente: string; operatore: string },
  indirizzo: IndirizzoAllegato,
): Promise<EsitoEsportazione> {
  if (!eIdUtente(o.utente)) {
    return { esito: 'non-trovato' };
  }
  return db.transazione(async (tx): Promise<EsitoEsportazione> => {
    const dati = await leggiDati(tx, o.utente, indirizzo);
    if (vuota(dati)) {
      return { esito: 'non-trovato' };
    }
    await registro.annota(tx, {
      operatore: o.operatore,
      azione: 'dati-esportati',
      dettagli: { numeri: dati.richieste.map((r) => r.numero), allegatiNonUsati: dati.allegatiNonUsati.length },
    });
    return { esito: 'esportati', dati };
  });
}

/** A user found by the console's search. */
export interface UtenteTrovatoJson {
  utente: string;
  nomi: string[];
  email: string[];
  richieste: number;
  allegatiNonUsati: number;
  ultimaIl?: string;
}

export const MAX_UTENTI_TROVATI = 50;

/** The users whose id, a name or an email of their requests contains `cerca`, the exact id first. */
export async function cercaUtenti(db: Database, cerca: string) {
  const { utenti: trovati, totale } = await utenti.cerca(db, cerca.trim(), MAX_UTENTI_TROVATI);
  const lista = trovati.map((u) => {
    const voce: UtenteTrovatoJson = {
      utente: u.utente,
      nomi: u.nomi,
      email: u.email,
      richieste: u.richieste,
      allegatiNonUsati: u.allegatiNonUsati,
    };
    if (u.ultimaIl !== null) {
      voce.ultimaIl = u.ultimaIl.toISOString();
    }
    return voce;
  });
  return { utenti: lista, totale };
}

/** What an erasure or an anonymisation did: requests deleted or anonymised, messages deleted or emptied, files deleted,
 * mails deleted. */
export interface DatiRimossi {
  richieste: number;
  messaggi: number;
  allegati: number;
  posta: number;
}

export type EsitoCancellazione = { esito: 'fatto'; rimossi: DatiRimossi } | { esito: 'non-trovato' };

/**
 * Does `tratta` to every request of a user, locked, deletes their uploads that no request names, and writes it to the
 * record with the requests' numeri; 'non-trovato' when the server holds nothing of them.
 */
async function trattaUtente(
  db: Database,
  o: { utente: string; operatore: string },
  azione: 'utente-cancellato' | 'utente-anonimizzato',
  tratta: (tx: Esecutore, richieste: string[]) => Promise<DatiRimossi>,
): Promise<EsitoCancellazione> {
  if (!eIdUtente(o.utente)) {
    return { esito: 'non-trovato' };
  }
  return db.transazione(async (tx): Promise<EsitoCancellazione> => {
    const sue = await richieste.diUtentePerAggiornare(tx, o.utente);
    const nonUsati = await allegati.cancellaNonUsatiDi(tx, o.utente);
    if (sue.length === 0 && nonUsati === 0) {
      return { esito: 'non-trovato' };
    }
    const fatto = await tratta(
      tx,
      sue.map((r) => r.id),
    );
    const rimossi = { ...fatto, allegati: fatto.allegati + nonUsati };
    await registro.annota(tx, {
      operatore: o.operatore,
      azione,
      dettagli: { numeri: sue.map((r) => r.numero), ...rimossi },
    });
    return { esito: 'fatto', rimossi };
  });
}

/**
 * Erases a user: every request of theirs is deleted with its thread, files and mails, and so are their uploads that
 * no request names; the record keeps its entries about those requests, by numero.
 */
export function cancellaUtente(db: Database, o: { utente: string; operatore: string }) {
  return trattaUtente(db, o, 'utente-cancellato', async (tx, id) => {
    const c = await cancellaRichieste(tx, id);
    return { richieste: c.richieste, messaggi: c.messaggi, allegati: c.allegati, posta: c.posta };
  });
}

/**
 * Anonymises a user: every request of theirs is kept without its user, names, contacts, practice and texts, its
 * files and mails deleted, its times and states kept (the statistics and the queue's counts still count it); their
 * uploads that no request names are deleted.
 */
export function anonimizzaUtente(db: Database, o: { utente: string; operatore: string }) {
  return trattaUtente(db, o, 'utente-anonimizzato', async (tx, id) => ({
    richieste: id.length,
    ...(await utenti.anonimizza(tx, id)),
  }));
}

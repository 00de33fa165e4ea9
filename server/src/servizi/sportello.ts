// The help desk's side: the queue (what to answer first), a request with who sent it, its contacts, whole thread and
// mails; the operator's reply (written to the mail outbox in the same transaction when the request asked for the answer
// by mail); a change of state; a download. Every action is written to the record in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Database } from '../archivio/database.js';
import * as richieste from '../archivio/richieste.js';
import * as messaggi from '../archivio/messaggi.js';
import * as allegati from '../archivio/allegati.js';
import * as posta from '../archivio/posta.js';
import * as registro from '../archivio/registro.js';
import type { RigaRichiesta } from '../archivio/richieste.js';
import type { RigaMessaggio } from '../archivio/messaggi.js';
import type { RigaAllegato } from '../archivio/allegati.js';
import type { RigaPosta } from '../archivio/posta.js';
import {
  invioPostaDi,
  mailSportello,
  orologioReale,
  scriviMailRisposta,
  type ConfigurazionePosta,
  type InvioPosta,
  type MailSportello,
  type Orologio,
} from './posta.js';
import { statoDopo, type StatoRichiesta } from './stati.js';
import { eUuid } from './validazione.js';
import { praticaDi, richiestaInviata, type RichiestaInviata } from './richieste.js';

/** A message of the thread as the help desk sees it. */
export interface MessaggioSportello {
  id: string;
  autore: 'utente' | 'assistenza';
  testo: string;
  inviatoIl: string;
  /** When it arrived here (the thread's order). */
  ricevutoIl: string;
  inviataViaMailA?: string;
  /** The operator who wrote a help desk's message. */
  operatore?: string;
}

/** A request as the help desk's list shows it. */
export interface RichiestaSportello extends RichiestaInviata {
  /** The token's user who sent it; null for an anonymous request. */
  utente: string | null;
  messaggi: MessaggioSportello[];
  /** Its attachments, each with the path of its download under the help desk's base. */
  allegati: { id: string; nome: string; tipo: string; dimensione: number; indirizzo: string }[];
  /**
   * Whether its replies go by mail: `non-richiesto` (it did not ask), `attivo`, or `non-configurato` (it asked, but
   * the server has no ASSISTENZA_SMTP_URL: the mails wait in the outbox and none leaves).
   */
  invioPosta: InvioPosta;
  /** The mails written for it, oldest first, each with its state, its reason when it failed, and its resend path. */
  posta: MailSportello[];
  /** When an administrator anonymised it (names, contacts, texts and files removed). */
  anonimizzataIl?: string;
}

export function messaggioSportello(m: RigaMessaggio): MessaggioSportello {
  const voce: MessaggioSportello = {
    id: m.id,
    autore: m.autore,
    testo: m.testo,
    inviatoIl: m.scrittoIl.toISOString(),
    ricevutoIl: m.ricevutoIl.toISOString(),
  };
  if (m.inviataViaMailA !== null) {
    voce.inviataViaMailA = m.inviataViaMailA;
  }
  if (m.operatore !== null) {
    voce.operatore = m.operatore;
  }
  return voce;
}

interface ParteDi {
  thread: RigaMessaggio[];
  files: RigaAllegato[];
  mails: RigaPosta[];
}

function perSportello(r: RigaRichiesta, d: ParteDi, base: string, smtp: Pick<ConfigurazionePosta, 'smtpUrl'>) {
  const voce: RichiestaSportello = {
    ...richiestaInviata(r),
    utente: r.utente,
    messaggi: d.thread.map(messaggioSportello),
    allegati: d.files.map((a) => ({
      id: a.id,
      nome: a.nome,
      tipo: a.tipo,
      dimensione: a.dimensione,
      indirizzo: `${base}/allegati/${a.id}`,
    })),
    invioPosta: invioPostaDi(r, smtp),
    posta: d.mails.map((p) => mailSportello(p, base)),
  };
  if (r.anonimizzataIl !== null) {
    voce.anonimizzataIl = r.anonimizzataIl.toISOString();
  }
  return voce;
}

/**
 * One request, with its thread, attachments and mails. `smtp` says whether this server sends mail (without it, as a
 * server without ASSISTENZA_SMTP_URL).
 */
export async function richiestaSportello(
  db: Database,
  id: string,
  base: string,
  smtp: Pick<ConfigurazionePosta, 'smtpUrl'> = { smtpUrl: undefined },
): Promise<RichiestaSportello | undefined> {
  if (!eUuid(id)) {
    return undefined;
  }
  const r = await richieste.leggi(db, id);
  if (r === undefined) {
    return undefined;
  }
  const [thread, files, mails] = await Promise.all([
    messaggi.diRichieste(db, [id]),
    allegati.diRichieste(db, [id]),
    posta.diRichieste(db, [id]),
  ]);
  return perSportello(r, { thread: thread.get(r.id) ?? [], files: files.get(r.id) ?? [], mails }, base, smtp);
}

/** Where the reply goes by mail: the request's email when it asked for the answer by mail, else nowhere. */
function indirizzoPerMail(r: RigaRichiesta): string | undefined {
  if (r.rispostaViaEmail && r.email !== null) {
    return r.email;
  }
  return undefined;
}

export type EsitoRispostaSportello =
  { esito: 'creata'; id: string; stato: StatoRichiesta; inviataViaMailA?: string } | { esito: 'non-trovata' };

/**
 * The operator's reply, with the state chosen (without one, as the transition table says). The mail to a request
 * that asked for the answer by mail is written to the outbox in the same transaction: both or neither.
 */
export async function rispostaSportello(
  db: Database,
  o: { richiesta: string; testo: string; stato?: StatoRichiesta; operatore: string },
  mail: { config: ConfigurazionePosta; orologio?: Orologio },
): Promise<EsitoRispostaSportello> {
  if (!eUuid(o.richiesta)) {
    return { esito: 'non-trovata' };
  }
  return db.transazione(async (tx): Promise<EsitoRispostaSportello> => {
    const r = await richieste.leggi(tx, o.richiesta, true);
    if (r === undefined) {
      return { esito: 'non-trovata' };
    }
    const stato = o.stato ?? statoDopo('risposta-assistenza', r.stato) ?? r.stato;
    const a = indirizzoPerMail(r);
    const id = randomUUID();
    const ora = new Date();
    await messaggi.inserisci(tx, {
      id,
      richiesta: r.id,
      autore: 'assistenza',
      testo: o.testo,
      scrittoIl: ora,
      utente: null,
      impronta: null,
      statoDopo: stato,
      inviataViaMailA: a ?? null,
      operatore: o.operatore,
    });
    await richieste.cambiaStato(tx, r.id, stato);
    await richieste.notaMessaggio(tx, r.id, 'assistenza');
    await registro.annota(tx, {
      operatore: o.operatore,
      azione: 'risposta',
      richiesta: r.id,
      numero: r.numero,
      dettagli: { messaggio: id, stato, ...(stato !== r.stato && { statoPrima: r.stato }) },
    });
    if (a === undefined) {
      return { esito: 'creata', id, stato };
    }
    await scriviMailRisposta(tx, {
      config: mail.config,
      richiesta: r,
      destinatario: a,
      messaggio: id,
      testo: o.testo,
      stato,
      ora: (mail.orologio ?? orologioReale)(),
    });
    return { esito: 'creata', id, stato, inviataViaMailA: a };
  });
}

/** The state alone (solved, closed, waiting for the user…): false when there is no such request. */
export async function cambiaStatoSportello(
  db: Database,
  o: { richiesta: string; stato: StatoRichiesta; operatore: string },
): Promise<boolean> {
  if (!eUuid(o.richiesta)) {
    return false;
  }
  return db.transazione(async (tx) => {
    const r = await richieste.leggi(tx, o.richiesta, true);
    if (r === undefined) {
      return false;
    }
    await richieste.cambiaStato(tx, r.id, o.stato);
    await registro.annota(tx, {
      operatore: o.operatore,
      azione: 'cambio-stato',
      richiesta: r.id,
      numero: r.numero,
      dettagli: { statoPrima: r.stato, stato: o.stato },
    });
    return true;
  });
}

/** A file for the operator to download, its download written to the record first; undefined when there is none. */
export async function scaricaPerSportello(db: Database, o: { allegato: string; operatore: string }) {
  if (!eUuid(o.allegato)) {
    return undefined;
  }
  return db.transazione(async (tx) => {
    const a = await allegati.contenuto(tx, o.allegato);
    if (a === undefined) {
      return undefined;
    }
    const r = a.richiesta === null ? undefined : await richieste.leggi(tx, a.richiesta);
    await registro.annota(tx, {
      operatore: o.operatore,
      azione: 'download',
      richiesta: r?.id ?? null,
      numero: r?.numero ?? null,
      dettagli: { allegato: a.id },
    });
    return a;
  });
}

/** A request of the queue as the console lists it. */
export interface VoceCodaSportello {
  id: string;
  numero: number;
  stato: StatoRichiesta;
  utente: string | null;
  cognome: string;
  nome: string;
  email?: string;
  pratica?: { tipologia?: string; numero?: string };
  /** The description's beginning. */
  anteprima: string;
  ricevutaIl: string;
  aggiornataIl: string;
  /** Since when it waits for the help desk; absent when the help desk spoke last. */
  inAttesaDal?: string;
  /** The user wrote since the help desk last did. */
  nuovaRispostaUtente: boolean;
  messaggi: number;
  allegati: number;
  anonimizzataIl?: string;
}

export interface CodaSportello {
  richieste: VoceCodaSportello[];
  /** How many match the filter (the list holds at most `limite`). */
  totale: number;
  /** How many requests are in each state, whatever the filter. */
  conteggi: Record<StatoRichiesta, number>;
}

/** "n. 12", "#12", "12": a numero; anything else is words. */
const comeNumero = (cerca: string) => /^\s*(?:n\.?\s*|#)?(\d{1,15})\s*$/i.exec(cerca)?.[1];

/** The queue: open requests first, the one waiting longest for the help desk at the top; filtered by state or words. */
export async function codaSportello(
  db: Database,
  f: { stato?: StatoRichiesta; cerca?: string; limite: number },
): Promise<CodaSportello> {
  const cerca = f.cerca === undefined ? undefined : (comeNumero(f.cerca) ?? f.cerca);
  const [{ voci, totale }, conteggi] = await Promise.all([
    richieste.coda(db, { stato: f.stato, cerca, limite: f.limite }),
    richieste.conteggi(db),
  ]);
  const lista = voci.map((v) => {
    const voce: VoceCodaSportello = {
      id: v.id,
      numero: v.numero,
      stato: v.stato,
      utente: v.utente,
      cognome: v.cognome,
      nome: v.nome,
      anteprima: v.anteprima,
      ricevutaIl: v.ricevutaIl.toISOString(),
      aggiornataIl: v.aggiornataIl.toISOString(),
      nuovaRispostaUtente: v.nuovaRispostaUtente,
      messaggi: v.messaggi,
      allegati: v.allegati,
    };
    if (v.email !== null) {
      voce.email = v.email;
    }
    const pratica = praticaDi(v);
    if (pratica !== undefined) {
      voce.pratica = pratica;
    }
    if (v.inAttesaDal !== null) {
      voce.inAttesaDal = v.inAttesaDal.toISOString();
    }
    if (v.anonimizzataIl !== null) {
      voce.anonimizzataIl = v.anonimizzataIl.toISOString();
    }
    return voce;
  });
  return { richieste: lista, totale, conteggi };
}

/** The mails written for these requests (the outbox), oldest first. */
export async function postaDi(db: Database, richiesteId: string[]) {
  return posta.diRichieste(db, richiesteId.filter(eUuid));
}

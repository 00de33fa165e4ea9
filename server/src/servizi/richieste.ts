// The user's side of the help desk: a new request (exactly once by its key), the user's own list, the user's reply
// in a thread. Plain functions over the database, returning what happened; the routes choose the status.
import { richiestaSchema, type Richiesta } from '../../../src/richiesta.js';
import { rispostaSchema, type Risposta } from '../../../src/risposta.js';
import type { RichiestaUtente, StatoRichiesta } from '../../../src/elenco.js';
import type { Database } from '../archivio/database.js';
import * as richieste from '../archivio/richieste.js';
import * as messaggi from '../archivio/messaggi.js';
import * as allegati from '../archivio/allegati.js';
import type { RigaAllegato } from '../archivio/allegati.js';
import type { RigaMessaggio } from '../archivio/messaggi.js';
import type { RigaRichiesta } from '../archivio/richieste.js';
import { eUuid, uuidCanonico, verifica, type ErroreCampo } from './validazione.js';
import { improntaJson } from './impronta.js';
import { statoDopo } from './stati.js';

/** Who sends: the token's user, or undefined for an anonymous caller. */
export type Utente = string | undefined;

export type EsitoNuovaRichiesta =
  | { esito: 'creata'; id: string; numero: number }
  | { esito: 'ripetuta'; id: string; numero: number }
  /** The key is another caller's, or came with another body: nothing of the first is revealed. */
  | { esito: 'chiave-usata' }
  | { esito: 'non-valida'; errori: ErroreCampo[] }
  /** The body's id is not the Idempotency-Key. */
  | { esito: 'chiave-diversa' }
  /** Attachments the request may not name (not uploaded, someone else's, described otherwise, another request's). */
  | { esito: 'allegati-ignoti'; allegati: string[] };

/** A stored request met again under its key: the first answer for the same caller and body, else a refusal. */
function ripetizione(r: RigaRichiesta, utente: Utente, impronta: string): EsitoNuovaRichiesta {
  if (r.utente === (utente ?? null) && r.impronta === impronta) {
    return { esito: 'ripetuta', id: r.id, numero: r.numero };
  }
  return { esito: 'chiave-usata' };
}

/** The attachment ids of `q` that `utente` may not name; one answer for every reason, so nothing leaks. */
function allegatiIgnoti(q: Richiesta, trovati: RigaAllegato[], utente: Utente): string[] {
  const ignoti: string[] = [];
  for (const a of q.allegati ?? []) {
    const c = trovati.find((t) => t.id === uuidCanonico(a.id));
    const utilizzabile =
      c !== undefined &&
      c.utente === (utente ?? null) &&
      c.nome === a.nome &&
      c.tipo === a.tipo &&
      c.dimensione === a.dimensione &&
      (c.richiesta === null || c.richiesta === uuidCanonico(q.id));
    if (!utilizzabile && !ignoti.includes(a.id)) {
      ignoti.push(a.id);
    }
  }
  return ignoti;
}

/**
 * POST of a request. A key seen before gets its first answer before the body is validated again (the client retried
 * because it never heard it, with the same body); the primary key settles concurrent attempts with one key, on one
 * instance or several: one row, one numero, every attempt answered as the first.
 */
export async function nuovaRichiesta(
  db: Database,
  o: { chiave: string; corpo: Record<string, unknown>; utente: Utente },
): Promise<EsitoNuovaRichiesta> {
  const impronta = improntaJson(o.corpo);
  if (eUuid(o.chiave)) {
    const gia = await richieste.leggi(db, o.chiave);
    if (gia !== undefined) {
      return ripetizione(gia, o.utente, impronta);
    }
  }
  const v = verifica<Richiesta>(richiestaSchema, o.corpo);
  if (v.esito === 'non-valido') {
    return { esito: 'non-valida', errori: v.errori };
  }
  const q = v.dati;
  if (q.id.toLowerCase() !== o.chiave.toLowerCase()) {
    return { esito: 'chiave-diversa' };
  }
  return db.transazione(async (tx): Promise<EsitoNuovaRichiesta> => {
    const nominati = (q.allegati ?? []).map((a) => a.id);
    const ignoti = allegatiIgnoti(q, await allegati.perAssegnare(tx, nominati), o.utente);
    if (ignoti.length > 0) {
      return { esito: 'allegati-ignoti', allegati: ignoti };
    }
    const numero = await richieste.inserisci(tx, {
      id: q.id,
      utente: o.utente ?? null,
      impronta,
      cognome: q.cognome,
      nome: q.nome,
      email: q.email ?? null,
      telefono: q.telefono ?? null,
      rispostaViaEmail: q.rispostaViaEmail,
      descrizione: q.descrizione,
      praticaTipologia: q.pratica?.tipologia ?? null,
      praticaNumero: q.pratica?.numero ?? null,
      scrittaIl: new Date(q.creataIl),
    });
    if (numero === undefined) {
      // Another attempt with this key committed first: answer as it was answered.
      const gia = await richieste.leggi(tx, q.id);
      if (gia === undefined) {
        throw new Error(`richiesta ${q.id}: in conflitto ma non trovata`);
      }
      return ripetizione(gia, o.utente, impronta);
    }
    await allegati.assegna(tx, q.id, nominati);
    return { esito: 'creata', id: uuidCanonico(q.id), numero };
  });
}

/** The practice a request names, when it names one: only the fields given. */
export function praticaDi(r: { praticaTipologia: string | null; praticaNumero: string | null }) {
  if (r.praticaTipologia === null && r.praticaNumero === null) {
    return undefined;
  }
  const p: { tipologia?: string; numero?: string } = {};
  if (r.praticaTipologia !== null) {
    p.tipologia = r.praticaTipologia;
  }
  if (r.praticaNumero !== null) {
    p.numero = r.praticaNumero;
  }
  return p;
}

/** A request as it was sent, with its numero, state and times: the help desk's view and a person's export share it. */
export interface RichiestaInviata {
  id: string;
  numero: number;
  stato: StatoRichiesta;
  cognome: string;
  nome: string;
  email?: string;
  telefono?: string;
  rispostaViaEmail: boolean;
  descrizione: string;
  pratica?: { tipologia?: string; numero?: string };
  creataIl: string;
  ricevutaIl: string;
  aggiornataIl: string;
}

/** A stored request as it was sent, with its numero, state and times; contacts and practice only when given. */
export function richiestaInviata(r: RigaRichiesta): RichiestaInviata {
  const voce: RichiestaInviata = {
    id: r.id,
    numero: r.numero,
    stato: r.stato,
    cognome: r.cognome,
    nome: r.nome,
    rispostaViaEmail: r.rispostaViaEmail,
    descrizione: r.descrizione,
    creataIl: r.scrittaIl.toISOString(),
    ricevutaIl: r.ricevutaIl.toISOString(),
    aggiornataIl: r.aggiornataIl.toISOString(),
  };
  if (r.email !== null) {
    voce.email = r.email;
  }
  if (r.telefono !== null) {
    voce.telefono = r.telefono;
  }
  const pratica = praticaDi(r);
  if (pratica !== undefined) {
    voce.pratica = pratica;
  }
  return voce;
}

/** A thread's message as the user's list shows it. */
const messaggioPerUtente = (m: RigaMessaggio) => ({
  id: m.id,
  autore: m.autore,
  testo: m.testo,
  inviatoIl: m.scrittoIl.toISOString(),
});

/** A request as its user's list shows it: the request, its state and thread; no contacts. */
export function perUtente(r: RigaRichiesta, thread: RigaMessaggio[], files: RigaAllegato[]): RichiestaUtente {
  const voce: RichiestaUtente = {
    id: r.id,
    numero: r.numero,
    stato: r.stato,
    creataIl: r.scrittaIl.toISOString(),
    aggiornataIl: r.aggiornataIl.toISOString(),
    descrizione: r.descrizione,
    rispostaViaEmail: r.rispostaViaEmail,
    messaggi: thread.map(messaggioPerUtente),
  };
  const pratica = praticaDi(r);
  if (pratica !== undefined) {
    voce.pratica = pratica;
  }
  if (files.length > 0) {
    voce.allegati = files.map((a) => ({ id: a.id, nome: a.nome, tipo: a.tipo, dimensione: a.dimensione }));
  }
  return voce;
}

export interface PaginaUtente {
  richieste: RichiestaUtente[];
  /** The numero the next page starts below, when there are older requests. */
  primaDi?: number;
}

/**
 * One page of a user's requests, newest first: those numbered below `primaDi`. The next page starts below the last
 * one shown, so a request arriving meanwhile shifts nothing.
 */
export async function elencoUtente(
  db: Database,
  utente: string,
  primaDi: number | undefined,
  perPagina: number,
): Promise<PaginaUtente> {
  const righe = await richieste.diUtente(db, utente, primaDi ?? Number.MAX_SAFE_INTEGER, perPagina + 1);
  const pagina = righe.slice(0, perPagina);
  const id = pagina.map((r) => r.id);
  const [thread, files] = await Promise.all([messaggi.diRichieste(db, id), allegati.diRichieste(db, id)]);
  const esito: PaginaUtente = {
    richieste: pagina.map((r) => perUtente(r, thread.get(r.id) ?? [], files.get(r.id) ?? [])),
  };
  const ultima = pagina.at(-1);
  if (righe.length > perPagina && ultima !== undefined) {
    esito.primaDi = ultima.numero;
  }
  return esito;
}

/** Whether `id` is one of `utente`'s requests (someone else's gets the answer of one that does not exist). */
export async function eDiUtente(db: Database, id: string, utente: string): Promise<boolean> {
  if (!eUuid(id)) {
    return false;
  }
  const r = await richieste.leggi(db, id);
  return r !== undefined && r.utente === utente;
}

export type EsitoRisposta =
  | { esito: 'creata'; id: string; stato: StatoRichiesta }
  | { esito: 'ripetuta'; id: string; stato: StatoRichiesta }
  | { esito: 'chiave-usata' }
  | { esito: 'non-trovata' }
  | { esito: 'chiusa' }
  | { esito: 'non-valida'; errori: ErroreCampo[] }
  | { esito: 'chiave-diversa' };

function ripetizioneRisposta(m: RigaMessaggio, richiesta: string, utente: string, impronta: string): EsitoRisposta {
  if (m.richiesta === richiesta && m.utente === utente && m.impronta === impronta) {
    return { esito: 'ripetuta', id: m.id, stato: m.statoDopo };
  }
  return { esito: 'chiave-usata' };
}

/**
 * The user's reply in the thread of their request `richiesta`: once by its key (the request's row is locked, so
 * attempts with one key take turns), refused on a closed request, and the state moved as the transition table says.
 */
export async function rispostaUtente(
  db: Database,
  o: { richiesta: string; chiave: string; corpo: Record<string, unknown>; utente: string },
): Promise<EsitoRisposta> {
  const impronta = improntaJson(o.corpo);
  const richiesta = uuidCanonico(o.richiesta);
  const chiaveValida = eUuid(o.chiave);
  if (chiaveValida) {
    const gia = await messaggi.leggi(db, o.chiave);
    if (gia !== undefined) {
      return ripetizioneRisposta(gia, richiesta, o.utente, impronta);
    }
  }
  return db.transazione(async (tx): Promise<EsitoRisposta> => {
    const r = await richieste.leggi(tx, o.richiesta, true);
    if (r === undefined || r.utente !== o.utente) {
      return { esito: 'non-trovata' };
    }
    const gia = chiaveValida ? await messaggi.leggi(tx, o.chiave) : undefined;
    if (gia !== undefined) {
      return ripetizioneRisposta(gia, richiesta, o.utente, impronta);
    }
    const stato = statoDopo('risposta-utente', r.stato);
    if (stato === null) {
      return { esito: 'chiusa' };
    }
    const v = verifica<Risposta>(rispostaSchema, o.corpo);
    if (v.esito === 'non-valido') {
      return { esito: 'non-valida', errori: v.errori };
    }
    if (v.dati.id.toLowerCase() !== o.chiave.toLowerCase()) {
      return { esito: 'chiave-diversa' };
    }
    const inserito = await messaggi.inserisci(tx, {
      id: v.dati.id,
      richiesta: r.id,
      autore: 'utente',
      testo: v.dati.testo,
      scrittoIl: new Date(v.dati.inviatoIl),
      utente: o.utente,
      impronta,
      statoDopo: stato,
      inviataViaMailA: null,
      operatore: null,
    });
    if (!inserito) {
      // The key is a message of another request or user that committed meanwhile.
      return { esito: 'chiave-usata' };
    }
    await richieste.cambiaStato(tx, r.id, stato);
    await richieste.notaMessaggio(tx, r.id, 'utente');
    return { esito: 'creata', id: uuidCanonico(v.dati.id), stato };
  });
}

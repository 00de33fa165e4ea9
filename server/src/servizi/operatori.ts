// The help desk's operators: the first administrator, logins with the lock after repeated failures, sessions kept in
// the database (any instance knows them), administrators adding and removing operators. Every action goes to the
// record in the same transaction.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../archivio/database.js';
import * as operatori from '../archivio/operatori.js';
import * as registro from '../archivio/registro.js';
import type { Ruolo } from '../archivio/operatori.js';
import { cifraPassword, passwordFittizia, verificaPassword } from './password.js';

export type { Ruolo };

/** A session ends after this long without use. */
export const INATTIVITA_SESSIONE_S = 8 * 60 * 60;
/** Failed logins are counted over this window. */
export const FINESTRA_FALLIMENTI_S = 15 * 60;
/** Failures that lock a user name, and an address (offices share one), within the window. */
export const MAX_FALLIMENTI_UTENTE = 5;
export const MAX_FALLIMENTI_INDIRIZZO = 20;
/** The shortest password an administrator may give an operator. */
export const MIN_PASSWORD = 12;

/** An operator as the routes and the console see them: no password. */
export interface Operatore {
  utente: string;
  nome: string;
  ruolo: Ruolo;
}

const nomeUtente = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** The login name as stored: trimmed, lower case. */
export const normalizzaUtente = (utente: string): string => utente.trim().toLowerCase();
export const utenteValido = (utente: string): boolean => nomeUtente.test(utente);

/** The session's value (the cookie) and what the database keeps of it: its SHA-256. */
const improntaSessione = (token: string) => createHash('sha256').update(token).digest('base64url');

export type EsitoAccesso =
  | { esito: 'entrato'; token: string; operatore: Operatore }
  | { esito: 'rifiutato' }
  | { esito: 'bloccato'; per: 'utente' | 'indirizzo'; retryAfterS: number };

/**
 * Seconds until the failures within the window drop below `massimo` (the `massimo`-th newest leaves it), or 0 when
 * they are below it already. `volte` is newest first.
 */
function attesaBlocco(volte: Date[], massimo: number, ora: number): number {
  if (volte.length < massimo) {
    return 0;
  }
  const esce = volte[massimo - 1].getTime() + FINESTRA_FALLIMENTI_S * 1000;
  return Math.max(1, Math.ceil((esce - ora) / 1000));
}

/**
 * A login. A name or an address with too many recent failures is refused before the password is even checked (the
 * right password too); a wrong name and a wrong password get one answer, and take as long.
 */
export async function accedi(
  db: Database,
  o: { utente: string; password: string; indirizzo: string },
): Promise<EsitoAccesso> {
  const utente = normalizzaUtente(o.utente);
  const recenti = await operatori.fallimentiRecenti(db, utente, o.indirizzo, FINESTRA_FALLIMENTI_S);
  const ora = Date.now();
  const perUtente = attesaBlocco(recenti.perUtente, MAX_FALLIMENTI_UTENTE, ora);
  const perIndirizzo = attesaBlocco(recenti.perIndirizzo, MAX_FALLIMENTI_INDIRIZZO, ora);
  if (perUtente > 0 || perIndirizzo > 0) {
    const per = perUtente >= perIndirizzo ? 'utente' : 'indirizzo';
    const retryAfterS = Math.max(perUtente, perIndirizzo);
    await db.transazione((tx) =>
      registro.annota(tx, { operatore: utente, azione: 'accesso-bloccato', dettagli: { per, indirizzo: o.indirizzo } }),
    );
    return { esito: 'bloccato', per, retryAfterS };
  }
  const trovato = utenteValido(utente) ? await operatori.leggi(db, utente) : undefined;
  const giusta = await verificaPassword(o.password, trovato?.password ?? (await passwordFittizia()));
  if (trovato === undefined || !giusta) {
    await db.transazione(async (tx) => {
      await operatori.annotaFallimento(tx, utente, o.indirizzo);
      await registro.annota(tx, { operatore: utente, azione: 'accesso-fallito', dettagli: { indirizzo: o.indirizzo } });
    });
    return { esito: 'rifiutato' };
  }
  const token = randomBytes(32).toString('base64url');
  await db.transazione(async (tx) => {
    await operatori.apriSessione(tx, improntaSessione(token), trovato.utente);
    await operatori.dimenticaFallimenti(tx, trovato.utente);
    await registro.annota(tx, { operatore: trovato.utente, azione: 'accesso', dettagli: { indirizzo: o.indirizzo } });
  });
  return { esito: 'entrato', token, operatore: { utente: trovato.utente, nome: trovato.nome, ruolo: trovato.ruolo } };
}

/** The operator of a live session (its use noted: it lasts 8 hours from now), or undefined. */
export async function operatoreDi(db: Database, token: string): Promise<Operatore | undefined> {
  const o = await operatori.usaSessione(db, improntaSessione(token), INATTIVITA_SESSIONE_S);
  if (o === undefined) {
    return undefined;
  }
  return { utente: o.utente, nome: o.nome, ruolo: o.ruolo };
}

/** Logout: the session ends on every instance at once. */
export async function esci(db: Database, token: string): Promise<void> {
  await db.transazione(async (tx) => {
    const operatore = await operatori.chiudiSessione(tx, improntaSessione(token));
    if (operatore !== undefined) {
      await registro.annota(tx, { operatore, azione: 'uscita' });
    }
  });
}

export async function elencoOperatori(db: Database): Promise<(Operatore & { creatoIl: string })[]> {
  return (await operatori.tutti(db)).map((o) => ({
    utente: o.utente,
    nome: o.nome,
    ruolo: o.ruolo,
    creatoIl: o.creatoIl.toISOString(),
  }));
}

export type EsitoNuovoOperatore = { esito: 'creato'; operatore: Operatore } | { esito: 'esiste' };

/** A new operator, by an administrator (`da`; undefined for the first administrator, from the configuration). */
export async function aggiungiOperatore(
  db: Database,
  o: { utente: string; nome: string; password: string; ruolo: Ruolo },
  da: string | undefined,
): Promise<EsitoNuovoOperatore> {
  const utente = normalizzaUtente(o.utente);
  const password = await cifraPassword(o.password);
  return db.transazione(async (tx): Promise<EsitoNuovoOperatore> => {
    if (!(await operatori.inserisci(tx, { utente, nome: o.nome, ruolo: o.ruolo, password }))) {
      return { esito: 'esiste' };
    }
    await registro.annota(tx, {
      operatore: da ?? null,
      azione: 'operatore-aggiunto',
      dettagli: { utente, ruolo: o.ruolo },
    });
    return { esito: 'creato', operatore: { utente, nome: o.nome, ruolo: o.ruolo } };
  });
}

export type EsitoRimozione = { esito: 'rimosso' } | { esito: 'non-trovato' } | { esito: 'ultimo-amministratore' };

/** Removes an operator and ends their sessions; the last administrator stays. */
export async function rimuoviOperatore(db: Database, utente: string, da: string): Promise<EsitoRimozione> {
  const chi = normalizzaUtente(utente);
  return db.transazione(async (tx): Promise<EsitoRimozione> => {
    const amministratori = await operatori.amministratoriPerAggiornare(tx);
    if (amministratori.length === 1 && amministratori[0] === chi) {
      return { esito: 'ultimo-amministratore' };
    }
    if (!(await operatori.rimuovi(tx, chi))) {
      return { esito: 'non-trovato' };
    }
    await registro.annota(tx, { operatore: da, azione: 'operatore-rimosso', dettagli: { utente: chi } });
    return { esito: 'rimosso' };
  });
}

export type EsitoPrimoAmministratore =
  { esito: 'creato'; utente: string } | { esito: 'non-serve' } | { esito: 'manca' };

/**
 * On a start with no operator at all, the first administrator from the configuration; afterwards the configuration
 * is ignored. `manca`: no operator and nothing configured (the log says how to create one).
 */
export async function primoAmministratore(
  db: Database,
  admin: { utente: string; password: string } | undefined,
): Promise<EsitoPrimoAmministratore> {
  if ((await operatori.conta(db)) > 0) {
    return { esito: 'non-serve' };
  }
  if (admin === undefined) {
    return { esito: 'manca' };
  }
  const esito = await aggiungiOperatore(db, { ...admin, nome: admin.utente, ruolo: 'amministratore' }, undefined);
  if (esito.esito === 'esiste') {
    return { esito: 'non-serve' };
  }
  return { esito: 'creato', utente: esito.operatore.utente };
}

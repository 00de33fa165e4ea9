// What waits in the delivery queue (a request with its attachments, or a reply to one of the user's requests), and
// what the queue tells the page's elements about it.
import type { Richiesta } from '../richiesta.js';
import type { Risposta } from '../risposta.js';
import type { EsitoInvio, Intestazioni } from './invio.js';

interface VoceComune {
  /** The Idempotency-Key of its POST, the same at every attempt. */
  id: string;
  /** Where its POST goes. */
  endpoint: string;
  credentials: RequestCredentials;
  /** The identity that wrote it: it is sent only where that user, or nobody, is known. */
  utente: string | null;
  tentativi: number;
  /** When the backoff timer tries again (ms since epoch); never before nonPrimaDi. */
  prossimoTentativo: number;
  /** The server's Retry-After: no trigger sends before it. */
  nonPrimaDi: number;
  /** After this the backend's dedupe is no longer promised: it is not sent, the user is told. */
  scadeIl: number;
  /** in-coda: waiting; scaduta: past the retention; respinta: refused while the user had a new draft. */
  stato: 'in-coda' | 'scaduta' | 'respinta';
  /** When it stopped (refused or expired): 30 days later it is removed. */
  fermaDal?: number;
  messaggio?: string;
  ultimoErrore?: string;
}

/** A request of the form. Never the page's headers: no secret rests in the queue. */
export interface VoceRichiesta extends VoceComune {
  tipo: 'richiesta';
  richiesta: Richiesta;
  /** The attachments the server has stored already: a retry does not upload them again. */
  caricati: string[];
  /** The tab whose memory holds the attachments IndexedDB could not take, if any. */
  schedaAllegati?: string;
}

/** A reply to one of the user's requests, POSTed to <endpoint>/<richiestaId>/messaggi. */
export interface VoceRisposta extends VoceComune {
  tipo: 'risposta';
  richiestaId: string;
  risposta: Risposta;
}

export type VoceCoda = VoceRichiesta | VoceRisposta;

/** When it was written, for the queue's order: oldest first. */
export const scrittaIl = (v: VoceCoda) => (v.tipo === 'richiesta' ? v.richiesta.creataIl : v.risposta.inviatoIl);

/** What a request or reply POSTs. */
export const corpoDi = (v: VoceCoda): unknown => (v.tipo === 'richiesta' ? v.richiesta : v.risposta);

/** An entry as the archive holds it, read: the queue of version 0.1 kept only requests, without kind or uploads. */
export function daArchivio(v: VoceCoda | Omit<VoceRichiesta, 'tipo' | 'caricati'>): VoceCoda {
  if ('tipo' in v) return v;
  return { ...v, tipo: 'richiesta', caricati: [] };
}

/** Which entry an outcome is about. */
export interface Riguarda {
  id: string;
  utente: string | null;
  cosa: VoceCoda['tipo'];
  /** A reply's request. */
  richiestaId?: string;
}

/** An attempt's outcome, with the entry it is about. */
export type Di<T extends EsitoInvio['tipo']> = Extract<EsitoInvio, { tipo: T }> & Riguarda;

/** What happened, told to every element of this tab (and, through BroadcastChannel, of the others). */
export type Notifica =
  | Di<'consegnata'>
  // `allegato`: the attachment the server refused, which stopped its request.
  | (Di<'respinta'> & { inBozza: boolean; allegato?: string })
  | (Di<'rinviata'> & { prima: boolean })
  // An attachment on its way up (this tab only: too frequent for the other tabs).
  | { tipo: 'avanzamento'; id: string; allegato: string; inviati: number; totale: number }
  | { tipo: 'cambiata' }
  // dimentica(): what this browser kept of `utente` (of everyone when undefined) is being removed.
  | { tipo: 'dimenticata'; utente?: string };

/** The outcome of an attempt at one entry: delivered, refused or postponed. */
export type NotificaDiRichiesta = Extract<Notifica, Riguarda>;

/** Whether `n` is the outcome of an attempt at one entry (not news about the queue as a whole). */
export const diUnaVoce = (n: Notifica): n is NotificaDiRichiesta => 'cosa' in n;

/** Whether the removal `n` takes what `utente` sees. */
export const dimenticaUtente = (n: Extract<Notifica, { tipo: 'dimenticata' }>, utente: string | null) =>
  n.utente === undefined || n.utente === utente;

/** An element's extra headers for requests (the host's `headers`), and the endpoint they were configured for. */
export interface Firma {
  /** The element's endpoint: its headers go only to that origin. */
  endpoint: () => string;
  /** Read at each attempt, never stored. */
  intestazioni: () => Intestazioni | undefined | Promise<Intestazioni | undefined>;
}

/** An assistenza element on this page, as the queue sees it. */
export interface Partecipante {
  /** The identity the element knows (profile id, else email), or null. */
  utente(): string | null;
  /** A ticket form: it takes the outcome of its user's requests. */
  readonly modulo?: boolean;
  /** The page's extra headers for a request; only elements that may sign a request have them. */
  readonly firma?: Firma;
  /** `emetti` is true for exactly one element of the tab that did the work: it fires the DOM event. */
  notifica(n: Notifica, emetti: boolean): void;
  /** The ids submitted from this element. */
  readonly proprie?: ReadonlySet<string>;
}

export interface NuovaVoce {
  /** The form's (or the list's) endpoint: a reply goes to <endpoint>/<richiestaId>/messaggi. */
  endpoint: string;
  credentials?: RequestCredentials;
  utente: string | null;
  /** Retention in days (the form's `conservazione`). */
  conservazione?: number;
}

export interface NuovaRichiesta extends NuovaVoce {
  richiesta: Richiesta;
}

export interface NuovaRisposta extends NuovaVoce {
  richiestaId: string;
  risposta: Risposta;
}

/** A refusal that sends its request back to the draft: the outcome, and the attachment that caused it. */
export type Rifiuto = Di<'respinta'> & { allegato?: string };

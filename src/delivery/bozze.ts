// Drafts: what the user typed, kept per user so that on a shared computer nobody sees another's text.
import type { Richiesta } from '../richiesta.js';
import type { Archivio, Scrittura } from './archivio.js';

/** The form's fields as the user typed them. */
export interface ValoriModulo {
  cognome: string;
  nome: string;
  email: string;
  telefono: string;
  rispostaViaEmail: boolean;
  descrizione: string;
  tipologia: string;
  numero: string;
}

/** An attachment of the draft (its bytes rest apart, see allegati.ts); `errore` when the server refused this file. */
export interface AllegatoBozza {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  errore?: string;
}

/** Only the fields the user touched (the others keep following the profile), and the attachments. */
export type Bozza = Partial<ValoriModulo> & { allegati?: AllegatoBozza[] };

const SESSIONE = 'assistenza-tecnica:bozza';

export function bozzaVuota(b: Bozza | undefined): boolean {
  if (!b) return true;
  const { allegati, ...campi } = b;
  return !allegati?.length && Object.values(campi).every((v) => !v);
}

// Without an identity the draft lives in sessionStorage: it survives a reload but not the browser session. A storage
// that is missing, full or refused only means the text stays in the form.
export async function leggiBozza(archivio: Archivio, utente: string | null): Promise<Bozza | undefined> {
  if (utente) return archivio.leggi<Bozza>('bozza:' + utente);
  try {
    const salvata = sessionStorage.getItem(SESSIONE);
    return salvata === null ? undefined : (JSON.parse(salvata) as Bozza);
  } catch {
    return undefined;
  }
}

/** The archive writes that store (or, when empty, remove) a user's draft: none for an anonymous one. */
export function scritturaBozza(utente: string | null, b?: Bozza): Scrittura[] {
  if (utente) return [['bozza:' + utente, bozzaVuota(b) ? undefined : b]];
  try {
    if (bozzaVuota(b)) sessionStorage.removeItem(SESSIONE);
    else sessionStorage.setItem(SESSIONE, JSON.stringify(b));
  } catch {
    // No session storage (or full): the text stays in the form only.
  }
  return [];
}

export async function salvaBozza(archivio: Archivio, utente: string | null, b: Bozza | undefined): Promise<void> {
  for (const w of scritturaBozza(utente, b)) await archivio.scrivi(w);
}

/**
 * The draft a refused request goes back to: what the user typed, without the id and the time the form added; the
 * attachments with it, the one the server refused marked with its message.
 */
export function bozzaDa(r: Richiesta, rifiuto?: { allegato: string; messaggio: string }): Bozza {
  const { pratica, cognome, nome, email, telefono, rispostaViaEmail, descrizione, allegati } = r;
  const b: Bozza = { cognome, nome, email, telefono, rispostaViaEmail, descrizione, ...pratica };
  if (allegati?.length)
    b.allegati = allegati.map((a) => (a.id === rifiuto?.allegato ? { ...a, errore: rifiuto.messaggio } : { ...a }));
  return b;
}

/** The key of a user's draft reply to one of their requests. */
export const chiaveBozzaRisposta = (utente: string, richiesta: string) => `bozza-risposta:${utente}:${richiesta}`;

/** A draft reply: kept per user and request; without an identity it lives in the page only. */
export async function leggiBozzaRisposta(
  archivio: Archivio,
  utente: string | null,
  richiesta: string,
): Promise<string> {
  if (!utente) return '';
  return (await archivio.leggi<string>(chiaveBozzaRisposta(utente, richiesta))) ?? '';
}

/** The archive write that stores (or, when empty, removes) a draft reply: none for an anonymous user. */
export function scritturaBozzaRisposta(utente: string | null, richiesta: string, testo = ''): Scrittura[] {
  if (!utente) return [];
  return [[chiaveBozzaRisposta(utente, richiesta), testo.trim() ? testo : undefined]];
}

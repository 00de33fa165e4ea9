// Drafts: what the user typed, kept per user so that on a shared computer nobody sees another's text.
import type { Richiesta } from '../richiesta.js';
import type { Archivio, Scrittura } from './archivio.js';
import { bozzaScaduta, chiaveBozza, chiaveBozzaRisposta, type Datata } from './conservazione.js';

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
// that is missing, full or refused only means the text stays in the form. A user's draft in the archive carries the
// time of its last change: 30 days later it is gone (see conservazione.ts), and is never shown again before that.
export async function leggiBozza(archivio: Archivio, utente: string | null, ora: number): Promise<Bozza | undefined> {
  if (utente) {
    const salvata = await archivio.leggi<Bozza & Datata>(chiaveBozza(utente));
    if (!salvata || bozzaScaduta(salvata, ora)) return undefined;
    const { modificataIl, ...bozza } = salvata;
    return bozza;
  }
  try {
    const salvata = sessionStorage.getItem(SESSIONE);
    return salvata === null ? undefined : (JSON.parse(salvata) as Bozza);
  } catch {
    return undefined;
  }
}

/** The archive writes that store (or, when empty, remove) a user's draft, changed at `ora`: none for an anonymous one. */
export function scritturaBozza(utente: string | null, b: Bozza | undefined, ora: number): Scrittura[] {
  if (utente) return [[chiaveBozza(utente), bozzaVuota(b) ? undefined : { ...b, modificataIl: ora }]];
  try {
    if (bozzaVuota(b)) sessionStorage.removeItem(SESSIONE);
    else sessionStorage.setItem(SESSIONE, JSON.stringify(b));
  } catch {
    // No session storage (or full): the text stays in the form only.
  }
  return [];
}

export async function salvaBozza(
  archivio: Archivio,
  utente: string | null,
  b: Bozza | undefined,
  ora: number,
): Promise<void> {
  for (const w of scritturaBozza(utente, b, ora)) await archivio.scrivi(w);
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

/** A draft reply as the archive holds it: its text and its last change (a bare text in drafts written before). */
type BozzaRispostaSalvata = { testo: string } & Datata;

/** A draft reply: kept per user and request; without an identity it lives in the page only. Gone 30 days after its last change. */
export async function leggiBozzaRisposta(
  archivio: Archivio,
  utente: string | null,
  richiesta: string,
  ora: number,
): Promise<string> {
  if (!utente) return '';
  const salvata = await archivio.leggi<BozzaRispostaSalvata | string>(chiaveBozzaRisposta(utente, richiesta));
  if (typeof salvata !== 'object' || bozzaScaduta(salvata, ora)) return '';
  return salvata.testo;
}

/** The archive write that stores (or, when empty, removes) a draft reply changed at `ora`: none for an anonymous user. */
export function scritturaBozzaRisposta(
  utente: string | null,
  richiesta: string,
  testo: string,
  ora: number,
): Scrittura[] {
  if (!utente) return [];
  const bozza: BozzaRispostaSalvata | undefined = testo.trim() ? { testo, modificataIl: ora } : undefined;
  return [[chiaveBozzaRisposta(utente, richiesta), bozza]];
}

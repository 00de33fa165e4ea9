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

/** Only the fields the user touched: the others keep following the profile. */
export type Bozza = Partial<ValoriModulo>;

const SESSIONE = 'assistenza-tecnica:bozza';

export const bozzaVuota = (b: Bozza | undefined) => !b || Object.values(b).every((v) => !v);

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

/** The draft a refused request goes back to: what the user typed, without the id and the time the form added. */
export function bozzaDa(r: Richiesta): Bozza {
  const { pratica, cognome, nome, email, telefono, rispostaViaEmail, descrizione } = r;
  return { cognome, nome, email, telefono, rispostaViaEmail, descrizione, ...pratica };
}

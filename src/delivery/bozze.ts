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

const vuota = (b: Bozza | undefined) => !b || Object.values(b).every((v) => v === '' || v === false || v == null);

// Without an identity the draft lives in sessionStorage: it survives a reload but not the browser session.
function sessione(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

export async function leggiBozza(archivio: Archivio, utente: string | null): Promise<Bozza | undefined> {
  if (utente) return archivio.leggi<Bozza>('bozza:' + utente);
  try {
    const s = sessione()?.getItem(SESSIONE);
    return s ? (JSON.parse(s) as Bozza) : undefined;
  } catch {
    return undefined;
  }
}

/** The archive write that stores (or, when empty, removes) a user's draft; null for an anonymous one. */
export function scritturaBozza(utente: string | null, b: Bozza | undefined): Scrittura | null {
  if (utente) return ['bozza:' + utente, vuota(b) ? undefined : b];
  try {
    vuota(b) ? sessione()?.removeItem(SESSIONE) : sessione()?.setItem(SESSIONE, JSON.stringify(b));
  } catch {
    // storage full or refused: the text stays in the form
  }
  return null;
}

export async function salvaBozza(archivio: Archivio, utente: string | null, b: Bozza | undefined): Promise<void> {
  const w = scritturaBozza(utente, b);
  if (w) await archivio.scrivi(w);
}

export const bozzaVuota = vuota;

/** The draft a refused request goes back to. */
export function bozzaDa(r: Richiesta): Bozza {
  return {
    cognome: r.cognome,
    nome: r.nome,
    email: r.email ?? '',
    telefono: r.telefono ?? '',
    rispostaViaEmail: r.rispostaViaEmail,
    descrizione: r.descrizione,
    tipologia: r.pratica?.tipologia ?? '',
    numero: r.pratica?.numero ?? '',
  };
}

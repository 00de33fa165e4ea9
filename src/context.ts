// The values <assistenza-provider> hands to every assistenza element inside it.
import { createContext } from '@lit/context';

/** The logged-in user, as the portal knows them. */
export interface Profilo {
  /** The user's id: drafts and pending requests belong to it. */
  id?: string;
  cognome: string;
  nome: string;
  email?: string;
  telefono?: string;
}

/** The phone line an Ente has bought. */
export interface TelefonoEnte {
  abilitata?: boolean;
  numero?: string;
  /** Time slots, e.g. "08:30-12:30,14:00-18:00". */
  orari?: string;
  /** Weekdays, e.g. "lun-ven" or "lun,mer,ven". */
  giorni?: string;
  /** Extra closing days, ISO dates: a list or a comma-separated string. */
  chiusure?: string | string[];
}

/** What the municipality (the Ente) has configured. */
export interface ConfigurazioneEnte {
  telefono?: TelefonoEnte;
}

export const profiloContext = createContext<Profilo | undefined>(Symbol('assistenza-profilo'));
export const endpointContext = createContext<string | undefined>(Symbol('assistenza-endpoint'));
export const enteContext = createContext<ConfigurazioneEnte | undefined>(Symbol('assistenza-ente'));
/** The portal's "Le mie richieste" page, which the form links to once a request is sent. */
export const paginaRichiesteContext = createContext<string | undefined>(Symbol('assistenza-pagina-richieste'));
/** Where <assistenza-tempi-risposta> reads the published response times (GET /api/tempi-risposta). */
export const fonteTempiContext = createContext<string | undefined>(Symbol('assistenza-fonte-tempi'));

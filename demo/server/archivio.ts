// What the endpoint keeps (requests with their owner, threads and states, reply keys, attachments) and the store's
// contract; the in-memory store of the tests. The demo's file store is archivio-file.ts.
import type { Richiesta } from '../../src/richiesta.js';
import type { StatoRichiesta } from '../../src/elenco.js';

export type { StatoRichiesta };

/** One message of a request's thread, after the request itself. */
export interface Messaggio {
  id: string;
  autore: 'utente' | 'assistenza';
  testo: string;
  inviatoIl: string;
  /** The help desk's reply also went to this address by mail (the back-office says so). */
  inviataViaMailA?: string;
}

/** A request as stored: what the user sent, its owner, its numero, its state and its thread. */
export interface Ricevuta {
  numero: number;
  /** Its Idempotency-Key, which is also its id. */
  chiave: string;
  richiesta: Richiesta;
  ricevutaIl: string;
  /** The session's user who sent it; absent for a request sent without a session, which no user's list shows. */
  utente?: string;
  stato: StatoRichiesta;
  aggiornataIl: string;
  messaggi: Messaggio[];
}

/** A user's reply already stored, by its Idempotency-Key, with the answer it got: a repeat gets the same. */
export interface RispostaRicevuta {
  chiave: string;
  /** The id of the request it answers. */
  richiesta: string;
  utente: string;
  risposta: { id: string; stato: StatoRichiesta };
}

/** An uploaded file's metadata; its bytes are kept apart (contenuto). */
export interface AllegatoCaricato {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  /** Who uploaded it; absent for an upload without a session, which only an anonymous request may name. */
  utente?: string;
  caricatoIl: string;
}

/** Everything the store holds, but the attachments' bytes. */
export interface DatiArchivio {
  richieste: Ricevuta[];
  risposte: RispostaRicevuta[];
  allegati: AllegatoCaricato[];
}

/** Where the endpoint keeps its data: memory in tests, a file in the demo. */
export interface ArchivioRichieste {
  /** What is stored now. Read it, never change it: changes go through modifica. */
  leggi(): DatiArchivio;
  /**
   * Applies `cambia` to a copy of the data and keeps the copy only once it is stored whole: when it cannot be, throws
   * and keeps nothing (the caller answers 503 and the client retries with the same key).
   */
  modifica(cambia: (dati: DatiArchivio) => void): void;
  /** Stores an attachment's bytes whole, or throws and keeps nothing. */
  salvaContenuto(id: string, byte: Buffer): void;
  contenuto(id: string): Buffer | undefined;
  /** Forgets an attachment's bytes whose metadata could not be stored. */
  rimuoviContenuto(id: string): void;
}

export const archivioVuoto = (): DatiArchivio => ({ richieste: [], risposte: [], allegati: [] });

/** The tests' store: the data in memory, nothing survives the process. */
export class ArchivioInMemoria implements ArchivioRichieste {
  protected dati: DatiArchivio = archivioVuoto();
  protected contenuti = new Map<string, Buffer>();

  leggi(): DatiArchivio {
    return this.dati;
  }

  modifica(cambia: (dati: DatiArchivio) => void): void {
    const copia = structuredClone(this.dati);
    cambia(copia);
    this.conserva(copia);
    this.dati = copia;
  }

  /** Where a subclass writes the new data; throws when it cannot. Memory needs nothing. */
  protected conserva(_dati: DatiArchivio): void {}

  salvaContenuto(id: string, byte: Buffer): void {
    this.contenuti.set(id, byte);
  }

  contenuto(id: string): Buffer | undefined {
    return this.contenuti.get(id);
  }

  rimuoviContenuto(id: string): void {
    this.contenuti.delete(id);
  }
}

// What a bucket's /registro tells a browser test: the attempts the proxy saw, and what the server stored of them,
// in the shapes the tests read (types only: the browser tests import them).
import type { Richiesta } from '../../src/richiesta.js';
import type { StatoRichiesta } from '../../src/elenco.js';
import type { VoceRegistro } from '../../demo/server/guasti.js';
import type { MessaggioSportello } from '../../server/src/servizi/sportello.js';

export type { StatoRichiesta, VoceRegistro };

/** A request the server stored: what the user sent, its numero, state and thread. */
export interface Ricevuta {
  numero: number;
  /** Its Idempotency-Key, which is also its id. */
  chiave: string;
  richiesta: Richiesta;
  ricevutaIl: string;
  /** The token's user who sent it (without the bucket's suffix); absent for an anonymous request. */
  utente?: string;
  stato: StatoRichiesta;
  aggiornataIl: string;
  messaggi: MessaggioSportello[];
}

/** An upload the server stored (its bytes stay there). */
export interface AllegatoCaricato {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
  utente?: string;
  caricatoIl: string;
}

/** A mail the help desk's reply wrote to the outbox. */
export interface Mail {
  id: string;
  a: string;
  oggetto: string;
  testo: string;
  richiesta: string;
  messaggio: string;
  scrittaIl: string;
}

export interface Registro {
  ricevute: Ricevuta[];
  allegati: AllegatoCaricato[];
  tentativi: VoceRegistro[];
  posta: Mail[];
}

// Uploads: a file's bytes stored once under its key (the file's id) before the request that names it, and a stored
// file handed back for a download (the help desk's, or its uploader's). The checks that need no bytes (id, key, name,
// type, size) are the route's, made before the body is read; the ones here need the bytes.
import type { Database } from '../archivio/database.js';
import * as allegati from '../archivio/allegati.js';
import type { RigaAllegato } from '../archivio/allegati.js';
import { tipoDalContenuto } from '../../../src/allegati/firma.js';
import type { TipoAllegato } from '../../../src/richiesta.js';
import { improntaByte } from './impronta.js';
import { eUuid, uuidCanonico } from './validazione.js';
import type { Utente } from './richieste.js';

/** What the uploader is told about a stored file. */
export interface MetadatiAllegato {
  id: string;
  nome: string;
  tipo: string;
  dimensione: number;
}

export type EsitoCaricamento =
  | { esito: 'caricato'; allegato: MetadatiAllegato }
  | { esito: 'ripetuto'; allegato: MetadatiAllegato }
  /** The key is another caller's, or came with another file: nothing of the first is revealed. */
  | { esito: 'chiave-usata' }
  | { esito: 'vuoto' }
  /** The content's signature is not the declared type's. */
  | { esito: 'contenuto-diverso' };

const metadati = (a: Pick<RigaAllegato, 'id' | 'nome' | 'tipo' | 'dimensione'>): MetadatiAllegato => ({
  id: a.id,
  nome: a.nome,
  tipo: a.tipo,
  dimensione: a.dimensione,
});

function ripetizione(a: RigaAllegato, o: { utente: Utente; nome: string; tipo: string }, impronta: string) {
  const stesso = a.utente === (o.utente ?? null) && a.impronta === impronta && a.nome === o.nome && a.tipo === o.tipo;
  if (stesso) {
    return { esito: 'ripetuto', allegato: metadati(a) } as const;
  }
  return { esito: 'chiave-usata' } as const;
}

/** Stores an upload whose id, key, name and declared type the route has checked. */
export async function caricaAllegato(
  db: Database,
  o: { id: string; utente: Utente; nome: string; tipo: TipoAllegato; byte: Buffer },
): Promise<EsitoCaricamento> {
  const impronta = improntaByte(o.byte);
  const gia = await allegati.leggi(db, o.id);
  if (gia !== undefined) {
    return ripetizione(gia, o, impronta);
  }
  if (o.byte.length === 0) {
    return { esito: 'vuoto' };
  }
  // The signature, as the form checks it (src/allegati/firma.ts): never the name or the declared type alone.
  if (tipoDalContenuto(o.byte) !== o.tipo) {
    return { esito: 'contenuto-diverso' };
  }
  const nuovo = {
    id: uuidCanonico(o.id),
    utente: o.utente ?? null,
    nome: o.nome,
    tipo: o.tipo,
    dimensione: o.byte.length,
    impronta,
  };
  const inserito = await db.transazione((tx) => allegati.inserisci(tx, { ...nuovo, contenuto: o.byte }));
  if (!inserito) {
    const primo = await allegati.leggi(db, o.id);
    if (primo === undefined) {
      throw new Error(`allegato ${o.id}: in conflitto ma non trovato`);
    }
    return ripetizione(primo, o, impronta);
  }
  return { esito: 'caricato', allegato: metadati(nuovo) };
}

/** A stored file with its bytes, for the help desk's download. */
export async function scaricaAllegato(db: Database, id: string) {
  return allegati.contenuto(db, id);
}

/** A file with its bytes for the user who uploaded it; undefined for anyone else, as for a file that does not exist. */
export async function scaricaPerUtente(db: Database, o: { allegato: string; utente: Utente }) {
  if (o.utente === undefined || !eUuid(o.allegato)) {
    return undefined;
  }
  const a = await allegati.contenuto(db, o.allegato);
  if (a === undefined || a.utente !== o.utente) {
    return undefined;
  }
  return a;
}

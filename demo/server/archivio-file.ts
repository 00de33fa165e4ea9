// The demo endpoint's store: one JSON file rewritten whole through a temporary file (a crash never leaves half a
// write), and each attachment's bytes in a file of its own in allegati/ beside it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ArchivioInMemoria, archivioVuoto, type DatiArchivio, type Ricevuta } from './archivio.js';

/** Writes `contenuto` to `file` whole or not at all: a temporary file beside it, then a rename. */
export function scriviIntero(file: string, contenuto: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, contenuto);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A request as the first version of the file kept it: before owners, states and threads. */
type RicevutaVersione1 = Pick<Ricevuta, 'numero' | 'chiave' | 'richiesta' | 'ricevutaIl'>;

/** The file's data: today's object, or the first version's list of requests (each then received, with no thread). */
function daFile(letto: unknown): DatiArchivio {
  if (Array.isArray(letto)) {
    const richieste = (letto as RicevutaVersione1[]).map((r) => ({
      ...r,
      stato: 'ricevuta' as const,
      aggiornataIl: r.ricevutaIl,
      messaggi: [],
    }));
    return { ...archivioVuoto(), richieste };
  }
  const d = letto as Partial<DatiArchivio> | null;
  if (
    d === null ||
    typeof d !== 'object' ||
    !Array.isArray(d.richieste) ||
    !Array.isArray(d.risposte) ||
    !Array.isArray(d.allegati)
  ) {
    throw new Error('non contiene richieste, risposte e allegati');
  }
  return { richieste: d.richieste, risposte: d.risposte, allegati: d.allegati };
}

// The ids are UUIDs (the endpoint checks them); anything else never becomes a path.
const nomeSicuro = /^[\da-f-]{36}$/i;

export class ArchivioFile extends ArchivioInMemoria {
  private cartellaAllegati: string;

  constructor(private file: string) {
    super();
    this.cartellaAllegati = join(dirname(file), 'allegati');
    if (!existsSync(file)) {
      return;
    }
    try {
      this.dati = daFile(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      // Starting empty would hand out numeri already given: better to stop and say which file to look at.
      throw new Error(
        `assistenza-tecnica: l'archivio ${file} non è leggibile (${(e as Error).message}); correggilo o cancellalo.`,
        { cause: e },
      );
    }
  }

  protected override conserva(dati: DatiArchivio): void {
    scriviIntero(this.file, JSON.stringify({ versione: 2, ...dati }, null, 2));
  }

  override salvaContenuto(id: string, byte: Buffer): void {
    scriviIntero(this.percorso(id), byte);
  }

  override contenuto(id: string): Buffer | undefined {
    const percorso = this.percorso(id);
    if (!existsSync(percorso)) {
      return undefined;
    }
    return readFileSync(percorso);
  }

  override rimuoviContenuto(id: string): void {
    rmSync(this.percorso(id), { force: true });
  }

  private percorso(id: string): string {
    if (!nomeSicuro.test(id)) {
      throw new Error(`identificativo di allegato non valido: ${id}`);
    }
    return join(this.cartellaAllegati, id);
  }
}

// The demo's mail outbox: the help desk's replies to a request that asked for the answer by mail. No mail leaves the
// demo; a real backend hands them to its mail server.
import { existsSync, readFileSync } from 'node:fs';
import { scriviIntero } from './archivio-file.js';

/** One mail written to the outbox. */
export interface Mail {
  id: string;
  a: string;
  oggetto: string;
  testo: string;
  /** The request it answers, and the message of its thread it carries. */
  richiesta: string;
  numero: number;
  messaggio: string;
  scrittaIl: string;
}

export interface PostaInUscita {
  /** Writes the mail, or throws and writes nothing. */
  invia(m: Mail): void;
  /** Takes a mail back out (its message could not be stored). */
  ritira(id: string): void;
  elenco(): Mail[];
}

export class PostaInMemoria implements PostaInUscita {
  protected mail: Mail[] = [];

  invia(m: Mail): void {
    this.mail = [...this.mail, m];
  }

  ritira(id: string): void {
    this.mail = this.mail.filter((m) => m.id !== id);
  }

  elenco(): Mail[] {
    return this.mail;
  }
}

/** The outbox as a JSON list in a file (demo/.dati/posta.json), rewritten whole like the requests' file. */
export class PostaFile extends PostaInMemoria {
  constructor(private file: string) {
    super();
    if (!existsSync(file)) {
      return;
    }
    try {
      const letta: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(letta)) {
        throw new Error('non è un elenco');
      }
      this.mail = letta as Mail[];
    } catch (e) {
      throw new Error(
        `assistenza-tecnica: la posta in uscita ${file} non è leggibile (${(e as Error).message}); correggila o cancellala.`,
        { cause: e },
      );
    }
  }

  override invia(m: Mail): void {
    scriviIntero(this.file, JSON.stringify([...this.mail, m], null, 2));
    super.invia(m);
  }

  override ritira(id: string): void {
    scriviIntero(
      this.file,
      JSON.stringify(
        this.mail.filter((m) => m.id !== id),
        null,
        2,
      ),
    );
    super.ritira(id);
  }
}

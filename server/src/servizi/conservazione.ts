// The retention: requests solved or closed for longer than ASSISTENZA_CONSERVAZIONE_MESI are deleted with their
// threads, files, mails and keys, and uploads no request names are deleted 30 days after their upload. Every instance
// purges at its start and every hour; a batch at a time, each in a short transaction under an advisory lock, so two
// instances never purge at once and no row is locked for long. The record of operator actions keeps its entries, with
// the numero of a deleted request and without its id.
import type { Database, Esecutore } from '../archivio/database.js';
import {
  cancellaAllegatiNonUsati,
  cancellaRichieste,
  concluseDa,
  menoMesi,
  prendiBlocco,
  type Cancellati,
} from '../archivio/conservazione.js';

/** ASSISTENZA_CONSERVAZIONE_MESI's default. */
export const MESI_PREDEFINITI = 24;
/** An upload no request names is kept this long: the widget's queue sends a request within 7 days by default. */
export const GIORNI_ALLEGATI_NON_USATI = 30;
/** Requests (or uploads) deleted in one transaction. */
export const LOTTO = 100;
/** How often each instance purges. */
export const OGNI_MS = 60 * 60 * 1000;

const GIORNO_MS = 24 * 60 * 60 * 1000;

export interface OpzioniPurga {
  /** Requests solved or closed for longer than this many months are deleted; 0: every one, at this purge. */
  mesi: number;
  /** The moment the limits count back from: now, unless a test fixes it. */
  ora?: Date;
  giorniAllegatiNonUsati?: number;
  lotto?: number;
  /** Stops between two batches (the server closing). */
  segnale?: AbortSignal;
}

/** What one purge removed. */
export interface Rimossi extends Cancellati {
  /** Uploads no request named, past their 30 days. */
  allegatiNonUsati: number;
}

export type EsitoPurga =
  | { esito: 'completata'; rimossi: Rimossi }
  /** Another instance's purge held the lock at one of this one's batches: it goes on with what is left. */
  | { esito: 'in-corso-altrove'; rimossi: Rimossi }
  /** Stopped between two batches by the signal. */
  | { esito: 'interrotta'; rimossi: Rimossi };

type Fine = 'completata' | 'in-corso-altrove' | 'interrotta';

/** One batch in its transaction: what it removed, and whether it was the last (it found fewer than it could take). */
type Lotto<T> = (tx: Esecutore) => Promise<{ rimossi: T; ultimo: boolean }>;

/**
 * Runs batches, each in its own transaction under the lock, until one is the last, the lock is another's or the
 * signal stops it; `conta` hears what each removed once it is committed.
 */
async function aLotti<T>(db: Database, segnale: AbortSignal | undefined, lotto: Lotto<T>, conta: (r: T) => void) {
  for (;;) {
    if (segnale?.aborted) {
      return 'interrotta' satisfies Fine;
    }
    const passo = await db.transazione(async (tx) => {
      if (!(await prendiBlocco(tx))) {
        return { esito: 'occupato' } as const;
      }
      return { esito: 'fatto', ...(await lotto(tx)) } as const;
    });
    if (passo.esito === 'occupato') {
      return 'in-corso-altrove' satisfies Fine;
    }
    conta(passo.rimossi);
    if (passo.ultimo) {
      return 'completata' satisfies Fine;
    }
  }
}

/** One purge: the expired requests, then the unnamed uploads past their days. */
export async function purga(db: Database, o: OpzioniPurga): Promise<EsitoPurga> {
  const ora = o.ora ?? new Date();
  const quante = o.lotto ?? LOTTO;
  const rimossi: Rimossi = { richieste: 0, messaggi: 0, allegati: 0, posta: 0, vociRegistro: 0, allegatiNonUsati: 0 };
  const limite = await menoMesi(db, ora, o.mesi);
  const richieste = await aLotti(
    db,
    o.segnale,
    async (tx) => {
      const id = await concluseDa(tx, limite, quante);
      return { rimossi: await cancellaRichieste(tx, id), ultimo: id.length < quante };
    },
    (c) => aggiungi(rimossi, c),
  );
  if (richieste !== 'completata') {
    return { esito: richieste, rimossi };
  }
  const caricatiPrima = new Date(ora.getTime() - (o.giorniAllegatiNonUsati ?? GIORNI_ALLEGATI_NON_USATI) * GIORNO_MS);
  const allegati = await aLotti(
    db,
    o.segnale,
    async (tx) => {
      const n = await cancellaAllegatiNonUsati(tx, caricatiPrima, quante);
      return { rimossi: n, ultimo: n < quante };
    },
    (n) => {
      rimossi.allegatiNonUsati += n;
    },
  );
  return { esito: allegati, rimossi };
}

function aggiungi(a: Rimossi, b: Cancellati): void {
  a.richieste += b.richieste;
  a.messaggi += b.messaggi;
  a.allegati += b.allegati;
  a.posta += b.posta;
  a.vociRegistro += b.vociRegistro;
}

/** Where the purges are written: the server's log. */
export interface RegistroConservazione {
  info(o: object, messaggio: string): void;
  warn(o: object, messaggio: string): void;
}

const MESSAGGI: Record<EsitoPurga['esito'], string> = {
  completata: 'conservazione: rimossi i dati scaduti',
  'in-corso-altrove': 'conservazione: la continua un’altra istanza',
  interrotta: 'conservazione: interrotta dalla chiusura',
};

export interface Conservazione {
  /** Stops the purges: the one under way ends after its current batch, and is waited for. */
  ferma(): Promise<void>;
}

/**
 * Purges now, then `ogniMs` (an hour) after each purge ends, so one process never runs two at once; each purge is
 * logged with how many of each it removed. A failed purge (the database away) is logged and tried at the next turn.
 */
export function pianificaConservazione(
  db: Database,
  o: { mesi: number; log: RegistroConservazione; ogniMs?: number },
): Conservazione {
  const fermo = new AbortController();
  let prossima: NodeJS.Timeout | undefined;
  let inCorso: Promise<void> = Promise.resolve();
  const esegui = async () => {
    const inizio = Date.now();
    try {
      const e = await purga(db, { mesi: o.mesi, segnale: fermo.signal });
      o.log.info({ ...e.rimossi, mesi: o.mesi, ms: Date.now() - inizio }, MESSAGGI[e.esito]);
    } catch (errore) {
      o.log.warn({ errore: (errore as Error).message }, 'conservazione non riuscita: riprovo al prossimo turno');
    }
    if (!fermo.signal.aborted) {
      prossima = setTimeout(avvia, o.ogniMs ?? OGNI_MS);
      prossima.unref();
    }
  };
  const avvia = () => {
    inCorso = esegui();
  };
  avvia();
  return {
    ferma: async () => {
      fermo.abort();
      clearTimeout(prossima);
      await inCorso;
    },
  };
}

// Where drafts and the queue rest: IndexedDB through idb-keyval, or memory when IndexedDB is refused or does not answer.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

export type Chiave = string;

/** One write of a transaction: put a value, or delete the key (valore undefined). */
export type Scrittura = [Chiave, unknown];

/**
 * How long an open or a transaction may stay unsettled before IndexedDB is taken for broken. WebKit has been seen to
 * leave an open unanswered for good, and any engine can leave a transaction hanging; a user must not wait on that.
 */
export const ATTESA_MASSIMA_IDB_MS = 3000;

export interface Archivio {
  /** false once IndexedDB has failed: what is written lives only as long as the page. */
  readonly persistente: boolean;
  leggi<T>(k: Chiave): Promise<T | undefined>;
  /** Whether a value is stored under `k`, without reading it (an attachment's megabytes stay where they are). */
  esiste(k: Chiave): Promise<boolean>;
  /** Every value whose key starts with `prefisso`, in key order. */
  elenca<T>(prefisso: string): Promise<T[]>;
  /** The keys that start with `prefisso`, in order, without reading their values (an attachment's megabytes). */
  chiavi(prefisso: string): Promise<Chiave[]>;
  /** Writes all of them or none (one IndexedDB transaction). */
  scrivi(...s: Scrittura[]): Promise<void>;
  /** Reads and rewrites one key atomically; returns what was written. */
  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined): Promise<T | undefined>;
  /** Registers a call for the moment the archive falls back to memory. */
  quandoDegrada?(f: () => void): void;
  /** Writes all of them in the lasting store, or none, without falling back to memory: whether it did. */
  provaAScrivere(...s: Scrittura[]): Promise<boolean>;
}

type Memoria = Map<Chiave, unknown>;

/** The keys with prefix p: the range [p, p + the highest code unit). */
const conPrefisso = (p: string) => IDBKeyRange.bound(p, p + '\uffff');

/** The memory's keys with prefix p, in the order IndexedDB would give them. */
const chiaviInMemoria = (m: Memoria, p: string) => [...m.keys()].filter((k) => k.startsWith(p)).sort();

/** The result an operation hands back once its transaction has committed. */
type Risultato<R> = { result?: R };

function scriviInMemoria(m: Memoria, k: Chiave, v: unknown): void {
  if (v === undefined) m.delete(k);
  else m.set(k, structuredClone(v));
}

function scriviNelloStore(s: IDBObjectStore, k: Chiave, v: unknown): void {
  if (v === undefined) s.delete(k);
  else s.put(v, k);
}

/**
 * Uses IndexedDB while it works; at its first failure (private mode, blocked, quota exceeded) or the first open or
 * transaction that does not settle within `attesaMassimaMs`, switches to memory for the rest of the page's life,
 * retrying the operation there, so callers never see the error. The next page load tries IndexedDB again.
 */
export class ArchivioResiliente implements Archivio {
  #store: UseStore;
  /** The memory fallback; undefined while IndexedDB works. */
  #mem?: Memoria;
  #ascoltatori: (() => void)[] = [];
  /** Rejects when the archive falls back to memory, so that operations still waiting on IndexedDB give up at once. */
  #abbandono: Promise<never>;
  #abbandona: () => void = () => {};

  constructor(
    nomeDb = 'assistenza-tecnica',
    readonly attesaMassimaMs = ATTESA_MASSIMA_IDB_MS,
  ) {
    this.#store = createStore(nomeDb, 'archivio');
    this.#abbandono = new Promise<never>((_, rifiuta) => {
      this.#abbandona = () => rifiuta(new Error('archivio in memoria'));
    });
    // Nobody may be waiting when it rejects: that is not an unhandled rejection.
    this.#abbandono.catch(() => {});
    // createStore opens lazily, and an open that fails or hangs would hold up the first real operation: probe it now.
    void this.leggi('');
  }

  get persistente() {
    return !this.#mem;
  }

  quandoDegrada(f: () => void): void {
    this.#ascoltatori.push(f);
  }

  /** From now on memory holds everything; tells the listeners once. */
  #degrada(): Memoria {
    if (!this.#mem) {
      this.#mem = new Map();
      this.#abbandona();
      for (const f of this.#ascoltatori) f();
    }
    return this.#mem;
  }

  /**
   * Runs `op` in one IndexedDB transaction and resolves, once it has committed, with the `result` op returned; or,
   * once degraded, runs `mem` on the memory map (as a tiny object store).
   */
  async #tx<R>(
    modo: IDBTransactionMode,
    op: (s: IDBObjectStore) => Risultato<R> | void,
    mem: (m: Memoria) => R,
  ): Promise<R> {
    if (this.#mem) return mem(this.#mem);
    try {
      return await this.#inIndexedDb(modo, op);
    } catch {
      return mem(this.#degrada());
    }
  }

  /**
   * `op` in one IndexedDB transaction, within the time limit; rejects when it fails or does not settle. An operation
   * given up on leaves nothing behind: a transaction still queued is aborted, and an open that answers late starts none.
   */
  async #inIndexedDb<R>(modo: IDBTransactionMode, op: (s: IDBObjectStore) => Risultato<R> | void): Promise<R> {
    let abbandonata = false;
    let transazione: IDBTransaction | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inIndexedDb: Promise<R> | undefined;
    const scaduta = new Promise<never>((_, rifiuta) => {
      timer = setTimeout(
        () => rifiuta(new Error(`IndexedDB senza risposta dopo ${this.attesaMassimaMs} ms`)),
        this.attesaMassimaMs,
      );
    });
    try {
      // Inside the try: without IndexedDB at all, the open throws at once.
      inIndexedDb = this.#store(modo, (s) => {
        if (abbandonata) throw new Error('operazione abbandonata');
        transazione = s.transaction;
        const r = op(s);
        return promisifyRequest(transazione).then(() => r?.result as R);
      });
      return await Promise.race([inIndexedDb, scaduta, this.#abbandono]);
    } catch (e) {
      abbandonata = true;
      try {
        transazione?.abort();
      } catch {
        // already finished: nothing to undo
      }
      // The late settling of the abandoned promise is nobody's business.
      inIndexedDb?.catch(() => {});
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Writes in IndexedDB or not at all, and says which: for what may not fit (an attachment's megabytes), where a
   * full quota must not take the drafts and the queue down to memory with it. False once degraded, too.
   */
  async provaAScrivere(...w: Scrittura[]): Promise<boolean> {
    if (this.#mem) return false;
    try {
      await this.#inIndexedDb<void>('readwrite', (s) => {
        for (const [k, v] of w) scriviNelloStore(s, k, v);
      });
      return true;
    } catch {
      return false;
    }
  }

  leggi<T>(k: Chiave) {
    return this.#tx<T | undefined>(
      'readonly',
      (s) => s.get(k),
      (m) => m.get(k) as T | undefined,
    );
  }

  async esiste(k: Chiave): Promise<boolean> {
    const quanti = await this.#tx<number>(
      'readonly',
      (s) => s.count(k),
      (m) => (m.has(k) ? 1 : 0),
    );
    return quanti > 0;
  }

  elenca<T>(p: string) {
    return this.#tx<T[]>(
      'readonly',
      (s) => s.getAll(conPrefisso(p)),
      (m) => chiaviInMemoria(m, p).map((k) => m.get(k) as T),
    );
  }

  chiavi(p: string) {
    return this.#tx<Chiave[]>(
      'readonly',
      // Every key the archive writes is a string.
      (s) => s.getAllKeys(conPrefisso(p)) as IDBRequest<Chiave[]>,
      (m) => chiaviInMemoria(m, p),
    );
  }

  scrivi(...w: Scrittura[]) {
    return this.#tx<void>(
      'readwrite',
      (s) => {
        for (const [k, v] of w) scriviNelloStore(s, k, v);
      },
      (m) => {
        for (const [k, v] of w) scriviInMemoria(m, k, v);
      },
    );
  }

  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined) {
    return this.#tx<T | undefined>(
      'readwrite',
      (s) => {
        const out: Risultato<T | undefined> = {};
        const lettura = s.get(k);
        lettura.onsuccess = () => {
          out.result = f(lettura.result);
          scriviNelloStore(s, k, out.result);
        };
        return out;
      },
      (m) => {
        const nuovo = f(m.get(k) as T | undefined);
        scriviInMemoria(m, k, nuovo);
        return nuovo;
      },
    );
  }
}

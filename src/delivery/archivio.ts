// Where drafts and the queue rest: IndexedDB through idb-keyval, or memory when the browser refuses IndexedDB.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

export type Chiave = string;

/** One write of a transaction: put a value, or delete the key (valore undefined). */
export type Scrittura = [Chiave, unknown];

export interface Archivio {
  /** false once IndexedDB has failed: what is written lives only as long as the page. */
  readonly persistente: boolean;
  leggi<T>(k: Chiave): Promise<T | undefined>;
  /** Every value whose key starts with `prefisso`, in key order. */
  elenca<T>(prefisso: string): Promise<T[]>;
  /** Writes all of them or none (one IndexedDB transaction). */
  scrivi(...s: Scrittura[]): Promise<void>;
  /** Reads and rewrites one key atomically; returns what was written. */
  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined): Promise<T | undefined>;
  /** Registers a call for the moment the archive falls back to memory. */
  quandoDegrada?(f: () => void): void;
}

/**
 * Uses IndexedDB while it works; at its first failure (private mode, blocked, quota exceeded) switches to memory for
 * the rest of the page's life, retrying the failed operation there, so callers never see the error.
 */
export class ArchivioResiliente implements Archivio {
  #store: UseStore;
  /** The memory fallback; undefined while IndexedDB works. */
  #mem?: Map<Chiave, unknown>;
  #ascoltatori: (() => void)[] = [];

  constructor(nomeDb = 'assistenza-tecnica') {
    this.#store = createStore(nomeDb, 'archivio');
    // createStore opens lazily and an open that fails (or throws: indexedDB missing) would reject every later call:
    // notice it now.
    void this.leggi('');
  }

  get persistente() {
    return !this.#mem;
  }

  quandoDegrada(f: () => void): void {
    this.#ascoltatori.push(f);
  }

  /**
   * Runs `op` in one IndexedDB transaction and resolves, once it has committed, with the `result` op returned; or,
   * once degraded, runs `mem` on the memory map (as a tiny object store).
   */
  async #tx<R>(modo: IDBTransactionMode, op: (s: IDBObjectStore) => { result?: unknown } | void, mem: (m: Map<Chiave, unknown>) => R): Promise<R> {
    if (!this.#mem) {
      try {
        return await this.#store(modo, (s) => {
          const r = op(s);
          return promisifyRequest(s.transaction).then(() => r?.result as R);
        });
      } catch {
        if (!this.#mem) {
          this.#mem = new Map();
          for (const f of this.#ascoltatori) f();
        }
      }
    }
    return mem(this.#mem!);
  }

  leggi<T>(k: Chiave) {
    return this.#tx('readonly', (s) => s.get(k), (m) => m.get(k) as T | undefined);
  }

  elenca<T>(p: string) {
    return this.#tx(
      'readonly',
      // The keys with prefix p: the range [p, p + the highest code unit).
      (s) => s.getAll(IDBKeyRange.bound(p, p + '\uffff')),
      (m) => [...m.keys()].filter((k) => k.startsWith(p)).sort().map((k) => m.get(k) as T),
    );
  }

  scrivi(...w: Scrittura[]) {
    return this.#tx(
      'readwrite',
      (s) => void w.forEach(([k, v]) => (v === undefined ? s.delete(k) : s.put(v, k))),
      (m) => void w.forEach(([k, v]) => (v === undefined ? m.delete(k) : m.set(k, structuredClone(v)))),
    );
  }

  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined) {
    return this.#tx(
      'readwrite',
      (s) => {
        const out: { result?: T } = {};
        const r = s.get(k);
        r.onsuccess = () => {
          const v = (out.result = f(r.result));
          v === undefined ? s.delete(k) : s.put(v, k);
        };
        return out;
      },
      (m) => {
        const out = f(m.get(k) as T | undefined);
        out === undefined ? m.delete(k) : m.set(k, out);
        return out;
      },
    );
  }
}

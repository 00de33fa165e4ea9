// Where drafts and the queue rest: IndexedDB through idb-keyval, or memory when the browser refuses IndexedDB.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

export type Chiave = string;

/** One write of a transaction: put a value, or delete the key (valore undefined). */
export type Scrittura = [Chiave, unknown];

export interface Archivio {
  /** false once IndexedDB has failed: what is written lives only as long as the page. */
  readonly persistente: boolean;
  leggi<T>(k: Chiave): Promise<T | undefined>;
  /** Every value whose key starts with `prefisso`. */
  elenca<T>(prefisso: string): Promise<T[]>;
  /** Writes all of them or none (one IndexedDB transaction). */
  scrivi(...s: Scrittura[]): Promise<void>;
  /** Reads and rewrites one key atomically; returns what was written. */
  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined): Promise<T | undefined>;
  /** Registers a call for the moment the archive falls back to memory. */
  quandoDegrada?(f: () => void): void;
}

class ArchivioMemoria implements Archivio {
  readonly persistente: boolean = false;
  private m = new Map<Chiave, unknown>();
  async leggi<T>(k: Chiave) {
    return this.m.get(k) as T | undefined;
  }
  async elenca<T>(p: string) {
    return [...this.m].filter(([k]) => k.startsWith(p)).map(([, v]) => v as T);
  }
  async scrivi(...s: Scrittura[]) {
    for (const [k, v] of s) v === undefined ? this.m.delete(k) : this.m.set(k, structuredClone(v));
  }
  async aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined) {
    const v = f(this.m.get(k) as T | undefined);
    await this.scrivi([k, v]);
    return v;
  }
}

class ArchivioIndexedDB implements Archivio {
  readonly persistente = true;
  constructor(private store: UseStore) {}
  leggi<T>(k: Chiave) {
    return this.store('readonly', (s) => promisifyRequest<T | undefined>(s.get(k)));
  }
  elenca<T>(p: string) {
    // The keys with prefix p: the range [p, p + the highest code unit).
    return this.store('readonly', (s) => promisifyRequest<T[]>(s.getAll(IDBKeyRange.bound(p, p + '\uffff'))));
  }
  scrivi(...w: Scrittura[]) {
    return this.store('readwrite', (s) => {
      for (const [k, v] of w) v === undefined ? s.delete(k) : s.put(v, k);
      return promisifyRequest(s.transaction);
    });
  }
  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined) {
    return this.store('readwrite', (s) => {
      let out: T | undefined;
      const r = s.get(k);
      r.onsuccess = () => {
        out = f(r.result as T | undefined);
        out === undefined ? s.delete(k) : s.put(out, k);
      };
      return promisifyRequest(s.transaction).then(() => out);
    });
  }
}

/**
 * Uses IndexedDB while it works; at its first failure (private mode, blocked, quota exceeded) switches to memory for
 * the rest of the page's life, retrying the failed operation there, so callers never see the error.
 */
export class ArchivioResiliente implements Archivio {
  private attivo: Archivio;
  private ascoltatori = new Set<() => void>();

  constructor(nomeDb = 'assistenza-tecnica') {
    let store: UseStore | undefined;
    try {
      store = createStore(nomeDb, 'archivio');
      // createStore opens lazily and an open that fails would reject every later call: notice it now.
      store('readonly', (s) => promisifyRequest(s.count())).catch(() => this.degrada());
    } catch {
      // indexedDB missing or throwing on open
    }
    this.attivo = store ? new ArchivioIndexedDB(store) : new ArchivioMemoria();
  }

  get persistente() {
    return this.attivo.persistente;
  }

  /** Called once when the archive falls back to memory. */
  quandoDegrada(f: () => void): void {
    this.ascoltatori.add(f);
  }

  private degrada() {
    if (!this.attivo.persistente) return;
    this.attivo = new ArchivioMemoria();
    for (const f of this.ascoltatori) f();
  }

  private async prova<R>(op: (a: Archivio) => Promise<R>): Promise<R> {
    try {
      return await op(this.attivo);
    } catch {
      this.degrada();
      return op(this.attivo);
    }
  }

  leggi<T>(k: Chiave) {
    return this.prova((a) => a.leggi<T>(k));
  }
  elenca<T>(p: string) {
    return this.prova((a) => a.elenca<T>(p));
  }
  scrivi(...s: Scrittura[]) {
    return this.prova((a) => a.scrivi(...s));
  }
  aggiorna<T>(k: Chiave, f: (v: T | undefined) => T | undefined) {
    return this.prova((a) => a.aggiorna<T>(k, f));
  }
}

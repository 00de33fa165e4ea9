// Only one tab delivers at a time: the Web Locks API, or a lease in the archive where it is missing.
import type { Archivio } from './archivio.js';

const NOME = 'assistenza-tecnica:consegna';
const CHIAVE = 'lock:' + NOME;
const LEASE_MS = 45_000;
const ATTESA_MS = 200;

interface Lease {
  tab: string;
  scade: number;
}

/** Runs `f` while holding the delivery lock, waiting for it if another tab holds it. */
export async function conLock<R>(archivio: Archivio, tab: string, f: () => Promise<R>, locks = navigator.locks): Promise<R> {
  return locks?.request ? locks.request(NOME, f) : conLease(archivio, tab, f);
}

/**
 * The fallback: a lease written atomically in the archive, renewed while held; a tab that dies holding it only delays
 * the others until the lease expires.
 */
export async function conLease<R>(archivio: Archivio, tab: string, f: () => Promise<R>): Promise<R> {
  // Extends this tab's lease; with `prendi`, also takes one that is free or expired. Returns the lease as it stands.
  const rinnova = (prendi?: boolean, ora = Date.now()) =>
    archivio.aggiorna<Lease>(CHIAVE, (v) => ((prendi && (!v || v.scade < ora)) || v?.tab === tab ? { tab, scade: ora + LEASE_MS } : v));
  while ((await rinnova(true))?.tab !== tab) await new Promise((r) => setTimeout(r, ATTESA_MS));
  const rinnovo = setInterval(rinnova, LEASE_MS / 3);
  try {
    return await f();
  } finally {
    clearInterval(rinnovo);
    await archivio.aggiorna<Lease>(CHIAVE, (v) => (v?.tab === tab ? undefined : v));
  }
}

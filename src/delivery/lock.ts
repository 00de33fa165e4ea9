// Only one tab delivers at a time: the Web Locks API, or a lease in the archive where it is missing.
import type { Archivio } from './archivio.js';

const NOME = 'assistenza-tecnica:consegna';
export const CHIAVE_LEASE = 'lock:' + NOME;
const LEASE_MS = 45_000;
const ATTESA_MS = 200;

interface Lease {
  tab: string;
  scade: number;
}

/** The Web Locks API of this browser, or null where it is missing (then the lease stands in for it). */
const locksDelBrowser = (): Pick<LockManager, 'request'> | null =>
  typeof navigator.locks?.request === 'function' ? navigator.locks : null;

/** Runs `f` while holding the delivery lock, waiting for it if another tab holds it. */
export async function conLock<R>(
  archivio: Archivio,
  tab: string,
  f: () => Promise<R>,
  locks = locksDelBrowser(),
): Promise<R> {
  if (locks) return locks.request(NOME, f);
  return conLease(archivio, tab, f);
}

const attendi = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fallback: a lease written atomically in the archive, renewed while held; a tab that dies holding it only delays
 * the others until the lease expires.
 */
export async function conLease<R>(archivio: Archivio, tab: string, f: () => Promise<R>): Promise<R> {
  const mio = (v: Lease | undefined) => v?.tab === tab;
  const libero = (v: Lease | undefined, ora: number) => !v || v.scade < ora;
  const nuovo = (ora: number): Lease => ({ tab, scade: ora + LEASE_MS });

  // Takes the lease when it is free or expired, or extends this tab's own; another tab's live lease stays as it is.
  const prendi = () =>
    archivio.aggiorna<Lease>(CHIAVE_LEASE, (v) => {
      const ora = Date.now();
      if (mio(v) || libero(v, ora)) return nuovo(ora);
      return v;
    });
  // Extends this tab's lease only: one that expired and was taken by another tab meanwhile is not taken back.
  const rinnova = () => archivio.aggiorna<Lease>(CHIAVE_LEASE, (v) => (mio(v) ? nuovo(Date.now()) : v));

  while (!mio(await prendi())) await attendi(ATTESA_MS);
  const rinnovo = setInterval(rinnova, LEASE_MS / 3);
  try {
    return await f();
  } finally {
    clearInterval(rinnovo);
    await archivio.aggiorna<Lease>(CHIAVE_LEASE, (v) => (mio(v) ? undefined : v));
  }
}

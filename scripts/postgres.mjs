// A throwaway PostgreSQL cluster for the tests and the benchmarks: Debian's server binaries, a temporary folder, a
// free port on 127.0.0.1, trust authentication. Root cannot run PostgreSQL, so as root every command runs as the
// `postgres` user (runuser) on a folder that user owns. `avviaPostgres()` returns its URL and how to stop, restart
// and remove it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL binaries (the newest version installed), or undefined. */
export function cartellaBinari() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versioni = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versioni.length ? join(base, versioni[0], 'bin') : undefined;
}

const root = process.getuid?.() === 0;

function utentePostgres() {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error('PostgreSQL: the "postgres" user is missing (apt-get install postgresql makes it)');
  return { uid: Number(r.stdout), gid: Number(g.stdout) };
}

/** A free TCP port on 127.0.0.1. */
export function portaLibera() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts a new cluster. `veloce` (the default, for tests) turns fsync off: the tests kill servers, never the machine.
 * The benchmarks pass `veloce: false` to measure PostgreSQL as it is deployed.
 */
export async function avviaPostgres({ veloce = true } = {}) {
  const bin = cartellaBinari();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (npm test does it as root)');
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-pg-'));
  const dati = join(cartella, 'dati');
  const log = join(cartella, 'log');
  if (root) {
    const { uid, gid } = utentePostgres();
    chownSync(cartella, uid, gid);
  }
  const esegui = (cmd, args) => {
    const [c, a] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    return execFileSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const utente = root ? 'postgres' : userInfo().username;
  esegui('initdb', ['-D', dati, '--auth=trust', '-U', utente, '-E', 'UTF8', '--locale=C', '--no-sync']);
  const porta = await portaLibera();
  const opzioni = [`-p ${porta}`, `-k ${cartella}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
  if (veloce) opzioni.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  const avvia = () => esegui('pg_ctl', ['-D', dati, '-l', log, '-o', opzioni.join(' '), '-w', '-t', '30', 'start']);
  const ferma = (modo = 'fast') => esegui('pg_ctl', ['-D', dati, '-m', modo, '-w', '-t', '30', 'stop']);
  avvia();
  const url = `postgres://${utente}@127.0.0.1:${porta}/postgres`;
  return {
    url,
    porta,
    /** The URL of another database of this cluster. */
    urlDi: (database) => `postgres://${utente}@127.0.0.1:${porta}/${database}`,
    avvia,
    ferma,
    /** Stops the cluster (if running) and removes its folder. */
    elimina() {
      try {
        ferma('immediate');
      } catch {
        // already stopped
      }
      rmSync(cartella, { recursive: true, force: true });
    },
  };
}

// The embedded database's folder belongs to one process: a second PGlite on the same files corrupts them without a
// word. The lock is a listening socket whose name comes from the folder's real path: the kernel lets only one process
// hold it and frees it when that process dies, however it dies, so a folder left by a killed server is taken over.
// On Linux the socket is abstract (no file at all); elsewhere it is a file in the folder, removed when stale.
import net from 'node:net';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';

/** Who holds a folder: what the holder answers on its lock socket. */
export interface Titolare {
  pid: number;
  host: string;
  avviatoIl: string;
}

export interface Blocco {
  rilascia(): Promise<void>;
}

/** The folder is another live process's: the message says which. */
export class CartellaInUso extends Error {
  constructor(
    readonly cartella: string,
    readonly titolare: Titolare | undefined,
  ) {
    const chi = titolare
      ? `dal processo ${titolare.pid} su ${titolare.host}, avviato il ${titolare.avviatoIl}`
      : 'da un altro processo';
    super(
      `la cartella ${cartella} è già in uso ${chi}. Il database incorporato è di un solo processo: ` +
        'ferma l’altro server, o usa un’altra ASSISTENZA_DATI, o per più istanze un PostgreSQL (ASSISTENZA_DATABASE_URL).',
    );
    this.name = 'CartellaInUso';
  }
}

/** The socket's address for a folder (its real path): abstract on Linux, a file in the folder elsewhere. */
export function indirizzoBlocco(cartellaReale: string): string {
  if (process.platform === 'linux') {
    const impronta = createHash('sha256').update(cartellaReale).digest('hex').slice(0, 40);
    return `\0assistenza-tecnica-server-${impronta}`;
  }
  if (process.platform === 'win32') {
    const impronta = createHash('sha256').update(cartellaReale.toLowerCase()).digest('hex').slice(0, 40);
    return `\\\\?\\pipe\\assistenza-tecnica-server-${impronta}`;
  }
  return join(cartellaReale, '.blocco.sock');
}

function ascolta(server: net.Server, indirizzo: string): Promise<'preso' | 'occupato'> {
  return new Promise((ok, ko) => {
    const errore = (e: NodeJS.ErrnoException) => {
      server.off('listening', preso);
      if (e.code === 'EADDRINUSE') {
        ok('occupato');
      } else {
        ko(e);
      }
    };
    const preso = () => {
      server.off('error', errore);
      ok('preso');
    };
    server.once('error', errore);
    server.once('listening', preso);
    server.listen(indirizzo);
  });
}

/** Asks the holder who it is; undefined when nobody answers (a stale socket file). */
function chiediTitolare(indirizzo: string): Promise<Titolare | undefined> {
  return new Promise((ok) => {
    const c = net.connect(indirizzo);
    let testo = '';
    const fine = (t: Titolare | undefined) => {
      c.destroy();
      ok(t);
    };
    c.setTimeout(2000, () => fine(undefined));
    c.on('data', (d) => {
      testo += d.toString('utf8');
    });
    c.on('end', () => {
      try {
        fine(JSON.parse(testo) as Titolare);
      } catch {
        fine(undefined);
      }
    });
    c.on('error', () => fine(undefined));
  });
}

/** Takes the folder for this process, or throws CartellaInUso naming the live process that holds it. */
export async function prendiCartella(cartellaReale: string): Promise<Blocco> {
  const io: Titolare = { pid: process.pid, host: hostname(), avviatoIl: new Date().toISOString() };
  const indirizzo = indirizzoBlocco(cartellaReale);
  const server = net.createServer((c) => c.end(JSON.stringify(io)));
  server.unref();
  let esito = await ascolta(server, indirizzo);
  const fileSocket = !indirizzo.startsWith('\0') && process.platform !== 'win32';
  if (esito === 'occupato') {
    const titolare = await chiediTitolare(indirizzo);
    if (titolare !== undefined || !fileSocket) {
      throw new CartellaInUso(cartellaReale, titolare);
    }
    // A socket file nobody listens on: its process died. Take it over.
    rmSync(indirizzo, { force: true });
    esito = await ascolta(server, indirizzo);
    if (esito === 'occupato') {
      throw new CartellaInUso(cartellaReale, await chiediTitolare(indirizzo));
    }
  }
  return {
    rilascia: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

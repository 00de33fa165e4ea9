// The help desk's server as a child process of the demo: the built bin on a free port, with the demo's embedded
// database, started when Vite starts and stopped (SIGTERM, then waited for) when Vite closes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../server/bin/assistenza-tecnica-server.js');

export interface ServerFiglio {
  url: string;
  ferma(): Promise<void>;
}

/** A free TCP port of 127.0.0.1. */
export function portaLibera(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const attendi = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits for GET /api/salute to answer 200; rejects with the server's own words when it exits first. */
async function pronto(figlio: ChildProcess, url: string, errori: () => string): Promise<void> {
  const scadenza = Date.now() + 60_000;
  while (Date.now() < scadenza) {
    if (figlio.exitCode !== null) {
      throw new Error(`il server di assistenza non è partito: ${errori().trim() || `uscito con ${figlio.exitCode}`}`);
    }
    try {
      if ((await fetch(`${url}/api/salute`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await attendi(200);
  }
  throw new Error('il server di assistenza non ha risposto a /api/salute entro 60 s');
}

/** Starts the server with these settings (the environment's own, then `ambiente`) and waits until it answers. */
export async function avviaServerFiglio(ambiente: Record<string, string>): Promise<ServerFiglio> {
  const porta = await portaLibera();
  const url = `http://127.0.0.1:${porta}`;
  const figlio = spawn(process.execPath, [BIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(porta), ...ambiente },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let errori = '';
  figlio.stderr?.on('data', (b: Buffer) => {
    errori += b.toString('utf8');
    process.stderr.write(b);
  });
  // A demo that ends any way at all does not leave its server behind.
  const uccidi = () => figlio.kill('SIGKILL');
  process.once('exit', uccidi);
  await pronto(figlio, url, () => errori);
  return {
    url,
    ferma: () =>
      new Promise<void>((ok) => {
        process.off('exit', uccidi);
        if (figlio.exitCode !== null) {
          ok();
          return;
        }
        figlio.once('exit', () => ok());
        figlio.kill('SIGTERM');
      }),
  };
}

// What the benchmarks coda and allegati serve: the help desk's real server (in this process, on an embedded
// PostgreSQL in a temporary folder), reached through a forwarding handler that signs every request as the benchmark's
// user, as a portal's backend would.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { apriPglite } from '../../server/src/archivio/apri.js';
import { applicaMigrazioni } from '../../server/src/archivio/migrazioni.js';
import { costruisciApp } from '../../server/src/app.js';
import { leggiCorpo } from '../../demo/server/http.js';
import { chiedi, rispondiCome } from '../../demo/server/inoltro.js';

export interface EndpointBench {
  /** Answers /api/richieste… (forwarded to the server) and resolves true; false for anything else. */
  gestisci(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** What the server stored. */
  contati(): Promise<{ richieste: number; allegati: number }>;
  chiudi(): Promise<void>;
}

export async function creaEndpointBench(utente: string): Promise<EndpointBench> {
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-bench-'));
  const db = await apriPglite(cartella);
  await applicaMigrazioni(db, { info() {} });
  const segreto = randomBytes(32).toString('base64url');
  const app = await costruisciApp({ db, jwtSegreto: segreto });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const token = await new SignJWT({ sub: utente })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(segreto));
  return {
    async gestisci(req, res) {
      if (!(req.url ?? '').startsWith('/api/richieste')) {
        return false;
      }
      const lettura = await leggiCorpo(req, 12 * 1024 * 1024);
      const corpo = lettura.esito === 'letto' ? lettura.byte : Buffer.alloc(0);
      const intestazioni = { ...req.headers, authorization: `Bearer ${token}` };
      rispondiCome(res, await chiedi({ server, percorso: req.url ?? '/', intestazioni, corpo }, req.method ?? 'GET'));
      return true;
    },
    async contati() {
      const [r] = await db.query<{ richieste: number; allegati: number }>(
        'SELECT (SELECT count(*)::int FROM richieste) AS richieste, (SELECT count(*)::int FROM allegati) AS allegati',
      );
      return r;
    },
    async chiudi() {
      await app.close();
      await db.chiudi();
      rmSync(cartella, { recursive: true, force: true });
    },
  };
}

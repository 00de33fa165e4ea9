// The server's build: server/src/main.ts bundled by esbuild into server/dist/main.js (one file; npm packages stay
// imports, the widget's schemas from src/ and the SQL migrations go inside). `npm run build` calls it, and `npm run
// server` builds what is missing and then starts the server.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const USCITA = 'server/dist/main.js';

/** The options every bundle of server code uses: the server itself, and its tests. */
export const OPZIONI_SERVER = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  logLevel: 'warning',
};

export async function costruisciServer() {
  await build({ ...OPZIONI_SERVER, entryPoints: ['server/src/main.ts'], outfile: USCITA });
}

/** The newest modification time among the files under these folders. */
export function ultimaModifica(cartelle) {
  let ultima = 0;
  const visita = (c) => {
    for (const f of readdirSync(c, { withFileTypes: true })) {
      const p = join(c, f.name);
      if (f.isDirectory()) visita(p);
      else ultima = Math.max(ultima, statSync(p).mtimeMs);
    }
  };
  for (const c of cartelle) visita(c);
  return ultima;
}

/** Whether the built server is missing or older than its sources (server/src, and the widget's src it imports). */
export const serverDaCostruire = () =>
  !existsSync(USCITA) || statSync(USCITA).mtimeMs < ultimaModifica(['server/src', 'src']);

// `npm start`: installs what is missing, builds the bundles (the Ente page loads dist/assistenza-telefonica.js with a
// classic <script src>), and the server and its console when missing or older than their sources, then serves every
// page of demo/ with Vite, which starts the help desk's server on the demo's embedded database (demo/.dati) with the
// demo's operator, proxies /api and the console (/sportello/) to it, and prints how to log in to the console.
// The portal pages use src/ live; the Ente page shows the bundle as built at start.
import { spawnSync } from 'node:child_process';
import { dipendenze } from './prepara.mjs';

dipendenze();
// Only now: Vite and esbuild come with the `npm ci` above.
const { BUNDLE, costruisciBundle } = await import('./bundles.mjs');
const { costruisciServer, serverDaCostruire, USCITA } = await import('./server.mjs');
const { costruisciSportello, sportelloDaCostruire, USCITA_SPORTELLO } = await import('./sportello.mjs');
console.log(`assistenza-tecnica: building ${BUNDLE.map((b) => b.file).join(', ')}…`);
await costruisciBundle();
if (serverDaCostruire()) {
  console.log(`assistenza-tecnica: building ${USCITA}…`);
  await costruisciServer();
}
if (sportelloDaCostruire()) {
  console.log(`assistenza-tecnica: building the help desk’s console (${USCITA_SPORTELLO}/)…`);
  await costruisciSportello();
}
const r = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

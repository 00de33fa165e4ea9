// `npm start`: installs what is missing, builds the bundles (the Ente page loads dist/assistenza-telefonica.js with a
// classic <script src>), then serves every page of demo/ with Vite and the local endpoint. The portal pages use src/
// live; the Ente page shows the bundle as built at start.
import { spawnSync } from 'node:child_process';
import { dipendenze } from './prepara.mjs';

dipendenze();
// Only now: Vite comes with the `npm ci` above.
const { BUNDLE, costruisciBundle } = await import('./bundles.mjs');
console.log(`assistenza-tecnica: building ${BUNDLE.map((b) => b.file).join(', ')}…`);
await costruisciBundle();
const r = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

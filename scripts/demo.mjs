// `npm start`: installs what is missing, builds the bundle the Ente page loads with a classic <script src>
// (dist/assistenza-tecnica.js, served at /assistenza-tecnica.js), then serves every page of demo/ with Vite and the
// local endpoint. The portal pages use src/ live; the Ente page shows the bundle as built at start.
import { spawnSync } from 'node:child_process';
import { dipendenze } from './prepara.mjs';

dipendenze();
console.log('assistenza-tecnica: building dist/assistenza-tecnica.js for the Ente page…');
const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (b.status) process.exit(b.status);
const r = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

// `npm start`: installs what is missing, builds the bundle the Ente page loads, then serves the demo with the endpoint.
import { spawnSync } from 'node:child_process';
import { dipendenze } from './prepara.mjs';

dipendenze();
const r = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

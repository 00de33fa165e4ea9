// `npm run build`: dist/lib (ES modules + .d.ts, dependencies external), the single-file bundles of
// scripts/bundles.mjs, custom-elements.json regenerated from the JSDoc, the server (server/dist/main.js) and the help
// desk's console it serves (server/dist/sportello/).
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dipendenze } from './prepara.mjs';

dipendenze();
// Only now: Vite and esbuild come with the `npm ci` above.
const { BUNDLE, costruisciBundle } = await import('./bundles.mjs');
const { costruisciServer, USCITA } = await import('./server.mjs');
const { costruisciSportello, USCITA_SPORTELLO } = await import('./sportello.mjs');
const run = (c) => execSync(c, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx tsc -p tsconfig.build.json');
await costruisciBundle();
run('npm run --silent analyze');
await costruisciServer();
await costruisciSportello();
console.log(
  `assistenza-tecnica: built ${BUNDLE.map((b) => b.file).join(', ')}, dist/lib/, custom-elements.json, ${USCITA} ` +
    `and ${USCITA_SPORTELLO}/`,
);

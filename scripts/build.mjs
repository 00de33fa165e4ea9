// `npm run build`: dist/lib (ES modules + .d.ts, dependencies external), dist/assistenza-tecnica.js (one file, all
// inside), and custom-elements.json regenerated from the JSDoc.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dipendenze } from './prepara.mjs';

dipendenze();
const run = (c) => execSync(c, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx tsc -p tsconfig.build.json');
run('npx vite build --logLevel warn');
run('npm run --silent analyze');
console.log('assistenza-tecnica: built dist/assistenza-tecnica.js, dist/lib/ and custom-elements.json');

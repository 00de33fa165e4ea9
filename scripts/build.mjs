// `npm run build`: dist/lib (ES modules + .d.ts, dependencies external), the single-file bundles of
// scripts/bundles.mjs, and custom-elements.json regenerated from the JSDoc.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dipendenze } from './prepara.mjs';
import { BUNDLE, costruisciBundle } from './bundles.mjs';

dipendenze();
const run = (c) => execSync(c, { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
run('npx tsc -p tsconfig.build.json');
await costruisciBundle();
run('npm run --silent analyze');
console.log(`assistenza-tecnica: built ${BUNDLE.map((b) => b.file).join(', ')}, dist/lib/ and custom-elements.json`);

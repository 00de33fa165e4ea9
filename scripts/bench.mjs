// `npm run bench`: every benchmark section in scripts/bench/*.mjs, in turn, each a script that prints its numbers.
// A section is added by dropping a file there. Numbers, not a timed test: nothing here passes or fails on time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dipendenze } from './prepara.mjs';

dipendenze();
if (!existsSync('dist/assistenza-tecnica.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const scelte = process.argv.slice(2);
const sezioni = readdirSync('scripts/bench')
  .filter((f) => f.endsWith('.mjs') && (!scelte.length || scelte.includes(f.replace(/\.mjs$/, ''))))
  .sort();
let falliti = 0;
for (const f of sezioni) {
  console.log(`\n== ${f.replace(/\.mjs$/, '')} ==`);
  const r = spawnSync(process.execPath, [`scripts/bench/${f}`], { stdio: 'inherit' });
  if (r.status) {
    falliti++;
    console.error(`bench: ${f} ended with code ${r.status}`);
  }
}
process.exit(falliti ? 1 : 0);

// `npm run size`: the bundle gzipped at level 9 (zlib; GNU `gzip -9` comes out a few dozen bytes smaller, so the
// figure errs on the safe side), against the budget; fails above it.
// node scripts/size.mjs [file] [--budget bytes]   (defaults: dist/assistenza-tecnica.js, 24 KB = 24 × 1024 bytes)
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';

export const BUDGET = 24 * 1024;
const BUNDLE = 'dist/assistenza-tecnica.js';

const args = process.argv.slice(2);
const i = args.indexOf('--budget');
const budget = i >= 0 ? Number(args.splice(i, 2)[1]) : BUDGET;
const file = args[0] ?? BUNDLE;
if (!Number.isInteger(budget) || budget <= 0) {
  console.error('size: --budget takes a whole number of bytes');
  process.exit(2);
}
if (!existsSync(file)) {
  if (file !== BUNDLE) {
    console.error(`size: ${file} does not exist`);
    process.exit(2);
  }
  console.log(`size: ${file} is missing, building it first…`);
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

const grezzo = readFileSync(file);
const gz = gzipSync(grezzo, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`${file}: ${kb(gz)} gzip -9 (${gz} bytes; ${kb(grezzo.length)} minified)`);
if (gz > budget) {
  console.error(`size: over budget: ${gz} bytes gzipped is ${gz - budget} bytes above the budget of ${kb(budget)} (${budget} bytes)`);
  process.exit(1);
}
console.log(`size: within budget: ${kb(budget)} (${budget} bytes), ${budget - gz} bytes to spare`);

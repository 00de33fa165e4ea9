// `npm run size`: each bundle of scripts/bundles.mjs gzipped at level 9 (zlib; GNU `gzip -9` comes out a few dozen
// bytes smaller, so the figure errs on the safe side), against its budget; fails when one is over.
// node scripts/size.mjs [file] [--budget bytes]   (a file of scripts/bundles.mjs keeps its own budget unless given one)
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';
import { BUNDLE } from './bundles.mjs';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

function leggiArgomenti(args) {
  const i = args.indexOf('--budget');
  const budget = i >= 0 ? Number(args.splice(i, 2)[1]) : undefined;
  if (budget !== undefined && !(Number.isInteger(budget) && budget > 0)) {
    console.error('size: --budget takes a whole number of bytes');
    process.exit(2);
  }
  return { file: args[0], budget };
}

/** The files to check, each with its budget. */
function daControllare({ file, budget }) {
  if (!file) return BUNDLE.map((b) => ({ file: b.file, budget: budget ?? b.budget, uso: b.uso }));
  const noto = BUNDLE.find((b) => b.file === file);
  if (!noto && budget === undefined) {
    console.error(`size: ${file} is not a bundle of scripts/bundles.mjs: give it a --budget`);
    process.exit(2);
  }
  return [{ file, budget: budget ?? noto.budget, uso: noto?.uso }];
}

const controlli = daControllare(leggiArgomenti(process.argv.slice(2)));
const mancanti = controlli.filter((c) => !existsSync(c.file));
if (mancanti.some((c) => !BUNDLE.some((b) => b.file === c.file))) {
  console.error(`size: ${mancanti[0].file} does not exist`);
  process.exit(2);
}
if (mancanti.length) {
  console.log(`size: ${mancanti.map((c) => c.file).join(', ')} missing, building first…`);
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

let oltre = 0;
for (const { file, budget, uso } of controlli) {
  const grezzo = readFileSync(file);
  const gz = gzipSync(grezzo, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(`${file}: ${kb(gz)} gzip -9 (${gz} bytes; ${kb(grezzo.length)} minified)${uso ? `: ${uso}` : ''}`);
  if (gz > budget) {
    oltre++;
    console.error(
      `  size: over budget: ${gz} bytes gzipped is ${gz - budget} bytes above the budget of ${kb(budget)} (${budget} bytes)`,
    );
  } else {
    console.log(`  size: within budget: ${kb(budget)} (${budget} bytes), ${budget - gz} bytes to spare`);
  }
}
process.exit(oltre ? 1 : 0);

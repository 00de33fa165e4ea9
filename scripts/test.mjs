// `npm test`: set-up, type check, lint, build, the Node tests, the browser suite in every chosen engine, then one plain
// "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { browser, dipendenze, postgres } from './prepara.mjs';
import { scelti } from './engines.mjs';

dipendenze();
// Only now: the Node tests need esbuild, which a fresh clone gets from the `npm ci` above.
const { testNode } = await import('./test-node.mjs');
const engines = scelti();
browser([...new Set([...engines, 'chromium'])]); // the Node tests drive the demo in Chromium whatever engines the browser suite uses
postgres(); // the server's tests run on PGlite and on a throwaway PostgreSQL cluster

const esegui = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const fine = (passed, failed) => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

console.log('assistenza-tecnica: type check (tsc)…');
if (esegui('npx', ['tsc', '-p', 'tsconfig.json'])) fine(0, 1);
console.log('assistenza-tecnica: lint (eslint)…');
if (esegui('npx', ['eslint', '.'])) fine(0, 1);
console.log('assistenza-tecnica: layout (prettier --check; npm run format rewrites it)…');
if (esegui('npx', ['prettier', '--check', '--log-level', 'warn', '.'])) fine(0, 1);

// The browser suite loads the built bundle (script-tag and CSP pages): build first.
if (esegui(process.execPath, ['scripts/build.mjs'])) fine(0, 1);
console.log('assistenza-tecnica: Node tests (endpoint, size check)…');
const node = await testNode();

// A file of this run's own: two runs in one working tree must not read each other's counts.
const risultati = `node_modules/.cache/assistenza/risultati-${process.pid}.json`;
rmSync(risultati, { force: true });
const t0 = Date.now();
const codice = esegui('npx', ['web-test-runner', ...process.argv.slice(2)], { ASSISTENZA_RISULTATI: risultati });
let c;
try {
  c = JSON.parse(readFileSync(risultati, 'utf8'));
  rmSync(risultati);
} catch {
  console.error('assistenza-tecnica: the test runner ended without results');
  fine(node.passed, node.failed + 1);
}
for (const [b, r] of Object.entries(c.perBrowser))
  console.log(`  ${b}: ${r.passed} passed, ${r.failed} failed (done after ${r.secondi} s)`);
console.log(`  browser suite: ${((Date.now() - t0) / 1000).toFixed(0)} s in ${engines.join(', ')}`);
console.log(`  node: ${node.passed} passed, ${node.failed} failed`);
fine(c.passed + node.passed, c.failed + (codice && !c.failed ? 1 : 0) + node.failed);

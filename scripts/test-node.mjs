// The Node side of `npm test`: test/node/*.test.ts (the endpoint, the size check) bundled with esbuild, then run by
// node's own test runner. Alone: `node scripts/test-node.mjs`; scripts/test.mjs adds its counts to the closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const CARTELLA = 'node_modules/.cache/assistenza/node';

/** Runs every Node test file; returns the counts (a file that fails to build or load counts as a failure). */
export async function testNode() {
  const sorgenti = readdirSync('test/node')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/node/${f}`);
  rmSync(CARTELLA, { recursive: true, force: true });
  try {
    await build({
      entryPoints: sorgenti,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: CARTELLA,
      outExtension: { '.js': '.mjs' },
      logLevel: 'warning',
    });
  } catch {
    return { passed: 0, failed: 1 };
  }
  const tap = `${CARTELLA}/risultati.tap`;
  const file = sorgenti.map((f) => `${CARTELLA}/${f.slice('test/node/'.length).replace(/\.ts$/, '.mjs')}`);
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...file,
    ],
    { stdio: 'inherit' },
  );
  const testo = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const conta = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(testo)?.[1] ?? 0);
  const passed = conta('pass');
  const failed = conta('fail') + conta('cancelled');
  return { passed, failed: failed || (r.status && !failed ? 1 : 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = await testNode();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

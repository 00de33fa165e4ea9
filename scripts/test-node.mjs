// The Node side of `npm test`: test/node/*.test.ts (the demo, the package, the size check) and server/test/*.test.ts
// (the server, on PGlite and on a throwaway PostgreSQL cluster started here and removed after), bundled with esbuild,
// then run by node's own test runner. Alone: `node scripts/test-node.mjs [filter]`; scripts/test.mjs adds its counts
// to the closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { OPZIONI_SERVER, costruisciServer, serverDaCostruire } from './server.mjs';
import { avviaPostgres } from './postgres.mjs';

const CARTELLA = 'node_modules/.cache/assistenza/node';
const CARTELLE_TEST = ['test/node', 'server/test'];

/** Runs every Node test file whose path contains `filtro`; returns the counts (a file that fails to build counts). */
export async function testNode(filtro = '') {
  const sorgenti = CARTELLE_TEST.flatMap((c) =>
    readdirSync(c)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `${c}/${f}`),
  ).filter((f) => f.includes(filtro));
  rmSync(CARTELLA, { recursive: true, force: true });
  try {
    await build({
      ...OPZIONI_SERVER,
      entryPoints: sorgenti,
      outdir: CARTELLA,
      outbase: '.',
      outExtension: { '.js': '.mjs' },
    });
  } catch {
    return { passed: 0, failed: 1 };
  }
  // The process tests run the bin, so the built server must be this source's.
  if (serverDaCostruire()) {
    await costruisciServer();
  }
  const postgres = await avviaPostgres();
  const tap = `${CARTELLA}/risultati.tap`;
  const file = sorgenti.map((f) => `${CARTELLA}/${f.replace(/\.ts$/, '.mjs')}`);
  let r;
  try {
    r = spawnSync(
      process.execPath,
      [
        '--enable-source-maps',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...file,
      ],
      { stdio: 'inherit', env: { ...process.env, ASSISTENZA_TEST_POSTGRES: postgres.url } },
    );
  } finally {
    postgres.elimina();
  }
  const testo = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const conta = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(testo)?.[1] ?? 0);
  const passed = conta('pass');
  const failed = conta('fail') + conta('cancelled');
  return { passed, failed: failed || (r.status && !failed ? 1 : 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = await testNode(process.argv[2]);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

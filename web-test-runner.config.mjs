// @web/test-runner: the browser suite against the help desk's real server (behind the /prova/… proxy), in the engines
// ASSISTENZA_BROWSER names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browsers } from './scripts/browsers.mjs';
import { OPZIONI_SERVER } from './scripts/server.mjs';

// The proxy and the server are TypeScript: bundle them for Node once, at start-up, then start the server.
const plugin = 'node_modules/.cache/assistenza/test-plugin.mjs';
await build({ ...OPZIONI_SERVER, sourcemap: false, entryPoints: ['test/server/plugin.ts'], outfile: plugin });
const { gestisciProva, avviaServer } = await import(`./${plugin}?${Date.now()}`);
await avviaServer();

/** Counts every test of every engine for the closing "N passed, N failed" line (scripts/test.mjs prints it). */
function contatore(file) {
  const conta = (suite, c) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
    }
    for (const s of suite?.suites ?? []) conta(s, c);
    return c;
  };
  // When each engine finished its last test file: its wall time, counted from the runner's start.
  let inizio = Date.now();
  const finito = {};
  return {
    start({ sessions, startTime }) {
      inizio = startTime;
      sessions.on('session-status-updated', (s) => {
        if (s.status === 'FINISHED') finito[s.browser.name] = Date.now();
      });
    },
    onTestRunFinished({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0, perBrowser: {} };
      for (const s of sessions) {
        c.perBrowser[s.browser.name] ??= { passed: 0, failed: 0, skipped: 0 };
        const b = c.perBrowser[s.browser.name];
        b.secondi = Math.round(((finito[s.browser.name] ?? Date.now()) - inizio) / 1000);
        const prima = { ...c };
        conta(s.testResults, c);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!s.passed && c.failed === prima.failed) c.failed++;
        b.passed += c.passed - prima.passed;
        b.failed += c.failed - prima.failed;
        b.skipped += c.skipped - prima.skipped;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(c));
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'], // test/node/: node:test, run by scripts/test.mjs
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 3,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: await browsers(),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // setViewport's counterpart for WebKit, driven through WebDriver (test/helpers.ts's finestra): false elsewhere.
    {
      name: 'finestra',
      async executeCommand({ command, payload, session }) {
        if (command !== 'finestra') return undefined;
        if (typeof session.browser.finestra !== 'function') return false;
        return session.browser.finestra(payload.width, payload.height);
      },
    },
  ],
  middleware: [
    async (ctx, next) => {
      if (await gestisciProva(ctx.req, ctx.res)) ctx.respond = false;
      else await next();
    },
  ],
  reporters: [
    (await import('@web/test-runner')).defaultReporter(),
    contatore(process.env.ASSISTENZA_RISULTATI ?? 'node_modules/.cache/assistenza/risultati.json'),
  ],
};

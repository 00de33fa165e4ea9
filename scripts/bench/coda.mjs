// Benchmark of the queue (issue 3): the cost of autosave per keystroke, and the time to flush 500 queued requests
// against a local endpoint. Prints numbers; asserts nothing about time.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { OPZIONI_SERVER } from '../server.mjs';
import { chromium } from 'playwright-core';

const dir = 'node_modules/.cache/assistenza/bench';
mkdirSync(dir, { recursive: true });
await build({
  entryPoints: ['scripts/bench/pagina-coda.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  ignoreAnnotations: true,
  outfile: `${dir}/pagina.js`,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
await build({
  ...OPZIONI_SERVER,
  sourcemap: false,
  entryPoints: ['scripts/bench/endpoint-demo.ts'],
  outfile: `${dir}/endpoint-demo.mjs`,
});
const { creaEndpointBench } = await import(`../../${dir}/endpoint-demo.mjs`);

// The help desk's server, every request the benchmark's user's.
const endpoint = await creaEndpointBench('bench');
const server = createServer(async (req, res) => {
  if (await endpoint.gestisci(req, res)) return;
  if (req.url === '/pagina.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(readFileSync(`${dir}/pagina.js`));
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><html lang="it"><body><assistenza-ticket-form utente="bench" endpoint="/api/richieste"></assistenza-ticket-form><script type="module" src="/pagina.js"></script></body></html>',
  );
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() =>
    document.querySelector('assistenza-ticket-form')?.shadowRoot?.querySelector('textarea'),
  );

  // 1. A keystroke: the input handler, the re-render, and (after the debounce) its share of the IndexedDB write.
  const tasti = await page.evaluate(async () => {
    const el = document.querySelector('assistenza-ticket-form');
    const area = el.shadowRoot.querySelector('textarea');
    const N = 2000;
    let testo = '';
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      testo += 'abcdefghij'[i % 10];
      area.value = testo;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    const perTasto = (performance.now() - t0) / N;
    // The write the debounce coalesces keystrokes into, with a 2,000-character draft.
    const archivio = window.consegna.archivio;
    const M = 200;
    const t1 = performance.now();
    for (let i = 0; i < M; i++) await archivio.scrivi(['bozza:bench', { descrizione: testo + i }]);
    return { perTasto, scrittura: (performance.now() - t1) / M };
  });

  // 2. 500 queued requests, delivered by one flush.
  const N = 500;
  const svuotamento = await page.evaluate(async (N) => {
    const c = window.consegna;
    const ora = Date.now();
    const scritture = [];
    for (let i = 0; i < N; i++) {
      const id = crypto.randomUUID();
      const richiesta = {
        id,
        cognome: 'Rossi',
        nome: 'Mario',
        rispostaViaEmail: false,
        descrizione: `Richiesta ${i} in coda.`,
        creataIl: new Date(ora + i).toISOString(),
      };
      scritture.push([
        `coda:${id}`,
        {
          id,
          richiesta,
          endpoint: location.origin + '/api/richieste',
          credentials: 'same-origin',
          utente: 'bench',
          tentativi: 1,
          prossimoTentativo: ora,
          nonPrimaDi: 0,
          scadeIl: ora + 7 * 864e5,
          stato: 'in-coda',
        },
      ]);
    }
    await c.archivio.scrivi(...scritture);
    const t0 = performance.now();
    await c.svuota(true);
    const ms = performance.now() - t0;
    return { ms, rimaste: (await c.archivio.elenca('coda:')).length };
  }, N);

  console.log('queue benchmark (Chromium, local endpoint)');
  console.log(`  keystroke in the form (handler + render):  ${tasti.perTasto.toFixed(3)} ms`);
  console.log(
    `  one draft autosave (IndexedDB put, 2 KB):  ${tasti.scrittura.toFixed(3)} ms (at most one per ${300} ms pause)`,
  );
  console.log(
    `  flush of ${N} queued requests:            ${svuotamento.ms.toFixed(0)} ms (${(svuotamento.ms / N).toFixed(2)} ms each), ${(await endpoint.contati()).richieste} stored, ${svuotamento.rimaste} left`,
  );
} finally {
  await browser.close();
  server.close();
  await endpoint.chiudi();
}

// Benchmark of the form from the built bundle (issue 5): its first render, and the JS heap before and after 1,000
// mount/unmount cycles (after a forced GC). Prints numbers; asserts nothing about time.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BUNDLE = readFileSync('dist/assistenza-tecnica.js');
const PAGINE = 10;
const CICLI = Number(process.env.CICLI ?? 1000); // CICLI=5000 npm run bench -- modulo: does the heap keep growing?

// The page as a host site writes it: a timestamp, the bundle's classic script tag, the element in the markup.
const pagina = (conModulo) => `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>bench</title>
<script>window.t0 = performance.now();</script><script src="/assistenza-tecnica.js"></script></head>
<body><main>${conModulo ? '<assistenza-ticket-form endpoint="/api/richieste"></assistenza-ticket-form>' : ''}</main>
<script>${conModulo ? "document.querySelector('assistenza-ticket-form').updateComplete.then(() => { document.body.offsetHeight; window.t1 = performance.now(); });" : ''}</script></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/assistenza-tecnica.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(BUNDLE);
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(pagina(req.url !== '/vuota'));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}`;

const mediana = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
  // 1. First render: a fresh page each time (cold: styles adopted and templates prepared for the first time).
  const caricamento = [];
  const primo = [];
  const caldo = [];
  for (let i = 0; i < PAGINE; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${url}/`);
    await page.waitForFunction(() => window.t1);
    caricamento.push(await page.evaluate(() => window.t1 - window.t0));
    await page.goto(`${url}/vuota`);
    const t = await page.evaluate(async () => {
      const volte = [];
      for (let j = 0; j < 21; j++) {
        const t0 = performance.now();
        const el = document.createElement('assistenza-ticket-form');
        el.setAttribute('endpoint', '/api/richieste');
        document.querySelector('main').append(el);
        await el.updateComplete;
        // Reading the layout forces it: the time includes style and layout, not only Lit's render.
        void document.body.offsetHeight;
        volte.push(performance.now() - t0);
        el.remove();
      }
      return volte;
    });
    primo.push(t[0]);
    caldo.push(mediana(t.slice(1)));
    await ctx.close();
  }

  // 2. Memory: 1,000 mounts and unmounts in one page; the heap after a forced GC, before and after.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${url}/vuota`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const misura = async () => {
    await page.waitForTimeout(500); // pending IndexedDB reads of the last mounts settle
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { heap: m.JSHeapUsedSize, nodi: m.Nodes, ascoltatori: m.JSEventListeners };
  };
  const cicli = (n) =>
    page.evaluate(async (n) => {
      const main = document.querySelector('main');
      for (let i = 0; i < n; i++) {
        const el = document.createElement('assistenza-ticket-form');
        el.setAttribute('endpoint', '/api/richieste');
        main.append(el);
        await el.updateComplete;
        el.remove();
      }
    }, n);
  await cicli(10); // warm-up: what the first mounts create once (styles, templates, the page's queue)
  const prima = await misura();
  const t0 = Date.now();
  await cicli(CICLI);
  const durata = Date.now() - t0;
  const dopo = await misura();
  await ctx.close();

  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const ms = (x) => `${x.toFixed(1)} ms`;
  const v = (await browser.version()).split('.')[0];
  console.log(
    `form benchmark (Chromium ${v}, built bundle ${(BUNDLE.length / 1024).toFixed(1)} KB minified; medians of ${PAGINE} fresh pages)`,
  );
  console.log(`  page load, script tag to form rendered:      ${ms(mediana(caricamento))}`);
  console.log(`  first render of the form (created → laid out): ${ms(mediana(primo))}`);
  console.log(`  later renders in the same page:               ${ms(mediana(caldo))}`);
  console.log(`  ${CICLI} mount/unmount cycles:                 ${durata} ms (${(durata / CICLI).toFixed(2)} ms each)`);
  console.log(
    `  JS heap after GC, before → after the cycles:  ${kb(prima.heap)} → ${kb(dopo.heap)} (${dopo.heap >= prima.heap ? '+' : ''}${kb(dopo.heap - prima.heap)}, ${((dopo.heap - prima.heap) / CICLI).toFixed(0)} bytes per cycle)`,
  );
  console.log(`  DOM nodes, before → after:                    ${prima.nodi} → ${dopo.nodi}`);
  console.log(`  JS event listeners, before → after:           ${prima.ascoltatori} → ${dopo.ascoltatori}`);
} finally {
  await browser.close();
  server.close();
}

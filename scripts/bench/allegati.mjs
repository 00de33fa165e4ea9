// Benchmark of attachments: a 4000×3000 photo re-encoded in the browser (time, JS heap, the renderer's peak memory),
// and a 10 MB PDF uploaded to the local reference endpoint, alone and through the whole queue. Prints numbers;
// asserts nothing about time.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { OPZIONI_SERVER } from '../server.mjs';
import { chromium } from 'playwright-core';

const dir = 'node_modules/.cache/assistenza/bench';
mkdirSync(dir, { recursive: true });
// The page's code: the real modules, exposed for measuring (no element: nothing else runs on the page).
const voce = `
import { ricodificaJpeg } from './src/allegati/jpeg.js';
import { carica } from './src/delivery/invio.js';
import { Consegna } from './src/delivery/consegna.js';
Object.assign(window, { ricodificaJpeg, carica, Consegna });
`;
await build({
  stdin: { contents: voce, resolveDir: '.', loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  outfile: `${dir}/pagina-allegati.js`,
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

const FOTO = { larghezza: 4000, altezza: 3000 };
const RICODIFICHE = 5;
const CARICAMENTI = 3;
const MB = 1024 * 1024;

// The help desk's server, every request the benchmark's user's.
const endpoint = await creaEndpointBench('bench');
// One page, its code inline (a </script inside it escaped): nothing else to serve but the endpoint.
const codice = readFileSync(`${dir}/pagina-allegati.js`, 'utf8').replaceAll('</script', '<\\/script');
const pagina = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>bench</title><script type="module">${codice}</script></head><body></body></html>`;
const server = createServer(async (req, res) => {
  if (!(await endpoint.gestisci(req, res)))
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pagina);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const mediana = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (b) => `${(b / MB).toFixed(1)} MB`;

/** A process's resident memory and its peak (VmHWM), in bytes; the peak is reset by writing 5 to clear_refs (Linux). */
const memoria = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (nome) => Number(new RegExp(`${nome}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), picco: kb('VmHWM') };
};
const azzeraPicco = (pid) => {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
};

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
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ricodificaJpeg && window.Consegna);
  const cdp = await ctx.newCDPSession(page);
  const cdpBrowser = await browser.newBrowserCDPSession();
  const { processInfo } = await cdpBrowser.send('SystemInfo.getProcessInfo');
  const renderer = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);

  // 1. The photo: drawn once on a canvas like a phone's (gradients, shapes and sensor noise), encoded at quality 0.92.
  const foto = await page.evaluate(async ({ larghezza, altezza }) => {
    const canvas = document.createElement('canvas');
    canvas.width = larghezza;
    canvas.height = altezza;
    const c = canvas.getContext('2d');
    const sfondo = c.createLinearGradient(0, 0, larghezza, altezza);
    sfondo.addColorStop(0, '#8ab');
    sfondo.addColorStop(1, '#542');
    c.fillStyle = sfondo;
    c.fillRect(0, 0, larghezza, altezza);
    for (let i = 0; i < 400; i++) {
      c.fillStyle = `hsl(${(i * 37) % 360} 50% 50% / 0.5)`;
      c.beginPath();
      c.arc((i * 7919) % larghezza, (i * 104729) % altezza, 20 + (i % 200), 0, 2 * Math.PI);
      c.fill();
    }
    const pixel = c.getImageData(0, 0, larghezza, altezza);
    for (let i = 0; i < pixel.data.length; i += 4) {
      const rumore = (Math.random() - 0.5) * 16;
      pixel.data[i] += rumore;
      pixel.data[i + 1] += rumore;
      pixel.data[i + 2] += rumore;
    }
    c.putImageData(pixel, 0, 0);
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
    canvas.width = 0;
    canvas.height = 0;
    window.foto = await blob.arrayBuffer();
    return { dimensione: window.foto.byteLength };
  }, FOTO);

  // The JS heap, sampled from outside while the page works (a sample waits for the page's main thread to be free).
  // usedSize is V8's heap; backingStorageSize (recent Chromium) the ArrayBuffers' bytes, which live outside it.
  const campiona = () => {
    const picco = { heap: 0, arrayBuffer: 0 };
    let attivo = true;
    const giro = (async () => {
      while (attivo) {
        const uso = await cdp.send('Runtime.getHeapUsage');
        picco.heap = Math.max(picco.heap, uso.usedSize);
        picco.arrayBuffer = Math.max(picco.arrayBuffer, uso.backingStorageSize ?? 0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    return async () => {
      attivo = false;
      await giro;
      return picco;
    };
  };

  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize: heapPrima, backingStorageSize: arrayBufferPrima = 0 } = await cdp.send('Runtime.getHeapUsage');
  const rssPrima = renderer.map((pid) => memoria(pid).rss);
  const piccoAzzerato = renderer.every(azzeraPicco);
  const ferma = campiona();
  const ricodifiche = await page.evaluate(async (n) => {
    const volte = [];
    let uscita = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const risultato = await window.ricodificaJpeg(window.foto);
      volte.push(performance.now() - t0);
      uscita = risultato.byteLength;
    }
    return { volte, uscita };
  }, RICODIFICHE);
  const picco = await ferma();
  const piccoRenderer = renderer.map((pid) => memoria(pid).picco);

  // 2. A 10 MB PDF (random bytes after its signature), PUT by carica() as the queue does: XHR with cookies, fetch without.
  await page.evaluate((n) => {
    const byte = new Uint8Array(n);
    byte.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (let i = 9; i < n; i += 65536) crypto.getRandomValues(byte.subarray(i, Math.min(n, i + 65536)));
    window.pdf = byte.buffer;
  }, 10 * MB);
  const caricamento = (credentials) =>
    page.evaluate(
      async ({ n, credentials }) => {
        const volte = [];
        const esiti = [];
        for (let i = 0; i < n; i++) {
          const id = crypto.randomUUID();
          const t0 = performance.now();
          const esito = await window.carica(
            {
              id,
              endpoint: `${location.origin}/api/richieste/allegati/${id}`,
              credentials,
              nome: 'planimetria.pdf',
              tipo: 'application/pdf',
              byte: window.pdf,
            },
            undefined,
            120_000,
            Date.now(),
          );
          volte.push(performance.now() - t0);
          esiti.push(esito.tipo);
        }
        return { volte, esiti };
      },
      { n: CARICAMENTI, credentials },
    );
  const conXhr = await caricamento('same-origin');
  const conFetch = await caricamento('omit');

  // 3. The whole way through the queue: the bytes kept (IndexedDB), the request queued, its attachment uploaded, the
  // request POSTed, until the queue says it was delivered.
  const coda = await page.evaluate(async (n) => {
    const consegna = new window.Consegna();
    const esiti = [];
    consegna.registra({ utente: () => 'bench', notifica: (x) => esiti.push(x) });
    const righe = [];
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const allegato = {
        id: crypto.randomUUID(),
        nome: 'planimetria.pdf',
        tipo: 'application/pdf',
        dimensione: window.pdf.byteLength,
      };
      const richiesta = {
        id,
        cognome: 'Rossi',
        nome: 'Mario',
        rispostaViaEmail: false,
        descrizione: 'Allego la planimetria.',
        creataIl: new Date().toISOString(),
        allegati: [allegato],
      };
      const t0 = performance.now();
      const dove = await consegna.allegati.metti({ ...allegato, byte: window.pdf });
      const t1 = performance.now();
      await consegna.accoda({ richiesta, endpoint: '/api/richieste', utente: 'bench' });
      // The outcome of this request: delivered, refused or postponed (not its progress, not a bare change).
      const esitoDi = () => esiti.find((x) => x.id === id && x.tipo !== 'avanzamento' && x.tipo !== 'cambiata');
      while (!esitoDi()) await new Promise((r) => setTimeout(r, 10));
      const t2 = performance.now();
      const esito = esitoDi();
      righe.push({ conserva: t1 - t0, consegna: t2 - t1, dove, esito: esito.tipo });
    }
    return righe;
  }, CARICAMENTI);

  const v = (await browser.version()).split('.')[0];
  const ricevuti = await endpoint.contati();
  const stampa = (etichetta, valore) => console.log(`    ${etichetta.padEnd(46)} ${valore}`);
  const volte = (xs) => `median ${ms(mediana(xs))} (${xs.map((x) => x.toFixed(0)).join(', ')} ms)`;
  console.log(`attachments benchmark (Chromium ${v}, --disable-gpu, local reference endpoint)`);
  console.log(
    `  photo ${FOTO.larghezza}×${FOTO.altezza} JPEG, ${mb(foto.dimensione)} → ricodificaJpeg → ${mb(ricodifiche.uscita)} (2560×1920):`,
  );
  stampa('time:', volte(ricodifiche.volte));
  stampa('JS heap (V8), after GC → peak sampled:', `${mb(heapPrima)} → ${mb(picco.heap)}`);
  stampa(
    'ArrayBuffers, after GC → peak sampled:',
    `${mb(arrayBufferPrima)} → ${mb(picco.arrayBuffer)} (the photo, and outputs not yet collected)`,
  );
  if (piccoAzzerato) {
    // The page's renderer is the one whose memory rose: the decoded bitmap and the canvas are there, outside the JS heap.
    const aumenti = renderer.map((_, i) => piccoRenderer[i] - rssPrima[i]);
    const i = aumenti.indexOf(Math.max(...aumenti));
    const atteso = `bitmap 4000×3000×4 = ${mb(4000 * 3000 * 4)}, canvas ${mb(2560 * 1920 * 4)}`;
    stampa(
      'renderer resident memory, before → peak:',
      `${mb(rssPrima[i])} → ${mb(piccoRenderer[i])} (+${mb(aumenti[i])}; ${atteso})`,
    );
  }
  console.log(`  10 MB PDF, carica() PUT <endpoint>/allegati/<id>, ${CARICAMENTI} uploads:`);
  stampa('XMLHttpRequest (same-origin, with progress):', `${volte(conXhr.volte)}, ${conXhr.esiti.join(' ')}`);
  stampa('fetch (credentials omit):', `${volte(conFetch.volte)}, ${conFetch.esiti.join(' ')}`);
  console.log(`  10 MB PDF through the queue (Consegna), ${CARICAMENTI} requests one after another:`);
  stampa(
    'bytes kept (DepositoAllegati.metti):',
    `${volte(coda.map((r) => r.conserva))}, in ${coda.map((r) => r.dove).join(' ')}`,
  );
  stampa(`accoda → outcome:`, `${volte(coda.map((r) => r.consegna))}, ${coda.map((r) => r.esito).join(' ')}`);
  console.log(`  the endpoint stored ${ricevuti.allegati} attachments and ${ricevuti.richieste} requests`);
} finally {
  await browser.close();
  server.close();
  await endpoint.chiudi();
}

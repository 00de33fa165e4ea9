// Benchmark of "Le mie richieste" from the built bundle: the first render of 200 requests with 10 messages each
// (time, JS heap after a forced GC), opening one, and the cost of a refresh the server answers 304. Prints numbers;
// asserts nothing about time.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BUNDLE = readFileSync('dist/assistenza-tecnica.js');
const RICHIESTE = 200;
const MESSAGGI = 10;

const inizio = Date.parse('2026-02-03T09:00:00Z');
const elenco = {
  richieste: Array.from({ length: RICHIESTE }, (_, i) => ({
    id: `r-${i}`,
    numero: RICHIESTE - i,
    stato: ['ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa'][i % 5],
    creataIl: new Date(inizio + i * 60_000).toISOString(),
    aggiornataIl: new Date(inizio + i * 60_000 + 3_600_000).toISOString(),
    descrizione: `Richiesta ${i}: non riesco a caricare la planimetria della pratica SCIA ${i}/2026.`,
    pratica: { tipologia: 'SCIA', numero: `${i}/2026` },
    rispostaViaEmail: i % 2 === 0,
    messaggi: Array.from({ length: MESSAGGI }, (_, j) => ({
      id: `m-${i}-${j}`,
      autore: j % 2 ? 'utente' : 'assistenza',
      testo: `Messaggio ${j} della richiesta ${i}.\nCon una seconda riga.`,
      inviatoIl: new Date(inizio + i * 60_000 + j * 300_000).toISOString(),
    })),
  })),
};
const corpo = JSON.stringify(elenco);
const etag = `"${createHash('sha256').update(corpo).digest('base64url')}"`;

const pagina = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>bench</title>
<script src="/assistenza-tecnica.js"></script></head><body><main></main></body></html>`;

let risposte304 = 0;
const server = createServer((req, res) => {
  if (req.url === '/assistenza-tecnica.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(BUNDLE);
  }
  if (req.url === '/api/richieste') {
    if (req.headers['if-none-match'] === etag) {
      risposte304++;
      res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-store' });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'no-store' });
    return res.end(corpo);
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(pagina);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

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
    '--js-flags=--expose-gc',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  const risultato = await page.evaluate(
    async ({ RICHIESTE }) => {
      const heap = () => {
        window.gc();
        return performance.memory.usedJSHeapSize;
      };
      const pulsanti = (el) => el.shadowRoot.querySelectorAll('button[aria-expanded]').length;
      const prima = heap();
      const t0 = performance.now();
      const el = document.createElement('assistenza-richieste');
      el.setAttribute('utente', 'bench');
      document.querySelector('main').append(el);
      while (pulsanti(el) < RICHIESTE) await new Promise((r) => setTimeout(r, 1));
      await el.updateComplete;
      void document.body.offsetHeight;
      const primoRender = performance.now() - t0;
      const dopo = heap();

      const t1 = performance.now();
      el.shadowRoot.querySelector('button[aria-expanded]').click();
      await el.updateComplete;
      void document.body.offsetHeight;
      const apertura = performance.now() - t1;

      // A refresh the server answers 304: the GET, and what the element does with it (nothing to render again).
      const volte = [];
      for (let i = 0; i < 20; i++) {
        const inizio = performance.now();
        await new Promise((fatto) => {
          const originale = window.fetch;
          window.fetch = async (...a) => {
            const r = await originale(...a);
            window.fetch = originale;
            queueMicrotask(() => el.updateComplete.then(fatto));
            return r;
          };
          window.dispatchEvent(new Event('online'));
        });
        volte.push(performance.now() - inizio);
      }
      return { primoRender, prima, dopo, apertura, volte };
    },
    { RICHIESTE },
  );
  console.log(
    `"Le mie richieste" benchmark (Chromium, built bundle, ${RICHIESTE} requests × ${MESSAGGI} messages, ${(corpo.length / 1024).toFixed(0)} KB of JSON)`,
  );
  console.log(
    `  first render, from connect to laid out (GET, validation, render):  ${risultato.primoRender.toFixed(1)} ms`,
  );
  console.log(
    `  JS heap after a forced GC, before → after:  ${(risultato.prima / 1024).toFixed(0)} KB → ${(risultato.dopo / 1024).toFixed(0)} KB`,
  );
  console.log(`  opening one request (thread of ${MESSAGGI}):  ${risultato.apertura.toFixed(1)} ms`);
  console.log(
    `  a refresh answered 304 (GET to updated), median of 20:  ${mediana(risultato.volte).toFixed(2)} ms (${risposte304} answered 304)`,
  );
} finally {
  await browser.close();
  server.close();
}

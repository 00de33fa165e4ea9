// docs/aspetto.png: the default look of every element (built bundle, no theming), in Debian's Chromium at a fixed time
// (a Tuesday at 10.00 in Rome, so the phone line reads "Aperto ora"). Run `node scripts/aspetto.mjs` after a build.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BUNDLE = readFileSync('dist/assistenza-tecnica.js');
const PAGINA = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Aspetto predefinito</title>
<script src="/assistenza-tecnica.js"></script>
<style>body{margin:0;padding:24px;background:#fff;font-family:system-ui,sans-serif}.griglia{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:32px;align-items:start}.lato{display:grid;gap:24px}</style>
</head><body><assistenza-provider endpoint="/api/richieste"><div class="griglia">
<assistenza-ticket-form></assistenza-ticket-form>
<div class="lato"><assistenza-telefonica abilitata numero="0521 123456"></assistenza-telefonica><assistenza-tempi-risposta></assistenza-tempi-risposta><assistenza-limiti></assistenza-limiti></div>
</div></assistenza-provider>
<script>document.querySelector('assistenza-provider').profilo = { id: 'mrossi', cognome: 'Rossi', nome: 'Mario', email: 'mario.rossi@esempio.it', telefono: '+39 347 123 4567' };</script>
</body></html>`;

const server = createServer((req, res) => {
  const js = req.url === '/assistenza-tecnica.js';
  res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
  res.end(js ? BUNDLE : PAGINA);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, timezoneId: 'Europe/Rome' });
  await page.clock.setFixedTime(new Date('2026-02-03T10:00:00+01:00'));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() =>
    document.querySelector('assistenza-telefonica')?.shadowRoot?.querySelector('a[href^="tel:"]'),
  );
  await page.waitForTimeout(300);
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/aspetto.png', fullPage: true });
  console.log('docs/aspetto.png written');
} finally {
  await browser.close();
  server.close();
}

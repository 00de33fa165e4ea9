// The demo (`npm start`) as a visitor uses it: Vite's dev server with the local endpoint, driven in Debian's Chromium.
// Needs dist/assistenza-tecnica.js (the Ente page loads it): `npm test` builds it first.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('the demo (npm start)', () => {
  let cartella: string;
  let server: ViteDevServer;
  let base: string;
  let browser: Browser;
  let contesto: BrowserContext;
  let pagina: Page;

  before(async () => {
    assert.ok(existsSync('dist/assistenza-tecnica.js'), 'dist/assistenza-tecnica.js is missing: run npm run build');
    cartella = mkdtempSync(join(tmpdir(), 'assistenza-demo-'));
    process.env.ASSISTENZA_DEMO_DATI = join(cartella, 'richieste.json');
    // No watcher: others editing src/ while this runs must not restart the server or reload the page.
    server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 5300, strictPort: false, hmr: false, watch: null } });
    await server.listen();
    base = server.resolvedUrls!.local[0].replace(/\/$/, '');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    delete process.env.ASSISTENZA_DEMO_DATI;
    rmSync(cartella, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await fetch(`${base}/api/guasti`, { method: 'POST', body: '[]' });
    contesto = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    pagina = await contesto.newPage();
  });
  afterEach(async () => {
    await contesto.close();
  });

  async function apri(percorso: string) {
    await pagina.goto(`${base}${percorso}`);
    await pagina.waitForFunction(() => document.querySelector('[data-pannello] h2'));
  }
  const cognome = () => pagina.evaluate(() => document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector<HTMLInputElement>('#campo-cognome')!.value);
  const statoModulo = () => pagina.evaluate(() => document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim());

  it('opens the personal menu "Bentornato, Mario Rossi" by keyboard, and its item leads to the assistance page', async () => {
    await apri('/');
    await pagina.keyboard.press('Tab');
    assert.equal(await pagina.evaluate(() => document.activeElement!.textContent), 'Vai al contenuto principale');
    await pagina.keyboard.press('Tab');
    await pagina.keyboard.press('Tab');
    const menu = pagina.getByRole('button', { name: 'Bentornato, Mario Rossi' });
    assert.equal(await pagina.evaluate(() => document.activeElement!.id), 'apri-menu-personale');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await pagina.keyboard.press('Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.ok(await pagina.getByRole('navigation', { name: 'Menu personale' }).getByRole('link', { name: 'Assistenza tecnica' }).isVisible());
    await pagina.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await pagina.evaluate(() => document.activeElement!.id), 'apri-menu-personale', 'focus back on the button');
    await pagina.keyboard.press('ArrowDown');
    await pagina.keyboard.press('ArrowDown');
    assert.equal(await pagina.evaluate(() => document.activeElement!.textContent), 'Assistenza tecnica');
    await pagina.keyboard.press('Enter');
    await pagina.waitForURL(`${base}/assistenza.html`);
    assert.equal(await pagina.getByRole('heading', { level: 1 }).textContent(), 'Assistenza tecnica');
  });

  it('prefills the form from the logged-in profile and follows a switch of user in the panel', async () => {
    await apri('/assistenza.html');
    await pagina.waitForFunction(() => document.querySelector('assistenza-ticket-form')?.shadowRoot?.querySelector('#campo-cognome'));
    assert.equal(await cognome(), 'Rossi');
    await pagina.getByLabel('Anna Bianchi').check();
    await pagina.getByRole('button', { name: 'Bentornato, Anna Bianchi' }).waitFor();
    assert.equal(await cognome(), 'Bianchi');
    await pagina.getByLabel('Nessuno (visitatore non collegato)').check();
    await pagina.getByRole('button', { name: 'Accedi' }).waitFor();
    assert.equal(await cognome(), '');
  });

  it('keeps a request in the queue while the endpoint answers 503 and delivers it when it works again; the back-office lists it', async () => {
    await apri('/assistenza.html');
    await pagina.getByLabel('Risponde 503 (servizio non disponibile)').check();
    await pagina.getByText('Endpoint: l’endpoint risponde 503').waitFor();
    const modulo = pagina.locator('assistenza-ticket-form');
    // Typed, not prefilled: this test is about the queue (the prefill has its own).
    await modulo.getByLabel('Cognome').fill('Rossi');
    await modulo.getByLabel('Nome', { exact: true }).fill('Mario');
    await modulo.getByLabel('Descrizione del problema').fill('Non riesco ad allegare la planimetria alla SCIA 123/2026.');
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await pagina.waitForFunction(() => /in coda/i.test(document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!));
    assert.deepEqual(await (await fetch(`${base}/api/richieste`)).json(), []);
    await pagina.getByLabel('Funziona').check();
    await pagina.waitForFunction(() => /Numero della richiesta: 1\./.test(document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!), null, { timeout: 30_000 });
    assert.match(await statoModulo(), /Richiesta inviata/);

    await apri('/backoffice.html');
    const riga = pagina.getByRole('row').filter({ hasText: 'planimetria' });
    await riga.waitFor();
    assert.equal(await riga.getByRole('rowheader').textContent(), '1');
    assert.match((await riga.textContent())!, /Rossi Mario/);
    assert.match((await riga.textContent())!, /\d{2}\/\d{2}\/\d{2}, \d{2}:\d{2}:\d{2}/);
  });

  it('the Ente page loads only the bundle, with one classic script tag, and its phone banner follows the panel', async () => {
    await apri('/ente.html');
    const script = await pagina.evaluate(() => [...document.scripts].filter((s) => s.src.endsWith('/assistenza-tecnica.js')).map((s) => s.type));
    assert.deepEqual(script, [''], 'one classic <script src>');
    assert.equal(await pagina.evaluate(() => [...document.scripts].some((s) => /\/src\//.test(s.src))), false, 'nothing from src/');
    await pagina.waitForFunction(() => document.querySelector('assistenza-telefonica')?.shadowRoot?.querySelector('a[href^="tel:"]'));
    const altezza = () => pagina.evaluate(() => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height);
    assert.ok((await altezza()) > 0);
    await pagina.getByLabel('L’Ente ha attivato l’assistenza telefonica').uncheck();
    await pagina.waitForFunction(() => !document.querySelector('assistenza-telefonica')!.hasAttribute('abilitata'));
    await pagina.waitForFunction(() => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height === 0);
    await pagina.getByLabel('L’Ente ha attivato l’assistenza telefonica').check();
    await pagina.waitForFunction(() => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height > 0);
  });

  for (const percorso of ['/', '/assistenza.html', '/ente.html', '/backoffice.html']) {
    it(`${percorso} has no WCAG 2.1 AA violation that axe finds, with the menu open too`, async () => {
      await apri(percorso);
      await pagina.waitForTimeout(500);
      await pagina.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const controlla = () =>
        pagina.evaluate(async (tag) => {
          const r = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tag } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, WCAG_AA);
      assert.deepEqual(await controlla(), []);
      const menu = pagina.getByRole('button', { name: /^Bentornato/ });
      if (await menu.count()) {
        await menu.click();
        assert.deepEqual(await controlla(), []);
      }
      const landmark = await pagina.evaluate(() => ['header', 'main', 'aside', 'footer'].filter((t) => document.querySelector(t)));
      assert.deepEqual(landmark, ['header', 'main', 'aside', 'footer']);
    });
  }
});

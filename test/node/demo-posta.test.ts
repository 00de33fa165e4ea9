// The demo's mail loop (npm start), driven in Debian's Chromium: a request with "anche via mail", the help desk's
// answer, the mail in the "Posta" page with its headers, the user's reply from there by SMTP, and that reply in the
// request's thread and in "Le mie richieste"; a closed request's refusal shown; axe on the page at 1280 and 390 px.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { violazioniAxe } from './axe.js';

// The demo's help desk operator (the console's branch gives the demo this one; here the environment does).
const OPERATORE = { utente: 'sportello', password: 'sportello-demo' };

describe('the demo’s mail (npm start): the "Posta" page', () => {
  let cartella: string;
  let server: ViteDevServer;
  let base: string;
  let browser: Browser;
  let cookie: string;

  before(async () => {
    assert.ok(existsSync('dist/assistenza-tecnica.js'), 'dist/assistenza-tecnica.js is missing: run npm run build');
    cartella = mkdtempSync(join(tmpdir(), 'assistenza-demo-posta-'));
    process.env.ASSISTENZA_DEMO_DATI = join(cartella, 'dati');
    process.env.ASSISTENZA_ADMIN_UTENTE = OPERATORE.utente;
    process.env.ASSISTENZA_ADMIN_PASSWORD = OPERATORE.password;
    server = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      server: { port: 5350, strictPort: false, hmr: false, watch: null },
    });
    await server.listen();
    base = server.resolvedUrls!.local[0].replace(/\/$/, '');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const accesso = await fetch(`${base}/api/sportello/accesso`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify(OPERATORE),
    });
    assert.equal(accesso.status, 204);
    cookie = (accesso.headers.get('set-cookie') ?? '').split(';')[0];
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    delete process.env.ASSISTENZA_DEMO_DATI;
    delete process.env.ASSISTENZA_ADMIN_UTENTE;
    delete process.env.ASSISTENZA_ADMIN_PASSWORD;
    rmSync(cartella, { recursive: true, force: true });
  });

  /** The help desk's calls, as the console makes them. */
  async function sportello<T>(percorso: string, metodo = 'GET', corpo?: unknown): Promise<T> {
    const res = await fetch(`${base}/api/sportello${percorso}`, {
      method: metodo,
      headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/json' },
      ...(corpo !== undefined && { body: JSON.stringify(corpo) }),
    });
    assert.ok(res.ok, `${metodo} ${percorso}: ${res.status}`);
    return (await res.json()) as T;
  }

  /** Mario sends a request from the form, asking for the answer by mail: its numero and id. */
  async function richiestaConMail(pagina: Page, descrizione: string) {
    await pagina.goto(`${base}/assistenza.html`);
    const modulo = pagina.locator('assistenza-ticket-form');
    await modulo.getByLabel('Descrizione del problema').fill(descrizione);
    await modulo.getByLabel('Invia la risposta anche via mail').check();
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await modulo
      .getByRole('status')
      .getByText(/Numero della richiesta: \d+\./)
      .waitFor({ timeout: 15_000 });
    const numero = Number(
      /Numero della richiesta: (\d+)\./.exec((await modulo.getByRole('status').textContent())!)![1],
    );
    const coda = await sportello<{ richieste: { id: string; numero: number }[] }>(`/richieste?cerca=${numero}`);
    return { numero, id: coda.richieste.find((r) => r.numero === numero)!.id };
  }

  /** The mail of request n. `numero` in the "Posta" page. */
  async function mailDi(pagina: Page, oggetto: string) {
    await pagina.goto(`${base}/posta.html`);
    const mail = pagina.getByRole('article').filter({ has: pagina.getByRole('heading', { name: oggetto }) });
    await mail.first().waitFor({ timeout: 15_000 });
    return mail.first();
  }

  it('the whole loop: the answer arrives in "Posta" with its headers, the reply from there reaches the thread and "Le mie richieste"', async () => {
    const contesto = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pagina = await contesto.newPage();
    try {
      const r = await richiestaConMail(pagina, 'La firma digitale della SCIA non viene accettata.');
      const risposta = await sportello<{ inviataViaMailA?: string }>(`/richieste/${r.id}/messaggi`, 'POST', {
        testo: 'Buongiorno, ci manda il file firmato .p7m?',
        stato: 'attesa-utente',
      });
      assert.equal(risposta.inviataViaMailA, 'mario.rossi@esempio.it');

      const mail = await mailDi(pagina, `[Richiesta n. ${r.numero}] In attesa di una tua risposta`);
      const intestazione = async (nome: string) =>
        (await mail
          .locator('dt', { hasText: new RegExp(`^${nome}$`) })
          .locator('xpath=following-sibling::dd[1]')
          .textContent())!;
      assert.equal(await intestazione('A'), 'mario.rossi@esempio.it');
      assert.match(await intestazione('Da'), /Assistenza GeoTecSUE.*assistenza@geotecsue\.esempio\.it/);
      assert.match(
        await intestazione('Rispondi a'),
        new RegExp(`^assistenza\\+${r.numero}-[0-9a-f]{32}@geotecsue\\.esempio\\.it$`),
      );
      assert.match(await intestazione('Message-ID'), /^<[0-9a-f-]+@geotecsue\.esempio\.it>$/);
      assert.match((await mail.locator('pre').textContent())!, /^Buongiorno, ci manda il file firmato \.p7m\?\n/);

      await mail.getByLabel('La tua risposta').fill('Eccolo: lo allego domattina dall’ufficio.');
      await mail.getByRole('button', { name: 'Rispondi' }).click();
      await mail.getByRole('status').getByText('Risposta inviata').waitFor();
      assert.equal(await mail.getByLabel('La tua risposta').inputValue(), '', 'the box is emptied once sent');

      const vista = await sportello<{
        stato: string;
        messaggi: { autore: string; testo: string }[];
        posta: { stato: string }[];
      }>(`/richieste/${r.id}`);
      assert.equal(vista.stato, 'in-lavorazione');
      assert.deepEqual(
        vista.messaggi.map((m) => [m.autore, m.testo]),
        [
          ['assistenza', 'Buongiorno, ci manda il file firmato .p7m?'],
          ['utente', 'Eccolo: lo allego domattina dall’ufficio.'],
        ],
        'the reply without the quoted mail',
      );
      assert.deepEqual(
        vista.posta.map((p) => p.stato),
        ['inviata'],
      );

      await pagina.goto(`${base}/richieste.html`);
      const elenco = pagina.locator('assistenza-richieste');
      const voce = elenco.getByRole('button', { name: new RegExp(`^Richiesta n\\. ${r.numero}, In lavorazione`) });
      await voce.waitFor({ timeout: 15_000 });
      await voce.click();
      await elenco
        .getByRole('list', { name: 'Conversazione' })
        .getByRole('listitem')
        .filter({ hasText: 'Eccolo: lo allego domattina dall’ufficio.' })
        .waitFor();

      for (const larghezza of [1280, 390]) {
        await pagina.setViewportSize({ width: larghezza, height: 900 });
        await mailDi(pagina, `[Richiesta n. ${r.numero}] In attesa di una tua risposta`);
        assert.deepEqual(await violazioniAxe(pagina), [], `${larghezza} px`);
        assert.equal(
          await pagina.evaluate(() => document.documentElement.scrollWidth),
          larghezza,
          'nothing scrolls sideways',
        );
      }
    } finally {
      await contesto.close();
    }
  });

  it('shows the refusal of a reply to a closed request: open a new one on the portal', async () => {
    const contesto = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const pagina = await contesto.newPage();
    try {
      const r = await richiestaConMail(pagina, 'Non trovo la ricevuta del pagamento.');
      await sportello(`/richieste/${r.id}/messaggi`, 'POST', { testo: 'La trova in Documenti.', stato: 'chiusa' });
      const mail = await mailDi(pagina, `[Richiesta n. ${r.numero}] Chiusa`);
      await mail.getByLabel('La tua risposta').fill('Grazie, trovata.');
      await mail.getByRole('button', { name: 'Rispondi' }).click();
      await mail
        .getByRole('status')
        .getByText(new RegExp(`rifiutato la mail: 550 .*richiesta n\\. ${r.numero} e' chiusa`))
        .waitFor();
      assert.equal(await mail.getByLabel('La tua risposta').inputValue(), 'Grazie, trovata.', 'the text stays');
      assert.deepEqual(await violazioniAxe(pagina), []);
    } finally {
      await contesto.close();
    }
  });
});

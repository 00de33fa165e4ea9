// The demo (`npm start`) as a visitor uses it: Vite's dev server with the local endpoint, driven in Debian's Chromium.
// Needs dist/assistenza-tecnica.js (the Ente page loads it): `npm test` builds it first.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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
    process.env.ASSISTENZA_DEMO_DATI = join(cartella, 'dati');
    // No watcher: others editing src/ while this runs must not restart the server or reload the page.
    server = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      server: { port: 5300, strictPort: false, hmr: false, watch: null },
    });
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

  const richiesteSportello = async () =>
    ((await (await fetch(`${base}/api/sportello/richieste`)).json()) as { richieste: { id: string; numero: number }[] })
      .richieste;

  /** A request sent straight to the endpoint, as the form would (with Mario Rossi's session cookie when `utente`). */
  async function inviaRichiesta(corpo: Record<string, unknown>, utente?: string) {
    const id = randomUUID();
    const intestazioni: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': id };
    if (utente !== undefined) {
      Object.assign(intestazioni, await comeUtente(utente));
    }
    const corpoIntero = {
      id,
      cognome: 'Rossi',
      nome: 'Mario',
      rispostaViaEmail: false,
      creataIl: new Date().toISOString(),
      ...corpo,
    };
    const res = await fetch(`${base}/api/richieste`, {
      method: 'POST',
      headers: intestazioni,
      body: JSON.stringify(corpoIntero),
    });
    assert.equal(res.status, 201);
    return { id, numero: ((await res.json()) as { numero: number }).numero };
  }

  /** The Authorization a page of the demo sends for `utente`: the token the demo's portal mints for its session. */
  async function comeUtente(utente: string): Promise<Record<string, string>> {
    const res = await fetch(`${base}/portale/token`, { headers: { Cookie: `assistenza-demo-sessione=${utente}` } });
    assert.equal(res.status, 200);
    return { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  }

  async function apri(percorso: string) {
    await pagina.goto(`${base}${percorso}`);
    await pagina.waitForFunction(() => document.querySelector('[data-pannello] h2'));
  }
  const cognome = () =>
    pagina.evaluate(
      () =>
        document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector<HTMLInputElement>('#campo-cognome')!
          .value,
    );
  const statoModulo = () =>
    pagina.evaluate(() =>
      document
        .querySelector('assistenza-ticket-form')!
        .shadowRoot!.querySelector('[role=status]')!
        .textContent!.replace(/\s+/g, ' ')
        .trim(),
    );

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
    assert.ok(
      await pagina
        .getByRole('navigation', { name: 'Menu personale' })
        .getByRole('link', { name: 'Assistenza tecnica' })
        .isVisible(),
    );
    await pagina.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(
      await pagina.evaluate(() => document.activeElement!.id),
      'apri-menu-personale',
      'focus back on the button',
    );
    await pagina.keyboard.press('ArrowDown');
    await pagina.keyboard.press('ArrowDown');
    assert.equal(await pagina.evaluate(() => document.activeElement!.textContent), 'Assistenza tecnica');
    await pagina.keyboard.press('Enter');
    await pagina.waitForURL(`${base}/assistenza.html`);
    assert.equal(await pagina.getByRole('heading', { level: 1 }).textContent(), 'Assistenza tecnica');
  });

  it('prefills the form from the logged-in profile and follows a switch of user in the panel', async () => {
    await apri('/assistenza.html');
    await pagina.waitForFunction(() =>
      document.querySelector('assistenza-ticket-form')?.shadowRoot?.querySelector('#campo-cognome'),
    );
    assert.equal(await cognome(), 'Rossi');
    await pagina.getByLabel('Anna Bianchi').check();
    await pagina.getByRole('button', { name: 'Bentornato, Anna Bianchi' }).waitFor();
    assert.equal(await cognome(), 'Bianchi');
    await pagina.getByLabel('Nessuno (visitatore non collegato)').check();
    await pagina.getByRole('button', { name: 'Accedi' }).waitFor();
    assert.equal(await cognome(), '');
  });

  /** The assistance page with the panel's endpoint answering 503, and the form filled in by hand (not prefilled). */
  async function moduloConEndpointGiu(descrizione: string) {
    await apri('/assistenza.html');
    await pagina.getByLabel('Risponde 503 (servizio non disponibile)').check();
    await pagina.getByText('Endpoint: l’endpoint risponde 503').waitFor();
    const modulo = pagina.locator('assistenza-ticket-form');
    await modulo.getByLabel('Cognome').fill('Rossi');
    await modulo.getByLabel('Nome', { exact: true }).fill('Mario');
    await modulo.getByLabel('Descrizione del problema').fill(descrizione);
    return modulo;
  }

  it('keeps a request in the queue while the endpoint answers 503 and delivers it when it works again; the back-office lists it', async () => {
    const modulo = await moduloConEndpointGiu('Non riesco ad allegare la planimetria alla SCIA 123/2026.');
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await pagina.waitForFunction(() =>
      /in coda/i.test(
        document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!,
      ),
    );
    assert.deepEqual(await richiesteSportello(), []);
    await pagina.getByLabel('Funziona').check();
    await pagina.waitForFunction(
      () =>
        /Numero della richiesta: 1\./.test(
          document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!,
        ),
      null,
      { timeout: 30_000 },
    );
    assert.match(await statoModulo(), /Richiesta inviata/);

    await apri('/backoffice.html');
    const riga = pagina.getByRole('row').filter({ hasText: 'planimetria' });
    await riga.waitFor();
    assert.equal(await riga.getByRole('rowheader').textContent(), '1');
    assert.match((await riga.textContent())!, /Rossi Mario/);
    assert.match((await riga.textContent())!, /\d{2}\/\d{2}\/\d{2}, \d{2}:\d{2}:\d{2}/);
  });

  it('a screenshot pasted into the form is queued with the request while the endpoint answers 503, and reaches the back-office once', async () => {
    const modulo = await moduloConEndpointGiu('Ecco lo screenshot dell’errore al protocollo.');
    // A paste as the browser delivers one from the clipboard: an image file in clipboardData, on the focused field.
    await modulo.getByLabel('Descrizione del problema').evaluate(async (campo) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 200;
      canvas.getContext('2d')!.fillRect(10, 10, 100, 50);
      const png = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/png'));
      const dt = new DataTransfer();
      dt.items.add(new File([png], 'image.png', { type: 'image/png' }));
      campo.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }),
      );
    });
    const voce = modulo.getByRole('list', { name: 'File allegati' }).getByRole('listitem');
    await voce.waitFor();
    const nome = /screenshot-\d{8}-\d{6}\.png/.exec((await voce.textContent())!)![0];
    const prima = (await richiesteSportello()).length;
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await pagina.waitForFunction(() =>
      /in coda/i.test(
        document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!,
      ),
    );
    assert.equal((await richiesteSportello()).length, prima, 'nothing arrived while the endpoint answers 503');
    await pagina.getByLabel('Funziona').check();
    await pagina.waitForFunction(
      () =>
        /Allegati inviati: 1\./.test(
          document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!,
        ),
      null,
      { timeout: 30_000 },
    );

    const arrivate = (await richiesteSportello()) as unknown as {
      numero: number;
      descrizione: string;
      allegati: { nome: string }[];
    }[];
    const [arrivata, ...altre] = arrivate.filter(
      (r) => r.descrizione === 'Ecco lo screenshot dell’errore al protocollo.',
    );
    assert.equal(altre.length, 0, 'the request arrived once');
    assert.deepEqual(
      arrivata.allegati.map((a) => a.nome),
      [nome],
      'one attachment, stored once',
    );
    await apri('/backoffice.html');
    await pagina.getByRole('button', { name: `Conversazione della richiesta n. ${arrivata.numero}` }).click();
    await pagina.getByRole('link', { name: nome }).waitFor();
  });

  it('the Ente page loads only the phone bundle, with one classic script tag, and its phone banner follows the panel', async () => {
    await apri('/ente.html');
    const script = await pagina.evaluate(() =>
      [...document.scripts]
        .filter((s) => /\/assistenza-(tecnica|telefonica)\.js$/.test(s.src))
        .map((s) => [new URL(s.src).pathname, s.type]),
    );
    assert.deepEqual(script, [['/assistenza-telefonica.js', '']], 'one classic <script src>, the phone banner');
    assert.equal(
      await pagina.evaluate(() => [...document.scripts].some((s) => /\/src\//.test(s.src))),
      false,
      'nothing from src/',
    );
    await pagina.waitForFunction(() =>
      document.querySelector('assistenza-telefonica')?.shadowRoot?.querySelector('a[href^="tel:"]'),
    );
    // The phone banner alone: no other element, and no IndexedDB of the widget on the Ente's origin.
    assert.equal(await pagina.evaluate(() => !!customElements.get('assistenza-ticket-form')), false);
    assert.deepEqual(await pagina.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);
    const altezza = () =>
      pagina.evaluate(() => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height);
    assert.ok((await altezza()) > 0);
    await pagina.getByLabel('L’Ente ha attivato l’assistenza telefonica').uncheck();
    await pagina.waitForFunction(() => !document.querySelector('assistenza-telefonica')!.hasAttribute('abilitata'));
    await pagina.waitForFunction(
      () => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height === 0,
    );
    await pagina.getByLabel('L’Ente ha attivato l’assistenza telefonica').check();
    await pagina.waitForFunction(
      () => document.querySelector('assistenza-telefonica')!.getBoundingClientRect().height > 0,
    );
  });

  it('sets the session cookie of the user chosen in the panel; the demo’s portal mints that user’s token for the elements’ headers', async () => {
    await apri('/assistenza.html');
    // The form's own headers, as the demo sets them: what the widget sends the server.
    const mie = () =>
      pagina.evaluate(async () => {
        const modulo = document.querySelector('assistenza-ticket-form') as HTMLElement & {
          headers: () => Promise<Record<string, string>>;
        };
        const headers = await modulo.headers();
        const res = await fetch('/api/richieste', { headers });
        return { stato: res.status, corpo: (await res.json()) as unknown, token: headers.Authorization ?? null };
      });
    const mario = await mie();
    assert.equal(mario.stato, 200, 'Mario Rossi by default');
    const sub = (t: string | null) => JSON.parse(Buffer.from(t!.split('.')[1], 'base64url').toString()).sub;
    assert.equal(sub(mario.token), 'mrossi');
    await pagina.getByLabel('Anna Bianchi').check();
    const cookie = await contesto.cookies(base);
    assert.deepEqual(
      cookie.map((c) => [c.name, c.value, c.path, c.sameSite]),
      [['assistenza-demo-sessione', 'abianchi', '/', 'Strict']],
    );
    const anna = await mie();
    assert.deepEqual([anna.stato, anna.corpo, sub(anna.token)], [200, { richieste: [] }, 'abianchi']);
    await pagina.getByLabel('Nessuno (visitatore non collegato)').check();
    const nessuno = await mie();
    assert.deepEqual([nessuno.stato, nessuno.token], [401, null], 'no token: an anonymous caller, who has no list');
    assert.deepEqual(await contesto.cookies(base), []);
    // A new page of the same browser reads the choice from localStorage and writes the cookie again.
    await contesto.clearCookies();
    await pagina.evaluate(() => localStorage.setItem('demo:profilo', 'abianchi'));
    await apri('/');
    assert.deepEqual(
      (await contesto.cookies(base)).map((c) => c.value),
      ['abianchi'],
    );
  });

  it('the back-office: a request appears, the operator opens it, replies with a state; by mail too, into the outbox', async () => {
    const conMail = await inviaRichiesta(
      {
        email: 'mario.rossi@esempio.it',
        rispostaViaEmail: true,
        descrizione: 'La relazione tecnica non si carica.',
        pratica: { tipologia: 'CILA', numero: '98/2026' },
      },
      'mrossi',
    );
    const senzaMail = await inviaRichiesta({
      cognome: 'Verdi',
      nome: 'Luca',
      descrizione: 'Non trovo la ricevuta della SCIA.',
    });

    await apri('/backoffice.html');
    const riga = pagina.getByRole('row').filter({ hasText: 'La relazione tecnica non si carica.' });
    await riga.waitFor();
    assert.equal(await riga.getByRole('rowheader').textContent(), String(conMail.numero));
    assert.match(
      (await riga.textContent())!,
      /Rossi Mario.*utente mrossi.*mario\.rossi@esempio\.it.*CILA.*98\/2026.*Ricevuta/,
    );
    const apriConMail = riga.getByRole('button', { name: `Conversazione della richiesta n. ${conMail.numero}` });
    assert.equal(await apriConMail.getAttribute('aria-expanded'), 'false');
    await apriConMail.click();
    assert.equal(await apriConMail.getAttribute('aria-expanded'), 'true');
    const risposta = pagina.getByLabel(`Risposta alla richiesta n. ${conMail.numero}`);
    await risposta.fill('Buongiorno, il file supera i 10 MB: provi a comprimerlo.');
    await pagina
      .getByLabel(`Stato della richiesta n. ${conMail.numero}`)
      .selectOption({ label: 'In attesa dell’utente' });
    const conversazione = pagina.locator(`#conversazione-${conMail.id}`);
    await conversazione.getByRole('button', { name: 'Invia risposta' }).click();
    await conversazione.getByText('Inviata anche via mail a mario.rossi@esempio.it').waitFor();
    assert.match((await conversazione.getByRole('listitem').textContent())!, /Assistenza.*il file supera i 10 MB/);
    assert.equal(await risposta.inputValue(), '', 'the textarea is emptied once sent');
    await pagina
      .getByRole('status')
      .filter({
        hasText: `Risposta inviata alla richiesta n. ${conMail.numero}, anche via mail a mario.rossi@esempio.it`,
      })
      .waitFor();
    await riga.getByText('In attesa dell’utente').waitFor();
    const perSportello = (await (await fetch(`${base}/api/sportello/richieste/${conMail.id}`)).json()) as {
      messaggi: { testo: string; inviataViaMailA?: string }[];
    };
    assert.equal(perSportello.messaggi[0].inviataViaMailA, 'mario.rossi@esempio.it');
    assert.match(perSportello.messaggi[0].testo, /il file supera i 10 MB/);
    const perMario = (await (await fetch(`${base}/api/richieste`, { headers: await comeUtente('mrossi') })).json()) as {
      richieste: { id: string; stato: string; messaggi: { autore: string }[] }[];
    };
    const vista = perMario.richieste.find((r) => r.id === conMail.id)!;
    assert.equal(vista.stato, 'attesa-utente');
    assert.deepEqual(
      vista.messaggi.map((m) => m.autore),
      ['assistenza'],
    );

    // What the operator types and which thread is open survive the refreshes; a new request is announced.
    const apriSenzaMail = pagina.getByRole('button', { name: `Conversazione della richiesta n. ${senzaMail.numero}` });
    await apriSenzaMail.click();
    const bozza = pagina.getByLabel(`Risposta alla richiesta n. ${senzaMail.numero}`);
    await bozza.fill('Buongiorno, la ricevuta è');
    const nuova = await inviaRichiesta({ cognome: 'Neri', nome: 'Sara', descrizione: 'Un problema appena arrivato.' });
    await pagina
      .getByRole('status')
      .filter({ hasText: `Nuova richiesta n. ${nuova.numero}.` })
      .waitFor({ timeout: 10_000 });
    assert.equal(await bozza.inputValue(), 'Buongiorno, la ricevuta è');
    assert.equal(await apriSenzaMail.getAttribute('aria-expanded'), 'true');
    assert.equal(await apriConMail.getAttribute('aria-expanded'), 'true');
    assert.equal(
      await pagina.getByRole('row').nth(1).getByRole('rowheader').textContent(),
      String(nuova.numero),
      'newest first',
    );
    await bozza.fill('Buongiorno, la ricevuta è nella sezione Documenti.');
    await pagina.locator(`#conversazione-${senzaMail.id}`).getByRole('button', { name: 'Invia risposta' }).click();
    await pagina
      .getByRole('status')
      .filter({ hasText: `Risposta inviata alla richiesta n. ${senzaMail.numero}. Stato: In lavorazione.` })
      .waitFor();
    assert.equal(
      await pagina
        .locator(`#conversazione-${senzaMail.id}`)
        .getByText(/Inviata anche via mail/)
        .count(),
      0,
    );

    // The state alone; then axe on the page with two threads open, at a phone's width too.
    await pagina.getByLabel(`Stato della richiesta n. ${senzaMail.numero}`).selectOption({ label: 'Risolta' });
    await pagina
      .locator(`#conversazione-${senzaMail.id}`)
      .getByRole('button', { name: 'Cambia solo lo stato' })
      .click();
    await pagina
      .getByRole('status')
      .filter({ hasText: `Richiesta n. ${senzaMail.numero}: stato cambiato in Risolta.` })
      .waitFor();
    for (const larghezza of [1280, 390]) {
      await pagina.setViewportSize({ width: larghezza, height: 900 });
      assert.deepEqual(await violazioniAxe(), [], `${larghezza} px`);
    }
  });

  it('the whole loop: Mario sends a request, the help desk answers in the back-office, the answer shows in "Le mie richieste" with its badge', async () => {
    await apri('/assistenza.html');
    const modulo = pagina.locator('assistenza-ticket-form');
    await modulo.getByLabel('Descrizione del problema').fill('Il portale non accetta la firma digitale della SCIA.');
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await modulo
      .getByRole('status')
      .getByText(/Numero della richiesta: \d+\./)
      .waitFor();
    const numero = Number(
      /Numero della richiesta: (\d+)\./.exec((await modulo.getByRole('status').textContent())!)![1],
    );
    assert.equal(
      await modulo.getByRole('link', { name: 'Segui la richiesta in Le mie richieste' }).getAttribute('href'),
      '/richieste.html',
    );

    await apri('/backoffice.html');
    await pagina.getByRole('button', { name: `Conversazione della richiesta n. ${numero}` }).click();
    await pagina.getByLabel(`Risposta alla richiesta n. ${numero}`).fill('Buongiorno, ci invia il file .p7m?');
    await pagina.getByLabel(`Stato della richiesta n. ${numero}`).selectOption({ label: 'In attesa dell’utente' });
    await pagina.getByRole('button', { name: 'Invia risposta' }).click();
    await pagina
      .getByRole('status')
      .filter({ hasText: `Risposta inviata alla richiesta n. ${numero}` })
      .waitFor();

    // Any portal page: the personal menu counts the reply.
    await apri('/');
    await pagina.getByRole('button', { name: 'Bentornato, Mario Rossi' }).click();
    const menuPersonale = pagina.getByRole('navigation', { name: 'Menu personale' });
    // Other tests of this file may have left Mario replies too: the badge counts them all.
    const voce = menuPersonale.getByRole('link', { name: /^Le mie richieste \d+ nuov[ae] rispost[ae]$/ });
    await voce.waitFor({ timeout: 15_000 });
    const prima = Number(/\d+/.exec((await voce.textContent())!)![0]);
    await voce.click();
    await pagina.waitForURL(`${base}/richieste.html`);
    const elenco = pagina.locator('assistenza-richieste');
    const richiesta = elenco.getByRole('button', {
      name: `Richiesta n. ${numero}, In attesa di una tua risposta, Nuova risposta`,
    });
    await richiesta.waitFor();
    await richiesta.click();
    // Its name changes once opened (the reply is read): found by its number from here on.
    const aperta = elenco.getByRole('button', { name: new RegExp(`^Richiesta n\\. ${numero},`) });
    assert.equal(await aperta.getAttribute('aria-expanded'), 'true');
    await elenco
      .getByRole('list', { name: 'Conversazione' })
      .getByRole('listitem')
      .filter({ hasText: 'Buongiorno, ci invia il file .p7m?' })
      .waitFor();
    // Opened: read, and the menu's badge goes.
    await elenco.getByRole('button', { name: `Richiesta n. ${numero}, In attesa di una tua risposta` }).waitFor();
    await pagina.getByRole('button', { name: 'Bentornato, Mario Rossi' }).click();
    const dopo = prima - 1;
    const attesa =
      dopo === 0 ? 'Le mie richieste' : `Le mie richieste ${dopo} ${dopo === 1 ? 'nuova risposta' : 'nuove risposte'}`;
    await menuPersonale.getByRole('link', { name: attesa, exact: true }).waitFor();

    // Mario replies; the back-office sees it and the request is being worked on again.
    await elenco.getByLabel('La tua risposta').fill('Eccolo, lo allego di nuovo domattina.');
    await elenco.getByRole('button', { name: 'Invia risposta' }).click();
    await elenco.getByRole('button', { name: `Richiesta n. ${numero}, In lavorazione` }).waitFor({ timeout: 15_000 });
    const [vista] = (
      (await (await fetch(`${base}/api/sportello/richieste`)).json()) as {
        richieste: { numero: number; messaggi: { autore: string; testo: string }[] }[];
      }
    ).richieste.filter((r) => r.numero === numero);
    assert.deepEqual(
      vista.messaggi.map((m) => m.autore),
      ['assistenza', 'utente'],
    );
  });

  it('the back-office links a request’s attachments to their download', async () => {
    const id = randomUUID();
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const caricato = await fetch(`${base}/api/richieste/allegati/${id}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/pdf',
        'Idempotency-Key': id,
        'Content-Disposition': "attachment; filename*=UTF-8''tavola%20unica.pdf",
        ...(await comeUtente('mrossi')),
      },
      body: new Blob([new Uint8Array(pdf)]),
    });
    assert.equal(caricato.status, 201);
    const { numero } = await inviaRichiesta(
      {
        descrizione: 'Ecco la tavola.',
        allegati: [{ id, nome: 'tavola unica.pdf', tipo: 'application/pdf', dimensione: pdf.length }],
      },
      'mrossi',
    );
    await apri('/backoffice.html');
    await pagina.getByRole('button', { name: `Conversazione della richiesta n. ${numero}` }).click();
    const link = pagina.getByRole('link', { name: 'tavola unica.pdf' });
    assert.equal(await link.getAttribute('href'), `/api/sportello/allegati/${id}`);
    const [scaricato] = await Promise.all([pagina.waitForEvent('download'), link.click()]);
    assert.equal(scaricato.suggestedFilename(), 'tavola unica.pdf');
  });

  async function violazioniAxe(): Promise<string[]> {
    await pagina.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    return pagina.evaluate(async (tag) => {
      const r = await (
        window as unknown as {
          axe: {
            run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tag } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, WCAG_AA);
  }

  for (const percorso of [
    '/',
    '/assistenza.html',
    '/richieste.html',
    '/ente.html',
    '/backoffice.html',
    '/posta.html',
  ]) {
    for (const larghezza of [1280, 390]) {
      it(`${percorso} has no WCAG 2.1 AA violation that axe finds at ${larghezza} px wide, with the menu open too`, async () => {
        // The back-office shows its table only with a request in it: checked with one, whatever ran before.
        if (percorso === '/backoffice.html') {
          await inviaRichiesta({ descrizione: 'Una richiesta perché la tabella ci sia.' });
        }
        await pagina.setViewportSize({ width: larghezza, height: 900 });
        await apri(percorso);
        await pagina.waitForTimeout(500);
        assert.deepEqual(await violazioniAxe(), []);
        const menu = pagina.getByRole('button', { name: /^Bentornato/ });
        if (await menu.count()) {
          await menu.click();
          assert.deepEqual(await violazioniAxe(), []);
        }
        const landmark = await pagina.evaluate(() =>
          ['header', 'main', 'aside', 'footer'].filter((t) => document.querySelector(t)),
        );
        assert.deepEqual(landmark, ['header', 'main', 'aside', 'footer']);
      });
    }
  }

  it('the back-office’s list scrolls sideways at 390 px in a region the keyboard reaches, named', async () => {
    await inviaRichiesta({ descrizione: 'Una richiesta perché la tabella ci sia.' });
    await pagina.setViewportSize({ width: 390, height: 900 });
    await apri('/backoffice.html');
    const regione = pagina.getByRole('region', { name: 'Richieste di assistenza, dalla più recente' });
    await regione.waitFor();
    assert.equal(await regione.getAttribute('tabindex'), '0');
    assert.ok(await regione.evaluate((el) => el.scrollWidth > el.clientWidth), 'it does scroll at this width');
    await pagina
      .getByRole('button', { name: /^Conversazione della richiesta n\. \d+$/ })
      .first()
      .click();
    assert.equal(
      await pagina.evaluate(() => document.documentElement.scrollWidth),
      390,
      'the page itself does not scroll sideways',
    );
    await regione.focus();
    await pagina.keyboard.press('ArrowRight');
    await pagina.waitForFunction(() => document.querySelector('[data-scorre]')!.scrollLeft > 0);
  });
});

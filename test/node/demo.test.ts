// The demo (`npm start`) as a visitor uses it: Vite's dev server with the local endpoint, driven in Debian's Chromium.
// Needs dist/assistenza-tecnica.js (the Ente page loads it): `npm test` builds it first.
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { violazioniAxe } from './axe.js';
import { OPERATORE_DEMO } from '../../demo/operatore-demo.js';

describe('the demo (npm start)', () => {
  let cartella: string;
  let server: ViteDevServer;
  let base: string;
  let browser: Browser;
  let contesto: BrowserContext;
  let pagina: Page;

  before(async () => {
    assert.ok(existsSync('dist/assistenza-tecnica.js'), 'dist/assistenza-tecnica.js is missing: run npm run build');
    assert.ok(existsSync('server/dist/sportello/index.html'), 'the console is not built: run npm run build');
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

  /** The demo operator's session cookie, logged in as the console does (JSON, from the demo's own Origin). */
  async function cookieOperatore(): Promise<string> {
    const r = await fetch(`${base}/api/sportello/accesso`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify(OPERATORE_DEMO),
    });
    assert.equal(r.status, 204);
    return (r.headers.get('set-cookie') ?? '').split(';')[0];
  }

  /** What the help desk's API says, as the demo's operator. */
  async function sportello<T>(percorso: string): Promise<T> {
    const r = await fetch(`${base}/api/sportello${percorso}`, { headers: { Cookie: await cookieOperatore() } });
    assert.equal(r.status, 200);
    return (await r.json()) as T;
  }

  type Richiesta = {
    id: string;
    numero: number;
    stato: string;
    descrizione: string;
    allegati: { nome: string }[];
    messaggi: { autore: string; testo: string; inviataViaMailA?: string; operatore?: string }[];
  };
  const richiesteSportello = async () =>
    (await sportello<{ richieste: { id: string; numero: number; anteprima: string; cognome: string }[] }>('/richieste'))
      .richieste;
  const richiestaSportello = (id: string) => sportello<Richiesta>(`/richieste/${id}`);

  /** The console, logged in as the demo's operator (the name and password npm start prints), unless it is already. */
  async function accediSportello() {
    await pagina.goto(`${base}/sportello/`);
    await pagina.locator('sportello-accesso, sportello-coda').first().waitFor();
    if (await pagina.locator('sportello-accesso').count()) {
      await pagina.getByLabel('Nome utente').fill(OPERATORE_DEMO.utente);
      await pagina.getByLabel('Password').fill(OPERATORE_DEMO.password);
      await pagina.getByRole('button', { name: 'Accedi' }).click();
    }
    await pagina.getByRole('heading', { level: 1, name: 'Coda delle richieste' }).waitFor();
    await pagina.locator('sportello-coda p.riepilogo').waitFor();
  }

  /** A request of the queue opened, its reply box ready. */
  async function apriNelSportello(numero: number) {
    await pagina.getByRole('link', { name: `Richiesta n. ${numero}`, exact: true }).click();
    await pagina.getByRole('heading', { level: 1, name: `Richiesta n. ${numero}` }).waitFor();
    await pagina.getByLabel('Risposta', { exact: true }).waitFor();
  }

  /** What the console's polite live region says now. */
  const annunciato = (testo: string) =>
    pagina.locator('sportello-app').getByRole('status').filter({ hasText: testo }).waitFor({ timeout: 10_000 });

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
  /** The text of `selettore` in the shadow root of the page's `tag`, its white space folded. */
  const testoDi = (tag: string, selettore: string) =>
    pagina.evaluate(
      ([t, s]) => document.querySelector(t)!.shadowRoot!.querySelector(s)!.textContent!.replace(/\s+/g, ' ').trim(),
      [tag, selettore],
    );
  const statoModulo = () => testoDi('assistenza-ticket-form', '[role=status]');

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

  it('keeps a request in the queue while the endpoint answers 503 and delivers it when it works again; the console lists it', async () => {
    const modulo = await moduloConEndpointGiu('Non riesco ad allegare la planimetria alla SCIA 123/2026.');
    // The demo's history is there from the start: the request takes the next number after it.
    const prima = await richiesteSportello();
    const numero = Math.max(0, ...prima.map((r) => r.numero)) + 1;
    await modulo.getByRole('button', { name: 'Invia richiesta' }).click();
    await pagina.waitForFunction(() =>
      /in coda/i.test(
        document.querySelector('assistenza-ticket-form')!.shadowRoot!.querySelector('[role=status]')!.textContent!,
      ),
    );
    assert.deepEqual(await richiesteSportello(), prima, 'nothing arrived while the endpoint answers 503');
    await pagina.getByLabel('Funziona').check();
    await pagina.waitForFunction(
      (n) =>
        document
          .querySelector('assistenza-ticket-form')!
          .shadowRoot!.querySelector('[role=status]')!
          .textContent!.includes(`Numero della richiesta: ${n}.`),
      numero,
      { timeout: 30_000 },
    );
    assert.match(await statoModulo(), /Richiesta inviata/);

    await accediSportello();
    // Found by its number: the demo's history has requests about a planimetria too.
    const voce = pagina
      .locator('sportello-coda li')
      .filter({ has: pagina.getByRole('link', { name: `Richiesta n. ${numero}`, exact: true }) });
    await voce.waitFor();
    assert.match((await voce.textContent())!, /Non riesco ad allegare la planimetria/);
    assert.match((await voce.textContent())!, /Rossi Mario.*in attesa da meno di un minuto/s);
  });

  it('the assistance page shows the response times the server computes from the demo’s history, and says they are demo data', async () => {
    const res = await fetch(`${base}/api/tempi-risposta`);
    assert.equal(res.status, 200, 'the history is enough for figures');
    const tempi = (await res.json()) as { richieste: number; entro: { percentuale: number }[] };
    assert.ok(tempi.richieste >= 100, `${tempi.richieste} requests in the last 90 days`);
    const storico = await richiesteSportello();
    assert.ok(
      storico.some((r) => r.cognome === 'Storico della demo' && r.anteprima.startsWith('(Dato dimostrativo) ')),
      'the history is marked as demo data',
    );
    await apri('/assistenza.html');
    await pagina.waitForFunction(() =>
      /su \d+ richieste/.test(
        document.querySelector('assistenza-tempi-risposta')!.shadowRoot!.querySelector('[part~=date]')!.textContent!,
      ),
    );
    const mese = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(
      new Date(),
    );
    // The history's requests, and those the tests before this one sent.
    assert.match(
      await testoDi('assistenza-tempi-risposta', '[part~=date]'),
      new RegExp(`^Dati aggiornati a ${mese}, su \\d+ richieste\\.$`),
    );
    const primo = await testoDi('assistenza-tempi-risposta', 'dd');
    assert.match(primo, /^\d+(,\d)?%$/, 'a figure of the server’s, not the help page’s rounded words');
    await pagina.getByText('I tempi di risposta di questa pagina sono calcolati dal server della demo').waitFor();
  });

  it('a screenshot pasted into the form is queued with the request while the endpoint answers 503, and reaches the console once', async () => {
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

    const arrivate = await Promise.all((await richiesteSportello()).map((r) => richiestaSportello(r.id)));
    const [arrivata, ...altre] = arrivate.filter(
      (r) => r.descrizione === 'Ecco lo screenshot dell’errore al protocollo.',
    );
    assert.equal(altre.length, 0, 'the request arrived once');
    assert.deepEqual(
      arrivata.allegati.map((a) => a.nome),
      [nome],
      'one attachment, stored once',
    );
    await accediSportello();
    await apriNelSportello(arrivata.numero);
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

  it('the console: a request appears in the queue, the operator opens it, replies with a state; by mail too, into the outbox', async () => {
    const conMail = await inviaRichiesta(
      {
        email: 'mario.rossi@esempio.it',
        telefono: '0521 123456',
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

    await accediSportello();
    const testata = pagina.getByRole('banner');
    assert.match((await testata.textContent())!, /sportello\s*\(amministratore\)\s*Esci/);
    const voce = pagina.locator('sportello-coda li').filter({ hasText: 'La relazione tecnica non si carica.' });
    await voce.waitFor();
    assert.match(
      (await voce.textContent())!,
      /Ricevuta.*Rossi Mario.*utente mrossi.*mario\.rossi@esempio\.it.*CILA 98\/2026/s,
    );
    await apriNelSportello(conMail.numero);
    const richiesta = pagina.locator('sportello-richiesta');
    assert.equal(await richiesta.getByRole('link', { name: '0521 123456' }).getAttribute('href'), 'tel:+390521123456');
    await richiesta
      .getByLabel('Risposta', { exact: true })
      .fill('Buongiorno, il file supera i 10 MB: provi a comprimerlo.');
    await richiesta.getByLabel('Stato della richiesta').selectOption({ label: 'In attesa dell’utente' });
    await richiesta.getByRole('button', { name: 'Rispondi', exact: true }).click();
    await annunciato(
      `Risposta inviata alla richiesta n. ${conMail.numero}. Stato: In attesa dell’utente. La mail a mario.rossi@esempio.it è in uscita.`,
    );
    const conversazione = richiesta.getByRole('list', { name: 'Conversazione' });
    await conversazione.getByText('Anche via mail a mario.rossi@esempio.it').waitFor();
    assert.match(
      (await conversazione.getByRole('listitem').textContent())!,
      /Assistenza.*operatore sportello.*il file supera i 10 MB/s,
    );
    assert.equal(
      await richiesta.getByLabel('Risposta', { exact: true }).inputValue(),
      '',
      'the box is emptied once sent',
    );
    const perSportello = await richiestaSportello(conMail.id);
    assert.equal(perSportello.stato, 'attesa-utente');
    assert.equal(perSportello.messaggi[0].inviataViaMailA, 'mario.rossi@esempio.it');
    assert.equal(perSportello.messaggi[0].operatore, OPERATORE_DEMO.utente);
    const perMario = (await (await fetch(`${base}/api/richieste`, { headers: await comeUtente('mrossi') })).json()) as {
      richieste: { id: string; stato: string; messaggi: { autore: string }[] }[];
    };
    const vista = perMario.richieste.find((r) => r.id === conMail.id)!;
    assert.equal(vista.stato, 'attesa-utente');
    assert.deepEqual(
      vista.messaggi.map((m) => m.autore),
      ['assistenza'],
    );

    // What the operator types survives the refreshes; a new request is announced, the focus stays where it is.
    await pagina.getByRole('link', { name: 'Torna alla coda' }).click();
    await apriNelSportello(senzaMail.numero);
    const bozza = richiesta.getByLabel('Risposta', { exact: true });
    await bozza.fill('Buongiorno, la ricevuta è');
    const nuova = await inviaRichiesta({ cognome: 'Neri', nome: 'Sara', descrizione: 'Un problema appena arrivato.' });
    await annunciato(`Nuova richiesta n. ${nuova.numero}.`);
    assert.equal(await bozza.inputValue(), 'Buongiorno, la ricevuta è');
    assert.equal(await bozza.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el), true);
    await bozza.fill('Buongiorno, la ricevuta è nella sezione Documenti.');
    await richiesta.getByRole('button', { name: 'Rispondi', exact: true }).click();
    await annunciato(`Risposta inviata alla richiesta n. ${senzaMail.numero}. Stato: In lavorazione.`);
    assert.equal(await richiesta.getByText(/Anche via mail a/).count(), 0);

    // The state alone; then axe on the request's page, at a phone's width too.
    await richiesta.getByLabel('Stato della richiesta').selectOption({ label: 'Risolta' });
    await richiesta.getByRole('button', { name: 'Cambia solo lo stato' }).click();
    await annunciato(`Richiesta n. ${senzaMail.numero}: stato cambiato in Risolta.`);
    for (const larghezza of [1280, 390]) {
      await pagina.setViewportSize({ width: larghezza, height: 900 });
      assert.deepEqual(await violazioniAxe(pagina), [], `${larghezza} px`);
    }
  });

  it('the whole loop: Mario sends a request, the help desk answers in the console, the answer shows in "Le mie richieste" with its badge', async () => {
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

    await accediSportello();
    await apriNelSportello(numero);
    const richiesta = pagina.locator('sportello-richiesta');
    await richiesta.getByLabel('Risposta', { exact: true }).fill('Buongiorno, ci invia il file .p7m?');
    await richiesta.getByLabel('Stato della richiesta').selectOption({ label: 'In attesa dell’utente' });
    await richiesta.getByRole('button', { name: 'Rispondi', exact: true }).click();
    await annunciato(`Risposta inviata alla richiesta n. ${numero}. Stato: In attesa dell’utente.`);

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
    // The row's name: number, state, the description's first line, the unread reply, then its last update.
    const intestazione = `Richiesta n. ${numero}, In attesa di una tua risposta, Il portale non accetta la firma digitale della SCIA.`;
    const mia = elenco.getByRole('button', { name: `${intestazione}, Nuova risposta, Ultimo aggiornamento: ` });
    await mia.waitFor();
    await mia.click();
    // Its name changes once opened (the reply is read): found by its number from here on.
    const aperta = elenco.getByRole('button', { name: new RegExp(`^Richiesta n\\. ${numero},`) });
    assert.equal(await aperta.getAttribute('aria-expanded'), 'true');
    await elenco
      .getByRole('list', { name: 'Conversazione' })
      .getByRole('listitem')
      .filter({ hasText: 'Buongiorno, ci invia il file .p7m?' })
      .waitFor();
    // Opened: read, and the menu's badge goes.
    await elenco.getByRole('button', { name: `${intestazione}, Ultimo aggiornamento: ` }).waitFor();
    await pagina.getByRole('button', { name: 'Bentornato, Mario Rossi' }).click();
    const dopo = prima - 1;
    const attesa =
      dopo === 0 ? 'Le mie richieste' : `Le mie richieste ${dopo} ${dopo === 1 ? 'nuova risposta' : 'nuove risposte'}`;
    await menuPersonale.getByRole('link', { name: attesa, exact: true }).waitFor();

    // Mario replies; the console marks it and the request is being worked on again.
    await elenco.getByLabel('La tua risposta').fill('Eccolo, lo allego di nuovo domattina.');
    await elenco.getByRole('button', { name: 'Invia risposta' }).click();
    await elenco.getByRole('button', { name: `Richiesta n. ${numero}, In lavorazione` }).waitFor({ timeout: 15_000 });
    const id = (await richiesteSportello()).find((r) => r.numero === numero)!.id;
    assert.deepEqual(
      (await richiestaSportello(id)).messaggi.map((m) => m.autore),
      ['assistenza', 'utente'],
    );
    await accediSportello();
    const inCoda = pagina.locator('sportello-coda li').filter({
      has: pagina.getByRole('link', { name: `Richiesta n. ${numero}`, exact: true }),
    });
    await inCoda.getByText('Nuova risposta dell’utente').waitFor();
    assert.match((await inCoda.textContent())!, /In lavorazione/);
  });

  it('the console links a request’s attachments to their download', async () => {
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
    await accediSportello();
    await apriNelSportello(numero);
    const link = pagina.getByRole('link', { name: 'tavola unica.pdf' });
    assert.equal(await link.getAttribute('href'), `/api/sportello/allegati/${id}`);
    const [scaricato] = await Promise.all([pagina.waitForEvent('download'), link.click()]);
    assert.equal(scaricato.suggestedFilename(), 'tavola unica.pdf');
    assert.deepEqual(await readFile((await scaricato.path())!), pdf);
  });

  for (const percorso of ['/', '/assistenza.html', '/richieste.html', '/ente.html', '/posta.html']) {
    for (const larghezza of [1280, 390]) {
      it(`${percorso} has no WCAG 2.1 AA violation that axe finds at ${larghezza} px wide, with the menu open too`, async () => {
        await pagina.setViewportSize({ width: larghezza, height: 900 });
        await apri(percorso);
        await pagina.waitForTimeout(500);
        assert.deepEqual(await violazioniAxe(pagina), []);
        const menu = pagina.getByRole('button', { name: /^Bentornato/ });
        if (await menu.count()) {
          await menu.click();
          assert.deepEqual(await violazioniAxe(pagina), []);
        }
        const landmark = await pagina.evaluate(() =>
          ['header', 'main', 'aside', 'footer'].filter((t) => document.querySelector(t)),
        );
        assert.deepEqual(landmark, ['header', 'main', 'aside', 'footer']);
      });
    }
  }

  for (const larghezza of [1280, 390]) {
    it(`/sportello/ has no WCAG 2.1 AA violation that axe finds at ${larghezza} px on the login, the queue and a request, no CSP violation, nothing scrolling sideways`, async () => {
      const violazioniCsp: string[] = [];
      pagina.on('console', (m) => {
        if (/Content Security Policy|Trusted Type|TrustedHTML/i.test(m.text())) violazioniCsp.push(m.text());
      });
      const { numero } = await inviaRichiesta(
        { email: 'mario.rossi@esempio.it', telefono: '347 1234567', descrizione: 'Una richiesta da guardare.' },
        'mrossi',
      );
      await pagina.setViewportSize({ width: larghezza, height: 900 });
      const nienteDiLato = async (dove: string) =>
        assert.ok(
          await pagina.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
          `${dove}: the page scrolls sideways`,
        );
      await pagina.goto(`${base}/sportello/`);
      await pagina.getByLabel('Nome utente').waitFor();
      assert.deepEqual(await violazioniAxe(pagina), [], 'login');
      await nienteDiLato('login');
      await pagina.getByRole('button', { name: 'Accedi' }).click();
      await pagina.getByText('Scrivi il nome utente.').waitFor();
      assert.deepEqual(await violazioniAxe(pagina), [], 'login with its errors');
      await accediSportello();
      assert.deepEqual(await violazioniAxe(pagina), [], 'queue');
      await nienteDiLato('queue');
      await apriNelSportello(numero);
      assert.deepEqual(await violazioniAxe(pagina), [], 'request');
      await nienteDiLato('request');
      assert.deepEqual(
        await pagina.evaluate(() =>
          ['header', 'main'].filter((t) => document.querySelector('sportello-app')!.shadowRoot!.querySelector(t)),
        ),
        ['header', 'main'],
      );
      assert.deepEqual(violazioniCsp, [], 'the built console runs under its CSP with Trusted Types');
    });
  }
});

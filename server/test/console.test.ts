// The console's pages at /sportello/ over real HTTP: only the built files, each with its type, caching, nosniff and
// the strict CSP; /sportello goes to /sportello/; a server built without the console says how to build it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverDiProva, type ServerDiProva } from './aiuti.js';
import { CSP_CONSOLE } from '../src/rotte/console.js';

const PAGINA = '<!doctype html><title>Sportello</title><script type="module" src="/sportello/assets/index-Ab12.js">';

describe('the console’s pages (/sportello/)', () => {
  let cartella: string;
  let s: ServerDiProva;
  let senza: ServerDiProva;
  before(async () => {
    cartella = mkdtempSync(join(tmpdir(), 'assistenza-console-'));
    mkdirSync(join(cartella, 'assets'));
    writeFileSync(join(cartella, 'index.html'), PAGINA);
    writeFileSync(join(cartella, 'assets', 'index-Ab12.js'), 'console.log("sportello");');
    writeFileSync(join(cartella, 'assets', 'index-Cd34.css'), 'body{margin:0}');
    writeFileSync(join(cartella, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(cartella, 'appunti.txt'), 'not a file of the build');
    s = await serverDiProva('pglite', { cartellaConsole: cartella });
    senza = await serverDiProva('pglite', { cartellaConsole: join(cartella, 'non-costruita') });
  });
  after(async () => {
    await s?.chiudi();
    await senza?.chiudi();
    rmSync(cartella, { recursive: true, force: true });
  });

  it('serves the page at /sportello/ as HTML, revalidated, with nosniff and the strict CSP', async () => {
    const r = await fetch(`${s.url}/sportello/`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('content-security-policy'), CSP_CONSOLE);
    assert.match(CSP_CONSOLE, /default-src 'self'; script-src 'self'; style-src 'self'/);
    assert.match(CSP_CONSOLE, /require-trusted-types-for 'script'; trusted-types lit-html$/);
    assert.match(CSP_CONSOLE, /frame-ancestors 'none'/);
    assert.equal(await r.text(), PAGINA);
    const etag = r.headers.get('etag')!;
    const ancora = await fetch(`${s.url}/sportello/`, { headers: { 'If-None-Match': etag } });
    assert.equal(ancora.status, 304);
    assert.equal(await ancora.text(), '');
    assert.equal((await fetch(`${s.url}/sportello/index.html`)).status, 200);
  });

  it('redirects /sportello to /sportello/, keeping the query', async () => {
    const r = await fetch(`${s.url}/sportello?filtro=ricevuta`, { redirect: 'manual' });
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/sportello/?filtro=ricevuta');
  });

  it('serves Vite’s hashed files as immutable, each with its type, and other files to be revalidated', async () => {
    const js = await fetch(`${s.url}/sportello/assets/index-Ab12.js`);
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await js.text(), 'console.log("sportello");');
    const css = await fetch(`${s.url}/sportello/assets/index-Cd34.css`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    const icona = await fetch(`${s.url}/sportello/favicon.svg`);
    assert.equal(icona.headers.get('content-type'), 'image/svg+xml');
    assert.equal(icona.headers.get('cache-control'), 'no-cache');
  });

  it('serves nothing but the build’s files: not other types, not outside the folder, not other methods', async () => {
    for (const percorso of [
      '/sportello/appunti.txt',
      '/sportello/assets/',
      '/sportello/assets/manca.js',
      '/sportello/../package.json',
      '/sportello/%2e%2e/%2e%2e/package.json',
      '/sportello/assets/..%2f..%2findex.html',
    ]) {
      // fetch resolves the plain dots itself: /sportello/../package.json reaches the API's own 404.
      const r = await fetch(`${s.url}${percorso}`);
      assert.equal(r.status, 404, percorso);
      assert.doesNotMatch(await r.text(), /not a file|sportello"\)|"name"/, percorso);
    }
    const altro = await fetch(`${s.url}/sportello/appunti.txt`);
    assert.equal(altro.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(altro.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await altro.text(), /non esiste/);
    const post = await fetch(`${s.url}/sportello/`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
  });

  it('says to run npm run build when the server was built without the console', async () => {
    const r = await fetch(`${senza.url}/sportello/`);
    assert.equal(r.status, 404);
    assert.equal(r.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(await r.text(), /non è stata costruita: esegui «npm run build»/);
    const file = await fetch(`${senza.url}/sportello/assets/index-Ab12.js`);
    assert.equal(file.status, 404);
    assert.equal((await fetch(`${senza.url}/api/salute`)).status, 200, 'the API works without it');
  });
});

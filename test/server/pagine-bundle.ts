// Pages that load only a built bundle, as a host site does: /bundle/<classico|modulo|csp>.html?endpoint=… for the full
// one (the portal's page), /bundle/telefonica-<classico|modulo|csp>.html for the phone banner alone (an Ente's site).
// The CSP pages get the strict policy as a real response header; every page first loads a sentinel that records
// policy violations, errors and what the page opened (IndexedDB, BroadcastChannel, Web Locks, requests).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const FILE: Record<string, string> = {
  'assistenza-tecnica.js': 'dist/assistenza-tecnica.js',
  'assistenza-telefonica.js': 'dist/assistenza-telefonica.js',
  'sentinella.js': 'test/pagine/bundle/sentinella.js',
  'viola.js': 'test/pagine/bundle/viola.js',
};

const attributo = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const testa = (titolo: string, script: string, q: URLSearchParams) => `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <title>${titolo}</title>
    <script src="/bundle/sentinella.js"></script>
    ${script}
    ${q.has('viola') ? '<script src="/bundle/viola.js"></script>' : ''}
  </head>`;

const scriptDi = (file: string, tipo: string) =>
  tipo === 'modulo'
    ? `<script type="module" src="/bundle/${file}"></script>`
    : `<script src="/bundle/${file}"></script>`;

/** The portal's page: every element, from the full bundle. */
function paginaDelPortale(tipo: string, q: URLSearchParams): string {
  return `${testa(`Sito ospite: ${tipo}`, scriptDi('assistenza-tecnica.js', tipo), q)}
  <body>
    <main>
      <h1>Assistenza tecnica</h1>
      <assistenza-provider endpoint="${attributo(q.get('endpoint') ?? '/api/richieste')}">
        <assistenza-ticket-form utente="${attributo(q.get('utente') ?? '')}"></assistenza-ticket-form>
      </assistenza-provider>
      <assistenza-telefonica abilitata numero="0521 123456"></assistenza-telefonica>
      <assistenza-limiti espanso></assistenza-limiti>
      <assistenza-tempi-risposta></assistenza-tempi-risposta>
    </main>
  </body>
</html>`;
}

/** An Ente's page: the phone banner alone, from its own bundle. */
function paginaDellEnte(tipo: string, q: URLSearchParams): string {
  return `${testa(`Sito di un Ente: ${tipo}`, scriptDi('assistenza-telefonica.js', tipo), q)}
  <body>
    <main>
      <h1>Sportello Unico per l’Edilizia</h1>
      <assistenza-telefonica abilitata numero="0521 123456"></assistenza-telefonica>
    </main>
  </body>
</html>`;
}

/** Answers /bundle/… and returns true, or returns false for anything else. */
export async function gestisciPagineBundle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const u = new URL(req.url ?? '/', 'http://x');
  const m = /^\/bundle\/(?:(telefonica-)?(classico|modulo|csp)\.html|([\w.-]+\.js))$/.exec(u.pathname);
  if (!m) return false;
  const [, ente, tipo, script] = m;
  if (tipo) {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(tipo === 'csp' && { 'Content-Security-Policy': CSP }),
    });
    res.end(ente ? paginaDellEnte(tipo, u.searchParams) : paginaDelPortale(tipo, u.searchParams));
    return true;
  }
  const file = FILE[script];
  try {
    if (!file) throw new Error();
    const js = await readFile(file);
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(js);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(file ? `${file} is missing: run npm run build` : 'not found');
  }
  return true;
}

// Pages that load only the built bundle, as a host site does: /bundle/<classico|modulo|csp>.html?endpoint=…
// The CSP page gets the strict policy of issue 5 as a real response header; every page first loads a sentinel that
// records policy violations and errors for the test to read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const FILE: Record<string, string> = {
  'assistenza-tecnica.js': 'dist/assistenza-tecnica.js',
  'sentinella.js': 'test/pagine/bundle/sentinella.js',
  'viola.js': 'test/pagine/bundle/viola.js',
};

const attributo = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function pagina(tipo: string, q: URLSearchParams): string {
  const bundle = tipo === 'modulo' ? '<script type="module" src="/bundle/assistenza-tecnica.js"></script>' : '<script src="/bundle/assistenza-tecnica.js"></script>';
  return `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <title>Sito ospite: ${tipo}</title>
    <script src="/bundle/sentinella.js"></script>
    ${bundle}
    ${q.has('viola') ? '<script src="/bundle/viola.js"></script>' : ''}
  </head>
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

/** Answers /bundle/… and returns true, or returns false for anything else. */
export async function gestisciPagineBundle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const u = new URL(req.url ?? '/', 'http://x');
  const m = /^\/bundle\/(?:(classico|modulo|csp)\.html|([\w.-]+\.js))$/.exec(u.pathname);
  if (!m) return false;
  if (m[1]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...(m[1] === 'csp' && { 'Content-Security-Policy': CSP }) });
    res.end(pagina(m[1], u.searchParams));
    return true;
  }
  const file = FILE[m[2]];
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

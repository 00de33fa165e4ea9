// The demo's local endpoint as a Vite plugin, in dev and preview: POST/GET /api/richieste, GET/POST /api/guasti, and
// the built bundle at /assistenza-tecnica.js for the Ente's page (preview serves dist/ itself; dev has no dist/).
import type { Plugin, Connect } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { controllaGuasti, leggiCorpo, riceviRichiesta, rispondiJson, type Guasto } from './endpoint.js';
import { ArchivioFile } from './archivio-file.js';

export interface OpzioniDemo {
  /** The JSON file that keeps received requests across restarts. */
  file: string;
  /** The bundle served at /assistenza-tecnica.js. */
  bundle: string;
}

/** The demo's routes as plain Node middleware; `next()` for anything else. Exported for the endpoint's Node tests. */
export function gestoreDemo(o: OpzioniDemo): Connect.NextHandleFunction {
  const archivio = new ArchivioFile(o.file);
  const guasti: Guasto[] = [];
  return (req: IncomingMessage, res: ServerResponse, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (url === '/assistenza-tecnica.js' && req.method === 'GET') return void servi(res, o.bundle);
    if (url === '/api/richieste' && req.method === 'POST') return void riceviRichiesta(req, res, { archivio, guasti });
    if (url === '/api/richieste' && req.method === 'GET') return rispondiJson(res, 200, archivio.elenco());
    if (url === '/api/guasti' && req.method === 'GET') return rispondiJson(res, 200, guasti);
    if (url === '/api/guasti' && req.method === 'POST') return void impostaGuasti(req, res, guasti);
    if (url === '/api/richieste' || url === '/api/guasti') return rispondiJson(res, 405, { messaggio: 'Metodo non ammesso.' }, { Allow: 'GET, POST' });
    if (url.startsWith('/api/')) return rispondiJson(res, 404, { messaggio: 'Risorsa non trovata.' });
    next();
  };
}

async function impostaGuasti(req: IncomingMessage, res: ServerResponse, guasti: Guasto[]) {
  let g: unknown;
  try {
    g = JSON.parse((await leggiCorpo(req, 16 * 1024)) || '[]');
  } catch {
    return rispondiJson(res, 400, { messaggio: 'Guasti: JSON non valido.' });
  }
  const errore = controllaGuasti(g);
  if (errore) return rispondiJson(res, 400, { messaggio: errore });
  guasti.splice(0, Infinity, ...(g as Guasto[]));
  rispondiJson(res, 200, guasti);
}

async function servi(res: ServerResponse, file: string) {
  try {
    const js = await readFile(file);
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(js);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${file} non c'è: esegui npm run build (npm start lo fa da sé).`);
  }
}

/** Only servers open the archive: `vite build` loads this config too and must not touch it. */
export function endpointDemo(o: OpzioniDemo): Plugin {
  return {
    name: 'assistenza-endpoint-demo',
    configureServer: (s) => void s.middlewares.use(gestoreDemo(o)),
    configurePreviewServer: (s) => void s.middlewares.use(gestoreDemo(o)),
  };
}

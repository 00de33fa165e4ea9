// The demo's local server as a Vite plugin, in dev and preview: the users' endpoint /api/richieste (with the faults the
// panel sets), the help desk's /api/sportello, GET/POST /api/guasti, and the built bundles at /assistenza-tecnica.js and
// /assistenza-telefonica.js (the Ente's page loads the second; preview serves dist/ itself, dev has no dist/).
import type { Plugin, Connect } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { creaEndpoint } from './endpoint.js';
import { conGuasti, controllaGuasti, type Guasto } from './guasti.js';
import { creaSportello } from './sportello.js';
import { ArchivioFile } from './archivio-file.js';
import { PostaFile } from './posta.js';
import { utenteDemoDi } from './sessione.js';
import { leggiCorpo, percorsoDi, rispondiErrore, rispondiJson } from './http.js';

const BUNDLE_SERVITI = ['/assistenza-tecnica.js', '/assistenza-telefonica.js'];

export interface OpzioniDemo {
  /** The JSON file that keeps received requests across restarts; the mail outbox (posta.json) and the attachments
   * (allegati/) live beside it. */
  file: string;
  /** The folder of the built bundles (dist/), served as /assistenza-tecnica.js and /assistenza-telefonica.js. */
  bundle: string;
  /** How many requests a page of a user's list holds (default 20). */
  perPagina?: number;
}

/** The demo's routes as plain Node middleware; `next()` for anything else. Exported for the endpoint's Node tests. */
export function gestoreDemo(o: OpzioniDemo): Connect.NextHandleFunction {
  const archivio = new ArchivioFile(o.file);
  const posta = new PostaFile(join(dirname(o.file), 'posta.json'));
  const guasti: Guasto[] = [];
  const endpoint = conGuasti(
    creaEndpoint({ base: '/api/richieste', archivio, utenteDi: utenteDemoDi, perPagina: o.perPagina }),
    { guasti },
  );
  const sportello = creaSportello({ base: '/api/sportello', archivio, posta });

  async function instrada(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    const url = percorsoDi(req);
    if (BUNDLE_SERVITI.includes(url) && req.method === 'GET') {
      return servi(res, join(o.bundle, url));
    }
    if (await endpoint(req, res)) {
      return;
    }
    if (await sportello(req, res)) {
      return;
    }
    if (url === '/api/guasti' && req.method === 'GET') {
      return rispondiJson(res, 200, guasti);
    }
    if (url === '/api/guasti' && req.method === 'POST') {
      return impostaGuasti(req, res, guasti);
    }
    if (url === '/api/guasti') {
      return rispondiErrore(res, 405, 'Metodo non ammesso.', { Allow: 'GET, POST' });
    }
    if (url.startsWith('/api/')) {
      return rispondiErrore(res, 404, 'Risorsa non trovata.');
    }
    next();
  }

  return (req: IncomingMessage, res: ServerResponse, next) => {
    instrada(req, res, next).catch((e: unknown) => erroreInterno(res, e));
  };
}

/** A bug in a handler answers 500 (when it still can) instead of leaving the request hanging. */
function erroreInterno(res: ServerResponse, e: unknown): void {
  console.error('assistenza-tecnica: errore del server della demo', e);
  if (!res.headersSent) {
    rispondiErrore(res, 500, 'Errore interno del server della demo.');
  }
}

async function impostaGuasti(req: IncomingMessage, res: ServerResponse, guasti: Guasto[]) {
  const lettura = await leggiCorpo(req, 16 * 1024);
  let g: unknown;
  try {
    if (lettura.esito !== 'letto') {
      throw new Error('corpo non letto');
    }
    g = JSON.parse(lettura.byte.toString('utf8') || '[]');
  } catch {
    return rispondiErrore(res, 400, 'Guasti: JSON non valido.');
  }
  const errore = controllaGuasti(g);
  if (errore) {
    return rispondiErrore(res, 400, errore);
  }
  guasti.splice(0, guasti.length, ...(g as Guasto[]));
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

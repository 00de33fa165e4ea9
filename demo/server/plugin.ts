// The demo's local endpoint as a Vite plugin, in dev and preview: POST/GET /api/richieste, POST /api/guasti.
import type { Plugin, Connect } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { riceviRichiesta, type Guasto } from './endpoint.js';
import { ArchivioFile } from './archivio-file.js';

export function endpointDemo(file = 'demo/.dati/richieste.json'): Plugin {
  const archivio = new ArchivioFile(file);
  const guasti: Guasto[] = [];
  const json = (res: ServerResponse, stato: number, corpo: unknown) => {
    res.writeHead(stato, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(corpo));
  };
  const middleware: Connect.NextHandleFunction = (req: IncomingMessage, res: ServerResponse, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (url === '/api/richieste' && req.method === 'POST') return void riceviRichiesta(req, res, { archivio, guasti });
    if (url === '/api/richieste' && req.method === 'GET') return json(res, 200, archivio.elenco());
    if (url === '/api/guasti' && req.method === 'GET') return json(res, 200, guasti);
    if (url === '/api/guasti' && req.method === 'POST') {
      let s = '';
      req.on('data', (b) => (s += b));
      req.on('end', () => {
        try {
          guasti.splice(0, Infinity, ...(JSON.parse(s || '[]') as Guasto[]));
          json(res, 200, guasti);
        } catch {
          json(res, 400, { messaggio: 'Guasti: JSON non valido.' });
        }
      });
      return;
    }
    if (url.startsWith('/api/')) return json(res, url === '/api/richieste' ? 405 : 404, { messaggio: 'Risorsa non trovata.' });
    next();
  };
  return {
    name: 'assistenza-endpoint-demo',
    configureServer: (s) => void s.middlewares.use(middleware),
    configurePreviewServer: (s) => void s.middlewares.use(middleware),
  };
}

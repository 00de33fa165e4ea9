// The test runner's real HTTP endpoint: /prova/<bucket>/… , one isolated store, fault list and log per bucket, so tests
// (and browsers running at once) never see each other's requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArchivioInMemoria, riceviRichiesta, type Guasto, type Tentativo } from '../../demo/server/endpoint.js';
import { gestisciPagineBundle } from './pagine-bundle.js';

interface Secchio {
  archivio: ArchivioInMemoria;
  guasti: Guasto[];
  registro: Tentativo[];
}

const secchi = new Map<string, Secchio>();
const secchio = (id: string) => {
  let s = secchi.get(id);
  if (!s) secchi.set(id, (s = { archivio: new ArchivioInMemoria(), guasti: [], registro: [] }));
  return s;
};

const json = (res: ServerResponse, stato: number, corpo: unknown) => {
  res.writeHead(stato, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(corpo));
};

async function corpo(req: IncomingMessage): Promise<unknown> {
  let s = '';
  for await (const b of req) s += b;
  return s ? JSON.parse(s) : undefined;
}

/** Node middleware: answers /prova/… and returns true, or returns false for anything else. */
export async function gestisciProva(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (await gestisciPagineBundle(req, res)) return true;
  const m = /^\/prova\/([\w-]+)\/(richieste|guasti|registro)(?:\?.*)?$/.exec(req.url ?? '');
  if (!m) return false;
  const s = secchio(m[1]);
  if (m[2] === 'richieste' && req.method === 'POST') await riceviRichiesta(req, res, { archivio: s.archivio, guasti: s.guasti, registro: s.registro });
  else if (m[2] === 'guasti' && req.method === 'POST') {
    s.guasti.splice(0, Infinity, ...((await corpo(req)) as Guasto[]));
    json(res, 200, { ok: true });
  } else if (m[2] === 'registro') json(res, 200, { ricevute: s.archivio.elenco(), tentativi: s.registro });
  else json(res, 405, { messaggio: 'Metodo non ammesso.' });
  return true;
}

// The demo's server side as a Vite plugin, in dev and preview: it writes the demo's history into the demo's embedded
// database (demo/server/storico.ts), starts the help desk's server (the built bin, on that database, with the demo's
// operator), plays the portal's backend (GET /portale/token mints the logged-in demo user's token with the secret it
// shares with the server), injects the panel's faults in front of the server (/api/guasti), forwards every other /api
// path and the help desk's console (/sportello/) to the server, runs the user's mailbox (a mail catcher the server
// sends to, read and answered by the Posta page: demo/server/posta.ts), and serves the built bundles at /assistenza-tecnica.js
// and /assistenza-telefonica.js (the Ente's page loads the second; preview serves dist/ itself, dev has no dist/).
import type { Plugin, Connect } from 'vite';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { conGuasti, controllaGuasti, type Guasto } from './guasti.js';
import { utenteDemoDi } from './sessione.js';
import { leggiCorpo, percorsoDi, rispondiErrore, rispondiJson } from './http.js';
import { chiedi, rispondiCome, serverAssente } from './inoltro.js';
import { OPERATORE_DEMO } from '../operatore-demo.js';
import { avviaServerFiglio, portaLibera, type ServerFiglio } from './processo.js';
import { MITTENTE_DEMO, avviaCasella, gestorePosta } from './posta.js';

const BUNDLE_SERVITI = ['/assistenza-tecnica.js', '/assistenza-telefonica.js'];

/** What the server answers itself: the API, and the help desk's console it serves at /sportello/. */
const DEL_SERVER = (url: string) => url.startsWith('/api/') || url === '/sportello' || url.startsWith('/sportello/');

/** How long a token the demo's portal mints is valid: short, as a portal's should be; the pages ask again. */
export const DURATA_TOKEN_S = 10 * 60;

export interface OpzioniDemo {
  /** The folder of the demo's embedded database (demo/.dati), kept across restarts. */
  dati: string;
  /** The folder of the built bundles (dist/), served as /assistenza-tecnica.js and /assistenza-telefonica.js. */
  bundle: string;
}

/** The demo's routes as plain Node middleware over a running server; `next()` for anything else. */
export function gestoreDemo(o: { bundle: string; server: string; segreto: Uint8Array }): Connect.NextHandleFunction {
  const guasti: Guasto[] = [];
  const inoltra = async (req: IncomingMessage, corpo: Buffer) =>
    chiedi({ server: o.server, percorso: req.url ?? '/', intestazioni: req.headers, corpo }, req.method ?? 'GET');
  const endpoint = conGuasti({ base: '/api/richieste', guasti, inoltra });

  async function instrada(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    const url = percorsoDi(req);
    if (BUNDLE_SERVITI.includes(url) && req.method === 'GET') {
      return servi(res, join(o.bundle, url));
    }
    if (url === '/portale/token') {
      return token(req, res, o.segreto);
    }
    if (await endpoint(req, res)) {
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
    if (DEL_SERVER(url)) {
      const lettura = await leggiCorpo(req, 12 * 1024 * 1024);
      const corpo = lettura.esito === 'letto' ? lettura.byte : Buffer.alloc(0);
      try {
        return rispondiCome(res, await inoltra(req, corpo));
      } catch (e) {
        return serverAssente(res, e);
      }
    }
    next();
  }

  return (req: IncomingMessage, res: ServerResponse, next) => {
    instrada(req, res, next).catch((e: unknown) => erroreInterno(res, e));
  };
}

/**
 * GET /portale/token: what a portal's backend does for its pages. It knows who is logged in (here the demo's session
 * cookie) and signs a short-lived token for them with the secret it shares with the help desk's server; nobody logged
 * in gets a 401 and the pages send anonymously.
 */
async function token(req: IncomingMessage, res: ServerResponse, segreto: Uint8Array): Promise<void> {
  const utente = utenteDemoDi(req);
  if (utente === undefined) {
    return rispondiErrore(res, 401, 'Nessun utente collegato al portale della demo.');
  }
  const scadeIl = new Date(Date.now() + DURATA_TOKEN_S * 1000);
  const firmato = await new SignJWT({ sub: utente })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(scadeIl.getTime() / 1000))
    .sign(segreto);
  rispondiJson(res, 200, { token: firmato, scadeIl: scadeIl.toISOString() });
}

/** A bug in a handler answers 500 (when it still can) instead of leaving the request hanging. */
function erroreInterno(res: ServerResponse, e: unknown): void {
  console.error('assistenza-tecnica: errore del proxy della demo', e);
  if (!res.headersSent) {
    rispondiErrore(res, 500, 'Errore interno del proxy della demo.');
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

/**
 * The demo's history (demo/server/storico.ts) written into its database before the server opens it: the demo's own
 * requests make the assistance page's response times. storico.ts uses the server's migrations, SQL files Vite's
 * config loader cannot read, so it is bundled here with the server's own esbuild options, as the test runner does
 * with its proxy.
 */
async function scriviStoricoDemo(dati: string): Promise<void> {
  const { build } = await import('esbuild');
  const { OPZIONI_SERVER } = await import('../../scripts/server.mjs');
  const radice = resolve(import.meta.dirname, '../..');
  const uscita = join(radice, 'node_modules/.cache/assistenza/storico-demo.mjs');
  await build({
    ...OPZIONI_SERVER,
    sourcemap: false,
    entryPoints: [join(radice, 'demo/server/storico.ts')],
    outfile: uscita,
  });
  const storico = (await import(`${pathToFileURL(uscita).href}?${Date.now()}`)) as typeof import('./storico.js');
  await storico.scriviStoricoNellaCartella(dati);
}

/**
 * Starts the server for a Vite server (dev or preview) and puts the demo's routes in front of it; the server stops
 * when Vite's HTTP server closes. Only servers do this: `vite build` loads this config too and must not.
 */
async function collega(
  o: OpzioniDemo,
  s: {
    middlewares: Connect.Server;
    httpServer: { once(e: 'close', f: () => void): unknown } | null;
    printUrls(): void;
    resolvedUrls: { local: string[] } | null;
    config: { logger: { info(m: string): void } };
  },
) {
  // A secret of this run, shared by the demo's "portal" and the server: tokens of an earlier run are worth nothing.
  const segretoTesto = randomBytes(32).toString('base64url');
  await scriviStoricoDemo(o.dati);
  // The user's mailbox: the server sends to it, and the "Posta" page replies from it to the server's inbound port.
  const casella = await avviaCasella();
  const portaSmtpIn = await portaLibera();
  const server: ServerFiglio = await avviaServerFiglio({
    ASSISTENZA_DATI: o.dati,
    ASSISTENZA_JWT_SEGRETO: segretoTesto,
    ASSISTENZA_LOG: process.env.ASSISTENZA_LOG ?? 'warn',
    ASSISTENZA_SMTP_URL: casella.url,
    ASSISTENZA_MITTENTE: MITTENTE_DEMO,
    ASSISTENZA_SMTP_IN_PORTA: String(portaSmtpIn),
    // The first start of the demo's database creates its operator; later starts find it there.
    ASSISTENZA_ADMIN_UTENTE: OPERATORE_DEMO.utente,
    ASSISTENZA_ADMIN_PASSWORD: OPERATORE_DEMO.password,
  });
  // npm start prints where the console is and how to log in, under Vite's own addresses.
  const stampaIndirizzi = s.printUrls.bind(s);
  s.printUrls = () => {
    stampaIndirizzi();
    const base = s.resolvedUrls?.local[0] ?? '/';
    s.config.logger.info(
      `  ➜  Sportello: ${base}sportello/ (utente ${OPERATORE_DEMO.utente}, password ${OPERATORE_DEMO.password})`,
    );
  };
  const ferma = async () => {
    await server.ferma();
    await casella.ferma();
  };
  s.httpServer?.once('close', () => void ferma());
  fermaAllaChiusura = ferma;
  s.middlewares.use(gestorePosta(casella, portaSmtpIn));
  s.middlewares.use(
    gestoreDemo({ bundle: o.bundle, server: server.url, segreto: new TextEncoder().encode(segretoTesto) }),
  );
}

// Vite's dev server awaits closeBundle when it closes: the server has stopped (and left the demo's folder) before
// close() resolves.
let fermaAllaChiusura: (() => Promise<void>) | undefined;

export function endpointDemo(o: OpzioniDemo): Plugin {
  return {
    name: 'assistenza-server-demo',
    configureServer: (s) => collega(o, s),
    configurePreviewServer: (s) => collega(o, s),
    closeBundle: async () => {
      await fermaAllaChiusura?.();
    },
  };
}

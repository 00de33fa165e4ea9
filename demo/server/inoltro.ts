// Forwards a request, its body already read, to the help desk's server and relays the answer: the demo's proxy (Vite
// serves the pages, the server answers /api) and the browser suite's (/prova/<bucket>/… → /api/…) both use it.
import { request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) and the length, which the forwarded request sets itself. Host goes through, as
 * a reverse proxy passes it: the server judges the Origin of a console's call against its own host.
 */
const NON_INOLTRATE = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
]);

export interface Inoltro {
  /** The server's base URL: http://127.0.0.1:8787. */
  server: string;
  /** The path and query on the server. */
  percorso: string;
  /** The request's headers, changed as the caller needs (a token added, say). */
  intestazioni: IncomingHttpHeaders;
  corpo: Buffer;
}

/** The server's answer, read whole. */
export interface RispostaInoltrata {
  statoHttp: number;
  intestazioni: IncomingHttpHeaders;
  corpo: Buffer;
}

/** Sends the request to the server and reads its answer; rejects when the server cannot be reached. */
export function chiedi(i: Inoltro, metodo: string): Promise<RispostaInoltrata> {
  const intestazioni: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(i.intestazioni)) {
    if (v !== undefined && !NON_INOLTRATE.has(k)) {
      intestazioni[k] = v;
    }
  }
  if (i.corpo.length > 0 || !['GET', 'HEAD'].includes(metodo)) {
    intestazioni['content-length'] = String(i.corpo.length);
  }
  return new Promise((ok, ko) => {
    const req = request(new URL(i.percorso, i.server), { method: metodo, headers: intestazioni }, (res) => {
      const parti: Buffer[] = [];
      res.on('data', (b: Buffer) => parti.push(b));
      res.on('end', () =>
        ok({ statoHttp: res.statusCode ?? 502, intestazioni: res.headers, corpo: Buffer.concat(parti) }),
      );
      res.on('error', ko);
    });
    req.on('error', ko);
    req.end(i.corpo);
  });
}

/** Writes the server's answer to the client, with its status and end-to-end headers. */
export function rispondiCome(res: ServerResponse, r: RispostaInoltrata): void {
  for (const [k, v] of Object.entries(r.intestazioni)) {
    if (v !== undefined && !NON_INOLTRATE.has(k)) {
      res.setHeader(k, v);
    }
  }
  res.writeHead(r.statoHttp);
  res.end(r.corpo);
}

/** The server did not answer at all: 502, as a reverse proxy says it. */
export function serverAssente(res: ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ messaggio: `Il server di assistenza non risponde (${(e as Error).message}).` }));
}

/** The request's own method, lower-cased headers and path, for the proxies. */
export const metodoDi = (req: IncomingMessage): string => req.method ?? 'GET';

// What every route of the demo's server does the same way: read a body once and within a limit, answer JSON, read a cookie.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route's handler: answers the request and resolves true, or resolves false when the path is not its own. */
export type GestoreHttp = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The body of a request, read whole, or why it could not be. */
export type LetturaCorpo = { esito: 'letto'; byte: Buffer } | { esito: 'troppo-grande' } | { esito: 'interrotta' };

/** Answers with JSON that is never cached: every answer of these routes is personal or changes at once. */
export function rispondiJson(
  res: ServerResponse,
  stato: number,
  corpo: unknown,
  extra: Record<string, string> = {},
): void {
  res.writeHead(stato, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(corpo));
}

/** Answers with a JSON `{ messaggio }`, the shape of every error of the endpoint. */
export function rispondiErrore(
  res: ServerResponse,
  stato: number,
  messaggio: string,
  extra: Record<string, string> = {},
): void {
  rispondiJson(res, stato, { messaggio }, extra);
}

// One reading per request: the fault wrapper reads the body first (to log it), the route then gets the same result.
const letture = new WeakMap<IncomingMessage, Promise<LetturaCorpo>>();

/**
 * The body of `req`, at most `max` bytes. Read once: a second call for the same request gets the first one's result
 * (with the first one's limit). Past the limit nothing more is kept and the rest is discarded as it arrives, so the
 * client can read the 413 instead of a reset connection.
 */
export function leggiCorpo(req: IncomingMessage, max: number): Promise<LetturaCorpo> {
  const gia = letture.get(req);
  if (gia) {
    return gia;
  }
  const lettura = leggi(req, max);
  letture.set(req, lettura);
  return lettura;
}

function leggi(req: IncomingMessage, max: number): Promise<LetturaCorpo> {
  return new Promise((risolvi) => {
    if (Number(req.headers['content-length']) > max) {
      scarta(req, 0, max);
      risolvi({ esito: 'troppo-grande' });
      return;
    }
    const parti: Buffer[] = [];
    let letti = 0;
    const dati = (b: Buffer) => {
      letti += b.length;
      if (letti <= max) {
        parti.push(b);
        return;
      }
      req.off('data', dati);
      parti.length = 0;
      scarta(req, letti, max);
      risolvi({ esito: 'troppo-grande' });
    };
    req.on('data', dati);
    req.on('end', () => risolvi({ esito: 'letto', byte: Buffer.concat(parti) }));
    // A promise settles once: after 'end' or 'troppo-grande', a later close changes nothing.
    req.on('close', () => risolvi({ esito: 'interrotta' }));
    req.on('error', () => risolvi({ esito: 'interrotta' }));
  });
}

/**
 * Throws away the rest of a body that is too large, keeping nothing. A client that goes on sending past twice the
 * limit is cut off: it is not an honest upload a few bytes too long.
 */
function scarta(req: IncomingMessage, giaRicevuti: number, max: number): void {
  let ricevuti = giaRicevuti;
  req.on('data', (b: Buffer) => {
    ricevuti += b.length;
    if (ricevuti > 2 * max) {
      req.socket.destroy();
    }
  });
  req.resume();
}

/** The value of one cookie of the request, or undefined. */
export function cookie(req: IncomingMessage, nome: string): string | undefined {
  const intestazione = req.headers.cookie ?? '';
  for (const parte of intestazione.split(';')) {
    const uguale = parte.indexOf('=');
    if (uguale < 0) {
      continue;
    }
    if (parte.slice(0, uguale).trim() === nome) {
      return decodificato(parte.slice(uguale + 1).trim());
    }
  }
  return undefined;
}

function decodificato(valore: string): string | undefined {
  try {
    return decodeURIComponent(valore);
  } catch {
    return undefined;
  }
}

/** Whether the request declares a JSON body (`application/json`, with parameters or not). */
export const dichiaraJson = (req: IncomingMessage): boolean =>
  /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/** The path of the request without its query. */
export const percorsoDi = (req: IncomingMessage): string => (req.url ?? '').split('?')[0];

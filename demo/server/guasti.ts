// Faults injected in front of the help desk's server, for the demo's controls and the browser suite: a dropped
// connection, a status, a slow or hanging answer, a captive portal, a lost answer. The server itself never fakes a
// fault; this proxy does, then forwards the rest. It also logs every attempt, faults included.
import type { IncomingMessage } from 'node:http';
import { leggiCorpo, percorsoDi, rispondiJson, type GestoreHttp } from './http.js';
import { rispondiCome, serverAssente, type RispostaInoltrata } from './inoltro.js';

/** The user's routes of the widget's endpoint, by the names a fault is limited with. */
export type NomeRotta = 'richieste' | 'elenco' | 'messaggi' | 'allegati' | 'altro';

/** Largest body the proxy reads before forwarding: past it, it answers 413 itself, as a front proxy does. */
const MAX_BYTE_INOLTRATI = 12 * 1024 * 1024;

/** Which route a request under the endpoint's base takes (`resto` is the path after the base). */
export function rottaDi(metodo: string, resto: string): NomeRotta {
  if (resto === '' && metodo === 'POST') return 'richieste';
  if (resto === '' && metodo === 'GET') return 'elenco';
  if (/^\/allegati\/[^/]+$/.test(resto) && metodo === 'PUT') return 'allegati';
  if (/^\/[^/]+\/messaggi$/.test(resto) && metodo === 'POST') return 'messaggi';
  return 'altro';
}

/** The routes a fault may be limited to: POST a request, GET the list, POST a reply, PUT an attachment. */
export type RottaGuasto = Exclude<NomeRotta, 'altro'>;
const ROTTE: RottaGuasto[] = ['richieste', 'elenco', 'messaggi', 'allegati'];

/**
 * A failure to inject. `volte` attempts are affected, then it is spent (without it, it lasts); `su` limits it to one
 * route (without it, any route of the endpoint); `ritardoMs` delays the answer, whatever it is.
 */
export type Guasto = { volte?: number; ritardoMs?: number; su?: RottaGuasto } & (
  | { modo: 'rete' } // the connection is dropped: fetch rejects
  | { modo: 'stato'; stato: number; retryAfter?: string; messaggio?: string } // answered with that status, nothing stored
  | { modo: 'lento' } // answered after ritardoMs
  | { modo: 'appeso' } // never answered
  | { modo: 'portale' } // a captive portal or proxy answering 200 with its own HTML page, nothing stored
  | { modo: 'perdi-risposta' } // handled (stored), then the connection is dropped before the answer
);

const MODI = ['rete', 'stato', 'lento', 'appeso', 'portale', 'perdi-risposta'];

const oggetto = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const statoHttp = (x: unknown) => Number.isInteger(x) && (x as number) >= 200 && (x as number) <= 599;
const volteValide = (x: unknown) => x === undefined || (Number.isInteger(x) && (x as number) > 0);

/** Checks a list of faults posted by the demo's controls or a test; the Italian reason when it is not one. */
export function controllaGuasti(g: unknown): string | undefined {
  if (!Array.isArray(g)) {
    return 'I guasti vanno inviati come elenco JSON.';
  }
  for (const x of g) {
    if (!oggetto(x) || !MODI.includes(x.modo as string)) {
      return `Ogni guasto ha un modo tra: ${MODI.join(', ')}.`;
    }
    if (x.modo === 'stato' && !statoHttp(x.stato)) {
      return 'Un guasto di modo "stato" indica uno stato HTTP tra 200 e 599.';
    }
    if (x.su !== undefined && !ROTTE.includes(x.su as RottaGuasto)) {
      return `Un guasto si limita a una rotta tra: ${ROTTE.join(', ')}.`;
    }
    if (!volteValide(x.volte)) {
      return 'Il campo "volte" di un guasto è un numero intero positivo.';
    }
  }
  return undefined;
}

/** What the endpoint did with one attempt, for assertions on the server's side. */
export interface VoceRegistro {
  metodo: string;
  /** Path and query. */
  percorso: string;
  chiave: string | undefined;
  stato: number | 'interrotta';
  intestazioni: Record<string, string | string[] | undefined>;
  /** The body as text; empty for an attachment's bytes, whose size is in `byte`. */
  corpo: string;
  byte: number;
}

export interface OpzioniGuasti {
  /** The endpoint's base path on this side of the proxy: '/api/richieste', '/prova/<bucket>/richieste'. */
  base: string;
  /** The faults the next attempts meet, in order; the caller replaces its content to change them. */
  guasti: Guasto[];
  registro?: VoceRegistro[];
  /** Forwards the request, its body read, to the server and resolves with the server's answer. */
  inoltra(req: IncomingMessage, corpo: Buffer): Promise<RispostaInoltrata>;
}

const attendi = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The first fault that applies to this route, with one of its `volte` spent (and removed when none is left). */
function prossimoGuasto(guasti: Guasto[], rotta: NomeRotta): Guasto | undefined {
  const i = guasti.findIndex((g) => g.su === undefined || g.su === rotta);
  if (i < 0) {
    return undefined;
  }
  const guasto = guasti[i];
  if (guasto.volte !== undefined) {
    guasto.volte -= 1;
    if (guasto.volte <= 0) {
      guasti.splice(i, 1);
    }
  }
  return guasto;
}

/**
 * A broken connection, as the browser sees it: bytes that are not HTTP, then close. (A bare close or a reset is not
 * enough: Chromium and Firefox silently resend a request whose reused connection closed before any byte came back.)
 * Firefox reads bytes without a status line as an HTTP/0.9 200, Chromium takes a bad status line, WebKit takes two
 * lengths: a bad status line with two different lengths is refused by all three (fetch rejects, nothing resent).
 */
function interrompi(req: IncomingMessage): void {
  req.socket.end('HTTP/1.1 ROTTO\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
}

const corpoTestuale = (req: IncomingMessage) => /^(application\/json|text\/)/i.test(req.headers['content-type'] ?? '');

/** The endpoint's routes with faults in front of them; anything not under `base` is left to the next handler. */
export function conGuasti(o: OpzioniGuasti): GestoreHttp {
  return async (req, res) => {
    const percorso = percorsoDi(req);
    if (percorso !== o.base && !percorso.startsWith(`${o.base}/`)) {
      return false;
    }
    const rotta = rottaDi(req.method ?? 'GET', percorso.slice(o.base.length));
    const guasto = prossimoGuasto(o.guasti, rotta);
    // The body is read first, whatever happens next: the log then shows what every attempt carried, the ones a
    // fault answers too.
    const lettura = await leggiCorpo(req, MAX_BYTE_INOLTRATI);
    const byte = lettura.esito === 'letto' ? lettura.byte : Buffer.alloc(0);
    const annota = (stato: VoceRegistro['stato']) => {
      const chiave = req.headers['idempotency-key'] as string | undefined;
      const corpo = corpoTestuale(req) ? byte.toString('utf8') : '';
      o.registro?.push({
        metodo: req.method ?? 'GET',
        percorso: req.url ?? '',
        chiave,
        stato,
        intestazioni: { ...req.headers },
        corpo,
        byte: byte.length,
      });
    };
    if (lettura.esito === 'interrotta') {
      annota('interrotta');
      interrompi(req);
      return true;
    }
    if (lettura.esito === 'troppo-grande') {
      annota(413);
      rispondiJson(res, 413, { messaggio: 'La richiesta è troppo grande.' }, { Connection: 'close' });
      return true;
    }
    if (guasto?.ritardoMs) {
      await attendi(guasto.ritardoMs);
    }
    if (guasto?.modo === 'rete') {
      annota('interrotta');
      interrompi(req);
      return true;
    }
    if (guasto?.modo === 'appeso') {
      annota('interrotta');
      return true;
    }
    if (guasto?.modo === 'portale') {
      annota(200);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Accedi alla rete Wi-Fi</title><p>Accetta le condizioni per navigare.</p>');
      return true;
    }
    if (guasto?.modo === 'stato') {
      annota(guasto.stato);
      const extra: Record<string, string> = {};
      if (guasto.retryAfter) {
        extra['Retry-After'] = guasto.retryAfter;
      }
      rispondiJson(res, guasto.stato, { messaggio: guasto.messaggio ?? `Errore simulato ${guasto.stato}.` }, extra);
      return true;
    }
    let risposta: RispostaInoltrata;
    try {
      risposta = await o.inoltra(req, byte);
    } catch (e) {
      annota('interrotta');
      serverAssente(res, e);
      return true;
    }
    if (guasto?.modo === 'perdi-risposta') {
      // The server stored it; its answer never reaches the client.
      annota('interrotta');
      interrompi(req);
      return true;
    }
    // Logged once the server has answered: before the client can read the answer and ask for the log.
    annota(risposta.statoHttp);
    rispondiCome(res, risposta);
    return true;
  };
}

// POST /api/richieste as a backend must do it: validate with richiestaSchema, dedupe by Idempotency-Key, assign a
// numero. Plain Node http, so Vite (demo) and the test runner (tests) serve the same code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { core } from 'zod/mini';
import { richiestaSchema, type Richiesta } from '../../src/richiesta.js';

export interface Ricevuta {
  numero: number;
  chiave: string;
  richiesta: Richiesta;
  ricevutaIl: string;
}

/** Where received requests are kept: memory in tests, a file in the demo. */
export interface ArchivioRicevute {
  cerca(chiave: string): Ricevuta | undefined;
  /** Stores it whole or not at all: throws and keeps nothing when it cannot. */
  salva(r: Ricevuta): void;
  elenco(): Ricevuta[];
}

export class ArchivioInMemoria implements ArchivioRicevute {
  protected ricevute = new Map<string, Ricevuta>();
  cerca(k: string) {
    return this.ricevute.get(k);
  }
  salva(r: Ricevuta) {
    this.ricevute.set(r.chiave, r);
  }
  elenco() {
    return [...this.ricevute.values()];
  }
}

/** A failure to inject, for the demo's controls and the tests. `volte` requests are affected, then it is spent. */
export type Guasto = { volte?: number; ritardoMs?: number } & (
  | { modo: 'rete' } // the connection is dropped: fetch rejects
  | { modo: 'stato'; stato: number; retryAfter?: string; messaggio?: string } // answered with that status, nothing stored
  | { modo: 'lento' } // answered after ritardoMs
  | { modo: 'appeso' } // never answered
  | { modo: 'portale' } // a captive portal or proxy answering 200 with its own HTML page, nothing stored
  | { modo: 'perdi-risposta' } // stored, then the connection is dropped before the answer
);

const MODI = ['rete', 'stato', 'lento', 'appeso', 'perdi-risposta'];

/** Checks a list of faults posted by the demo's controls or a test; the Italian reason when it is not one. */
export function controllaGuasti(g: unknown): string | undefined {
  if (!Array.isArray(g)) return 'I guasti vanno inviati come elenco JSON.';
  for (const x of g as Partial<Record<string, unknown>>[]) {
    if (!x || typeof x !== 'object' || !MODI.includes(x.modo as string)) return `Ogni guasto ha un modo tra: ${MODI.join(', ')}.`;
    if (x.modo === 'stato' && !(Number.isInteger(x.stato) && (x.stato as number) >= 200 && (x.stato as number) <= 599)) {
      return 'Un guasto di modo "stato" indica uno stato HTTP tra 200 e 599.';
    }
  }
  return undefined;
}

/** What the endpoint did with one attempt, for assertions on the server's side. */
export interface Tentativo {
  chiave: string | undefined;
  stato: number | 'interrotta';
  intestazioni: Record<string, string | string[] | undefined>;
  corpo: string;
}

export interface OpzioniEndpoint {
  archivio: ArchivioRicevute;
  /** Largest body accepted, in bytes (default 64 KiB: a full request is under 20 KiB). */
  maxByte?: number;
  guasti?: Guasto[];
  registro?: Tentativo[];
}

/** The answer to every request: JSON, never cached. */
export function rispondiJson(res: ServerResponse, stato: number, corpo: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(stato, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(corpo));
}

class TroppoGrande extends Error {}

/** The body as text; rejects with TroppoGrande past `max` bytes, without keeping what came after. */
export function leggiCorpo(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, ko) => {
    if (Number(req.headers['content-length']) > max) {
      req.resume();
      return ko(new TroppoGrande());
    }
    const parti: Buffer[] = [];
    let n = 0;
    const dati = (b: Buffer) => {
      n += b.length;
      if (n <= max) return void parti.push(b);
      req.off('data', dati);
      req.resume();
      ko(new TroppoGrande());
    };
    req.on('data', dati);
    req.on('end', () => ok(Buffer.concat(parti).toString('utf8')));
    req.on('error', ko);
  });
}

const attendi = (ms: number) => new Promise((r) => setTimeout(r, ms));

const TIPI: Record<string, string> = { string: 'un testo', boolean: 'vero o falso', object: 'un oggetto', number: 'un numero' };

/** Italian for what the schema itself does not word: a missing field, a wrong type, unknown fields. */
function erroreItaliano(i: core.$ZodRawIssue): string | undefined {
  const campo = i.path?.length ? `«${i.path.join('.')}»` : '';
  if (i.code === 'unrecognized_keys') return `Campi non previsti${campo ? ` in ${campo}` : ''}: ${i.keys.join(', ')}.`;
  if (i.code === 'invalid_type') {
    if (!campo) return 'Il corpo della richiesta deve essere un oggetto JSON.';
    if (i.input === undefined) return `Manca il campo obbligatorio ${campo}.`;
    return `Il campo ${campo} deve essere ${TIPI[i.expected] ?? i.expected}.`;
  }
  return campo ? `Valore non valido nel campo ${campo}.` : undefined;
}

/** Handles one POST of a request; the caller routes it here. */
export async function riceviRichiesta(req: IncomingMessage, res: ServerResponse, o: OpzioniEndpoint): Promise<void> {
  const chiave = req.headers['idempotency-key'] as string | undefined;
  const guasto = o.guasti?.[0];
  if (guasto && guasto.volte !== undefined && --guasto.volte <= 0) o.guasti!.shift();
  // The body is read first, whatever happens next: the log then shows what every attempt carried, the ones a fault
  // answers too.
  const max = o.maxByte ?? 64 * 1024;
  let testo = '';
  let troppoGrande = false;
  let letto = true;
  try {
    testo = await leggiCorpo(req, max);
  } catch (e) {
    troppoGrande = e instanceof TroppoGrande;
    letto = troppoGrande;
  }
  const annota = (stato: Tentativo['stato']) => o.registro?.push({ chiave, stato, intestazioni: { ...req.headers }, corpo: testo });
  // A broken connection, as the browser sees it: bytes that are not HTTP, then close. (A bare close or a reset is not
  // enough: Chromium and Firefox silently resend a request whose reused connection closed before any byte came back.)
  // Firefox reads bytes without a status line as an HTTP/0.9 200, Chromium takes a bad status line, WebKit takes two
  // lengths: a bad status line with two different lengths is refused by all three (fetch rejects, nothing resent).
  const interrompi = () => {
    annota('interrotta');
    req.socket.end('HTTP/1.1 ROTTO\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
  };
  if (!letto) return interrompi();

  if (guasto?.ritardoMs) await attendi(guasto.ritardoMs);
  if (guasto?.modo === 'rete') return interrompi();
  if (guasto?.modo === 'appeso') return void annota('interrotta');
  if (guasto?.modo === 'portale') {
    annota(200);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return void res.end('<!doctype html><title>Accedi alla rete Wi-Fi</title><p>Accetta le condizioni per navigare.</p>');
  }
  if (guasto?.modo === 'stato') {
    annota(guasto.stato);
    return rispondiJson(res, guasto.stato, { messaggio: guasto.messaggio ?? `Errore simulato ${guasto.stato}.` }, guasto.retryAfter ? { 'Retry-After': guasto.retryAfter } : {});
  }

  if (troppoGrande) {
    annota(413);
    const kib = Math.floor(max / 1024);
    return rispondiJson(res, 413, { messaggio: `La richiesta è troppo grande: al massimo ${kib} KiB.` }, { Connection: 'close' });
  }
  const rispondi = (stato: number, corpo: unknown, extra?: Record<string, string>) => {
    annota(stato);
    rispondiJson(res, stato, corpo, extra);
  };

  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return rispondi(415, { messaggio: 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).' });
  }
  let dati: unknown;
  try {
    dati = JSON.parse(testo);
  } catch {
    return rispondi(400, { messaggio: 'Il corpo della richiesta non è un JSON valido.' });
  }
  if (!dati || typeof dati !== 'object' || Array.isArray(dati)) return rispondi(400, { messaggio: 'Il corpo della richiesta deve essere un oggetto JSON.' });
  if (!chiave) return rispondi(400, { messaggio: 'Manca l’intestazione Idempotency-Key.' });

  // A key seen before gets the same answer: the client retried because it never heard the first one.
  const gia = o.archivio.cerca(chiave);
  if (gia) return rispondi(201, { id: gia.richiesta.id, numero: gia.numero }, { 'Idempotent-Replayed': 'true' });

  const r = richiestaSchema.safeParse(dati, { error: erroreItaliano });
  if (!r.success) {
    // One message per field, the first: a value can fail several checks that all say the same thing.
    const perCampo = new Map<string, string>();
    for (const i of r.error.issues) if (!perCampo.has(i.path.join('.'))) perCampo.set(i.path.join('.'), i.message);
    const errori = [...perCampo].map(([campo, messaggio]) => ({ campo, messaggio }));
    return rispondi(422, { messaggio: errori.map((e) => e.messaggio).join(' '), errori });
  }
  if (r.data.id !== chiave) return rispondi(422, { messaggio: 'L’intestazione Idempotency-Key deve essere uguale al campo id.' });

  // From here to salva nothing awaits, so two attempts with one key can never both get past cerca().
  const numero = o.archivio.elenco().reduce((m, x) => Math.max(m, x.numero), 0) + 1;
  try {
    o.archivio.salva({ numero, chiave, richiesta: r.data, ricevutaIl: new Date().toISOString() });
  } catch {
    // Nothing was kept: a 503 makes the client's queue try again later with the same key.
    return rispondi(503, { messaggio: 'La richiesta non è stata salvata per un errore del server: verrà ritentata.' }, { 'Retry-After': '30' });
  }
  if (guasto?.modo === 'perdi-risposta') return interrompi();
  rispondi(201, { id: r.data.id, numero });
}

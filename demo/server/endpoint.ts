// POST /api/richieste as a backend must do it: validate with richiestaSchema, dedupe by Idempotency-Key, assign a
// numero. Plain Node http, so Vite (demo) and the test runner (tests) serve the same code.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** Stores it whole or not at all. */
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
  | { modo: 'perdi-risposta' } // stored, then the connection is dropped before the answer
);

/** What the endpoint did with one attempt, for assertions on the server's side. */
export interface Tentativo {
  chiave: string | undefined;
  stato: number | 'interrotta';
  intestazioni: Record<string, string | string[] | undefined>;
  corpo: string;
}

export interface OpzioniEndpoint {
  archivio: ArchivioRicevute;
  /** Largest body accepted, in bytes. */
  maxByte?: number;
  guasti?: Guasto[];
  registro?: Tentativo[];
}

const risposta = (res: ServerResponse, stato: number, corpo: unknown, extra: Record<string, string> = {}) => {
  res.writeHead(stato, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(corpo));
};

class TroppoGrande extends Error {}

function leggiCorpo(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, ko) => {
    const parti: Buffer[] = [];
    let n = 0;
    req.on('data', (b: Buffer) => {
      n += b.length;
      if (n > max) {
        ko(new TroppoGrande());
        req.removeAllListeners('data');
        req.resume();
      } else parti.push(b);
    });
    req.on('end', () => ok(Buffer.concat(parti).toString('utf8')));
    req.on('error', ko);
  });
}

const attendi = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Handles one POST of a request; the caller routes it here. */
export async function riceviRichiesta(req: IncomingMessage, res: ServerResponse, o: OpzioniEndpoint): Promise<void> {
  const chiave = req.headers['idempotency-key'] as string | undefined;
  const guasto = o.guasti?.[0];
  if (guasto && guasto.volte !== undefined && --guasto.volte <= 0) o.guasti!.shift();
  const annota = (stato: Tentativo['stato'], corpo = '') => o.registro?.push({ chiave, stato, intestazioni: { ...req.headers }, corpo });
  const interrompi = () => {
    annota('interrotta');
    req.socket.destroy();
  };

  if (guasto?.ritardoMs) await attendi(guasto.ritardoMs);
  if (guasto?.modo === 'rete') return interrompi();
  if (guasto?.modo === 'appeso') return void annota('interrotta');
  if (guasto?.modo === 'stato') {
    annota(guasto.stato);
    return risposta(res, guasto.stato, { messaggio: guasto.messaggio ?? `Errore simulato ${guasto.stato}.` }, guasto.retryAfter ? { 'Retry-After': guasto.retryAfter } : {});
  }

  let testo: string;
  try {
    testo = await leggiCorpo(req, o.maxByte ?? 64 * 1024);
  } catch (e) {
    annota(413);
    return risposta(res, e instanceof TroppoGrande ? 413 : 400, { messaggio: 'La richiesta è troppo grande.' }, { Connection: 'close' });
  }
  const rispondi = (stato: number, corpo: unknown, extra?: Record<string, string>) => {
    annota(stato, testo);
    risposta(res, stato, corpo, extra);
  };

  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return rispondi(415, { messaggio: 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).' });
  }
  let dati: unknown;
  try {
    dati = JSON.parse(testo);
  } catch {
    return rispondi(400, { messaggio: 'Il corpo della richiesta non è un JSON valido.' });
  }
  if (!chiave) return rispondi(400, { messaggio: 'Manca l’intestazione Idempotency-Key.' });

  // A key seen before gets the same answer: the client retried because it never heard the first one.
  const gia = o.archivio.cerca(chiave);
  if (gia) return rispondi(201, { id: gia.richiesta.id, numero: gia.numero }, { 'Idempotent-Replayed': 'true' });

  const r = richiestaSchema.safeParse(dati);
  if (!r.success) {
    const errori = r.error.issues.map((i) => ({
      campo: i.path.join('.'),
      messaggio: i.code === 'unrecognized_keys' ? `Campi non previsti: ${i.keys.join(', ')}.` : i.message,
    }));
    return rispondi(422, { messaggio: errori.map((e) => e.messaggio).join(' '), errori });
  }
  if (r.data.id !== chiave) return rispondi(422, { messaggio: 'L’intestazione Idempotency-Key deve essere uguale al campo id.' });

  const numero = o.archivio.elenco().reduce((m, x) => Math.max(m, x.numero), 0) + 1;
  o.archivio.salva({ numero, chiave, richiesta: r.data, ricevutaIl: new Date().toISOString() });
  if (guasto?.modo === 'perdi-risposta') return interrompi();
  rispondi(201, { id: r.data.id, numero });
}

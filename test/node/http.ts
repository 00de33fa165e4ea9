// Shared by the Node tests of the demo's server: start it on a free port in a temporary folder, and talk to it over real
// HTTP as the browser, the help desk and a misbehaving client do.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { gestoreDemo, type OpzioniDemo } from '../../demo/server/plugin.js';
import { COOKIE_SESSIONE } from '../../demo/profili.js';

export interface Demo {
  url: string;
  chiudi(): Promise<void>;
}

/** Serves any Node middleware on a free port of 127.0.0.1. */
export async function servi(
  gestore: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
    next: () => void,
  ) => void,
): Promise<Demo> {
  const server: Server = createServer((req, res) =>
    gestore(req, res, () => {
      res.writeHead(404);
      res.end();
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  const chiudi = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return { url: `http://127.0.0.1:${port}`, chiudi };
}

/** The demo's server over the requests file `file` (the outbox and the attachments beside it). */
export function avvia(file: string, o: Partial<OpzioniDemo> = {}): Promise<Demo> {
  return servi(gestoreDemo({ file, bundle: join(tmpdir(), 'nessun-bundle.js'), ...o }));
}

/** A temporary folder for one test, and the requests file in it. */
export function cartellaTemporanea(): { cartella: string; file: string; elimina(): void } {
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-endpoint-'));
  return {
    cartella,
    file: join(cartella, 'richieste.json'),
    elimina: () => rmSync(cartella, { recursive: true, force: true }),
  };
}

export const richiesta = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  cognome: ' D’Angelo ',
  nome: 'Zoë',
  email: 'zoe.dangelo@esempio.it',
  telefono: '+39 347 123.45.67',
  rispostaViaEmail: true,
  descrizione: 'Non riesco a caricare la planimetria della SCIA.',
  pratica: { tipologia: 'SCIA', numero: '123/2026' },
  creataIl: new Date().toISOString(),
  ...extra,
});

/** The demo's session cookie of a demo user, as the pages write it. */
export const sessione = (utente: string | undefined): Record<string, string> =>
  utente === undefined ? {} : { Cookie: `${COOKIE_SESSIONE}=${utente}` };

export interface RispostaHttp<T = Record<string, unknown>> {
  stato: number;
  intestazioni: Headers;
  testo: string;
  json: T;
}

async function risposta<T>(res: Response): Promise<RispostaHttp<T>> {
  const testo = await res.text();
  let json = {} as T;
  if (testo !== '' && /json/.test(res.headers.get('content-type') ?? '')) {
    json = JSON.parse(testo) as T;
  }
  return { stato: res.status, intestazioni: res.headers, testo, json };
}

export type Errore = { messaggio?: string; errori?: { campo: string; messaggio: string }[]; allegati?: string[] };

export interface OpzioniInvio {
  /** The Idempotency-Key: the body's id unless given; null for none. */
  chiave?: string | null;
  tipo?: string;
  utente?: string;
  percorso?: string;
}

/** POSTs JSON to the demo (a new request unless `percorso` says otherwise). */
export async function invia<T = { id?: string; numero?: number } & Errore>(
  d: Demo,
  corpo: unknown,
  o: OpzioniInvio = {},
): Promise<RispostaHttp<T>> {
  const testo = typeof corpo === 'string' ? corpo : JSON.stringify(corpo);
  const chiave = o.chiave === undefined ? (corpo as { id?: string }).id : o.chiave;
  const intestazioni: Record<string, string> = { 'Content-Type': o.tipo ?? 'application/json', ...sessione(o.utente) };
  if (chiave) {
    intestazioni['Idempotency-Key'] = chiave;
  }
  const res = await fetch(`${d.url}${o.percorso ?? '/api/richieste'}`, {
    method: 'POST',
    headers: intestazioni,
    body: testo,
  });
  return risposta<T>(res);
}

/** The user's reply to their request `id`. */
export const rispondi = (d: Demo, id: string, corpo: unknown, o: OpzioniInvio = {}) =>
  invia<{ id?: string; stato?: string } & Errore>(d, corpo, { ...o, percorso: `/api/richieste/${id}/messaggi` });

export const nuovaRisposta = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  testo: 'Ho provato, ma il caricamento si ferma al 90%.',
  inviatoIl: new Date().toISOString(),
  ...extra,
});

export interface VoceElenco {
  id: string;
  numero: number;
  stato: string;
  creataIl: string;
  aggiornataIl: string;
  descrizione: string;
  rispostaViaEmail: boolean;
  pratica?: { tipologia?: string; numero?: string };
  messaggi: { id: string; autore: string; testo: string; inviatoIl: string }[];
  allegati?: { id: string; nome: string; tipo: string; dimensione: number }[];
}

/** GET of a user's list (or of `percorso`, a next page). */
export async function elenco(d: Demo, utente: string | undefined, o: { percorso?: string; etag?: string } = {}) {
  const intestazioni: Record<string, string> = { ...sessione(utente) };
  if (o.etag !== undefined) {
    intestazioni['If-None-Match'] = o.etag;
  }
  const res = await fetch(`${d.url}${o.percorso ?? '/api/richieste'}`, { headers: intestazioni });
  return risposta<{ richieste: VoceElenco[] } & Errore>(res);
}

export interface VoceSportelloJson {
  id: string;
  numero: number;
  stato: string;
  utente: string | null;
  cognome: string;
  nome: string;
  email?: string;
  telefono?: string;
  rispostaViaEmail: boolean;
  descrizione: string;
  ricevutaIl: string;
  aggiornataIl: string;
  messaggi: { id: string; autore: string; testo: string; inviatoIl: string; inviataViaMailA?: string }[];
  allegati: { id: string; nome: string; tipo: string; dimensione: number; indirizzo: string }[];
}

/** The help desk's list. */
export const sportello = async (d: Demo) =>
  ((await (await fetch(`${d.url}/api/sportello/richieste`)).json()) as { richieste: VoceSportelloJson[] }).richieste;

/** The operator's reply. */
export const rispostaSportello = (d: Demo, id: string, corpo: unknown) =>
  invia<{ id?: string; stato?: string; inviataViaMailA?: string } & Errore>(d, corpo, {
    chiave: null,
    percorso: `/api/sportello/richieste/${id}/messaggi`,
  });

/** The operator sets the state alone. */
export async function cambiaStato(d: Demo, id: string, stato: string) {
  const res = await fetch(`${d.url}/api/sportello/richieste/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ stato }),
  });
  return risposta<{ id?: string; stato?: string } & Errore>(res);
}

/** A raw request with node:http, writing the body in chunks with no Content-Length (chunked) unless `lunghezza`. */
export function grezza(
  d: Demo,
  o: { metodo: string; percorso: string; intestazioni: Record<string, string>; byte: Buffer; pezzo?: number },
): Promise<{ stato: number; testo: string }> {
  return new Promise((ok, ko) => {
    const u = new URL(`${d.url}${o.percorso}`);
    let risolta = false;
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: o.metodo, headers: o.intestazioni },
      (res) => {
        let testo = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          testo += c;
        });
        res.on('end', () => {
          risolta = true;
          ok({ stato: res.statusCode ?? 0, testo });
        });
      },
    );
    // Once answered, the server may close while the rest is still being written: that is not the test's failure.
    req.on('error', (e) => {
      if (!risolta) {
        ko(e);
      }
    });
    const pezzo = o.pezzo ?? 64 * 1024;
    for (let i = 0; i < o.byte.length; i += pezzo) {
      req.write(o.byte.subarray(i, i + pezzo));
    }
    req.end();
  });
}

/** An error the endpoint words for a person: Italian, never zod's English. */
export function italiano(messaggio: string | undefined): void {
  assert.ok(messaggio, 'a messaggio');
  assert.doesNotMatch(messaggio, /invalid|expected|unrecognized|received/i);
}

// The server's tests talk to it over real HTTP, as the widget, the help desk and a misbehaving client do.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/archivio/database.js';
import { AMMINISTRATORE_DEL_BIN, autorizzazione, operatoreDiProva, type OperatoreDiProva } from './aiuti.js';

/** Anything with the base URL of a running server. */
export interface ConUrl {
  url: string;
}

/**
 * A running server, for the help desk's calls: in this process (its database: an administrator is created there),
 * or a bin started by server/test/processo.ts (its first administrator, from the configuration).
 */
export interface ConDatabase extends ConUrl {
  db?: Database;
}

// One administrator per database (or per bin), logged in once.
const amministratori = new WeakMap<object, Promise<OperatoreDiProva>>();

/** The bin's first administrator (server/test/processo.ts's configuration), logged in over HTTP. */
async function amministratoreDelBin(s: ConUrl): Promise<OperatoreDiProva> {
  const res = await fetch(`${s.url}/api/sportello/accesso`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: s.url },
    body: JSON.stringify(AMMINISTRATORE_DEL_BIN),
  });
  if (res.status !== 204) {
    throw new Error(`the bin's administrator: ${res.status} ${await res.text()}`);
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    utente: AMMINISTRATORE_DEL_BIN.utente,
    cookie,
    intestazioni: (extra = {}) => ({ Cookie: cookie, Origin: s.url, 'Content-Type': 'application/json', ...extra }),
  };
}

/** The tests' administrator on this server, logged in on it. */
export function amministratore(s: ConDatabase): Promise<OperatoreDiProva> {
  const chiave = s.db ?? s;
  let a = amministratori.get(chiave);
  if (a === undefined) {
    const { db } = s;
    a = db === undefined ? amministratoreDelBin(s) : operatoreDiProva({ url: s.url, db }, 'amministratore');
    amministratori.set(chiave, a);
  }
  return a;
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

export const nuovaRisposta = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  testo: 'Ho provato, ma il caricamento si ferma al 90%.',
  inviatoIl: new Date().toISOString(),
  ...extra,
});

export interface RispostaHttp<T = Record<string, unknown>> {
  stato: number;
  intestazioni: Headers;
  testo: string;
  json: T;
}

export async function risposta<T>(res: Response): Promise<RispostaHttp<T>> {
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
  /** The caller: a user (a valid token for them is sent) or anonymous. */
  utente?: string;
  /** Headers of its own (a bad Authorization, say), over the ones above. */
  intestazioni?: Record<string, string>;
  percorso?: string;
}

/** POSTs JSON (a new request unless `percorso` says otherwise). */
export async function invia<T = { id?: string; numero?: number } & Errore>(
  s: ConUrl,
  corpo: unknown,
  o: OpzioniInvio = {},
): Promise<RispostaHttp<T>> {
  const testo = typeof corpo === 'string' ? corpo : JSON.stringify(corpo);
  const chiave = o.chiave === undefined ? (corpo as { id?: string }).id : o.chiave;
  const intestazioni: Record<string, string> = {
    'Content-Type': o.tipo ?? 'application/json',
    ...(await autorizzazione(o.utente)),
    ...o.intestazioni,
  };
  if (chiave) {
    intestazioni['Idempotency-Key'] = chiave;
  }
  const res = await fetch(`${s.url}${o.percorso ?? '/api/richieste'}`, {
    method: 'POST',
    headers: intestazioni,
    body: testo,
  });
  return risposta<T>(res);
}

/** The user's reply to their request `id`. */
export const rispondi = (s: ConUrl, id: string, corpo: unknown, o: OpzioniInvio = {}) =>
  invia<{ id?: string; stato?: string } & Errore>(s, corpo, { ...o, percorso: `/api/richieste/${id}/messaggi` });

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
export async function elenco(
  s: ConUrl,
  utente: string | undefined,
  o: { percorso?: string; etag?: string; intestazioni?: Record<string, string> } = {},
) {
  const intestazioni: Record<string, string> = { ...(await autorizzazione(utente)), ...o.intestazioni };
  if (o.etag !== undefined) {
    intestazioni['If-None-Match'] = o.etag;
  }
  const res = await fetch(`${s.url}${o.percorso ?? '/api/richieste'}`, { headers: intestazioni });
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
  pratica?: { tipologia?: string; numero?: string };
  creataIl: string;
  ricevutaIl: string;
  aggiornataIl: string;
  messaggi: {
    id: string;
    autore: string;
    testo: string;
    inviatoIl: string;
    ricevutoIl: string;
    inviataViaMailA?: string;
  }[];
  allegati: { id: string; nome: string; tipo: string; dimensione: number; indirizzo: string }[];
  anonimizzataIl?: string;
}

/** Every request as the help desk sees it, each whole, newest first (the queue, then each request). */
export async function sportello(s: ConDatabase): Promise<VoceSportelloJson[]> {
  const { cookie } = await amministratore(s);
  const coda = (await (
    await fetch(`${s.url}/api/sportello/richieste?limite=500`, { headers: { Cookie: cookie } })
  ).json()) as { richieste: { id: string; numero: number }[]; conteggi: Record<string, number> };
  // The queue gives 500 at most: a test holding more must read its requests by id (richiestaSportello).
  const totale = Object.values(coda.conteggi).reduce((a, b) => a + b, 0);
  assert.equal(coda.richieste.length, totale, `the queue lists ${coda.richieste.length} of ${totale} requests`);
  const ordinate = [...coda.richieste].sort((a, b) => b.numero - a.numero);
  return Promise.all(ordinate.map(async (r) => (await richiestaSportello(s, r.id, cookie))!));
}

/** How many requests the server holds, by the queue's counts per state. */
export async function quanteRichieste(s: ConDatabase): Promise<number> {
  const { cookie } = await amministratore(s);
  const coda = (await (
    await fetch(`${s.url}/api/sportello/richieste?limite=1`, { headers: { Cookie: cookie } })
  ).json()) as { conteggi: Record<string, number> };
  return Object.values(coda.conteggi).reduce((a, b) => a + b, 0);
}

/** One request as the help desk sees it; undefined when the server has none with that id. */
export async function richiestaSportello(
  s: ConDatabase,
  id: string,
  cookie?: string,
): Promise<VoceSportelloJson | undefined> {
  const res = await fetch(`${s.url}/api/sportello/richieste/${id}`, {
    headers: { Cookie: cookie ?? (await amministratore(s)).cookie },
  });
  if (res.status === 404) {
    return undefined;
  }
  assert.equal(res.status, 200, `GET /api/sportello/richieste/${id}`);
  return (await res.json()) as VoceSportelloJson;
}

/** The operator's reply. */
export async function rispostaSportello(s: ConDatabase, id: string, corpo: unknown) {
  const a = await amministratore(s);
  const res = await fetch(`${s.url}/api/sportello/richieste/${id}/messaggi`, {
    method: 'POST',
    headers: a.intestazioni(),
    body: typeof corpo === 'string' ? corpo : JSON.stringify(corpo),
  });
  return risposta<{ id?: string; stato?: string; inviataViaMailA?: string } & Errore>(res);
}

/** The operator sets the state alone. */
export async function cambiaStato(s: ConDatabase, id: string, stato: string) {
  const a = await amministratore(s);
  const res = await fetch(`${s.url}/api/sportello/richieste/${id}`, {
    method: 'PATCH',
    headers: a.intestazioni(),
    body: JSON.stringify({ stato }),
  });
  return risposta<{ id?: string; stato?: string } & Errore>(res);
}

/** A raw request with node:http, writing the body in chunks with no Content-Length (chunked) unless given. */
export function grezza(
  s: ConUrl,
  o: { metodo: string; percorso: string; intestazioni: Record<string, string>; byte: Buffer; pezzo?: number },
): Promise<{ stato: number; testo: string; intestazioni: Record<string, string | string[] | undefined> }> {
  return new Promise((ok, ko) => {
    const u = new URL(`${s.url}${o.percorso}`);
    let risolta = false;
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: o.metodo, headers: o.intestazioni },
      (res) => {
        let testo = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          testo += c;
        });
        res.on('end', () => {
          risolta = true;
          ok({ stato: res.statusCode ?? 0, testo, intestazioni: res.headers });
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

/** Small files of the three accepted types: only their signatures are real. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR finto di una planimetria'),
]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF finto')]);
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

/** What an upload's 201 says. */
export type Metadati = { id: string; nome: string; tipo: string; dimensione: number };

export interface Caricamento {
  /** The declared Content-Type (image/png unless given). */
  tipo?: string;
  /** The file name, sent as filename* (planimetria.png unless given). */
  nome?: string;
  /** The whole Content-Disposition instead of one built from `nome`; null for none. */
  disposizione?: string | null;
  /** The caller: a user (a valid token for them is sent) or anonymous. */
  utente?: string;
  /** The Idempotency-Key: the file's id unless given; null for none. */
  chiave?: string | null;
  /** Headers of its own (a bad Authorization, say), over the ones above. */
  intestazioni?: Record<string, string>;
}

/** The headers of the upload of file `id`, as the widget sends them. */
export async function intestazioniCaricamento(id: string, o: Caricamento = {}): Promise<Record<string, string>> {
  const h: Record<string, string> = { 'Content-Type': o.tipo ?? 'image/png', ...(await autorizzazione(o.utente)) };
  const chiave = o.chiave === undefined ? id : o.chiave;
  if (chiave !== null) {
    h['Idempotency-Key'] = chiave;
  }
  const disposizione =
    o.disposizione === undefined
      ? `attachment; filename*=UTF-8''${encodeURIComponent(o.nome ?? 'planimetria.png')}`
      : o.disposizione;
  if (disposizione !== null) {
    h['Content-Disposition'] = disposizione;
  }
  return { ...h, ...o.intestazioni };
}

/** PUTs the bytes of file `id`. */
export async function carica(s: ConUrl, id: string, byte: Buffer, o: Caricamento = {}) {
  const res = await fetch(`${s.url}/api/richieste/allegati/${id}`, {
    method: 'PUT',
    headers: await intestazioniCaricamento(id, o),
    body: new Blob([new Uint8Array(byte)]),
  });
  return risposta<Metadati & Errore>(res);
}

/**
 * Sends a request's headers, announcing a body of `lunghezza` bytes, and none of the body: the answer if the server
 * gives one within `attesaMs` without having read anything, else stato 'in-attesa' (it waits for the body).
 */
export function soloIntestazioni(
  s: ConUrl,
  o: { metodo: string; percorso: string; intestazioni: Record<string, string>; lunghezza: number; attesaMs?: number },
): Promise<{ stato: number | 'in-attesa'; json: Errore }> {
  return new Promise((ok, ko) => {
    const u = new URL(`${s.url}${o.percorso}`);
    const headers = { ...o.intestazioni, 'Content-Length': String(o.lunghezza) };
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: o.metodo, headers }, (res) => {
      let testo = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        testo += c;
      });
      res.on('end', () => {
        clearTimeout(attesa);
        req.destroy();
        ok({ stato: res.statusCode ?? 0, json: JSON.parse(testo) as Errore });
      });
    });
    const attesa = setTimeout(() => {
      req.destroy();
      ok({ stato: 'in-attesa', json: {} });
    }, o.attesaMs ?? 3000);
    req.on('error', (e) => {
      clearTimeout(attesa);
      ko(e);
    });
    req.flushHeaders();
  });
}

/** An error worded for a person: Italian, never zod's or Fastify's English. */
export function italiano(messaggio: string | undefined): void {
  assert.ok(messaggio, 'a messaggio');
  assert.doesNotMatch(messaggio, /invalid|expected|unrecognized|received|body|must/i);
}

/** fetch on a help desk route as the tests' administrator (its session, the server's own Origin) unless told otherwise. */
export async function chiediSportello(s: ConDatabase, percorso: string, init: RequestInit = {}): Promise<Response> {
  const a = await amministratore(s);
  const intestazioni = new Headers(init.headers);
  if (!intestazioni.has('Cookie')) {
    intestazioni.set('Cookie', a.cookie);
  }
  if (!intestazioni.has('Origin')) {
    intestazioni.set('Origin', s.url);
  }
  return fetch(`${s.url}${percorso}`, { ...init, headers: intestazioni });
}

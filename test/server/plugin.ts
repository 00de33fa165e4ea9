// The browser suite's endpoint: the help desk's real server (server/src, on an embedded PostgreSQL in a temporary
// folder), behind a proxy at /prova/<bucket>/…: one session, fault list and log per bucket, so tests (and browsers
// running at once) never see each other's requests. One server is started with the test runner and shared by the
// buckets; a bucket may ask for a server of its own (the console's tests count the whole queue), and that server may send
// its mail by real SMTP to a catcher of its own (server/test/raccoglitore.ts) the test makes refuse or accept. The
// faults are the proxy's (demo/server/guasti.ts), never the server's.
//
//   …/richieste…   → /api/richieste…  the widget's endpoint: faults, the attempts' log, the session cookie as a token
//   …/sportello…   → /api/sportello…  as the browser sends it (the console: its own cookie, Origin, Host)
//   …/operatore…   → /api/sportello…  as the harness's own administrator (test/helpers.ts's `sportello`); the list
//                                      holds the bucket's requests only, each whole
//   …/tempi-risposta → /api/tempi-risposta of the response times' own server (below), behind the bucket's faults
//   …/guasti, /registro, /sessione, /token, /opzioni, /server (POST, DELETE), /operatori, /smtp (POST, GET): the
//                                      bucket's controls
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { conGuasti, controllaGuasti, type Guasto, type VoceRegistro } from '../../demo/server/guasti.js';
import {
  cookie,
  leggiCorpo,
  percorsoDi,
  rispondiErrore,
  rispondiJson,
  type GestoreHttp,
} from '../../demo/server/http.js';
import { chiedi, rispondiCome, serverAssente } from '../../demo/server/inoltro.js';
import { apriPglite } from '../../server/src/archivio/apri.js';
import type { Database } from '../../server/src/archivio/database.js';
import { applicaMigrazioni } from '../../server/src/archivio/migrazioni.js';
import * as allegati from '../../server/src/archivio/allegati.js';
import { costruisciApp } from '../../server/src/app.js';
import { postaDi, richiestaSportello, type RichiestaSportello } from '../../server/src/servizi/sportello.js';
import { postaNonConfigurata } from '../../server/src/servizi/posta.js';
import { Raccoglitore } from '../../server/test/raccoglitore.js';
import { aggiungiOperatore, type Ruolo } from '../../server/src/servizi/operatori.js';
import type { AllegatoCaricato, Mail, Ricevuta, Registro } from './registro.js';
import { STORICO_DI_PROVA } from './storico.js';
import { gestisciPagineBundle } from './pagine-bundle.js';

/** A bucket's session cookie; its path is the bucket's, so no other bucket (or test) ever receives it. */
export const COOKIE_PROVA = 'assistenza-prova-sessione';

// A user id a test may log in as: the demo's ids and any like them.
const utenteAmmesso = /^[a-z][\w.-]{0,63}$/i;

interface Server {
  url: string;
  db: Database;
  segreto: Uint8Array;
  /** The harness's administrator's session cookie on this server. */
  operatore: string;
  /** Where its mail leaves (ASSISTENZA_SMTP_URL), when it sends any. */
  raccoglitore?: Raccoglitore;
  chiudi(): Promise<void>;
}

const cartelle: string[] = [];
process.on('exit', () => {
  for (const c of cartelle) rmSync(c, { recursive: true, force: true });
});

// A migrated empty database, copied for each server: a fresh one in a fraction of a second.
let modello: Promise<string> | undefined;

async function creaModello(): Promise<string> {
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-prova-modello-'));
  cartelle.push(cartella);
  const db = await apriPglite(cartella);
  await applicaMigrazioni(db, { info() {} });
  await db.chiudi();
  return cartella;
}

/** A new, migrated, empty embedded database in a temporary folder (removed at exit). */
async function nuovoDatabase(): Promise<Database> {
  modello ??= creaModello();
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-prova-'));
  cartelle.push(cartella);
  cpSync(join(await modello, 'pglite'), join(cartella, 'pglite'), { recursive: true });
  return apriPglite(cartella);
}

/**
 * A new server on a new database, with the harness's administrator logged in. With `posta`, it sends its mail by SMTP
 * to a catcher of its own (accepting until told otherwise); without, it has no ASSISTENZA_SMTP_URL, as by default.
 */
async function creaServer(o: { posta?: boolean } = {}): Promise<Server> {
  const db = await nuovoDatabase();
  const segreto = randomBytes(32).toString('base64url');
  const raccoglitore = o.posta ? await Raccoglitore.avviato() : undefined;
  const posta = raccoglitore && { ...postaNonConfigurata(segreto), smtpUrl: raccoglitore.url };
  const app = await costruisciApp({ db, jwtSegreto: segreto, posta });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const password = randomBytes(16).toString('base64url');
  await aggiungiOperatore(
    db,
    { utente: 'prova', nome: 'Operatore dei test', password, ruolo: 'amministratore' },
    undefined,
  );
  const accesso = await fetch(`${url}/api/sportello/accesso`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ utente: 'prova', password }),
  });
  const operatore = (accesso.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    url,
    db,
    segreto: new TextEncoder().encode(segreto),
    operatore,
    raccoglitore,
    chiudi: async () => {
      // The app first: its outbox worker finishes what it is sending before the catcher goes.
      await app.close();
      await db.chiudi();
      await raccoglitore?.ferma();
    },
  };
}

const serverCreati: Server[] = [];
let condiviso: Server | undefined;

/**
 * The response times count every request of the last 90 days, and the shared server's database takes every test's
 * requests while other tests read: the figures would move under them. So they have a database of their own holding
 * STORICO_DI_PROVA alone, served by the server's real app (its real route), one app per minimum a bucket asks for
 * (`opzioni({ statisticheMinimo })`; the server's default otherwise). Nothing here is a route of the server.
 */
interface ServerStatistiche {
  db: Database;
  segreto: string;
  /** The app with each minimum asked for so far. */
  app: Map<number | undefined, Promise<{ url: string; chiudi(): Promise<void> }>>;
}

let statistiche: ServerStatistiche | undefined;

/** The response times' database, with STORICO_DI_PROVA written relative to now by the database itself. */
async function avviaStatistiche(): Promise<ServerStatistiche> {
  const db = await nuovoDatabase();
  await db.query(
    `INSERT INTO richieste (id, impronta, cognome, nome, risposta_via_email, descrizione, scritta_il, ricevuta_il,
       stato, aggiornata_il, risolta_il)
     SELECT gen_random_uuid(), 'storico', 'Storico', 'Prova', false, 'Storico di prova dei tempi di risposta.',
       now() - v.fa, now() - v.fa, CASE WHEN v.dopo IS NULL THEN 'in-lavorazione' ELSE 'chiusa' END,
       now() - v.fa + coalesce(v.dopo, interval '0'), now() - v.fa + v.dopo
     FROM jsonb_to_recordset($1::jsonb) AS g (quante int, "faMinuti" int, "dopoMinuti" int)
       CROSS JOIN LATERAL (SELECT g."faMinuti" * interval '1 minute' AS fa, g."dopoMinuti" * interval '1 minute' AS dopo) AS v
       CROSS JOIN generate_series(1, g.quante)`,
    [JSON.stringify(STORICO_DI_PROVA.gruppi)],
  );
  return { db, segreto: randomBytes(32).toString('base64url'), app: new Map() };
}

/** The response times' app with this minimum (the server's default when undefined), started the first time. */
function appStatistiche(minimo: number | undefined): Promise<{ url: string }> {
  const s = statistiche;
  if (s === undefined) {
    throw new Error('test/server/plugin.ts: avviaServer() was not awaited');
  }
  let app = s.app.get(minimo);
  if (app === undefined) {
    app = (async () => {
      const a = await costruisciApp({ db: s.db, jwtSegreto: s.segreto, statisticheMinimo: minimo });
      await a.listen({ port: 0, host: '127.0.0.1' });
      const { port } = a.server.address() as { port: number };
      return { url: `http://127.0.0.1:${port}`, chiudi: () => a.close() };
    })();
    s.app.set(minimo, app);
  }
  return app;
}

/**
 * Starts the shared server for this run, and the response times' database beside it; the test runner's config awaits
 * it before any page loads.
 */
export async function avviaServer(): Promise<string> {
  const [server, conStorico] = await Promise.all([creaServer(), avviaStatistiche()]);
  condiviso = server;
  statistiche = conStorico;
  serverCreati.push(condiviso);
  return condiviso.url;
}

/** Stops every server and closes their databases (an open PGlite keeps the process alive). */
export async function fermaServer(): Promise<void> {
  await Promise.all(serverCreati.splice(0).map((s) => s.chiudi()));
  condiviso = undefined;
  if (statistiche !== undefined) {
    const { app, db } = statistiche;
    statistiche = undefined;
    await Promise.all([...app.values()].map(async (a) => (await a).chiudi()));
    await db.chiudi();
  }
}

interface DatiSecchio {
  id: string;
  /** The bucket's server: the shared one, unless it asked for its own. */
  server: Server;
  guasti: Guasto[];
  registro: VoceRegistro[];
  /** Session tokens (the cookie's value) and their user, as a real portal's session store keeps them. */
  sessioni: Map<string, string>;
  /** The list's page size the proxy asks the server for (its `per-pagina`); the server's default without it. */
  perPagina?: number;
  endpoint: GestoreHttp;
  /** The minimum of the response times' app this bucket's …/tempi-risposta reaches; the server's default without it. */
  statisticheMinimo?: number;
  /** …/tempi-risposta: GET /api/tempi-risposta, behind the bucket's faults. */
  tempi: GestoreHttp;
}

const secchi = new Map<string, DatiSecchio>();

/** The server's user id of a bucket's user: each bucket's "mrossi" is a user of its own. */
const utenteDelServer = (secchio: string, utente: string) => `${utente}@${secchio}`;
const utenteDelSecchio = (secchio: string, utente: string | null) =>
  utente === null ? undefined : utente.replace(new RegExp(`@${secchio}$`), '');

/** The portal's token for a bucket's user, as a portal's backend mints it. */
async function tokenDi(s: DatiSecchio, utente: string): Promise<string> {
  return new SignJWT({ sub: utenteDelServer(s.id, utente) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(s.server.segreto);
}

function nuovoSecchio(id: string): DatiSecchio {
  if (condiviso === undefined) {
    throw new Error('test/server/plugin.ts: avviaServer() was not awaited');
  }
  const base = `/prova/${id}/richieste`;
  const s: DatiSecchio = {
    id,
    server: condiviso,
    guasti: [],
    registro: [],
    sessioni: new Map(),
    endpoint: async () => false,
    tempi: async () => false,
  };
  s.endpoint = conGuasti({
    base,
    guasti: s.guasti,
    registro: s.registro,
    async inoltra(req, corpo) {
      const u = new URL(req.url ?? '', 'http://x');
      const query = new URLSearchParams(u.search);
      if (req.method === 'GET' && s.perPagina !== undefined && !query.has('per-pagina')) {
        query.set('per-pagina', String(s.perPagina));
      }
      const resto = u.pathname.slice(base.length);
      const intestazioni = { ...req.headers };
      // The portal's side: the session cookie becomes the user's token, unless the page sent one of its own.
      const utente = s.sessioni.get(cookie(req, COOKIE_PROVA) ?? '');
      if (intestazioni.authorization === undefined && utente !== undefined) {
        intestazioni.authorization = `Bearer ${await tokenDi(s, utente)}`;
      }
      delete intestazioni.cookie;
      const q = query.size > 0 ? `?${query}` : '';
      const r = await chiedi(
        { server: s.server.url, percorso: `/api/richieste${resto}${q}`, intestazioni, corpo },
        req.method ?? 'GET',
      );
      // The server's links name its own paths: the page follows them under the bucket.
      const link = r.intestazioni.link;
      if (typeof link === 'string') {
        r.intestazioni.link = link.replaceAll('</api/richieste', `<${base}`);
      }
      return r;
    },
  });
  s.tempi = conGuasti({
    base: `/prova/${id}/tempi-risposta`,
    guasti: s.guasti,
    registro: s.registro,
    async inoltra(req, corpo) {
      const { url } = await appStatistiche(s.statisticheMinimo);
      const intestazioni = { ...req.headers };
      delete intestazioni.cookie;
      return chiedi({ server: url, percorso: '/api/tempi-risposta', intestazioni, corpo }, req.method ?? 'GET');
    },
  });
  return s;
}

function secchio(id: string): DatiSecchio {
  const trovato = secchi.get(id);
  if (trovato) {
    return trovato;
  }
  const s = nuovoSecchio(id);
  secchi.set(id, s);
  return s;
}

async function corpoJson(req: IncomingMessage): Promise<unknown> {
  const lettura = await leggiCorpo(req, 64 * 1024);
  if (lettura.esito !== 'letto') {
    throw new Error('corpo non letto');
  }
  const testo = lettura.byte.toString('utf8');
  if (testo === '') {
    return undefined;
  }
  return JSON.parse(testo);
}

/** POST …/sessione { utente }: logs the bucket in as that user (a cookie for the bucket's path), or out with null. */
async function sessione(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const { utente } = ((await corpoJson(req)) ?? {}) as { utente?: unknown };
  const percorso = `Path=/prova/${s.id}; HttpOnly; SameSite=Strict`;
  if (utente === null || utente === undefined) {
    res.setHeader('Set-Cookie', `${COOKIE_PROVA}=; ${percorso}; Max-Age=0`);
    return rispondiJson(res, 200, { utente: null });
  }
  if (typeof utente !== 'string' || !utenteAmmesso.test(utente)) {
    return rispondiErrore(res, 400, 'Sessione: "utente" è un identificativo come "mrossi", oppure null.');
  }
  const token = randomUUID();
  s.sessioni.set(token, utente);
  res.setHeader('Set-Cookie', `${COOKIE_PROVA}=${token}; ${percorso}`);
  rispondiJson(res, 200, { utente });
}

/** POST …/token { utente }: the token the portal would give a page for this bucket's user (for `headers`). */
async function token(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const { utente } = ((await corpoJson(req)) ?? {}) as { utente?: unknown };
  if (typeof utente !== 'string' || !utenteAmmesso.test(utente)) {
    return rispondiErrore(res, 400, 'Token: "utente" è un identificativo come "mrossi".');
  }
  rispondiJson(res, 200, { token: await tokenDi(s, utente) });
}

const interoTra = (x: unknown, min: number, max: number) =>
  Number.isInteger(x) && (x as number) >= min && (x as number) <= max;

/**
 * POST …/opzioni { perPagina?, statisticheMinimo? }: how many requests a page of the bucket's lists holds; the
 * minimum of the response times' app its …/tempi-risposta reaches (above the history's size: a real 404).
 */
async function opzioni(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const { perPagina, statisticheMinimo } = ((await corpoJson(req)) ?? {}) as Record<string, unknown>;
  if (perPagina === undefined && statisticheMinimo === undefined) {
    return rispondiErrore(res, 400, 'Opzioni: indica "perPagina" o "statisticheMinimo".');
  }
  if (perPagina !== undefined && !interoTra(perPagina, 1, 100)) {
    return rispondiErrore(res, 400, 'Opzioni: "perPagina" è un numero intero da 1 a 100.');
  }
  if (statisticheMinimo !== undefined && !interoTra(statisticheMinimo, 1, 1_000_000)) {
    return rispondiErrore(res, 400, 'Opzioni: "statisticheMinimo" è un numero intero da 1 a 1000000.');
  }
  if (perPagina !== undefined) {
    s.perPagina = perPagina as number;
  }
  if (statisticheMinimo !== undefined) {
    s.statisticheMinimo = statisticheMinimo as number;
  }
  rispondiJson(res, 200, { perPagina: s.perPagina, statisticheMinimo: s.statisticheMinimo });
}

/**
 * POST …/server { posta? }: the bucket gets a server of its own, on an empty database (before anything else it does);
 * with `posta: true` it sends mail to a catcher of its own (…/smtp).
 */
async function serverProprio(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const { posta } = ((await corpoJson(req)) ?? {}) as { posta?: unknown };
  if (posta !== undefined && typeof posta !== 'boolean') {
    return rispondiErrore(res, 400, 'Server: "posta" è true o false.');
  }
  if (s.server !== condiviso) {
    return rispondiErrore(res, 409, 'Server: questo secchio ha già un server suo.');
  }
  s.server = await creaServer({ posta });
  serverCreati.push(s.server);
  rispondiJson(res, 200, { ok: true });
}

/**
 * DELETE …/server: the bucket's own server stops and its database closes (a test's afterEach), giving its memory back:
 * each holds an embedded PostgreSQL. Calls still coming for the bucket meet a server that is gone (502).
 */
async function chiudiServerProprio(res: ServerResponse, s: DatiSecchio): Promise<void> {
  if (s.server === condiviso) {
    return rispondiErrore(res, 409, 'Server: questo secchio usa il server condiviso.');
  }
  const i = serverCreati.indexOf(s.server);
  if (i >= 0) {
    serverCreati.splice(i, 1);
    await s.server.chiudi();
  }
  rispondiJson(res, 200, { ok: true });
}

/** The catcher of the bucket's own server, or the answer saying there is none. */
function raccoglitoreDi(res: ServerResponse, s: DatiSecchio): Raccoglitore | undefined {
  if (s.server.raccoglitore === undefined) {
    rispondiErrore(res, 409, 'Smtp: il server di questo secchio non invia mail (POST …/server { "posta": true }).');
  }
  return s.server.raccoglitore;
}

/**
 * POST …/smtp { rifiuto: { codice, testo } | null }: what the bucket's mail server answers at RCPT TO from now on (a
 * refusal with that code and text, or acceptance).
 */
async function smtp(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const { rifiuto } = ((await corpoJson(req)) ?? {}) as { rifiuto?: { codice?: unknown; testo?: unknown } | null };
  const valido =
    rifiuto === null ||
    (typeof rifiuto === 'object' &&
      rifiuto !== undefined &&
      interoTra(rifiuto.codice, 400, 599) &&
      typeof rifiuto.testo === 'string');
  if (!valido) {
    return rispondiErrore(res, 400, 'Smtp: "rifiuto" è { "codice": 400–599, "testo": "…" } oppure null.');
  }
  const raccoglitore = raccoglitoreDi(res, s);
  if (raccoglitore === undefined) {
    return;
  }
  raccoglitore.rifiuto =
    rifiuto === null ? undefined : { codice: rifiuto.codice as number, testo: rifiuto.testo as string };
  rispondiJson(res, 200, { rifiuto: raccoglitore.rifiuto ?? null });
}

/** POST …/operatori { utente, nome?, password, ruolo }: an operator on the bucket's server, for the console's login. */
async function operatori(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const o = ((await corpoJson(req)) ?? {}) as { utente?: string; nome?: string; password?: string; ruolo?: Ruolo };
  if (typeof o.utente !== 'string' || typeof o.password !== 'string') {
    return rispondiErrore(res, 400, 'Operatori: "utente" e "password" sono testi.');
  }
  const esito = await aggiungiOperatore(
    s.server.db,
    { utente: o.utente, nome: o.nome ?? o.utente, password: o.password, ruolo: o.ruolo ?? 'operatore' },
    undefined,
  );
  rispondiJson(res, esito.esito === 'creato' ? 201 : 409, esito);
}

async function guasti(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const g = (await corpoJson(req)) ?? [];
  const errore = controllaGuasti(g);
  if (errore) {
    return rispondiErrore(res, 400, errore);
  }
  // The same array: the bucket's proxy holds it.
  s.guasti.splice(0, s.guasti.length, ...(g as Guasto[]));
  rispondiJson(res, 200, { ok: true });
}

/** The ids of what the bucket's attempts sent: requests (POSTs' keys) and uploads (PUTs' keys). */
function idDelSecchio(s: DatiSecchio) {
  const richieste = new Set<string>();
  const file = new Set<string>();
  for (const t of s.registro) {
    if (t.chiave === undefined) continue;
    if (t.metodo === 'POST' && /\/richieste(\?|$)/.test(t.percorso)) richieste.add(t.chiave);
    if (t.metodo === 'PUT') file.add(t.chiave);
  }
  return { richieste: [...richieste], file: [...file] };
}

/** A request as the server stored it, in the shape the tests read. */
function comeRicevuta(r: RichiestaSportello, secchio: string): Ricevuta {
  const richiesta: Ricevuta['richiesta'] = {
    id: r.id,
    cognome: r.cognome,
    nome: r.nome,
    rispostaViaEmail: r.rispostaViaEmail,
    descrizione: r.descrizione,
    creataIl: r.creataIl,
  };
  if (r.email !== undefined) richiesta.email = r.email;
  if (r.telefono !== undefined) richiesta.telefono = r.telefono;
  if (r.pratica !== undefined) richiesta.pratica = r.pratica;
  if (r.allegati.length > 0) {
    richiesta.allegati = r.allegati.map((a) => ({
      id: a.id,
      nome: a.nome,
      tipo: a.tipo as 'application/pdf',
      dimensione: a.dimensione,
    }));
  }
  const ricevuta: Ricevuta = {
    numero: r.numero,
    chiave: r.id,
    richiesta,
    ricevutaIl: r.ricevutaIl,
    stato: r.stato,
    aggiornataIl: r.aggiornataIl,
    messaggi: r.messaggi,
  };
  const utente = utenteDelSecchio(secchio, r.utente);
  if (utente !== undefined) ricevuta.utente = utente;
  return ricevuta;
}

/** The bucket's requests as the help desk sees them, each whole, oldest first; downloads addressed under the bucket. */
async function richiesteDelSecchio(s: DatiSecchio): Promise<RichiestaSportello[]> {
  const base = `/prova/${s.id}/operatore`;
  const trovate = await Promise.all(idDelSecchio(s).richieste.map((r) => richiestaSportello(s.server.db, r, base)));
  return trovate.filter((r): r is RichiestaSportello => r !== undefined).sort((a, b) => a.numero - b.numero);
}

/** GET …/registro: the bucket's attempts, and what the server stored of them (read from its database). */
async function registro(s: DatiSecchio): Promise<Registro> {
  const { db } = s.server;
  const ricevute = (await richiesteDelSecchio(s)).map((r) => comeRicevuta(r, s.id));
  const caricati: AllegatoCaricato[] = [];
  for (const f of idDelSecchio(s).file) {
    const a = await allegati.leggi(db, f);
    if (a === undefined) continue;
    const c: AllegatoCaricato = {
      id: a.id,
      nome: a.nome,
      tipo: a.tipo,
      dimensione: a.dimensione,
      caricatoIl: a.caricatoIl.toISOString(),
    };
    const utente = utenteDelSecchio(s.id, a.utente);
    if (utente !== undefined) c.utente = utente;
    caricati.push(c);
  }
  const posta: Mail[] = (
    await postaDi(
      db,
      ricevute.map((r) => r.chiave),
    )
  ).map((m) => ({
    id: m.id,
    a: m.destinatario,
    oggetto: m.oggetto,
    testo: m.testo,
    richiesta: m.richiesta,
    messaggio: m.messaggio,
    scrittaIl: m.scrittaIl.toISOString(),
  }));
  return { ricevute, allegati: caricati, tentativi: s.registro, posta };
}

/** …/sportello…: the help desk's routes as the browser calls them (the console): its cookies, Origin and Host. */
async function sportello(req: IncomingMessage, res: ServerResponse, s: DatiSecchio, resto: string): Promise<void> {
  const lettura = await leggiCorpo(req, 12 * 1024 * 1024);
  const corpo = lettura.esito === 'letto' ? lettura.byte : Buffer.alloc(0);
  const u = new URL(req.url ?? '', 'http://x');
  try {
    const r = await chiedi(
      { server: s.server.url, percorso: `/api/sportello${resto}${u.search}`, intestazioni: req.headers, corpo },
      req.method ?? 'GET',
    );
    rispondiCome(res, r);
  } catch (e) {
    serverAssente(res, e);
  }
}

/**
 * …/operatore…: the help desk's routes as the harness's administrator calls them for a test (its session, the server's
 * own Origin). The list is the bucket's requests, each whole.
 */
async function operatore(req: IncomingMessage, res: ServerResponse, s: DatiSecchio, resto: string): Promise<void> {
  if (resto === '/richieste' && req.method === 'GET') {
    return rispondiJson(res, 200, { richieste: await richiesteDelSecchio(s) });
  }
  const lettura = await leggiCorpo(req, 64 * 1024);
  const corpo = lettura.esito === 'letto' ? lettura.byte : Buffer.alloc(0);
  const u = new URL(req.url ?? '', 'http://x');
  const intestazioni = {
    'content-type': 'application/json',
    origin: s.server.url,
    cookie: s.server.operatore,
  };
  try {
    const r = await chiedi(
      { server: s.server.url, percorso: `/api/sportello${resto}${u.search}`, intestazioni, corpo },
      req.method ?? 'GET',
    );
    rispondiCome(res, r);
  } catch (e) {
    serverAssente(res, e);
  }
}

const CONTROLLI = /^\/prova\/([\w-]+)\/(guasti|registro|sessione|opzioni|token|server|operatori|smtp)$/;
const SECCHIO = /^\/prova\/([\w-]+)(\/.*)$/;

/** Node middleware: answers /prova/… and returns true, or returns false for anything else. */
export async function gestisciProva(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (await gestisciPagineBundle(req, res)) {
    return true;
  }
  const percorso = percorsoDi(req);
  const m = SECCHIO.exec(percorso);
  if (!m) {
    return false;
  }
  const s = secchio(m[1]);
  if (await s.endpoint(req, res)) {
    return true;
  }
  if (await s.tempi(req, res)) {
    return true;
  }
  const resto = m[2];
  for (const [prefisso, gestore] of [
    ['/sportello', sportello],
    ['/operatore', operatore],
  ] as const) {
    if (resto === prefisso || resto.startsWith(`${prefisso}/`)) {
      await gestore(req, res, s, resto.slice(prefisso.length));
      return true;
    }
  }
  const controllo = CONTROLLI.exec(percorso)?.[2];
  const metodo = req.method ?? 'GET';
  try {
    if (controllo === 'guasti' && metodo === 'POST') {
      await guasti(req, res, s);
    } else if (controllo === 'sessione' && metodo === 'POST') {
      await sessione(req, res, s);
    } else if (controllo === 'token' && metodo === 'POST') {
      await token(req, res, s);
    } else if (controllo === 'opzioni' && metodo === 'POST') {
      await opzioni(req, res, s);
    } else if (controllo === 'server' && metodo === 'POST') {
      await serverProprio(req, res, s);
    } else if (controllo === 'server' && metodo === 'DELETE') {
      await chiudiServerProprio(res, s);
    } else if (controllo === 'operatori' && metodo === 'POST') {
      await operatori(req, res, s);
    } else if (controllo === 'smtp' && metodo === 'POST') {
      await smtp(req, res, s);
    } else if (controllo === 'smtp' && metodo === 'GET') {
      // GET …/smtp: the mails the bucket's mail server accepted, in the order it did.
      const raccoglitore = raccoglitoreDi(res, s);
      if (raccoglitore !== undefined) rispondiJson(res, 200, { mail: raccoglitore.mail });
    } else if (controllo === 'registro' && metodo === 'GET') {
      rispondiJson(res, 200, await registro(s));
    } else if (controllo === undefined) {
      rispondiErrore(res, 404, 'Risorsa non trovata.');
    } else {
      rispondiErrore(res, 405, 'Metodo non ammesso.');
    }
  } catch (e) {
    if (e instanceof SyntaxError) {
      rispondiErrore(res, 400, 'Corpo JSON non valido.');
    } else {
      rispondiErrore(res, 500, `Il proxy dei test non ha potuto rispondere: ${(e as Error).message}`);
    }
  }
  return true;
}

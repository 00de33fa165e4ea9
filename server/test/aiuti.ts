// Shared by the server's tests: a fresh database of either engine (PGlite in a temporary folder, or a new database
// on the throwaway PostgreSQL cluster that scripts/test-node.mjs starts), the app on it over real HTTP on a free
// port, and the portal's tokens.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SignJWT } from 'jose';
import type { FastifyInstance } from 'fastify';
import { apriPglite, apriPostgres } from '../src/archivio/apri.js';
import type { Database } from '../src/archivio/database.js';
import { applicaMigrazioni } from '../src/archivio/migrazioni.js';
import { costruisciApp, type OpzioniApp } from '../src/app.js';
import { aggiungiOperatore } from '../src/servizi/operatori.js';

export const MOTORI = ['pglite', 'postgresql'] as const;
export type Motore = (typeof MOTORI)[number];

/** The help desk's first administrator of every bin a test starts (created on a database with no operator). */
export const AMMINISTRATORE_DEL_BIN = { utente: 'amministratore-prova', password: 'password-amministratore-prova' };

/** The JWT secret of every test server. */
export const SEGRETO = 'segreto-dei-test-del-server-di-assistenza-0123456789';

/** The throwaway cluster's URL, set by scripts/test-node.mjs (ASSISTENZA_TEST_POSTGRES). */
export function urlPostgres(): string {
  const url = process.env.ASSISTENZA_TEST_POSTGRES;
  if (!url) {
    throw new Error('ASSISTENZA_TEST_POSTGRES is not set: run the server tests through scripts/test-node.mjs');
  }
  return url;
}

const silenzioso = { info() {}, warn() {}, error() {} };

/** A database URL on the cluster, the cluster's own URL with another database name. */
export function urlDatabase(nome: string): string {
  const u = new URL(urlPostgres());
  u.pathname = `/${nome}`;
  return u.toString();
}

// One migrated template per engine and process, copied for each test: a fresh database in a fraction of a second.
let modelloPglite: Promise<string> | undefined;
let modelloPostgres: Promise<string> | undefined;

async function creaModelloPglite(): Promise<string> {
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-modello-'));
  const db = await apriPglite(cartella);
  await applicaMigrazioni(db, silenzioso);
  await db.chiudi();
  process.on('exit', () => rmSync(cartella, { recursive: true, force: true }));
  return cartella;
}

async function creaModelloPostgres(): Promise<string> {
  const nome = `modello_${process.pid}_${Date.now()}`;
  await amministra(`CREATE DATABASE ${nome}`);
  const db = apriPostgres(urlDatabase(nome), silenzioso);
  await applicaMigrazioni(db, silenzioso);
  await db.chiudi();
  return nome;
}

/** Runs one statement on the cluster's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function amministra(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: urlPostgres() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface DatabaseDiProva {
  db: Database;
  motore: Motore;
  /** PGlite: its folder (ASSISTENZA_DATI); PostgreSQL: its URL (ASSISTENZA_DATABASE_URL). */
  dove: string;
  /** Closes it and throws it away. */
  elimina(): Promise<void>;
}

/** A new folder with a migrated, empty embedded database that no process holds (ASSISTENZA_DATI of a server). */
export async function cartellaPglite(): Promise<string> {
  modelloPglite ??= creaModelloPglite();
  const cartella = mkdtempSync(join(tmpdir(), 'assistenza-dati-'));
  cpSync(join(await modelloPglite, 'pglite'), join(cartella, 'pglite'), { recursive: true });
  return cartella;
}

/** A new, migrated, empty database of the engine. */
export async function databaseDiProva(motore: Motore): Promise<DatabaseDiProva> {
  if (motore === 'pglite') {
    const cartella = await cartellaPglite();
    const db = await apriPglite(cartella);
    return {
      db,
      motore,
      dove: cartella,
      elimina: async () => {
        await db.chiudi();
        rmSync(cartella, { recursive: true, force: true });
      },
    };
  }
  modelloPostgres ??= creaModelloPostgres();
  const nome = `prova_${randomUUID().replace(/-/g, '')}`;
  await amministra(`CREATE DATABASE ${nome} TEMPLATE ${await modelloPostgres}`);
  const url = urlDatabase(nome);
  const db = apriPostgres(url, silenzioso);
  return {
    db,
    motore,
    dove: url,
    elimina: async () => {
      await db.chiudi();
      await amministra(`DROP DATABASE IF EXISTS ${nome} WITH (FORCE)`);
    },
  };
}

export interface ServerDiProva {
  url: string;
  db: Database;
  app: FastifyInstance;
  /** Closes the server, keeping the database (to start another server on it). */
  chiudiServer(): Promise<void>;
  /** Closes the server and throws its database away. */
  chiudi(): Promise<void>;
}

/** The app on `db`, listening on a free port of 127.0.0.1. */
export async function servi(db: Database, opzioni: Partial<OpzioniApp> = {}) {
  const app = await costruisciApp({ db, jwtSegreto: SEGRETO, ...opzioni });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, db, url: `http://127.0.0.1:${port}` };
}

/** A server of the engine on a fresh database. */
export async function serverDiProva(motore: Motore, opzioni: Partial<OpzioniApp> = {}): Promise<ServerDiProva> {
  const d = await databaseDiProva(motore);
  const { app, url } = await servi(d.db, opzioni);
  return {
    url,
    db: d.db,
    app,
    chiudiServer: () => app.close(),
    chiudi: async () => {
      await app.close();
      await d.elimina();
    },
  };
}

export interface OpzioniToken {
  /** Seconds until it expires (negative: already expired); default 300. */
  scadeTra?: number;
  segreto?: string;
  /** Claims to leave out. */
  senza?: ('sub' | 'exp')[];
}

/** The portal's token for `utente`, signed as its backend signs it (HS256, sub, exp). */
export async function token(utente: string, o: OpzioniToken = {}): Promise<string> {
  const ora = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { sub: utente, exp: ora + (o.scadeTra ?? 300), iat: ora };
  for (const c of o.senza ?? []) {
    delete claims[c];
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(o.segreto ?? SEGRETO));
}

/** The Authorization header of `utente`'s token; none for an anonymous caller. */
export async function autorizzazione(utente: string | undefined): Promise<Record<string, string>> {
  if (utente === undefined) {
    return {};
  }
  return { Authorization: `Bearer ${await token(utente)}` };
}

export interface OperatoreDiProva {
  utente: string;
  /** The session's cookie header. */
  cookie: string;
  /** The headers of a state-changing call from the console: the session, the server's own Origin, JSON. */
  intestazioni(extra?: Record<string, string>): Record<string, string>;
}

let operatori = 0;

/**
 * An operator (or administrator) created in the server's database and logged in over HTTP, as the console does.
 */
export async function operatoreDiProva(
  s: { url: string; db: Database },
  ruolo: 'operatore' | 'amministratore' = 'operatore',
): Promise<OperatoreDiProva> {
  const utente = `${ruolo.slice(0, 3)}-${process.pid}-${(operatori += 1)}-${randomUUID().slice(0, 8)}`;
  const password = `password-di-prova-${utente}`;
  await aggiungiOperatore(s.db, { utente, nome: `Operatore ${utente}`, password, ruolo }, undefined);
  const res = await fetch(`${s.url}/api/sportello/accesso`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: s.url },
    body: JSON.stringify({ utente, password }),
  });
  if (res.status !== 204) {
    throw new Error(`login of ${utente}: ${res.status} ${await res.text()}`);
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return {
    utente,
    cookie,
    intestazioni: (extra = {}) => ({ Cookie: cookie, Origin: s.url, 'Content-Type': 'application/json', ...extra }),
  };
}

/** How many rows a table holds. */
export async function quante(db: Database, tabella: 'richieste' | 'messaggi' | 'allegati' | 'posta'): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tabella}`);
  return r.n;
}

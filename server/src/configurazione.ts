// The server's settings, read from the environment in one place and checked before anything starts: a missing or
// unusable one stops the start with one line naming it. The README's table "Configuration" lists the same variables.
import { resolve } from 'node:path';
import { MINIMO_PREDEFINITO } from './servizi/statistiche.js';
import { segretoPostaDa, type ConfigurazionePosta } from './servizi/posta.js';
import { MESI_PREDEFINITI } from './servizi/conservazione.js';

export interface Configurazione {
  /** PORT: the HTTP port. */
  porta: number;
  /** HOST: the address it listens on. */
  host: string;
  /** ASSISTENZA_DATABASE_URL: a PostgreSQL server; without it, the embedded database in `dati`. */
  databaseUrl: string | undefined;
  /** ASSISTENZA_DATI: the embedded database's folder (absolute). */
  dati: string;
  /** ASSISTENZA_JWT_SEGRETO: the HS256 secret the portal signs its users' tokens with. */
  jwtSegreto: string;
  /** ASSISTENZA_ORIGINI: the origins (scheme://host[:port]) whose pages may call the server across origins. */
  origini: string[];
  /** ASSISTENZA_LOG: the log level. */
  livelloLog: LivelloLog;
  /** ASSISTENZA_HTTPS=1: the server is reached over HTTPS (a proxy terminates TLS): the session cookie is Secure. */
  https: boolean;
  /** ASSISTENZA_PROXY: the proxies whose X-Forwarded-For is believed (the client's address for the login lock). */
  proxy: string[];
  /** ASSISTENZA_ADMIN_UTENTE and ASSISTENZA_ADMIN_PASSWORD: the first administrator, on a start with no operator. */
  admin: { utente: string; password: string } | undefined;
  /** ASSISTENZA_STATISTICHE_MINIMO: the fewest requests in the window the response times are published from. */
  statisticheMinimo: number;
  /** ASSISTENZA_SMTP_URL, ASSISTENZA_MITTENTE, ASSISTENZA_DOMINIO_POSTA, ASSISTENZA_SEGRETO_POSTA: the mail. */
  posta: ConfigurazionePosta;
  /** ASSISTENZA_SMTP_IN_PORTA: the port where the server receives replies by mail; undefined: it receives none. */
  portaSmtpIn: number | undefined;
  /** ASSISTENZA_CONSERVAZIONE_MESI: months a solved or closed request is kept; 0: deleted at the next purge. */
  conservazioneMesi: number;
}

export const LIVELLI_LOG = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LivelloLog = (typeof LIVELLI_LOG)[number];

/** The shortest JWT secret accepted: 32 characters, the 256 bits RFC 7518 asks of an HS256 key. */
export const MIN_SEGRETO = 32;

/** A setting that cannot be used: the message names the variable and says what is wrong. */
export class ErroreConfigurazione extends Error {
  constructor(
    readonly variabile: string,
    motivo: string,
  ) {
    super(`${variabile}: ${motivo}`);
    this.name = 'ErroreConfigurazione';
  }
}

type Ambiente = Record<string, string | undefined>;

/** The value of a variable, or undefined when it is unset or empty. */
function valore(env: Ambiente, nome: string): string | undefined {
  const v = env[nome]?.trim();
  if (v === undefined || v === '') {
    return undefined;
  }
  return v;
}

/** A TCP port from 0 to 65535 in `nome`, or undefined when unset. */
function portaTcp(env: Ambiente, nome: string): number | undefined {
  const v = valore(env, nome);
  if (v === undefined) {
    return undefined;
  }
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) {
    throw new ErroreConfigurazione(nome, `«${v}» non è una porta TCP (un numero da 0 a 65535).`);
  }
  return n;
}

function porta(env: Ambiente): number {
  return portaTcp(env, 'PORT') ?? 8787;
}

function databaseUrl(env: Ambiente): string | undefined {
  const v = valore(env, 'ASSISTENZA_DATABASE_URL');
  if (v === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ErroreConfigurazione(
      'ASSISTENZA_DATABASE_URL',
      'non è un URL (postgres://utente:password@host:5432/database).',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ErroreConfigurazione(
      'ASSISTENZA_DATABASE_URL',
      `lo schema «${url.protocol}» non è di PostgreSQL: usa postgres://utente:password@host:5432/database.`,
    );
  }
  return v;
}

function segreto(env: Ambiente): string {
  const v = valore(env, 'ASSISTENZA_JWT_SEGRETO');
  if (v === undefined) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_JWT_SEGRETO',
      'manca: è il segreto HS256 con cui il portale firma i token dei suoi utenti (almeno 32 caratteri).',
    );
  }
  if (v.length < MIN_SEGRETO) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_JWT_SEGRETO',
      `è lungo ${v.length} caratteri: ne servono almeno ${MIN_SEGRETO} (256 bit per HS256).`,
    );
  }
  return v;
}

function origini(env: Ambiente): string[] {
  const v = valore(env, 'ASSISTENZA_ORIGINI');
  if (v === undefined) {
    return [];
  }
  return v
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new ErroreConfigurazione('ASSISTENZA_ORIGINI', `«${o}» non è un'origine (https://portale.esempio.it).`);
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== o.replace(/\/$/, '')) {
        throw new ErroreConfigurazione(
          'ASSISTENZA_ORIGINI',
          `«${o}» non è un'origine: solo schema, host e porta, come https://portale.esempio.it.`,
        );
      }
      return url.origin;
    });
}

function livelloLog(env: Ambiente): LivelloLog {
  const v = valore(env, 'ASSISTENZA_LOG');
  if (v === undefined) {
    return 'info';
  }
  if (!(LIVELLI_LOG as readonly string[]).includes(v)) {
    throw new ErroreConfigurazione('ASSISTENZA_LOG', `«${v}» non è un livello: usa uno tra ${LIVELLI_LOG.join(', ')}.`);
  }
  return v as LivelloLog;
}

function https(env: Ambiente): boolean {
  const v = valore(env, 'ASSISTENZA_HTTPS');
  if (v === undefined || v === '0') {
    return false;
  }
  if (v === '1') {
    return true;
  }
  throw new ErroreConfigurazione('ASSISTENZA_HTTPS', `«${v}» non è né 1 (dietro HTTPS) né 0.`);
}

// An IPv4 or IPv6 address, with an optional /prefix: what Fastify's trustProxy takes.
const indirizzoIp = /^(?:[\d.]+|[\da-f:]+)(?:\/\d{1,3})?$/i;

function proxy(env: Ambiente): string[] {
  const v = valore(env, 'ASSISTENZA_PROXY');
  if (v === undefined) {
    return [];
  }
  const indirizzi = v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  for (const i of indirizzi) {
    if (!indirizzoIp.test(i)) {
      throw new ErroreConfigurazione('ASSISTENZA_PROXY', `«${i}» non è un indirizzo IP o una rete (10.0.0.0/8).`);
    }
  }
  return indirizzi;
}

/** The shortest password of the first administrator, as of every operator. */
export const MIN_PASSWORD_ADMIN = 12;

function admin(env: Ambiente): Configurazione['admin'] {
  const utente = valore(env, 'ASSISTENZA_ADMIN_UTENTE');
  const password = env.ASSISTENZA_ADMIN_PASSWORD;
  if (utente === undefined && (password === undefined || password === '')) {
    return undefined;
  }
  if (utente === undefined) {
    throw new ErroreConfigurazione('ASSISTENZA_ADMIN_UTENTE', 'manca: va data insieme ad ASSISTENZA_ADMIN_PASSWORD.');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(utente)) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_ADMIN_UTENTE',
      `«${utente}» non è un nome utente: lettere, cifre, punto, trattino e trattino basso, al massimo 64.`,
    );
  }
  if (password === undefined || password.length < MIN_PASSWORD_ADMIN) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_ADMIN_PASSWORD',
      `manca o è più corta di ${MIN_PASSWORD_ADMIN} caratteri: è la password del primo amministratore.`,
    );
  }
  return { utente, password };
}

/** The largest minimum accepted: a million requests in 90 days is more than any help desk's sample needs. */
export const MAX_STATISTICHE_MINIMO = 1_000_000;

function statisticheMinimo(env: Ambiente): number {
  const v = valore(env, 'ASSISTENZA_STATISTICHE_MINIMO');
  if (v === undefined) {
    return MINIMO_PREDEFINITO;
  }
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > MAX_STATISTICHE_MINIMO) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_STATISTICHE_MINIMO',
      `«${v}» non è un numero di richieste: usa un intero da 1 a ${MAX_STATISTICHE_MINIMO}.`,
    );
  }
  return n;
}

/** The longest retention accepted, in months: a hundred years. */
export const MAX_CONSERVAZIONE_MESI = 1200;

function conservazioneMesi(env: Ambiente): number {
  const v = valore(env, 'ASSISTENZA_CONSERVAZIONE_MESI');
  if (v === undefined) {
    return MESI_PREDEFINITI;
  }
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > MAX_CONSERVAZIONE_MESI) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_CONSERVAZIONE_MESI',
      `«${v}» non è un numero di mesi: usa un intero da 0 (alla prossima pulizia) a ${MAX_CONSERVAZIONE_MESI}.`,
    );
  }
  return n;
}

function smtpUrl(env: Ambiente): string | undefined {
  const v = valore(env, 'ASSISTENZA_SMTP_URL');
  if (v === undefined) {
    return undefined;
  }
  const esempio = 'smtp://utente:password@host:587, o smtps://… per TLS implicito';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ErroreConfigurazione('ASSISTENZA_SMTP_URL', `non è un URL (${esempio}).`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ErroreConfigurazione(
      'ASSISTENZA_SMTP_URL',
      `lo schema «${url.protocol}» non è di un server SMTP: usa ${esempio}.`,
    );
  }
  if (url.hostname === '') {
    throw new ErroreConfigurazione('ASSISTENZA_SMTP_URL', `manca l’host del server SMTP (${esempio}).`);
  }
  return v;
}

// A domain name: labels of letters, digits and hyphens, dot-separated.
const nomeDominio = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
// An address in a From: `"Nome" <indirizzo>`, `Nome <indirizzo>` or the address alone.
const mittenteConNome = /^(?:"(?:[^"\\\r\n]|\\.)*"|[^"<>\r\n]*)\s*<([^<>\s@]+)@([^<>\s@]+)>$/;
const soloIndirizzo = /^([^<>\s@",]+)@([^<>\s@",]+)$/;

/** The sender's domain, or undefined when it is not a sender at all. */
function dominioDelMittente(v: string): string | undefined {
  const m = mittenteConNome.exec(v) ?? soloIndirizzo.exec(v);
  if (m === null || !nomeDominio.test(m[2])) {
    return undefined;
  }
  return m[2].toLowerCase();
}

function mittente(env: Ambiente, smtp: string | undefined): { mittente: string; dominio: string } | undefined {
  const v = valore(env, 'ASSISTENZA_MITTENTE');
  const esempio = '"Assistenza GeoTecSUE" <assistenza@esempio.it>';
  if (v === undefined) {
    if (smtp !== undefined) {
      throw new ErroreConfigurazione(
        'ASSISTENZA_MITTENTE',
        `manca: con ASSISTENZA_SMTP_URL serve l’indirizzo da cui parte la posta, come ${esempio}.`,
      );
    }
    return undefined;
  }
  const dominio = dominioDelMittente(v);
  if (dominio === undefined) {
    throw new ErroreConfigurazione('ASSISTENZA_MITTENTE', `«${v}» non è un mittente: scrivilo come ${esempio}.`);
  }
  return { mittente: v, dominio };
}

function dominioPosta(env: Ambiente, dalMittente: string | undefined, ricevePosta: boolean): string {
  const v = valore(env, 'ASSISTENZA_DOMINIO_POSTA');
  if (v === undefined) {
    if (dalMittente === undefined && ricevePosta) {
      throw new ErroreConfigurazione(
        'ASSISTENZA_DOMINIO_POSTA',
        'manca: con ASSISTENZA_SMTP_IN_PORTA serve il dominio degli indirizzi di risposta (o ASSISTENZA_MITTENTE).',
      );
    }
    return dalMittente ?? 'localhost';
  }
  if (!nomeDominio.test(v)) {
    throw new ErroreConfigurazione('ASSISTENZA_DOMINIO_POSTA', `«${v}» non è un nome di dominio (esempio.it).`);
  }
  return v.toLowerCase();
}

function segretoPosta(env: Ambiente, jwtSegreto: string): string {
  const v = valore(env, 'ASSISTENZA_SEGRETO_POSTA');
  if (v === undefined) {
    return segretoPostaDa(jwtSegreto);
  }
  if (v.length < MIN_SEGRETO) {
    throw new ErroreConfigurazione(
      'ASSISTENZA_SEGRETO_POSTA',
      `è lungo ${v.length} caratteri: ne servono almeno ${MIN_SEGRETO}.`,
    );
  }
  return v;
}

function posta(env: Ambiente, jwtSegreto: string, portaSmtpIn: number | undefined): ConfigurazionePosta {
  const smtp = smtpUrl(env);
  const m = mittente(env, smtp);
  const dominio = dominioPosta(env, m?.dominio, portaSmtpIn !== undefined);
  return {
    smtpUrl: smtp,
    mittente: m?.mittente ?? `"Assistenza GeoTecSUE" <assistenza@${dominio}>`,
    dominio,
    segreto: segretoPosta(env, jwtSegreto),
  };
}

/** Reads and checks every setting; throws ErroreConfigurazione for the first that cannot be used. */
export function leggiConfigurazione(env: Ambiente, cartellaDiAvvio = process.cwd()): Configurazione {
  const c = {
    porta: porta(env),
    host: valore(env, 'HOST') ?? '127.0.0.1',
    databaseUrl: databaseUrl(env),
    dati: resolve(cartellaDiAvvio, valore(env, 'ASSISTENZA_DATI') ?? '.dati'),
    jwtSegreto: segreto(env),
    origini: origini(env),
    livelloLog: livelloLog(env),
    https: https(env),
    proxy: proxy(env),
    admin: admin(env),
    statisticheMinimo: statisticheMinimo(env),
    portaSmtpIn: portaTcp(env, 'ASSISTENZA_SMTP_IN_PORTA'),
    conservazioneMesi: conservazioneMesi(env),
  };
  return { ...c, posta: posta(env, c.jwtSegreto, c.portaSmtpIn) };
}

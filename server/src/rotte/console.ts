// The help desk's console at /sportello/: the files `npm run build` writes to server/dist/sportello/, and nothing else.
// They are read once at start, so a build made while the server runs never mixes with the pages it serves; each goes
// with its type, nosniff and a strict Content-Security-Policy. Without the build, /sportello/ says how to make it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { altriMetodi, corrisponde } from './comuni.js';

export const BASE_CONSOLE = '/sportello';

/**
 * The widget's policy (it works under it) with the rest closed: the page's own scripts, styles, images and calls only,
 * no plugin, no <base>, forms only to itself, never framed, and Lit's one Trusted Types policy.
 */
export const CSP_CONSOLE = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The types of what Vite writes; any other file in the folder is not served. */
const TIPI: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Vite's hashed files: a new build gives them new names, so a browser may keep them for good. */
const CARTELLA_IMMUTABILE = 'assets/';
const PER_SEMPRE = 'public, max-age=31536000, immutable';
/** The page and the other unhashed files: kept, but checked again (ETag) at every use. */
const DA_RIVALIDARE = 'no-cache';

const NON_COSTRUITA =
  'La console dello sportello non è stata costruita: esegui «npm run build» nella radice del repository (crea ' +
  'server/dist/sportello/), poi riavvia il server.\n';
const NON_TROVATO = 'Questa pagina della console dello sportello non esiste.\n';

interface FileConsole {
  contenuto: Buffer;
  tipo: string;
  etag: string;
  cache: string;
}

/** Every servable file under `cartella`, by its path below it ('' is index.html); undefined without index.html. */
export function leggiConsole(cartella: string): Map<string, FileConsole> | undefined {
  const indice = join(cartella, 'index.html');
  try {
    if (!statSync(indice).isFile()) {
      return undefined;
    }
  } catch {
    return undefined;
  }
  const file = new Map<string, FileConsole>();
  for (const voce of readdirSync(cartella, { recursive: true, withFileTypes: true })) {
    const tipo = TIPI[extname(voce.name)];
    if (!voce.isFile() || tipo === undefined) {
      continue;
    }
    const percorso = relative(cartella, join(voce.parentPath, voce.name)).split(sep).join('/');
    const contenuto = readFileSync(join(voce.parentPath, voce.name));
    file.set(percorso, {
      contenuto,
      tipo,
      etag: `"${createHash('sha256').update(contenuto).digest('base64url')}"`,
      cache: percorso.startsWith(CARTELLA_IMMUTABILE) ? PER_SEMPRE : DA_RIVALIDARE,
    });
  }
  const pagina = file.get('index.html');
  if (pagina !== undefined) {
    file.set('', pagina);
  }
  return file;
}

export interface OpzioniConsole {
  /** The built console's folder (server/dist/sportello/); undefined when this server has none. */
  cartella: string | undefined;
}

/** A plain-text answer a person reads in the browser. */
function testo(reply: FastifyReply, statoHttp: number, messaggio: string): FastifyReply {
  return reply
    .code(statoHttp)
    .headers({
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    })
    .send(messaggio);
}

export function rotteConsole(app: FastifyInstance, o: OpzioniConsole): void {
  const file = o.cartella === undefined ? undefined : leggiConsole(o.cartella);

  // The page's relative addresses (assets/…) need the slash.
  app.get(BASE_CONSOLE, async (req, reply) => {
    const query = req.url.slice(BASE_CONSOLE.length);
    return reply.redirect(`${BASE_CONSOLE}/${query}`, 301);
  });
  altriMetodi(app, BASE_CONSOLE, ['GET']);

  app.get<{ Params: { '*': string } }>(
    `${BASE_CONSOLE}/*`,
    async (req: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      if (file === undefined) {
        return testo(reply, 404, NON_COSTRUITA);
      }
      const f = file.get(req.params['*']);
      if (f === undefined) {
        return testo(reply, 404, NON_TROVATO);
      }
      reply.headers({
        'Cache-Control': f.cache,
        ETag: f.etag,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': CSP_CONSOLE,
        'Referrer-Policy': 'same-origin',
      });
      if (corrisponde(req, f.etag)) {
        return reply.code(304).send();
      }
      return reply.code(200).type(f.tipo).send(f.contenuto);
    },
  );
  altriMetodi(app, `${BASE_CONSOLE}/*`, ['GET']);
}

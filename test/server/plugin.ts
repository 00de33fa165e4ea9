// The test runner's real HTTP endpoint: /prova/<bucket>/… , one isolated store, session, fault list and log per bucket,
// so tests (and browsers running at once) never see each other's requests. Each bucket serves the demo's own
// reference endpoint (…/richieste) and help desk routes (…/sportello), plus the controls below.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { creaEndpoint } from '../../demo/server/endpoint.js';
import { conGuasti, controllaGuasti, type Guasto, type VoceRegistro } from '../../demo/server/guasti.js';
import { creaSportello } from '../../demo/server/sportello.js';
import { ArchivioInMemoria } from '../../demo/server/archivio.js';
import { PostaInMemoria } from '../../demo/server/posta.js';
import { cookie, leggiCorpo, rispondiErrore, rispondiJson, type GestoreHttp } from '../../demo/server/http.js';
import { gestisciPagineBundle } from './pagine-bundle.js';

/** A bucket's session cookie; its path is the bucket's, so no other bucket (or test) ever receives it. */
export const COOKIE_PROVA = 'assistenza-prova-sessione';

// A user id a test may log in as: the demo's ids and any like them.
const utenteAmmesso = /^[a-z][\w.-]{0,63}$/i;

interface DatiSecchio {
  archivio: ArchivioInMemoria;
  posta: PostaInMemoria;
  guasti: Guasto[];
  registro: VoceRegistro[];
  /** Session tokens (the cookie's value) and their user, as a real session store keeps them. */
  sessioni: Map<string, string>;
  perPagina: number;
  endpoint: GestoreHttp;
  sportello: GestoreHttp;
}

const secchi = new Map<string, DatiSecchio>();

function nuovoSecchio(id: string): DatiSecchio {
  const s: DatiSecchio = {
    archivio: new ArchivioInMemoria(),
    posta: new PostaInMemoria(),
    guasti: [],
    registro: [],
    sessioni: new Map(),
    perPagina: 20,
    endpoint: async () => false,
    sportello: async () => false,
  };
  collega(id, s);
  return s;
}

/** (Re)builds a bucket's handlers over its store: at creation and when a test changes perPagina. */
function collega(id: string, s: DatiSecchio): void {
  const base = `/prova/${id}`;
  const utenteDi = (req: IncomingMessage) => s.sessioni.get(cookie(req, COOKIE_PROVA) ?? '');
  const endpoint = creaEndpoint({ base: `${base}/richieste`, archivio: s.archivio, utenteDi, perPagina: s.perPagina });
  s.endpoint = conGuasti(endpoint, { guasti: s.guasti, registro: s.registro });
  s.sportello = creaSportello({ base: `${base}/sportello`, archivio: s.archivio, posta: s.posta });
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
async function sessione(req: IncomingMessage, res: ServerResponse, id: string, s: DatiSecchio): Promise<void> {
  const { utente } = ((await corpoJson(req)) ?? {}) as { utente?: unknown };
  const percorso = `Path=/prova/${id}; HttpOnly; SameSite=Strict`;
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

/** POST …/opzioni { perPagina }: the bucket's endpoint options. */
async function opzioni(req: IncomingMessage, res: ServerResponse, id: string, s: DatiSecchio): Promise<void> {
  const { perPagina } = ((await corpoJson(req)) ?? {}) as { perPagina?: unknown };
  if (!Number.isInteger(perPagina) || (perPagina as number) < 1) {
    return rispondiErrore(res, 400, 'Opzioni: "perPagina" è un numero intero positivo.');
  }
  s.perPagina = perPagina as number;
  collega(id, s);
  rispondiJson(res, 200, { perPagina });
}

async function guasti(req: IncomingMessage, res: ServerResponse, s: DatiSecchio): Promise<void> {
  const g = (await corpoJson(req)) ?? [];
  const errore = controllaGuasti(g);
  if (errore) {
    return rispondiErrore(res, 400, errore);
  }
  // The same array: the bucket's endpoint holds it.
  s.guasti.splice(0, s.guasti.length, ...(g as Guasto[]));
  rispondiJson(res, 200, { ok: true });
}

const CONTROLLI = /^\/prova\/([\w-]+)\/(guasti|registro|sessione|opzioni)(?:\?.*)?$/;
const SECCHIO = /^\/prova\/([\w-]+)\//;

/** Node middleware: answers /prova/… and returns true, or returns false for anything else. */
export async function gestisciProva(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (await gestisciPagineBundle(req, res)) {
    return true;
  }
  const m = SECCHIO.exec(req.url ?? '');
  if (!m) {
    return false;
  }
  const s = secchio(m[1]);
  if (await s.endpoint(req, res)) {
    return true;
  }
  if (await s.sportello(req, res)) {
    return true;
  }
  const c = CONTROLLI.exec(req.url ?? '');
  const controllo = c?.[2];
  const metodo = req.method ?? 'GET';
  try {
    if (controllo === 'guasti' && metodo === 'POST') {
      await guasti(req, res, s);
    } else if (controllo === 'sessione' && metodo === 'POST') {
      await sessione(req, res, m[1], s);
    } else if (controllo === 'opzioni' && metodo === 'POST') {
      await opzioni(req, res, m[1], s);
    } else if (controllo === 'registro' && metodo === 'GET') {
      rispondiJson(res, 200, {
        ricevute: s.archivio.leggi().richieste,
        allegati: s.archivio.leggi().allegati,
        tentativi: s.registro,
        posta: s.posta.elenco(),
      });
    } else if (controllo === undefined) {
      rispondiErrore(res, 404, 'Risorsa non trovata.');
    } else {
      rispondiErrore(res, 405, 'Metodo non ammesso.');
    }
  } catch {
    rispondiErrore(res, 400, 'Corpo JSON non valido.');
  }
  return true;
}

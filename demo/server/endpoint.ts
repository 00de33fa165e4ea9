// The widget's endpoint as a backend must do it, routed under a base path (/api/richieste in the demo,
// /prova/<bucket>/richieste in the tests): POST a request, GET the session user's own requests with their threads, POST
// the user's reply, PUT an attachment. Validation with the browser's own schemas, dedupe by Idempotency-Key, scoping by
// the session's user, nothing stored half-way. Plain Node http handlers: the demo and the tests serve this same code;
// faults are injected around it (guasti.ts), never inside.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { core } from 'zod/mini';
import { richiestaSchema, type Richiesta } from '../../src/richiesta.js';
import { rispostaSchema } from '../../src/risposta.js';
import type { RichiestaUtente } from '../../src/elenco.js';
import type { AllegatoCaricato, ArchivioRichieste, Ricevuta, StatoRichiesta } from './archivio.js';
import {
  dichiaraJson,
  leggiCorpo,
  percorsoDi,
  rispondiErrore,
  rispondiJson,
  type GestoreHttp,
  type LetturaCorpo,
} from './http.js';
import { firmaCorrisponde, nomeDaContentDisposition, nomeDelTipo, tipoAmmesso, tipoDi } from './allegati.js';

export interface OpzioniEndpoint {
  /** The path the endpoint answers under, without a trailing slash: '/api/richieste'. */
  base: string;
  archivio: ArchivioRichieste;
  /**
   * The id of the session's user, or undefined when the request carries no valid session. A real backend asks its
   * own session store; the demo reads a cookie naming a demo user, the tests a cookie per bucket.
   */
  utenteDi(req: IncomingMessage): string | undefined;
  /** How many requests a page of the list holds (default 20). */
  perPagina?: number;
  /** Largest JSON body accepted, in bytes (default 64 KiB: a full request is under 20 KiB). */
  maxByte?: number;
  /** Largest attachment accepted, in bytes (default 10 MB, 10 × 1024 × 1024). */
  maxByteAllegato?: number;
}

/** The endpoint's routes, by the names the fault wrapper filters on. */
export type NomeRotta = 'richieste' | 'elenco' | 'messaggi' | 'allegati' | 'altro';

/** Which route a request takes: its name, the id in its path, and the body limit that applies. */
export interface Rotta {
  nome: NomeRotta;
  id?: string;
  maxByte: number;
}

export interface Endpoint {
  base: string;
  /** The route of a request under the base, or undefined when the path is not the endpoint's. */
  rottaDi(req: IncomingMessage): Rotta | undefined;
  gestisci: GestoreHttp;
}

const uuid4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/i;
const uuidValido = (s: string) => uuid4.test(s);

const STATI_RIAPERTI: StatoRichiesta[] = ['risolta', 'attesa-utente'];

/** A reply from the user puts back in the help desk's hands a request that waited for them or was solved. */
export function statoDopoRispostaUtente(stato: StatoRichiesta): StatoRichiesta {
  if (STATI_RIAPERTI.includes(stato)) {
    return 'in-lavorazione';
  }
  return stato;
}

const TIPI: Record<string, string> = {
  string: 'un testo',
  boolean: 'vero o falso',
  object: 'un oggetto',
  number: 'un numero',
  array: 'un elenco',
};

/** Italian for what the schemas themselves do not word: a missing field, a wrong type, unknown fields. */
export function erroreItaliano(i: core.$ZodRawIssue): string | undefined {
  const campo = i.path?.length ? `«${i.path.join('.')}»` : '';
  if (i.code === 'unrecognized_keys') {
    const dove = campo ? ` in ${campo}` : '';
    return `Campi non previsti${dove}: ${i.keys.join(', ')}.`;
  }
  if (i.code === 'invalid_type') {
    if (!campo) {
      return 'Il corpo della richiesta deve essere un oggetto JSON.';
    }
    if (i.input === undefined) {
      return `Manca il campo obbligatorio ${campo}.`;
    }
    return `Il campo ${campo} deve essere ${TIPI[i.expected] ?? i.expected}.`;
  }
  if (campo) {
    return `Valore non valido nel campo ${campo}.`;
  }
  return undefined;
}

export interface ErroreCampo {
  campo: string;
  messaggio: string;
}

/** One message per field, the first: a value can fail several checks that all say the same thing. */
export function erroriPerCampo(issues: readonly core.$ZodIssue[]): ErroreCampo[] {
  const perCampo = new Map<string, string>();
  for (const i of issues) {
    const campo = i.path.join('.');
    if (!perCampo.has(campo)) {
      perCampo.set(campo, i.message);
    }
  }
  return [...perCampo].map(([campo, messaggio]) => ({ campo, messaggio }));
}

/** The 422 of a body the schema refused: every field's message, and the list. */
export function rispondiNonValido(res: ServerResponse, errori: ErroreCampo[]): void {
  rispondiJson(res, 422, { messaggio: errori.map((e) => e.messaggio).join(' '), errori });
}

/** A JSON body read and parsed, or the answer already sent when it could not be. */
type CorpoJson = { esito: 'ok'; dati: Record<string, unknown> } | { esito: 'risposto' };

/** Reads a JSON object body: 413, 415 or 400 (answered here) when it is too large, not JSON or not an object. */
export async function leggiJson(req: IncomingMessage, res: ServerResponse, max: number): Promise<CorpoJson> {
  const lettura = await leggiCorpo(req, max);
  if (lettura.esito !== 'letto') {
    rispondiNonRicevuto(req, res, lettura, max);
    return { esito: 'risposto' };
  }
  if (!dichiaraJson(req)) {
    rispondiErrore(res, 415, 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).');
    return { esito: 'risposto' };
  }
  let dati: unknown;
  try {
    dati = JSON.parse(lettura.byte.toString('utf8'));
  } catch {
    rispondiErrore(res, 400, 'Il corpo della richiesta non è un JSON valido.');
    return { esito: 'risposto' };
  }
  if (dati === null || typeof dati !== 'object' || Array.isArray(dati)) {
    rispondiErrore(res, 400, 'Il corpo della richiesta deve essere un oggetto JSON.');
    return { esito: 'risposto' };
  }
  return { esito: 'ok', dati: dati as Record<string, unknown> };
}

/** A body that did not arrive whole: 413 when too large; when the client went away, the connection is closed. */
function rispondiNonRicevuto(
  req: IncomingMessage,
  res: ServerResponse,
  lettura: Exclude<LetturaCorpo, { esito: 'letto' }>,
  max: number,
): void {
  if (lettura.esito === 'interrotta') {
    req.socket.destroy();
    return;
  }
  rispondiErrore(res, 413, `La richiesta è troppo grande: al massimo ${Math.floor(max / 1024)} KiB.`, {
    Connection: 'close',
  });
}

const chiaveDi = (req: IncomingMessage): string | undefined => {
  const k = req.headers['idempotency-key'];
  if (typeof k === 'string' && k !== '') {
    return k;
  }
  return undefined;
};

/** A request as its user's list shows it: the request, its state and thread, no contacts, no other user's data. */
function perUtente(r: Ricevuta, allegati: AllegatoCaricato[]): RichiestaUtente {
  const q = r.richiesta;
  const voce: RichiestaUtente = {
    id: q.id,
    numero: r.numero,
    stato: r.stato,
    creataIl: q.creataIl,
    aggiornataIl: r.aggiornataIl,
    descrizione: q.descrizione,
    rispostaViaEmail: q.rispostaViaEmail,
    messaggi: r.messaggi.map((m) => ({ id: m.id, autore: m.autore, testo: m.testo, inviatoIl: m.inviatoIl })),
  };
  if (haPratica(q)) {
    voce.pratica = q.pratica;
  }
  const suoi = allegatiDi(q, allegati);
  if (suoi.length > 0) {
    voce.allegati = suoi.map((a) => ({ id: a.id, nome: a.nome, tipo: a.tipo, dimensione: a.dimensione }));
  }
  return voce;
}

const haPratica = (q: Richiesta): boolean =>
  q.pratica !== undefined && (q.pratica.tipologia !== undefined || q.pratica.numero !== undefined);

/** The stored attachments a request names, in its order. */
export function allegatiDi(q: Richiesta, allegati: AllegatoCaricato[]): AllegatoCaricato[] {
  const nomi = q.allegati ?? [];
  return nomi.map((n) => allegati.find((a) => a.id === n.id)).filter((a): a is AllegatoCaricato => a !== undefined);
}

/** Newest first: the numero grows with every request received. */
const dallaPiuRecente = (a: Ricevuta, b: Ricevuta) => b.numero - a.numero;

/** A strong ETag of a body: its SHA-256. */
const etagDi = (corpo: string) => `"${createHash('sha256').update(corpo).digest('base64url')}"`;

/** If-None-Match holds this ETag (or is *). Weak comparison, as RFC 9110 asks for this header. */
function corrisponde(req: IncomingMessage, etag: string): boolean {
  const intestazione = req.headers['if-none-match'];
  if (intestazione === undefined) {
    return false;
  }
  const valori = intestazione.split(',').map((v) => v.trim().replace(/^W\//, ''));
  return valori.includes('*') || valori.includes(etag);
}

/** Builds the endpoint over a store and a way to tell the session's user. */
export function creaEndpoint(o: OpzioniEndpoint): Endpoint {
  const { base, archivio } = o;
  const perPagina = o.perPagina ?? 20;
  const maxByte = o.maxByte ?? 64 * 1024;
  const maxByteAllegato = o.maxByteAllegato ?? 10 * 1024 * 1024;

  function rottaDi(req: IncomingMessage): Rotta | undefined {
    const percorso = percorsoDi(req);
    if (percorso !== base && !percorso.startsWith(`${base}/`)) {
      return undefined;
    }
    const resto = percorso.slice(base.length);
    const metodo = req.method ?? 'GET';
    if (resto === '' && metodo === 'POST') {
      return { nome: 'richieste', maxByte };
    }
    if (resto === '' && metodo === 'GET') {
      return { nome: 'elenco', maxByte };
    }
    const allegato = /^\/allegati\/([^/]+)$/.exec(resto);
    if (allegato && metodo === 'PUT') {
      return { nome: 'allegati', id: allegato[1], maxByte: maxByteAllegato };
    }
    const messaggi = /^\/([^/]+)\/messaggi$/.exec(resto);
    if (messaggi && metodo === 'POST') {
      return { nome: 'messaggi', id: messaggi[1], maxByte };
    }
    return { nome: 'altro', maxByte };
  }

  /** 405 with the methods a known path takes, 404 for any other path under the base. */
  function altro(req: IncomingMessage, res: ServerResponse): void {
    const resto = percorsoDi(req).slice(base.length);
    const ammessi = metodiDi(resto);
    if (ammessi) {
      rispondiErrore(res, 405, 'Metodo non ammesso.', { Allow: ammessi });
      return;
    }
    rispondiErrore(res, 404, 'Risorsa non trovata.');
  }

  // POST <base>: a new request. From the dedupe check to the store nothing awaits, so two attempts with one key can
  // never both get past it.
  async function nuovaRichiesta(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const corpo = await leggiJson(req, res, maxByte);
    if (corpo.esito === 'risposto') {
      return;
    }
    const chiave = chiaveDi(req);
    if (chiave === undefined) {
      return rispondiErrore(res, 400, 'Manca l’intestazione Idempotency-Key.');
    }
    // A key seen before gets the same answer, before validating again: the client retried because it never heard the
    // first one, and sends the same body.
    const gia = archivio.leggi().richieste.find((r) => r.chiave === chiave);
    if (gia) {
      return rispondiJson(res, 201, { id: gia.richiesta.id, numero: gia.numero }, { 'Idempotent-Replayed': 'true' });
    }
    const r = richiestaSchema.safeParse(corpo.dati, { error: erroreItaliano });
    if (!r.success) {
      return rispondiNonValido(res, erroriPerCampo(r.error.issues));
    }
    if (r.data.id !== chiave) {
      return rispondiErrore(res, 422, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
    }
    // Without a session the request is still accepted, as an anonymous one that no user's list shows: the portal's
    // form can be used without logging in. A real backend would normally require its own session here.
    const utente = o.utenteDi(req);
    const ignoti = allegatiIgnoti(r.data, utente);
    if (ignoti.length > 0) {
      const messaggio = `Allegati non trovati tra quelli caricati: ${ignoti.join(', ')}. Caricali di nuovo.`;
      return rispondiJson(res, 422, { messaggio, errori: [{ campo: 'allegati', messaggio }], allegati: ignoti });
    }
    const numero = archivio.leggi().richieste.reduce((m, x) => Math.max(m, x.numero), 0) + 1;
    const ora = new Date().toISOString();
    const ricevuta: Ricevuta = {
      numero,
      chiave,
      richiesta: r.data,
      ricevutaIl: ora,
      stato: 'ricevuta',
      aggiornataIl: ora,
      messaggi: [],
    };
    if (utente !== undefined) {
      ricevuta.utente = utente;
    }
    try {
      archivio.modifica((d) => {
        d.richieste.push(ricevuta);
      });
    } catch {
      // Nothing was kept: a 503 makes the client's queue try again later with the same key.
      return rispondiErrore(res, 503, 'La richiesta non è stata salvata per un errore del server: verrà ritentata.', {
        'Retry-After': '30',
      });
    }
    rispondiJson(res, 201, { id: r.data.id, numero });
  }

  /**
   * The attachment ids a request may not name: not uploaded, uploaded by someone else (a user attaches only their
   * own uploads, an anonymous request only anonymous ones), or described otherwise than uploaded. One answer for all
   * three, so no one learns that someone else's file exists.
   */
  function allegatiIgnoti(q: Richiesta, utente: string | undefined): string[] {
    const caricati = archivio.leggi().allegati;
    const ignoti: string[] = [];
    for (const a of q.allegati ?? []) {
      const caricato = caricati.find((c) => c.id === a.id);
      const utilizzabile =
        caricato !== undefined &&
        caricato.utente === utente &&
        caricato.nome === a.nome &&
        caricato.tipo === a.tipo &&
        caricato.dimensione === a.dimensione;
      if (!utilizzabile && !ignoti.includes(a.id)) {
        ignoti.push(a.id);
      }
    }
    return ignoti;
  }

  // GET <base>[?prima-di=<numero>]: the session user's requests, newest first, a page at a time. The next page is the
  // requests numbered below the last one shown, named by Link rel="next": a request arriving meanwhile shifts nothing.
  function elenco(req: IncomingMessage, res: ServerResponse): void {
    const utente = o.utenteDi(req);
    if (utente === undefined) {
      return rispondiErrore(res, 401, 'Accedi al portale per vedere le tue richieste.');
    }
    const query = new URL(req.url ?? '', 'http://endpoint').searchParams;
    const primaDi = query.get('prima-di');
    if (primaDi !== null && !/^[1-9]\d{0,15}$/.test(primaDi)) {
      return rispondiErrore(res, 400, 'Il parametro prima-di deve essere un numero di richiesta.');
    }
    const limite = primaDi === null ? Infinity : Number(primaDi);
    const dati = archivio.leggi();
    const sue = dati.richieste.filter((r) => r.utente === utente && r.numero < limite).sort(dallaPiuRecente);
    const pagina = sue.slice(0, perPagina);
    const corpo = JSON.stringify({ richieste: pagina.map((r) => perUtente(r, dati.allegati)) });
    const intestazioni: Record<string, string> = { ETag: etagDi(corpo), 'Cache-Control': 'no-store' };
    const ultima = pagina.at(-1);
    if (sue.length > perPagina && ultima !== undefined) {
      intestazioni.Link = `<${base}?prima-di=${ultima.numero}>; rel="next"`;
    }
    if (corrisponde(req, intestazioni.ETag)) {
      res.writeHead(304, intestazioni);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...intestazioni });
    res.end(corpo);
  }

  // POST <base>/<id>/messaggi: the user's reply in the thread of one of their requests.
  async function risposta(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const utente = o.utenteDi(req);
    if (utente === undefined) {
      return rispondiErrore(res, 401, 'Accedi al portale per rispondere alle tue richieste.');
    }
    // Someone else's request gets the answer of one that does not exist: never reveal that it does.
    const sua = (r: Ricevuta) => r.chiave === id && r.utente === utente;
    const trovata = archivio.leggi().richieste.find(sua);
    if (trovata === undefined) {
      return rispondiErrore(res, 404, 'Richiesta non trovata.');
    }
    const corpo = await leggiJson(req, res, maxByte);
    if (corpo.esito === 'risposto') {
      return;
    }
    const chiave = chiaveDi(req);
    if (chiave === undefined) {
      return rispondiErrore(res, 400, 'Manca l’intestazione Idempotency-Key.');
    }
    const gia = archivio.leggi().risposte.find((k) => k.chiave === chiave);
    if (gia !== undefined && gia.richiesta === id && gia.utente === utente) {
      return rispondiJson(res, 201, gia.risposta, { 'Idempotent-Replayed': 'true' });
    }
    if (gia !== undefined) {
      return rispondiErrore(res, 422, 'Questa Idempotency-Key è già stata usata per un altro messaggio.');
    }
    const attuale = archivio.leggi().richieste.find(sua) ?? trovata;
    if (attuale.stato === 'chiusa') {
      return rispondiErrore(
        res,
        409,
        'La richiesta è chiusa: non si possono aggiungere messaggi. Se il problema si ripresenta, invia una nuova richiesta.',
      );
    }
    const r = rispostaSchema.safeParse(corpo.dati, { error: erroreItaliano });
    if (!r.success) {
      return rispondiNonValido(res, erroriPerCampo(r.error.issues));
    }
    if (r.data.id !== chiave) {
      return rispondiErrore(res, 422, 'L’intestazione Idempotency-Key deve essere uguale al campo id.');
    }
    const stato = statoDopoRispostaUtente(attuale.stato);
    const esito = { id: r.data.id, stato };
    try {
      archivio.modifica((d) => {
        const q = d.richieste.find(sua);
        if (q === undefined) {
          throw new Error('richiesta scomparsa');
        }
        q.messaggi.push({ id: r.data.id, autore: 'utente', testo: r.data.testo, inviatoIl: r.data.inviatoIl });
        q.stato = stato;
        q.aggiornataIl = new Date().toISOString();
        d.risposte.push({ chiave, richiesta: id, utente, risposta: esito });
      });
    } catch {
      return rispondiErrore(res, 503, 'La risposta non è stata salvata per un errore del server: verrà ritentata.', {
        'Retry-After': '30',
      });
    }
    rispondiJson(res, 201, esito);
  }

  // PUT <base>/allegati/<id>: a file's bytes, before the request that names it. The key identifies the upload: a
  // repeat gets the stored answer, even with other bytes.
  async function allegato(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const lettura = await leggiCorpo(req, maxByteAllegato);
    if (lettura.esito === 'interrotta') {
      req.socket.destroy();
      return;
    }
    const nome = nomeDaContentDisposition(req.headers['content-disposition']);
    const chiamato = nome.esito === 'ok' ? ` «${nome.nome}»` : '';
    if (lettura.esito === 'troppo-grande') {
      const mb = Math.floor(maxByteAllegato / (1024 * 1024));
      return rispondiErrore(res, 413, `Il file${chiamato} è troppo grande: al massimo ${mb} MB.`, {
        Connection: 'close',
      });
    }
    if (!uuidValido(id)) {
      return rispondiErrore(res, 400, 'L’identificativo dell’allegato nel percorso deve essere un UUID v4.');
    }
    const chiave = chiaveDi(req);
    if (chiave === undefined) {
      return rispondiErrore(res, 400, 'Manca l’intestazione Idempotency-Key.');
    }
    if (chiave !== id) {
      return rispondiErrore(
        res,
        422,
        'L’intestazione Idempotency-Key deve essere uguale all’identificativo nel percorso.',
      );
    }
    const utente = o.utenteDi(req);
    const gia = archivio.leggi().allegati.find((a) => a.id === id);
    if (gia !== undefined && gia.utente === utente) {
      return rispondiJson(res, 201, metadati(gia), { 'Idempotent-Replayed': 'true' });
    }
    if (gia !== undefined) {
      return rispondiErrore(res, 409, 'Questo identificativo di allegato è già in uso: caricalo con un altro.');
    }
    if (nome.esito === 'mancante') {
      return rispondiErrore(
        res,
        400,
        "Manca il nome del file: Content-Disposition: attachment; filename*=UTF-8''<nome>.",
      );
    }
    if (nome.esito === 'lungo') {
      return rispondiErrore(res, 422, 'Il nome del file è troppo lungo: al massimo 255 caratteri.');
    }
    const tipo = tipoDi(req.headers['content-type']);
    if (!tipoAmmesso(tipo)) {
      return rispondiErrore(res, 415, `Il file «${nome.nome}» non è di un tipo ammesso: solo PNG, JPEG o PDF.`);
    }
    const byte = lettura.byte;
    if (byte.length === 0) {
      return rispondiErrore(res, 422, `Il file «${nome.nome}» è vuoto.`);
    }
    if (!firmaCorrisponde(tipo, byte)) {
      return rispondiErrore(
        res,
        415,
        `Il file «${nome.nome}» non è un ${nomeDelTipo(tipo)}: il suo contenuto non corrisponde al tipo dichiarato.`,
      );
    }
    const caricato: AllegatoCaricato = {
      id,
      nome: nome.nome,
      tipo,
      dimensione: byte.length,
      caricatoIl: new Date().toISOString(),
    };
    if (utente !== undefined) {
      caricato.utente = utente;
    }
    // The bytes first, then the metadata that makes them count: if the second fails, the first is taken back.
    try {
      archivio.salvaContenuto(id, byte);
    } catch {
      return rispondiErrore(res, 503, `Il file «${nome.nome}» non è stato salvato per un errore del server: riprova.`, {
        'Retry-After': '30',
      });
    }
    try {
      archivio.modifica((d) => {
        d.allegati.push(caricato);
      });
    } catch {
      archivio.rimuoviContenuto(id);
      return rispondiErrore(res, 503, `Il file «${nome.nome}» non è stato salvato per un errore del server: riprova.`, {
        'Retry-After': '30',
      });
    }
    rispondiJson(res, 201, metadati(caricato));
  }

  async function gestisci(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const rotta = rottaDi(req);
    if (rotta === undefined) {
      return false;
    }
    if (rotta.nome === 'richieste') {
      await nuovaRichiesta(req, res);
    } else if (rotta.nome === 'elenco') {
      elenco(req, res);
    } else if (rotta.nome === 'messaggi') {
      await risposta(req, res, rotta.id ?? '');
    } else if (rotta.nome === 'allegati') {
      await allegato(req, res, rotta.id ?? '');
    } else {
      altro(req, res);
    }
    return true;
  }

  return { base, rottaDi, gestisci };
}

/** The methods a path under the base takes, for 405's Allow; undefined when the path is not one of the endpoint's. */
function metodiDi(resto: string): string | undefined {
  if (resto === '') {
    return 'GET, POST';
  }
  if (/^\/allegati\/[^/]+$/.test(resto)) {
    return 'PUT';
  }
  if (/^\/[^/]+\/messaggi$/.test(resto)) {
    return 'POST';
  }
  return undefined;
}

/** What the uploader is told about a stored file. */
const metadati = (a: AllegatoCaricato) => ({ id: a.id, nome: a.nome, tipo: a.tipo, dimensione: a.dimensione });

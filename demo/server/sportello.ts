// The help desk's routes (the back-office), apart from the users' endpoint: every request with its user and contacts,
// the operator's reply (also written to the mail outbox when the request asked for it), the state, the attachments.
// A real portal protects these routes with the help desk's own authentication; the demo and the tests leave them open.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { testoRispostaSchema } from '../../src/risposta.js';
import { STATI_RICHIESTA } from '../../src/elenco.js';
import type { ArchivioRichieste, Messaggio, Ricevuta, StatoRichiesta } from './archivio.js';
import type { Mail, PostaInUscita } from './posta.js';
import { allegatiDi, erroreItaliano, erroriPerCampo, leggiJson, rispondiNonValido } from './endpoint.js';
import { contentDispositionDownload } from './allegati.js';
import { percorsoDi, rispondiErrore, rispondiJson, type GestoreHttp } from './http.js';

export interface OpzioniSportello {
  /** The path the help desk's routes answer under: '/api/sportello'. */
  base: string;
  archivio: ArchivioRichieste;
  posta: PostaInUscita;
}

/** A request as the help desk's list shows it: the request as received, who sent it, its state and whole thread. */
export type RichiestaSportello = Omit<Ricevuta['richiesta'], 'allegati'> & {
  numero: number;
  stato: StatoRichiesta;
  ricevutaIl: string;
  aggiornataIl: string;
  /** The session's user who sent it; null for an anonymous request. */
  utente: string | null;
  messaggi: Messaggio[];
  /** Its attachments, each with the address of its download. */
  allegati: { id: string; nome: string; tipo: string; dimensione: number; indirizzo: string }[];
};

const statoSchema = z.enum(
  STATI_RICHIESTA,
  'Lo stato deve essere uno tra: ricevuta, in-lavorazione, attesa-utente, risolta, chiusa.',
);

/** The operator's reply: the text, and the state the request takes with it (see statoDopoRispostaAssistenza). */
export const rispostaSportelloSchema = z.strictObject({ testo: testoRispostaSchema, stato: z.optional(statoSchema) });
/** A change of state alone. */
export const cambioStatoSchema = z.strictObject({ stato: statoSchema });

/**
 * The state after the operator's reply: the one the operator chose; without a choice, a request just received is
 * now being worked on, and any other keeps its state (the operator says when it waits for the user or is solved).
 */
export function statoDopoRispostaAssistenza(
  attuale: StatoRichiesta,
  scelto: StatoRichiesta | undefined,
): StatoRichiesta {
  if (scelto !== undefined) {
    return scelto;
  }
  if (attuale === 'ricevuta') {
    return 'in-lavorazione';
  }
  return attuale;
}

/** Where the reply goes by mail: the request's email when it asked for the answer by mail, else nowhere. */
function indirizzoPerMail(r: Ricevuta): string | undefined {
  if (r.richiesta.rispostaViaEmail && r.richiesta.email !== undefined) {
    return r.richiesta.email;
  }
  return undefined;
}

function mailDi(r: Ricevuta, m: Messaggio, a: string): Mail {
  const testo = `${m.testo}\n\n--\nAssistenza tecnica GeoTecSUE. Per rispondere apri «Le mie richieste» nel portale.`;
  return {
    id: randomUUID(),
    a,
    oggetto: `Assistenza tecnica: risposta alla richiesta n. ${r.numero}`,
    testo,
    richiesta: r.richiesta.id,
    numero: r.numero,
    messaggio: m.id,
    scrittaIl: m.inviatoIl,
  };
}

/** Builds the help desk's routes over the endpoint's store and the mail outbox. */
export function creaSportello(o: OpzioniSportello): GestoreHttp {
  const { base, archivio, posta } = o;

  // GET <base>/richieste: all of them, newest first, with who sent them, their contacts and their whole thread.
  function elenco(res: ServerResponse): void {
    const dati = archivio.leggi();
    const richieste: RichiestaSportello[] = [...dati.richieste]
      .sort((a, b) => b.numero - a.numero)
      .map((r) => ({
        ...r.richiesta,
        numero: r.numero,
        stato: r.stato,
        ricevutaIl: r.ricevutaIl,
        aggiornataIl: r.aggiornataIl,
        utente: r.utente ?? null,
        messaggi: r.messaggi,
        allegati: allegatiDi(r.richiesta, dati.allegati).map((a) => ({
          id: a.id,
          nome: a.nome,
          tipo: a.tipo,
          dimensione: a.dimensione,
          indirizzo: `${base}/allegati/${a.id}`,
        })),
      }));
    rispondiJson(res, 200, { richieste });
  }

  // POST <base>/richieste/<id>/messaggi: the operator's reply. When the request asked for the answer by mail, the mail
  // is written first and taken back if the reply cannot be stored; a real backend writes both in one transaction.
  async function rispondi(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (!trovata(id)) {
      return rispondiErrore(res, 404, 'Richiesta non trovata.');
    }
    const corpo = await leggiJson(req, res, 64 * 1024);
    if (corpo.esito === 'risposto') {
      return;
    }
    const r = rispostaSportelloSchema.safeParse(corpo.dati, { error: erroreItaliano });
    if (!r.success) {
      return rispondiNonValido(res, erroriPerCampo(r.error.issues));
    }
    const attuale = trovata(id);
    if (attuale === undefined) {
      return rispondiErrore(res, 404, 'Richiesta non trovata.');
    }
    const stato = statoDopoRispostaAssistenza(attuale.stato, r.data.stato);
    const messaggio: Messaggio = {
      id: randomUUID(),
      autore: 'assistenza',
      testo: r.data.testo,
      inviatoIl: new Date().toISOString(),
    };
    const a = indirizzoPerMail(attuale);
    let mail: Mail | undefined;
    if (a !== undefined) {
      messaggio.inviataViaMailA = a;
      mail = mailDi(attuale, messaggio, a);
      try {
        posta.invia(mail);
      } catch {
        return rispondiErrore(
          res,
          503,
          'La mail non è stata scritta per un errore del server: la risposta non è stata salvata, riprova.',
          { 'Retry-After': '30' },
        );
      }
    }
    try {
      archivio.modifica((d) => {
        const q = d.richieste.find((x) => x.chiave === id);
        if (q === undefined) {
          throw new Error('richiesta scomparsa');
        }
        q.messaggi.push(messaggio);
        q.stato = stato;
        q.aggiornataIl = messaggio.inviatoIl;
      });
    } catch {
      ritira(mail);
      return rispondiErrore(res, 503, 'La risposta non è stata salvata per un errore del server: riprova.', {
        'Retry-After': '30',
      });
    }
    const esito: Record<string, string> = { id: messaggio.id, stato };
    if (a !== undefined) {
      esito.inviataViaMailA = a;
    }
    rispondiJson(res, 201, esito);
  }

  function ritira(mail: Mail | undefined): void {
    if (mail === undefined) {
      return;
    }
    try {
      posta.ritira(mail.id);
    } catch {
      // The outbox cannot be written at all: the mail it holds stays, and the operator is told to retry.
    }
  }

  // PATCH <base>/richieste/<id> { stato }: the state alone (solved, closed, waiting for the user…).
  async function cambiaStato(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (!trovata(id)) {
      return rispondiErrore(res, 404, 'Richiesta non trovata.');
    }
    const corpo = await leggiJson(req, res, 16 * 1024);
    if (corpo.esito === 'risposto') {
      return;
    }
    const r = cambioStatoSchema.safeParse(corpo.dati, { error: erroreItaliano });
    if (!r.success) {
      return rispondiNonValido(res, erroriPerCampo(r.error.issues));
    }
    try {
      archivio.modifica((d) => {
        const q = d.richieste.find((x) => x.chiave === id);
        if (q === undefined) {
          throw new Error('richiesta scomparsa');
        }
        q.stato = r.data.stato;
        q.aggiornataIl = new Date().toISOString();
      });
    } catch {
      return rispondiErrore(res, 503, 'Lo stato non è stato salvato per un errore del server: riprova.', {
        'Retry-After': '30',
      });
    }
    rispondiJson(res, 200, { id, stato: r.data.stato });
  }

  // GET <base>/allegati/<id>: the file as a download, never shown inline: its bytes came from a user.
  function scarica(res: ServerResponse, id: string): void {
    const allegato = archivio.leggi().allegati.find((a) => a.id === id);
    const byte = allegato === undefined ? undefined : archivio.contenuto(id);
    if (allegato === undefined || byte === undefined) {
      return rispondiErrore(res, 404, 'Allegato non trovato.');
    }
    res.writeHead(200, {
      'Content-Type': allegato.tipo,
      'Content-Length': String(byte.length),
      'Content-Disposition': contentDispositionDownload(allegato.nome),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      'Cache-Control': 'no-store',
    });
    res.end(byte);
  }

  const trovata = (id: string) => archivio.leggi().richieste.find((r) => r.chiave === id);

  return async (req, res) => {
    const percorso = percorsoDi(req);
    if (!percorso.startsWith(`${base}/`)) {
      return false;
    }
    const resto = percorso.slice(base.length);
    const metodo = req.method ?? 'GET';
    const messaggi = /^\/richieste\/([^/]+)\/messaggi$/.exec(resto);
    const richiesta = /^\/richieste\/([^/]+)$/.exec(resto);
    const allegato = /^\/allegati\/([^/]+)$/.exec(resto);
    if (resto === '/richieste' && metodo === 'GET') {
      elenco(res);
    } else if (messaggi && metodo === 'POST') {
      await rispondi(req, res, messaggi[1]);
    } else if (richiesta && metodo === 'PATCH') {
      await cambiaStato(req, res, richiesta[1]);
    } else if (allegato && metodo === 'GET') {
      scarica(res, allegato[1]);
    } else if (resto === '/richieste' || messaggi || richiesta || allegato) {
      rispondiErrore(res, 405, 'Metodo non ammesso.', { Allow: ammessiSu(resto) });
    } else {
      rispondiErrore(res, 404, 'Risorsa non trovata.');
    }
    return true;
  };
}

function ammessiSu(resto: string): string {
  if (resto === '/richieste' || resto.startsWith('/allegati/')) {
    return 'GET';
  }
  if (resto.endsWith('/messaggi')) {
    return 'POST';
  }
  return 'PATCH';
}

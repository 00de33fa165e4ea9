// A user's reply by mail, back into its request: the recipient must be a reply address the server signed, the sender
// the request's email, the request not closed; then its new text (no quoted history) becomes the user's message in the
// thread, as if written in "Le mie richieste", its PNG, JPEG and PDF files the request's, and the request goes back
// in-lavorazione. One Message-ID is stored once per request. The SMTP side is rotte/smtp.ts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../archivio/database.js';
import * as richieste from '../archivio/richieste.js';
import * as messaggi from '../archivio/messaggi.js';
import * as allegati from '../archivio/allegati.js';
import * as posta from '../archivio/posta.js';
import { tipoDalContenuto } from '../../../src/allegati/firma.js';
import { MAX_ALLEGATI, MAX_BYTE_ALLEGATO, type TipoAllegato } from '../../../src/richiesta.js';
import { MAX_TESTO_RISPOSTA } from '../../../src/risposta.js';
import { senzaCitazioni } from './citazioni.js';
import { improntaByte } from './impronta.js';
import { firmaValida, leggiIndirizzo, type ConfigurazionePosta } from './posta.js';
import { statoDopo, type StatoRichiesta } from './stati.js';

export type EsitoDestinatario =
  | { esito: 'valido'; richiesta: string; numero: number }
  /** Not a reply address of this server's. */
  | { esito: 'altro-destinatario' }
  /** Shaped like one, but its HMAC is not the request's (or there is no such request). */
  | { esito: 'token-non-valido' }
  | { esito: 'mittente-diverso' }
  | { esito: 'chiusa'; numero: number };

const stessoIndirizzo = (a: string | null | undefined, b: string | null | undefined) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** RCPT TO: whether a recipient, from this envelope sender, may bring a reply into its request. */
export async function controllaDestinatario(
  db: Database,
  config: ConfigurazionePosta,
  o: { destinatario: string; mittente: string | undefined },
): Promise<EsitoDestinatario> {
  const letto = leggiIndirizzo(config, o.destinatario);
  if (letto.esito === 'altro') {
    return { esito: 'altro-destinatario' };
  }
  const r = await richieste.perNumero(db, letto.numero);
  if (r === undefined || !firmaValida(config, r.id, letto.firma)) {
    return { esito: 'token-non-valido' };
  }
  if (!stessoIndirizzo(o.mittente, r.email)) {
    return { esito: 'mittente-diverso' };
  }
  if (statoDopo('risposta-utente-posta', r.stato) === null) {
    return { esito: 'chiusa', numero: r.numero };
  }
  return { esito: 'valido', richiesta: r.id, numero: r.numero };
}

/** A file of the mail. */
export interface FileMail {
  nome: string | undefined;
  byte: Buffer;
}

/** A reply by mail, as parsed. */
export interface MailRicevuta {
  /** Its Message-ID (one computed from its content when it has none). */
  messageId: string;
  /** The address in its From header. */
  da: string | undefined;
  /** Its text part (or its HTML as text), history included. */
  testo: string;
  /** Its Date header. */
  data: Date | undefined;
  /** Auto-Submitted or Precedence says a program wrote it (an out-of-office reply). */
  automatica: boolean;
  file: FileMail[];
}

/** A file left out, and why (in the note appended to the message). */
interface Escluso {
  nome: string;
  motivo: string;
}

interface Accettato {
  nome: string;
  tipo: TipoAllegato;
  byte: Buffer;
}

const ESTENSIONI: Record<TipoAllegato, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
};

/** The file's own name, as an upload's is kept: no folders, nothing invisible, at most 255 characters. */
function nomeFile(f: FileMail, tipo: TipoAllegato | undefined, n: number): string {
  const ultimo = (f.nome ?? '').split(/[/\\]/).at(-1) ?? '';
  const nome = ultimo.replace(/\p{Cc}/gu, '').trim();
  if (nome !== '' && nome !== '.' && nome !== '..') {
    return [...nome].slice(0, 255).join('');
  }
  return `allegato-${n}${tipo === undefined ? '' : `.${ESTENSIONI[tipo]}`}`;
}

/** The files checked as uploads are: the content's signature (PNG, JPEG, PDF), not empty, 10 MB, five a message. */
function controllaFile(file: FileMail[]): { accettati: Accettato[]; esclusi: Escluso[] } {
  const accettati: Accettato[] = [];
  const esclusi: Escluso[] = [];
  file.forEach((f, i) => {
    const tipo = tipoDalContenuto(f.byte);
    const nome = nomeFile(f, tipo, i + 1);
    if (f.byte.length === 0) {
      esclusi.push({ nome, motivo: 'è vuoto' });
    } else if (f.byte.length > MAX_BYTE_ALLEGATO) {
      esclusi.push({ nome, motivo: `supera i ${MAX_BYTE_ALLEGATO / (1024 * 1024)} MB` });
    } else if (tipo === undefined) {
      esclusi.push({ nome, motivo: 'non è un PNG, un JPEG o un PDF' });
    } else if (accettati.length >= MAX_ALLEGATI) {
      esclusi.push({ nome, motivo: `oltre i ${MAX_ALLEGATI} file di un messaggio` });
    } else {
      accettati.push({ nome, tipo, byte: f.byte });
    }
  });
  return { accettati, esclusi };
}

const TRONCATO = '[…] (testo troncato: un messaggio ha al massimo 4000 caratteri)';

/**
 * The message the thread shows: the new text (tabs as spaces, nothing else invisible), the names of the files when
 * there is no text, a note of the files left out; at most 4000 characters, as a reply from the widget.
 */
function testoDelMessaggio(testo: string, accettati: Accettato[], esclusi: Escluso[]): string {
  const nota =
    esclusi.length === 0 ? '' : `[Allegati non aggiunti: ${esclusi.map((e) => `${e.nome} (${e.motivo})`).join('; ')}]`;
  let proprio = senzaCitazioni(testo)
    .replace(/\t/g, '    ')
    .replace(/[^\P{Cc}\n]/gu, '');
  if (proprio === '' && accettati.length > 0) {
    proprio = `Allegati: ${accettati.map((a) => a.nome).join(', ')}`;
  }
  const spazio = MAX_TESTO_RISPOSTA - (nota === '' ? 0 : nota.length + 2);
  if ([...proprio].length > spazio) {
    proprio = `${[...proprio].slice(0, spazio - TRONCATO.length - 1).join('')}\n${TRONCATO}`;
  }
  return [proprio, nota].filter((p) => p !== '').join('\n\n');
}

/** When the user wrote it: its Date, unless missing, unreadable or in the future (a wrong clock); else now. */
function scrittaIl(data: Date | undefined, ora: Date): Date {
  if (data === undefined || Number.isNaN(data.getTime()) || data.getTime() > ora.getTime() + 60_000) {
    return ora;
  }
  return data;
}

export type EsitoMailRicevuta =
  | { esito: 'aggiunta'; numero: number; messaggio: string; stato: StatoRichiesta; allegati: number }
  /** That Message-ID was stored for this request already: nothing stored again. */
  | { esito: 'ripetuta'; numero: number }
  | { esito: 'chiusa'; numero: number }
  | { esito: 'mittente-diverso' }
  | { esito: 'automatica' }
  /** No new text and no file to add. */
  | { esito: 'vuota' }
  | { esito: 'non-trovata' };

/** DATA: the mail into request `richiesta` (checked at RCPT time; checked again here, under the request's lock). */
export async function riceviMail(
  db: Database,
  o: { richiesta: string; mail: MailRicevuta; ora: Date },
): Promise<EsitoMailRicevuta> {
  const { mail } = o;
  if (mail.automatica) {
    return { esito: 'automatica' };
  }
  const { accettati, esclusi } = controllaFile(mail.file);
  const testo = testoDelMessaggio(mail.testo, accettati, esclusi);
  if (testo === '') {
    return { esito: 'vuota' };
  }
  return db.transazione(async (tx): Promise<EsitoMailRicevuta> => {
    const r = await richieste.leggi(tx, o.richiesta, true);
    if (r === undefined) {
      return { esito: 'non-trovata' };
    }
    if (!stessoIndirizzo(mail.da, r.email)) {
      return { esito: 'mittente-diverso' };
    }
    const stato = statoDopo('risposta-utente-posta', r.stato);
    if (stato === null) {
      return { esito: 'chiusa', numero: r.numero };
    }
    if (await posta.giaRicevuta(tx, r.id, mail.messageId)) {
      return { esito: 'ripetuta', numero: r.numero };
    }
    const id = randomUUID();
    await messaggi.inserisci(tx, {
      id,
      richiesta: r.id,
      autore: 'utente',
      testo,
      scrittoIl: scrittaIl(mail.data, o.ora),
      utente: r.utente,
      impronta: null,
      statoDopo: stato,
      inviataViaMailA: null,
      operatore: null,
    });
    const file = accettati.map((a) => ({ ...a, id: randomUUID() }));
    for (const f of file) {
      await allegati.inserisci(tx, {
        id: f.id,
        utente: r.utente,
        nome: f.nome,
        tipo: f.tipo,
        dimensione: f.byte.length,
        impronta: improntaByte(f.byte),
        contenuto: f.byte,
      });
    }
    await allegati.aggiungiARichiesta(
      tx,
      r.id,
      file.map((f) => f.id),
    );
    await posta.annotaRicevuta(tx, { messageId: mail.messageId, richiesta: r.id, messaggio: id });
    await richieste.cambiaStato(tx, r.id, stato);
    await richieste.notaMessaggio(tx, r.id, 'utente');
    return { esito: 'aggiunta', numero: r.numero, messaggio: id, stato, allegati: file.length };
  });
}

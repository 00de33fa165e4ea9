// The demo's mail: a local mail catcher (smtp-server) that the demo's help desk server sends to, standing for the user's
// mailbox, and the routes of the "Posta" page: GET /posta/messaggi (the mails received, newest first) and POST
// /posta/rispondi (the user's reply, sent by SMTP to the server's inbound port as a mail program would, quoting the
// mail it answers). Nothing here is the server's: it plays the mail servers around it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import type { Connect } from 'vite';
import { leggiCorpo, percorsoDi, rispondiErrore, rispondiJson } from './http.js';

/** A mail in the demo's mailbox, as the "Posta" page shows it. */
export interface MailDemo {
  id: string;
  ricevutaIl: string;
  da: string;
  a: string;
  /** The address a reply goes to (the help desk's assistenza+…@…). */
  rispondiA?: string;
  oggetto: string;
  /** The Date header. */
  data?: string;
  messageId?: string;
  inReplyTo?: string;
  riferimenti: string[];
  testo: string;
}

/** The sender of the demo's help desk: the reply addresses take its domain. */
export const MITTENTE_DEMO = '"Assistenza GeoTecSUE" <assistenza@geotecsue.esempio.it>';

export interface Casella {
  /** The catcher's SMTP URL, the server's ASSISTENZA_SMTP_URL. */
  url: string;
  /** The mails received, newest first. */
  mail: MailDemo[];
  ferma(): Promise<void>;
}

const primo = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a);
const elenco = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());

/** Starts the catcher on a free port of 127.0.0.1. Its mails live as long as the demo runs. */
export async function avviaCasella(): Promise<Casella> {
  const mail: MailDemo[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, _sessione, fatto) {
      simpleParser(stream)
        .then((m) => {
          mail.unshift({
            id: randomUUID(),
            ricevutaIl: new Date().toISOString(),
            da: m.from?.text ?? '',
            a: primo(m.to)?.value[0]?.address ?? '',
            ...(m.replyTo?.value[0]?.address && { rispondiA: m.replyTo.value[0].address }),
            oggetto: m.subject ?? '',
            ...(m.date && { data: m.date.toISOString() }),
            ...(m.messageId && { messageId: m.messageId }),
            ...(m.inReplyTo && { inReplyTo: m.inReplyTo }),
            riferimenti: elenco(m.references),
            testo: m.text ?? '',
          });
          fatto();
        })
        .catch((e: Error) => fatto(e));
    },
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mail,
    ferma: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** "Il giorno 3 febbraio 2026 alle ore 10:12 Assistenza <…> ha scritto:", and the mail quoted, as Gmail writes it. */
function citazione(m: MailDemo): string {
  const quando = new Intl.DateTimeFormat('it-IT', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Rome',
  }).format(new Date(m.data ?? m.ricevutaIl));
  const righe = m.testo.replace(/\n$/, '').split('\n');
  return [`Il giorno ${quando} ${m.da} ha scritto:`, '', ...righe.map((r) => `> ${r}`.trimEnd())].join('\n');
}

/** Sends the user's reply by SMTP to the server's inbound port: the outcome as the server answered it. */
async function rispondi(m: MailDemo, testo: string, portaSmtpIn: number) {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: portaSmtpIn, secure: false, ignoreTLS: true });
  try {
    const info = await t.sendMail({
      envelope: { from: m.a, to: m.rispondiA },
      from: m.a,
      to: m.rispondiA,
      subject: `Re: ${m.oggetto}`,
      text: `${testo}\n\n${citazione(m)}\n`,
      ...(m.messageId && { inReplyTo: m.messageId, references: [...m.riferimenti, m.messageId] }),
    });
    return { statoHttp: 200, corpo: { risposta: info.response } };
  } catch (e) {
    const errore = e as NodemailerError;
    if (errore.responseCode === undefined) {
      return { statoHttp: 502, corpo: { messaggio: `Il server non riceve posta (${errore.message}).` } };
    }
    return { statoHttp: 422, corpo: { messaggio: `Il server ha rifiutato la mail: ${errore.response ?? ''}` } };
  } finally {
    t.close();
  }
}

/** The "Posta" page's routes; `next()` for anything else. */
export function gestorePosta(casella: Casella, portaSmtpIn: number): Connect.NextHandleFunction {
  async function instrada(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    const url = percorsoDi(req);
    if (url === '/posta/messaggi' && req.method === 'GET') {
      return rispondiJson(res, 200, { mail: casella.mail });
    }
    if (url !== '/posta/rispondi') {
      return next();
    }
    if (req.method !== 'POST') {
      return rispondiErrore(res, 405, 'Metodo non ammesso.', { Allow: 'POST' });
    }
    const lettura = await leggiCorpo(req, 64 * 1024);
    let corpo: { id?: unknown; testo?: unknown } = {};
    try {
      corpo = lettura.esito === 'letto' ? (JSON.parse(lettura.byte.toString('utf8')) as typeof corpo) : {};
    } catch {
      return rispondiErrore(res, 400, 'Posta: JSON non valido.');
    }
    const m = casella.mail.find((x) => x.id === corpo.id);
    if (m === undefined || m.rispondiA === undefined) {
      return rispondiErrore(res, 404, 'Mail non trovata, o senza indirizzo di risposta.');
    }
    if (typeof corpo.testo !== 'string' || corpo.testo.trim() === '') {
      return rispondiErrore(res, 422, 'Scrivi il testo della risposta.');
    }
    const esito = await rispondi(m, corpo.testo.trim(), portaSmtpIn);
    rispondiJson(res, esito.statoHttp, esito.corpo);
  }
  return (req, res, next) => {
    instrada(req, res, next).catch((e: unknown) => {
      console.error('assistenza-tecnica: errore della posta della demo', e);
      if (!res.headersSent) {
        rispondiErrore(res, 500, 'Errore interno della posta della demo.');
      }
    });
  };
}

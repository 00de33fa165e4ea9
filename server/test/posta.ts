// The mail side of the server's tests, over real SMTP: a catcher that plays the organisation's mail server (it can be
// down, refuse with any code, answer slowly), a user's mail program sending a reply to the server's inbound port, and
// a server with both, on a clock the test moves.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { serverDiProva, type Motore, type ServerDiProva } from './aiuti.js';
import { ascoltaSmtp, type AscoltoSmtp } from '../src/rotte/smtp.js';
import type { ConfigurazionePosta } from '../src/servizi/posta.js';

/** A mail as the catcher received it. */
export interface MailRaccolta {
  /** The envelope. */
  mittente: string;
  destinatari: string[];
  da: string;
  a: string;
  rispondiA: string;
  oggetto: string;
  testo: string;
  messageId: string;
  inReplyTo: string | undefined;
  riferimenti: string[];
  /** The raw header lines, to check nothing else slipped in. */
  grezza: string;
}

const comeElenco = (v: string | string[] | undefined): string[] => {
  if (v === undefined) {
    return [];
  }
  return Array.isArray(v) ? v : [v];
};

/** The organisation's mail server as the tests need it: on a fixed port, started and stopped at will. */
export class Raccoglitore {
  readonly mail: MailRaccolta[] = [];
  /** What it answers at RCPT time: undefined accepts. */
  rifiuto: { codice: number; testo: string } | undefined;
  /** How long it takes to accept a mail's data. */
  ritardoMs = 0;
  private server: SMTPServer | undefined;
  /** Its port: a free one the first time it starts, the same one after. */
  porta = 0;

  /** A catcher listening on a free port. */
  static async avviato(): Promise<Raccoglitore> {
    const r = new Raccoglitore();
    await r.avvia();
    return r;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.porta}`;
  }

  async avvia(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 100,
      onRcptTo: (_a: SMTPServerAddress, _s, fatto) => {
        if (this.rifiuto === undefined) {
          fatto();
          return;
        }
        fatto(Object.assign(new Error(this.rifiuto.testo), { responseCode: this.rifiuto.codice }));
      },
      onData: (stream, sessione, fatto) => {
        simpleParser(stream)
          .then(async (m) => {
            await new Promise((ok) => setTimeout(ok, this.ritardoMs));
            const indirizzo = (v: unknown) => (v as { value: { address: string }[] } | undefined)?.value[0]?.address;
            this.mail.push({
              mittente: sessione.envelope.mailFrom === false ? '' : sessione.envelope.mailFrom.address,
              destinatari: sessione.envelope.rcptTo.map((r) => r.address),
              da: m.from?.text ?? '',
              a: indirizzo(m.to) ?? '',
              rispondiA: indirizzo(m.replyTo) ?? '',
              oggetto: m.subject ?? '',
              testo: m.text ?? '',
              messageId: m.messageId ?? '',
              inReplyTo: m.inReplyTo,
              riferimenti: comeElenco(m.references),
              grezza: m.headerLines.map((h) => h.line).join('\n'),
            });
            fatto();
          })
          .catch((e: Error) => fatto(e));
      },
    });
    await new Promise<void>((ok, ko) => {
      server.once('error', ko);
      server.listen(this.porta, '127.0.0.1', () => ok());
    });
    this.porta = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async ferma(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  }
}

/** The outcome of a mail sent to the server's inbound port, as the sending server sees it. */
export type Consegna = { esito: 'accettata'; risposta: string } | { esito: 'rifiutata'; codice: number; testo: string };

export interface MailUtente {
  /** The envelope sender (MAIL FROM); the From header unless `da` says otherwise. */
  mittente: string;
  da?: string;
  a: string;
  oggetto?: string;
  testo: string;
  messageId?: string;
  inReplyTo?: string;
  riferimenti?: string[];
  intestazioni?: Record<string, string>;
  allegati?: { filename: string; content: Buffer; contentType?: string }[];
}

/** A user's mail program sending to the server's inbound SMTP port. */
export async function inviaAlServer(porta: number, m: MailUtente): Promise<Consegna> {
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: porta, secure: false, ignoreTLS: true });
  try {
    const info = await t.sendMail({
      envelope: { from: m.mittente, to: m.a },
      from: m.da ?? m.mittente,
      to: m.a,
      subject: m.oggetto ?? 'Re: [Richiesta n. 1] In attesa di una tua risposta',
      text: m.testo,
      ...(m.messageId && { messageId: m.messageId }),
      ...(m.inReplyTo && { inReplyTo: m.inReplyTo }),
      ...(m.riferimenti && { references: m.riferimenti }),
      ...(m.intestazioni && { headers: m.intestazioni }),
      ...(m.allegati && { attachments: m.allegati }),
    });
    return { esito: 'accettata', risposta: info.response };
  } catch (e) {
    const errore = e as NodemailerError;
    if (errore.responseCode === undefined) {
      throw e;
    }
    return { esito: 'rifiutata', codice: errore.responseCode, testo: errore.response ?? errore.message };
  } finally {
    t.close();
  }
}

export const DOMINIO = 'assistenza.esempio.it';

/** The tests' mail settings, sending to `smtpUrl`. */
export const configurazionePosta = (smtpUrl: string | undefined): ConfigurazionePosta => ({
  smtpUrl,
  mittente: `"Assistenza GeoTecSUE" <assistenza@${DOMINIO}>`,
  dominio: DOMINIO,
  segreto: 'il-segreto-degli-indirizzi-di-risposta-dei-test',
});

/** A clock the test moves: starts at the real time, changes only when told. */
export class Orologio {
  private ms = Date.now();
  readonly ora = () => new Date(this.ms);
  avanza(ms: number): void {
    this.ms += ms;
  }
}

export interface ServerConPosta extends ServerDiProva {
  orologio: Orologio;
  /** The inbound SMTP port. */
  portaSmtp: number;
  /** One pass of the outbox worker now (the "due now" of the tests). */
  giro(): Promise<void>;
}

/**
 * A server of the engine that sends to `raccoglitore` and receives on an SMTP port of its own, on a clock the test
 * moves. Its worker never looks by itself within a test (an hour between looks): only a reply, a resend or giro().
 */
export async function serverConPosta(
  motore: Motore,
  raccoglitore: Raccoglitore,
  o: { postaAttiva?: boolean } = {},
): Promise<ServerConPosta> {
  const orologio = new Orologio();
  const posta = configurazionePosta(o.postaAttiva === false ? undefined : raccoglitore.url);
  const s = await serverDiProva(motore, { posta, orologio: orologio.ora, intervalloPostaMs: 3_600_000 });
  let smtp: AscoltoSmtp;
  try {
    smtp = await ascoltaSmtp({
      db: s.db,
      posta,
      orologio: orologio.ora,
      host: '127.0.0.1',
      porta: 0,
      log: { info() {}, warn() {} },
    });
  } catch (e) {
    await s.chiudi();
    throw e;
  }
  return {
    ...s,
    orologio,
    portaSmtp: smtp.porta,
    giro: async () => {
      await s.app.postino?.giro();
    },
    chiudiServer: async () => {
      await smtp.chiudi();
      await s.chiudiServer();
    },
    chiudi: async () => {
      await smtp.chiudi();
      await s.chiudi();
    },
  };
}

// The mail side of the server's tests, over real SMTP: the catcher that plays the organisation's mail server
// (raccoglitore.ts: down, refusing with any code, slow), a user's mail program sending a reply to the server's inbound
// port, and a server with both, on a clock the test moves.
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import { serverDiProva, type Motore, type ServerDiProva } from './aiuti.js';
import { ascoltaSmtp, type AscoltoSmtp } from '../src/rotte/smtp.js';
import type { ConfigurazionePosta } from '../src/servizi/posta.js';
import type { Raccoglitore } from './raccoglitore.js';

export { Raccoglitore, type MailRaccolta } from './raccoglitore.js';

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

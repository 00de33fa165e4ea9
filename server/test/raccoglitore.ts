// The organisation's mail server as the tests play it, over real SMTP: it refuses at RCPT with any code, answers
// slowly, goes down and comes back on its port. The server's tests (posta.ts) and the browser suite's harness
// (test/server/plugin.ts: a bucket's server that sends mail) share it.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { simpleParser } from 'mailparser';

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

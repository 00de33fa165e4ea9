// SMTP in and out only, as the HTTP routes are: with ASSISTENZA_SMTP_IN_PORTA the server receives the users' replies
// by mail (the organisation's mail server forwards assistenza+…@ASSISTENZA_DOMINIO_POSTA to it). A recipient is checked
// at RCPT time, so a wrong one is refused with a 550 and its reason before any data; the data is parsed (mailparser)
// and handed to servizi/posta-ricevuta.ts, whose outcome becomes the SMTP answer. The answers are ASCII, as SMTP's are.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Database } from '../archivio/database.js';
import { MAX_ALLEGATI, MAX_BYTE_ALLEGATO } from '../../../src/richiesta.js';
import {
  controllaDestinatario,
  riceviMail,
  type EsitoDestinatario,
  type EsitoMailRicevuta,
  type MailRicevuta,
} from '../servizi/posta-ricevuta.js';
import type { ConfigurazionePosta, Orologio } from '../servizi/posta.js';

export interface RegistroSmtp {
  info(o: object, messaggio: string): void;
  warn(o: object, messaggio: string): void;
}

export interface OpzioniSmtp {
  db: Database;
  posta: ConfigurazionePosta;
  orologio: Orologio;
  host: string;
  /** ASSISTENZA_SMTP_IN_PORTA (0: a free port, the tests'). */
  porta: number;
  log: RegistroSmtp;
}

export interface AscoltoSmtp {
  /** The port it listens on. */
  porta: number;
  /** Stops taking connections; the ones open finish their mail or are closed within a few seconds. */
  chiudi(): Promise<void>;
}

/** The largest mail taken: five files of 10 MB in base64 (a third more), and room for the text. */
export const MAX_BYTE_MAIL = Math.ceil((MAX_ALLEGATI * MAX_BYTE_ALLEGATO * 4) / 3) + 1024 * 1024;

/** An SMTP refusal: the code and the text the sending server puts in its bounce to the user. */
function rifiuto(codice: number, testo: string): Error & { responseCode: number } {
  return Object.assign(new Error(testo), { responseCode: codice });
}

const NON_DISPONIBILE = rifiuto(451, "Servizio di assistenza momentaneamente non disponibile: riprova piu' tardi.");
const PORTALE = "scrivi in 'Le mie richieste' sul portale GeoTecSUE";

/** The refusal of a recipient, or undefined when it is valid. */
function rifiutoDestinatario(e: EsitoDestinatario): Error | undefined {
  switch (e.esito) {
    case 'valido':
      return undefined;
    case 'altro-destinatario':
      return rifiuto(550, "Indirizzo sconosciuto: qui arrivano solo le risposte alle mail dell'assistenza.");
    case 'token-non-valido':
      return rifiuto(550, `Indirizzo di risposta non valido: rispondi alla mail dell'assistenza, o ${PORTALE}.`);
    case 'mittente-diverso':
      return rifiuto(
        550,
        `Il mittente non e' l'indirizzo della richiesta: rispondi dall'indirizzo a cui e' arrivata la mail, o ${PORTALE}.`,
      );
    case 'chiusa':
      return rifiuto(
        550,
        `La richiesta n. ${e.numero} e' chiusa: per un nuovo problema apri una nuova richiesta sul portale GeoTecSUE.`,
      );
  }
}

/** The SMTP answer to a mail stored or refused. */
function rispostaDati(e: EsitoMailRicevuta): { errore: Error } | { ok: string } {
  switch (e.esito) {
    case 'aggiunta':
      return { ok: `Risposta aggiunta alla richiesta n. ${e.numero}` };
    case 'ripetuta':
      return { ok: `Risposta gia' ricevuta per la richiesta n. ${e.numero}` };
    case 'chiusa':
      return {
        errore: rifiuto(550, `La richiesta n. ${e.numero} e' chiusa: per un nuovo problema apri una nuova richiesta.`),
      };
    case 'mittente-diverso':
      return { errore: rifiuto(550, `Il mittente (From) non e' l'indirizzo della richiesta: ${PORTALE}.`) };
    case 'automatica':
      return { errore: rifiuto(550, 'Risposta automatica: non viene aggiunta alla richiesta.') };
    case 'vuota':
      return { errore: rifiuto(550, "Il messaggio non ha testo nuovo ne' allegati da aggiungere alla richiesta.") };
    case 'non-trovata':
      return { errore: rifiuto(550, `Richiesta non trovata: ${PORTALE}.`) };
  }
}

/** The envelope sender; undefined for the null sender of bounces (MAIL FROM:<>). */
function mittenteDi(s: SMTPServerSession): string | undefined {
  const da = s.envelope.mailFrom;
  return da === false || da.address === '' ? undefined : da.address;
}

/** What a program wrote on its own (RFC 3834's Auto-Submitted, or the older Precedence). */
function automatica(m: ParsedMail): boolean {
  const auto = m.headers.get('auto-submitted');
  const precedenza = m.headers.get('precedence');
  const autoSi = typeof auto === 'string' && auto.trim().toLowerCase() !== 'no';
  const massiva = typeof precedenza === 'string' && /^(bulk|junk|list|auto_reply)$/i.test(precedenza.trim());
  return autoSi || massiva;
}

/** The mail as the service reads it; one without a Message-ID gets one from its sender, date, subject and text. */
function mailRicevuta(m: ParsedMail): MailRicevuta {
  const da = m.from?.value[0]?.address;
  const testo = m.text ?? '';
  const messageId =
    m.messageId ??
    `<${createHash('sha256')
      .update(JSON.stringify([da, m.date?.toISOString(), m.subject, testo]))
      .digest('hex')}@assistenza-tecnica.invalid>`;
  return {
    messageId,
    da,
    testo,
    data: m.date,
    automatica: automatica(m),
    file: m.attachments.map((a) => ({ nome: a.filename, byte: a.content })),
  };
}

/** Starts the listener; rejects when the port cannot be taken. */
export async function ascoltaSmtp(o: OpzioniSmtp): Promise<AscoltoSmtp> {
  const { db, posta, log } = o;

  const onRcptTo = (indirizzo: SMTPServerAddress, sessione: SMTPServerSession, fatto: (e?: Error) => void) => {
    controllaDestinatario(db, posta, { destinatario: indirizzo.address, mittente: mittenteDi(sessione) }).then(
      (esito) => {
        if (esito.esito !== 'valido') {
          log.info({ esito: esito.esito }, 'posta in arrivo: destinatario rifiutato');
        }
        fatto(rifiutoDestinatario(esito));
      },
      (e: unknown) => {
        log.warn({ errore: (e as Error).message }, 'posta in arrivo: controllo non riuscito');
        fatto(NON_DISPONIBILE);
      },
    );
  };

  /** The answer for one recipient: checked again (a request may have closed since RCPT), then the mail stored. */
  async function consegnaA(d: EsitoDestinatario, mail: MailRicevuta): Promise<{ errore: Error } | { ok: string }> {
    if (d.esito !== 'valido') {
      return { errore: rifiutoDestinatario(d) ?? NON_DISPONIBILE };
    }
    const esito = await riceviMail(db, { richiesta: d.richiesta, mail, ora: o.orologio() });
    log.info({ esito: esito.esito, numero: d.numero }, 'posta in arrivo');
    return rispostaDati(esito);
  }

  /** Every recipient accepted at RCPT time gets the mail; a success when it went into any request, else a refusal. */
  async function consegna(sessione: SMTPServerSession, m: ParsedMail): Promise<string> {
    const mail = mailRicevuta(m);
    let risposta: { errore: Error } | { ok: string } = { errore: NON_DISPONIBILE };
    let aggiunta = false;
    for (const destinatario of sessione.envelope.rcptTo) {
      const d = await controllaDestinatario(db, posta, {
        destinatario: destinatario.address,
        mittente: mittenteDi(sessione),
      });
      const questa = await consegnaA(d, mail);
      if ('ok' in questa) {
        aggiunta = true;
        risposta = questa;
      } else if (!aggiunta) {
        risposta = questa;
      }
    }
    if ('errore' in risposta) {
      throw risposta.errore;
    }
    return risposta.ok;
  }

  const server = new SMTPServer({
    name: posta.dominio,
    banner: 'assistenza-tecnica-server: risposte alle richieste di assistenza',
    // Reached only from the organisation's mail server, inside its network: no login, no TLS of its own.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: MAX_BYTE_MAIL,
    rejectOversized: true,
    // A mail's files are parsed in memory (up to MAX_BYTE_MAIL each): few at once, the sending server queues the rest.
    maxClients: 20,
    maxRecipients: 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onRcptTo,
    onData(stream, sessione, fatto) {
      simpleParser(stream, { skipTextToHtml: true, skipImageLinks: true })
        .then((m) => {
          if (stream.sizeExceeded) {
            // rejectOversized answers 552 whatever this says.
            return 'troppo grande';
          }
          return consegna(sessione, m);
        })
        .then(
          (ok) => fatto(null, ok),
          (e: unknown) => {
            const codice = (e as { responseCode?: number }).responseCode;
            if (codice === undefined) {
              log.warn({ errore: (e as Error).message }, 'posta in arrivo: non salvata');
              fatto(NON_DISPONIBILE);
              return;
            }
            fatto(e as Error);
          },
        );
    },
  });
  server.on('error', (e) => log.warn({ errore: e.message }, 'posta in arrivo: errore del server SMTP'));

  await new Promise<void>((ok, ko) => {
    const errore = (e: Error) => ko(e);
    server.once('error', errore);
    server.listen(o.porta, o.host, () => {
      server.off('error', errore);
      ok();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    porta: port,
    chiudi: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

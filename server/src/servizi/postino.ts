// The outbox's worker, one in every server instance: it takes the mails due (SKIP LOCKED, then a lease, so two
// instances never take one mail), sends them over SMTP with nodemailer, and writes each outcome: sent, tried again
// later (4xx, the connection), or failed (5xx, or 48 hours of failures). It looks every few seconds, and at once when
// this instance writes a mail; `giro()` is the "due now" of the tests and the benchmark.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import type { Database } from '../archivio/database.js';
import * as posta from '../archivio/posta.js';
import type { PostaDaInviare } from '../archivio/posta.js';
import {
  dopoFallimento,
  indirizzoRisposta,
  motivoFallimento,
  type ConfigurazionePosta,
  type Fallimento,
  type Orologio,
} from './posta.js';

/** A mail as it leaves. */
export interface MailInUscita {
  da: string;
  a: string;
  rispondiA: string;
  oggetto: string;
  testo: string;
  messageId: string;
  inReplyTo?: string;
  riferimenti: string[];
}

/** Where mail leaves: SMTP through nodemailer, or anything that sends and throws like it. */
export interface Trasporto {
  invia(m: MailInUscita): Promise<void>;
  chiudi(): void;
}

/** SMTP waits: every one bounded, so a silent server never holds a mail past its lease. */
const ATTESA_CONNESSIONE_MS = 10_000;
const ATTESA_SALUTO_MS = 10_000;
const ATTESA_SOCKET_MS = 30_000;

/** nodemailer's pooled SMTP transport on ASSISTENZA_SMTP_URL (smtp:// or smtps://). */
export function trasportoSmtp(url: string): Trasporto {
  const t = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 3,
    connectionTimeout: ATTESA_CONNESSIONE_MS,
    greetingTimeout: ATTESA_SALUTO_MS,
    socketTimeout: ATTESA_SOCKET_MS,
    // An idle connection is closed soon: a server that restarts meanwhile costs no failed attempt.
    idleTimeout: 30_000,
  });
  return {
    invia: async (m) => {
      await t.sendMail({
        from: m.da,
        to: m.a,
        replyTo: m.rispondiA,
        subject: m.oggetto,
        text: m.testo,
        messageId: m.messageId,
        ...(m.inReplyTo === undefined ? {} : { inReplyTo: m.inReplyTo }),
        ...(m.riferimenti.length > 0 ? { references: m.riferimenti } : {}),
      });
    },
    chiudi: () => t.close(),
  };
}

/** What a failed send means: nodemailer says `permanent` for a 5xx answer (503 aside); anything else may pass later. */
export function fallimentoDi(e: unknown): Fallimento {
  const errore = e as NodemailerError;
  const risposta = errore.response?.trim();
  const motivo = (risposta || errore.message || String(e)).slice(0, 500);
  if (errore.permanent === true) {
    return { tipo: 'permanente', motivo };
  }
  return { tipo: 'temporaneo', motivo };
}

export interface RegistroPostino {
  info(o: object, messaggio: string): void;
  warn(o: object, messaggio: string): void;
  error(o: object, messaggio: string): void;
}

export interface OpzioniPostino {
  db: Database;
  config: ConfigurazionePosta;
  trasporto: Trasporto;
  orologio: Orologio;
  log: RegistroPostino;
  /** How often it looks for due mails (5 s). */
  intervalloMs?: number;
  /** How many mails it takes at once (10). */
  lotto?: number;
}

/** How long a mail taken by an instance is its own: far beyond the SMTP waits, so only a dead instance loses it. */
export const DURATA_PRESA_MS = 10 * 60 * 1000;

export class Postino {
  private readonly intervalloMs: number;
  private readonly lotto: number;
  private timer: NodeJS.Timeout | undefined;
  private inCorso: Promise<void> | undefined;
  private ancora = false;
  /** Set by ferma(): no pass starts any more. */
  private fermato = false;

  constructor(private readonly o: OpzioniPostino) {
    this.intervalloMs = o.intervalloMs ?? 5000;
    this.lotto = o.lotto ?? 10;
  }

  /** Looks for due mails every few seconds from now on. */
  avvia(): void {
    this.pianifica();
  }

  /** A pass soon: a mail was just written or put back in the outbox by this instance. */
  sveglia(): void {
    if (!this.fermato) {
      void this.giro();
    }
  }

  /**
   * Sends every mail due now, until none is left; resolves when done. Called while a pass runs, it asks for one more
   * after it (a mail written meanwhile is not left for the next tick) and resolves after that one.
   */
  giro(): Promise<void> {
    if (this.inCorso !== undefined) {
      this.ancora = true;
      return this.inCorso;
    }
    this.inCorso = this.giri().finally(() => {
      this.inCorso = undefined;
    });
    return this.inCorso;
  }

  /** Stops looking, waits for the mails being sent, and closes the SMTP connections. */
  async ferma(): Promise<void> {
    this.fermato = true;
    clearTimeout(this.timer);
    await this.inCorso;
    this.o.trasporto.chiudi();
  }

  private pianifica(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.giro().finally(() => {
        if (!this.fermato) {
          this.pianifica();
        }
      });
    }, this.intervalloMs);
    this.timer.unref();
  }

  private async giri(): Promise<void> {
    do {
      this.ancora = false;
      try {
        await this.svuota();
      } catch (e) {
        this.o.log.warn({ errore: (e as Error).message }, 'posta: giro non riuscito, riprovo al prossimo');
      }
    } while (this.ancora && !this.fermato);
  }

  /** Takes and sends batches until nothing is due (or the worker is stopped between two batches). */
  private async svuota(): Promise<void> {
    let finito = false;
    while (!finito && !this.fermato) {
      const ora = this.o.orologio();
      const presa = randomUUID();
      const dovute = await this.o.db.transazione((tx) =>
        posta.prendiDovute(tx, { ora, finoA: new Date(ora.getTime() + DURATA_PRESA_MS), presa, quante: this.lotto }),
      );
      await Promise.all(dovute.map((p) => this.invia(p, presa)));
      finito = dovute.length < this.lotto;
    }
  }

  private async invia(p: PostaDaInviare, presa: string): Promise<void> {
    const { config, db, log } = this.o;
    try {
      await this.o.trasporto.invia({
        da: config.mittente,
        a: p.destinatario,
        rispondiA: indirizzoRisposta(config, { id: p.richiesta, numero: p.numero }),
        oggetto: p.oggetto,
        testo: p.testo,
        messageId: p.messageId,
        ...(p.inReplyTo === null ? {} : { inReplyTo: p.inReplyTo }),
        riferimenti: p.riferimenti,
      });
    } catch (e) {
      const fallimento = fallimentoDi(e);
      const dopo = dopoFallimento({
        fallimento,
        fallimenti: p.tentativi + 1,
        inErroreDal: p.inErroreDal,
        ora: this.o.orologio(),
      });
      const motivo = motivoFallimento(fallimento, dopo);
      // A database away here leaves the lease to run out: the mail is tried again then, as after a crash.
      await posta.segnaTentativoFallito(db, {
        id: p.id,
        presa,
        motivo,
        inErroreDal: dopo.inErroreDal,
        prossimo: dopo.esito === 'riprova' ? dopo.il : null,
      });
      const dettagli = { posta: p.id, tentativi: p.tentativi + 1, motivo };
      if (dopo.esito === 'fallita') {
        log.error(dettagli, 'posta: invio fallito definitivamente');
      } else {
        log.warn({ ...dettagli, prossimoTentativoIl: dopo.il.toISOString() }, 'posta: invio da ritentare');
      }
      return;
    }
    const segnata = await posta.segnaInviata(db, { id: p.id, presa, ora: this.o.orologio() });
    if (segnata) {
      log.info({ posta: p.id }, 'posta: inviata');
    } else {
      log.warn({ posta: p.id }, 'posta: inviata dopo la fine della presa: un’altra istanza può averla inviata');
    }
  }
}

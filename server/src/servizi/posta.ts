// The help desk's answer by mail: what the mail says (subject, text, threading), the reply address that brings the
// user's answer back to its request, when a failed attempt is tried again, and "Invia di nuovo". The worker that sends
// is postino.ts; the SMTP listener that receives is rotte/smtp.ts with posta-ricevuta.ts.
import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database, Esecutore } from '../archivio/database.js';
import * as posta from '../archivio/posta.js';
import * as richieste from '../archivio/richieste.js';
import * as registro from '../archivio/registro.js';
import type { RigaPosta, StatoPosta } from '../archivio/posta.js';
import type { RigaRichiesta } from '../archivio/richieste.js';
import { richieste as testiRichieste } from '../../../src/i18n/it.js';
import type { StatoRichiesta } from './stati.js';
import { eUuid } from './validazione.js';

/** The time source of the mail's rules: the real clock, or the tests'. */
export type Orologio = () => Date;

export const orologioReale: Orologio = () => new Date();

export interface ConfigurazionePosta {
  /** ASSISTENZA_SMTP_URL: where mail leaves; undefined: no mail leaves (the outbox keeps what is written). */
  smtpUrl: string | undefined;
  /** ASSISTENZA_MITTENTE: the From of every mail. */
  mittente: string;
  /** ASSISTENZA_DOMINIO_POSTA: the domain of the reply addresses and of the Message-IDs. */
  dominio: string;
  /** ASSISTENZA_SEGRETO_POSTA: the key of the reply addresses' HMAC. */
  segreto: string;
}

/** Without ASSISTENZA_SEGRETO_POSTA: a key derived from the JWT secret (HKDF), never the JWT secret itself. */
export function segretoPostaDa(jwtSegreto: string): string {
  return Buffer.from(hkdfSync('sha256', jwtSegreto, '', 'assistenza-tecnica: indirizzi di risposta', 32)).toString(
    'base64url',
  );
}

/** The configuration of a server that sends no mail (the tests' default): replies are still written to the outbox. */
export function postaNonConfigurata(jwtSegreto: string): ConfigurazionePosta {
  return {
    smtpUrl: undefined,
    mittente: '"Assistenza GeoTecSUE" <assistenza@localhost>',
    dominio: 'localhost',
    segreto: segretoPostaDa(jwtSegreto),
  };
}

/** The local part of every reply address, before the +. */
export const LOCALE_RISPOSTA = 'assistenza';

/** The HMAC of a request's id: 128 bits in lower-case hex (a mail server may lower-case a local part). */
function firma(segreto: string, idRichiesta: string): string {
  return createHmac('sha256', segreto).update(idRichiesta.toLowerCase()).digest('hex').slice(0, 32);
}

/**
 * The token of a request's reply address: its numero, which finds it, and the HMAC of its id, which nobody without
 * the secret can compute. (The HMAC alone would need a table to find the request; the numero is in the subject
 * anyway.) At most 15 + 1 + 32 characters: with `assistenza+` the local part stays within RFC 5321's 64.
 */
export function tokenRisposta(segreto: string, r: { id: string; numero: number }): string {
  return `${r.numero}-${firma(segreto, r.id)}`;
}

export function indirizzoRisposta(c: ConfigurazionePosta, r: { id: string; numero: number }): string {
  return `${LOCALE_RISPOSTA}+${tokenRisposta(c.segreto, r)}@${c.dominio}`;
}

/** What a recipient address says: the request's numero and the HMAC to check, or not one of ours at all. */
export type IndirizzoLetto = { esito: 'nostro'; numero: number; firma: string } | { esito: 'altro' };

export function leggiIndirizzo(c: ConfigurazionePosta, indirizzo: string): IndirizzoLetto {
  const chiocciola = indirizzo.lastIndexOf('@');
  const locale = indirizzo.slice(0, chiocciola).toLowerCase();
  const dominio = indirizzo.slice(chiocciola + 1).toLowerCase();
  const m = /^assistenza\+(\d{1,15})-([0-9a-f]{32})$/.exec(locale);
  if (chiocciola < 0 || dominio !== c.dominio.toLowerCase() || m === null) {
    return { esito: 'altro' };
  }
  return { esito: 'nostro', numero: Number(m[1]), firma: m[2] };
}

/** Whether the HMAC in an address is the request's: compared in constant time. */
export function firmaValida(c: ConfigurazionePosta, idRichiesta: string, daVerificare: string): boolean {
  const attesa = Buffer.from(firma(c.segreto, idRichiesta));
  const data = Buffer.from(daVerificare);
  return attesa.length === data.length && timingSafeEqual(attesa, data);
}

/** The subject: `[Richiesta n. 12] In attesa di una tua risposta`, the state's label as "Le mie richieste" shows it. */
export function oggettoMail(numero: number, stato: StatoRichiesta): string {
  return `[Richiesta n. ${numero}] ${testiRichieste.stati[stato] ?? stato}`;
}

/** The text: the operator's reply as written, nothing of the user's own text, and where the thread is. */
export function testoMail(risposta: string): string {
  return [
    risposta,
    '',
    '-- ',
    'La conversazione completa è anche in «Le mie richieste» sul portale GeoTecSUE.',
    'Puoi rispondere a questa mail: scrivi la risposta sopra il messaggio citato.',
  ].join('\n');
}

/**
 * Writes the mail of an operator's reply to the outbox, in the caller's transaction (the reply's): its Message-ID
 * fixed now, answering the thread's last mail and referring to all the earlier ones, sent as or received from the
 * user. The caller holds the request's row lock, so two replies at once thread one after the other.
 */
export async function scriviMailRisposta(
  tx: Esecutore,
  o: {
    config: ConfigurazionePosta;
    richiesta: RigaRichiesta;
    destinatario: string;
    messaggio: string;
    testo: string;
    stato: StatoRichiesta;
    ora: Date;
  },
): Promise<void> {
  const precedenti = await posta.messageIdDelThread(tx, o.richiesta.id);
  const id = randomUUID();
  await posta.scrivi(tx, {
    id,
    richiesta: o.richiesta.id,
    messaggio: o.messaggio,
    destinatario: o.destinatario,
    oggetto: oggettoMail(o.richiesta.numero, o.stato),
    testo: testoMail(o.testo),
    messageId: `<${id}@${o.config.dominio}>`,
    inReplyTo: precedenti.at(-1) ?? null,
    riferimenti: precedenti,
    dovutaIl: o.ora,
  });
}

/** The first retry comes this long after the first failure; each later wait doubles, up to ATTESA_MASSIMA_MS. */
export const PRIMA_ATTESA_MS = 30_000;
export const ATTESA_MASSIMA_MS = 6 * 60 * 60 * 1000;
/** A mail that has failed for this long (since its first failure) is failed for good. */
export const FINESTRA_TENTATIVI_MS = 48 * 60 * 60 * 1000;

/** How an attempt failed: worth trying again (4xx, the connection), or final (5xx). */
export type Fallimento = { tipo: 'temporaneo' | 'permanente'; motivo: string };

/** What becomes of a mail after a failed attempt. */
export type DopoFallimento =
  { esito: 'riprova'; il: Date; inErroreDal: Date } | { esito: 'fallita'; inErroreDal: Date };

/**
 * After the `fallimenti`-th failure in a row at `ora`: a permanent failure, or 48 hours of temporary ones, end it;
 * otherwise the next attempt is due after the doubling wait, never past the 48 hours (the last one is there).
 */
export function dopoFallimento(o: {
  fallimento: Fallimento;
  fallimenti: number;
  inErroreDal: Date | null;
  ora: Date;
}): DopoFallimento {
  const inErroreDal = o.inErroreDal ?? o.ora;
  const scadenza = inErroreDal.getTime() + FINESTRA_TENTATIVI_MS;
  if (o.fallimento.tipo === 'permanente' || o.ora.getTime() >= scadenza) {
    return { esito: 'fallita', inErroreDal };
  }
  const attesa = Math.min(PRIMA_ATTESA_MS * 2 ** Math.min(o.fallimenti - 1, 30), ATTESA_MASSIMA_MS);
  return { esito: 'riprova', il: new Date(Math.min(o.ora.getTime() + attesa, scadenza)), inErroreDal };
}

/** The reason of a final failure after 48 hours, and of a temporary one, as the console shows it. */
export function motivoFallimento(f: Fallimento, dopo: DopoFallimento): string {
  if (dopo.esito === 'fallita' && f.tipo === 'temporaneo') {
    return `Nessun recapito in 48 ore di tentativi; l’ultimo: ${f.motivo}`;
  }
  return f.motivo;
}

/** Whether the mail of a request can leave: it asked for one, and the server has somewhere to send it. */
export type InvioPosta = 'attivo' | 'non-configurato' | 'non-richiesto';

export function invioPostaDi(
  r: Pick<RigaRichiesta, 'rispostaViaEmail' | 'email'>,
  c: Pick<ConfigurazionePosta, 'smtpUrl'>,
): InvioPosta {
  if (!r.rispostaViaEmail || r.email === null) {
    return 'non-richiesto';
  }
  if (c.smtpUrl === undefined) {
    return 'non-configurato';
  }
  return 'attivo';
}

/** A mail of a request as the console shows it. */
export interface MailSportello {
  id: string;
  /** The help desk's message it carries. */
  messaggio: string;
  destinatario: string;
  oggetto: string;
  messageId: string;
  stato: StatoPosta;
  scrittaIl: string;
  tentativi: number;
  /** While waiting: when the next attempt is due. */
  prossimoTentativoIl?: string;
  inviataIl?: string;
  /** Why the last attempt failed: for a failed mail, the final reason; while retrying, the last one. */
  motivo?: string;
  /** The path of its "Invia di nuovo" (POST), under the help desk's base. */
  reinvio: string;
}

export function mailSportello(p: RigaPosta, base: string): MailSportello {
  const voce: MailSportello = {
    id: p.id,
    messaggio: p.messaggio,
    destinatario: p.destinatario,
    oggetto: p.oggetto,
    messageId: p.messageId,
    stato: p.stato,
    scrittaIl: p.scrittaIl.toISOString(),
    tentativi: p.tentativi,
    reinvio: `${base}/posta/${p.id}/invia-di-nuovo`,
  };
  if (p.stato === 'da-inviare' && p.prossimoTentativoIl !== null) {
    voce.prossimoTentativoIl = p.prossimoTentativoIl.toISOString();
  }
  if (p.inviataIl !== null) {
    voce.inviataIl = p.inviataIl.toISOString();
  }
  if (p.motivo !== null) {
    voce.motivo = p.motivo;
  }
  return voce;
}

export type EsitoReinvio =
  | { esito: 'rimessa-in-coda'; id: string; messageId: string }
  | { esito: 'non-trovata' }
  /** Only a failed mail is sent again: one waiting is on its way, one sent has arrived. */
  | { esito: 'non-fallita'; stato: StatoPosta };

/** "Invia di nuovo": a failed mail back in the outbox, due now, with the same Message-ID; written to the record. */
export async function reinviaPosta(
  db: Database,
  o: { id: string; operatore: string; ora: Date },
): Promise<EsitoReinvio> {
  if (!eUuid(o.id)) {
    return { esito: 'non-trovata' };
  }
  return db.transazione(async (tx): Promise<EsitoReinvio> => {
    const p = await posta.leggi(tx, o.id, true);
    if (p === undefined) {
      return { esito: 'non-trovata' };
    }
    if (p.stato !== 'fallita') {
      return { esito: 'non-fallita', stato: p.stato };
    }
    const r = await richieste.leggi(tx, p.richiesta);
    await posta.rimettiInCoda(tx, p.id, o.ora);
    await registro.annota(tx, {
      operatore: o.operatore,
      azione: 'posta-reinviata',
      richiesta: p.richiesta,
      numero: r?.numero ?? null,
      // No reason in the record: an SMTP server's answer may name the user's address.
      dettagli: { posta: p.id },
    });
    return { esito: 'rimessa-in-coda', id: p.id, messageId: p.messageId };
  });
}

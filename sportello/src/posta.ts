// A request's mails as the console says them: which mail (when it was written, to whom) and where it stands (sent
// when; waiting for which attempt, and why the last one failed; failed, and why), in words, never by colour alone.
import type { RichiestaSportello } from './api.js';
import { testi } from './testi.js';
import { alleOIl, giornoEOra } from './tempo.js';

export type MailSportello = RichiestaSportello['posta'][number];
export type InvioPosta = RichiestaSportello['invioPosta'];

const t = testi.posta;

/** A mail whose "Invia di nuovo" the server takes: a failed one (a sent or waiting one is refused, 409). */
export const daInviareDiNuovo = (m: MailSportello) => m.stato === 'fallita';

/** Which mail: "Mail del 3 dic, 10:00 a mario.rossi@esempio.it" (written with its reply). */
export const nomeMail = (m: MailSportello, ora: number) => t.nome(giornoEOra(m.scrittaIl, ora), m.destinatario);

/** A waiting mail: the attempt due next and when ("alle 10:15", "tra pochi secondi" once due), then the last failure. */
function inAttesa(m: MailSportello, ora: number): string {
  const prossimo = m.prossimoTentativoIl === undefined ? undefined : Date.parse(m.prossimoTentativoIl);
  const quando = prossimo === undefined || prossimo <= ora ? t.traPoco : alleOIl(prossimo, ora);
  const attesa = t.inAttesa(m.tentativi + 1, quando);
  if (m.motivo === undefined) {
    return `${attesa}.`;
  }
  return `${attesa}. ${t.precedente(m.motivo)}`;
}

/**
 * Where a mail stands: "Inviata il 3 dic, 10:01", "In attesa di invio (tentativo n. 2 alle 10:15). Il tentativo
 * precedente non è riuscito: …", "Non inviata: 550 …". On a server that sends no mail, a waiting mail waits for that.
 */
export function statoMail(m: MailSportello, ora: number, invio: InvioPosta): string {
  if (m.stato === 'inviata') {
    return t.inviata(giornoEOra(m.inviataIl ?? m.scrittaIl, ora));
  }
  if (m.stato === 'fallita') {
    return t.nonInviata(m.motivo ?? t.senzaMotivo);
  }
  if (invio === 'non-configurato') {
    return `${t.ferma}.`;
  }
  return inAttesa(m, ora);
}

/** Whether the request's page shows its mails: it asked for the answer by mail, or mails were written for it. */
export const mostraPosta = (r: Pick<RichiestaSportello, 'invioPosta' | 'posta'>) =>
  r.invioPosta !== 'non-richiesto' || r.posta.length > 0;

/** What a reply's announcement adds about its mail: sent along to `a`, or not leaving (the server sends none). */
export function annuncioMail(a: string | undefined, invio: InvioPosta): string {
  if (a === undefined) {
    return '';
  }
  return invio === 'non-configurato' ? testi.annunci.mailNonConfigurata : testi.annunci.ancheMail(a);
}

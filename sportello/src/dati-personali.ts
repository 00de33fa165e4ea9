// The rules of the administrators' page on a person's data, without the DOM: what a search may be, what the list of
// users found says about itself, what "Cancella i dati" and "Anonimizza" will do in words before they do it, and
// what they did after.
import type { DatiRimossi, UtenteTrovato, UtentiTrovati } from './api.js';
import { plurale, testi } from './testi.js';

const t = testi.utenti;

/** The longest search the server accepts (MAX_CERCA of server/src/rotte/utenti.ts). */
export const MAX_CERCA = 200;

/** What is wrong with a search before it is sent: nothing (undefined), empty, or too long. */
export function erroreRicerca(cerca: string): string | undefined {
  const parole = cerca.trim();
  if (parole === '') {
    return t.vuota;
  }
  if (parole.length > MAX_CERCA) {
    return t.lunga(MAX_CERCA, parole.length);
  }
  return undefined;
}

/** "2 utenti trovati per «rossi».", "Nessun utente trovato per «rossi».", and when the server cut the list. */
export function riepilogoUtenti(trovati: UtentiTrovati, cerca: string): string {
  if (trovati.totale === 0) {
    return t.nessuno(cerca);
  }
  const quanti = t.trovati(trovati.totale, cerca);
  if (trovati.utenti.length < trovati.totale) {
    return `${quanti} ${t.primi(trovati.utenti.length)}`;
  }
  return quanti;
}

const giorno = new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'Europe/Rome' });

/** "6 dicembre 2026": a day in Rome, as the page says when a user last wrote. */
export const data = (istante: string) => giorno.format(new Date(istante));

/** "la richiesta", "le 2 richieste". */
const leRichieste = (n: number) => (n === 1 ? 'la richiesta' : `le ${n} richieste`);
/** "l’allegato caricato e mai inviato", "i 3 allegati di mrossi caricati e mai inviati". */
function gliAllegati(n: number, di = ''): string {
  if (n === 1) {
    return `l’allegato${di} caricato e mai inviato`;
  }
  return `i ${n} allegati${di} caricati e mai inviati`;
}

/** What "Cancella i dati" will delete, asked before it does. */
export function confermaCancella(u: UtenteTrovato): string {
  const cosa: string[] = [];
  if (u.richieste > 0) {
    cosa.push(`${leRichieste(u.richieste)} di ${u.utente} con messaggi, allegati e mail`);
  }
  if (u.allegatiNonUsati > 0) {
    cosa.push(gliAllegati(u.allegatiNonUsati, u.richieste > 0 ? '' : ` di ${u.utente}`));
  }
  return `Cancellare definitivamente ${cosa.join(' e ')}? ${t.irreversibile}`;
}

/** What "Anonimizza" will do, asked before it does. */
export function confermaAnonimizza(u: UtenteTrovato): string {
  const frasi: string[] = [];
  if (u.richieste > 0) {
    frasi.push(
      `Anonimizzare ${leRichieste(u.richieste)} di ${u.utente}?`,
      u.richieste === 1
        ? 'La richiesta resta per le statistiche, senza nomi, contatti, testi e file; le sue mail si cancellano.'
        : 'Le richieste restano per le statistiche, senza nomi, contatti, testi e file; le loro mail si cancellano.',
    );
  } else {
    frasi.push(`${u.utente} non ha richieste da anonimizzare.`);
  }
  if (u.allegatiNonUsati > 0) {
    const si = u.allegatiNonUsati === 1 ? 'Si cancella' : 'Si cancellano';
    frasi.push(`${si} anche ${gliAllegati(u.allegatiNonUsati)}.`);
  }
  frasi.push(t.irreversibile);
  return frasi.join(' ');
}

/** "cancellata 1 richiesta", "cancellate 2 richieste": the participle agrees with the count that follows it. */
const participio = (n: number, uno: string, molti: string) => (n === 1 ? uno : molti);

/** What an erasure deleted: "Dati di mrossi: cancellate 2 richieste, 3 messaggi, 2 allegati, 1 mail." */
export function fattoCancella(utente: string, r: DatiRimossi): string {
  const cancellate = participio(r.richieste, 'cancellata', 'cancellate');
  const elenco = [
    plurale(r.richieste, 'richiesta', 'richieste'),
    plurale(r.messaggi, 'messaggio', 'messaggi'),
    plurale(r.allegati, 'allegato', 'allegati'),
    plurale(r.posta, 'mail', 'mail'),
  ];
  return `Dati di ${utente}: ${cancellate} ${elenco.join(', ')}.`;
}

/** What an anonymisation did: "Dati di mrossi: anonimizzate 2 richieste, svuotati 3 messaggi, cancellati 2 allegati e 1 mail." */
export function fattoAnonimizza(utente: string, r: DatiRimossi): string {
  const anonimizzate = `${participio(r.richieste, 'anonimizzata', 'anonimizzate')} ${plurale(r.richieste, 'richiesta', 'richieste')}`;
  const svuotati = `${participio(r.messaggi, 'svuotato', 'svuotati')} ${plurale(r.messaggi, 'messaggio', 'messaggi')}`;
  const cancellati = `cancellati ${plurale(r.allegati, 'allegato', 'allegati')} e ${plurale(r.posta, 'mail', 'mail')}`;
  return `Dati di ${utente}: ${anonimizzate}, ${svuotati}, ${cancellati}.`;
}

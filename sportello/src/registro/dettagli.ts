// What an entry of the record says beyond who, when, what and on which request, in words: the states before and
// after, the address of a login, the file downloaded, the mail sent again, the operator added or removed, the requests
// of a user exported, erased or anonymised.
import type { VoceRegistroJson } from '../api.js';
import { nomeStato, plurale } from '../testi.js';

const testo = (v: unknown) => (typeof v === 'string' ? v : '');

/** "Ricevuta → Risolta", or the one state when it did not change. */
function stati(d: Record<string, unknown>): string {
  const dopo = nomeStato(testo(d.stato));
  const prima = testo(d.statoPrima);
  return prima ? `${nomeStato(prima)} → ${dopo}` : dopo;
}

const numero = (v: unknown) => (typeof v === 'number' ? v : 0);

/** "richieste n. 3, 7", "richiesta n. 3", "nessuna richiesta": a user's requests, by numero (the record has no user). */
function richiesteNumerate(d: Record<string, unknown>): string {
  const numeri = Array.isArray(d.numeri) ? d.numeri.filter((n) => typeof n === 'number') : [];
  if (numeri.length === 0) {
    return 'nessuna richiesta';
  }
  return `${numeri.length === 1 ? 'richiesta' : 'richieste'} n. ${numeri.join(', ')}`;
}

/** "3 messaggi, 2 allegati, 1 mail": what an erasure or an anonymisation removed. */
const rimossi = (d: Record<string, unknown>) =>
  [
    plurale(numero(d.messaggi), 'messaggio', 'messaggi'),
    plurale(numero(d.allegati), 'allegato', 'allegati'),
    plurale(numero(d.posta), 'mail', 'mail'),
  ].join(', ');

export function dettagliVoce(v: Pick<VoceRegistroJson, 'azione' | 'dettagli'>): string {
  const d = v.dettagli;
  switch (v.azione) {
    case 'accesso':
    case 'accesso-fallito':
      return `da ${testo(d.indirizzo)}`;
    case 'accesso-bloccato':
      return `${d.per === 'indirizzo' ? 'indirizzo bloccato' : 'nome utente bloccato'}, da ${testo(d.indirizzo)}`;
    case 'risposta':
      return `stato: ${stati(d)}`;
    case 'cambio-stato':
      return stati(d);
    case 'download':
      return `allegato ${testo(d.allegato)}`;
    case 'posta-reinviata':
      return `mail ${testo(d.posta)}`;
    case 'operatore-aggiunto':
      return `${testo(d.utente)} (${testo(d.ruolo)})`;
    case 'operatore-rimosso':
      return testo(d.utente);
    case 'dati-esportati':
      return richiesteNumerate(d);
    case 'utente-cancellato':
    case 'utente-anonimizzato':
      return `${richiesteNumerate(d)}; ${rimossi(d)}`;
    default:
      return '';
  }
}

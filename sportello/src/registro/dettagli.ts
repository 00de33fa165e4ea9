// What an entry of the record says beyond who, when, what and on which request, in words: the states before and
// after, the address of a login, the file downloaded, the mail sent again, the operator added or removed.
import type { VoceRegistroJson } from '../api.js';
import { nomeStato } from '../testi.js';

const testo = (v: unknown) => (typeof v === 'string' ? v : '');

/** "Ricevuta → Risolta", or the one state when it did not change. */
function stati(d: Record<string, unknown>): string {
  const dopo = nomeStato(testo(d.stato));
  const prima = testo(d.statoPrima);
  return prima ? `${nomeStato(prima)} → ${dopo}` : dopo;
}

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
    default:
      return '';
  }
}

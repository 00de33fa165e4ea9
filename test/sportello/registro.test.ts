// What an entry of the record says beyond who, when, what and where.
import { expect } from '@open-wc/testing';
import { dettagliVoce } from '../../sportello/src/registro/dettagli.js';

describe('sportello/registro/dettagli', () => {
  it('says states, addresses and operators in words', () => {
    const casi: [string, Record<string, unknown>, string][] = [
      ['accesso', { indirizzo: '10.0.0.7' }, 'da 10.0.0.7'],
      ['accesso-fallito', { indirizzo: '10.0.0.7' }, 'da 10.0.0.7'],
      ['accesso-bloccato', { per: 'indirizzo', indirizzo: '10.0.0.7' }, 'indirizzo bloccato, da 10.0.0.7'],
      ['accesso-bloccato', { per: 'utente', indirizzo: '10.0.0.7' }, 'nome utente bloccato, da 10.0.0.7'],
      ['risposta', { stato: 'in-lavorazione', statoPrima: 'ricevuta' }, 'stato: Ricevuta → In lavorazione'],
      ['risposta', { stato: 'attesa-utente' }, 'stato: In attesa dell’utente'],
      ['cambio-stato', { stato: 'risolta', statoPrima: 'attesa-utente' }, 'In attesa dell’utente → Risolta'],
      ['download', { allegato: 'a1' }, 'allegato a1'],
      ['posta-reinviata', { posta: 'p1' }, 'mail p1'],
      ['operatore-aggiunto', { utente: 'luca', ruolo: 'operatore' }, 'luca (operatore)'],
      ['operatore-rimosso', { utente: 'luca' }, 'luca'],
      ['dati-esportati', { numeri: [3, 7], allegatiNonUsati: 0 }, 'richieste n. 3, 7'],
      ['dati-esportati', { numeri: [], allegatiNonUsati: 2 }, 'nessuna richiesta'],
      [
        'utente-cancellato',
        { numeri: [3, 7], richieste: 2, messaggi: 3, allegati: 2, posta: 1 },
        'richieste n. 3, 7; 3 messaggi, 2 allegati, 1 mail',
      ],
      [
        'utente-anonimizzato',
        { numeri: [3], richieste: 1, messaggi: 1, allegati: 0, posta: 0 },
        'richiesta n. 3; 1 messaggio, 0 allegati, 0 mail',
      ],
      ['uscita', {}, ''],
    ];
    for (const [azione, dettagli, atteso] of casi) {
      expect(dettagliVoce({ azione: azione as 'accesso', dettagli }), azione).to.equal(atteso);
    }
  });
});

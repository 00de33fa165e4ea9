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
      ['uscita', {}, ''],
    ];
    for (const [azione, dettagli, atteso] of casi) {
      expect(dettagliVoce({ azione: azione as 'accesso', dettagli }), azione).to.equal(atteso);
    }
  });
});

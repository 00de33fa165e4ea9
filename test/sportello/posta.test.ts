// How the console says a request's mails: which mail, and where each stands in words (sent when, waiting for which
// attempt and why the last failed, failed and why), on Rome's clock; which can be sent again; when the section shows.
import { expect } from '@open-wc/testing';
import {
  annuncioMail,
  daInviareDiNuovo,
  mostraPosta,
  nomeMail,
  statoMail,
  type MailSportello,
} from '../../sportello/src/posta.js';

// 3 December 2026, 10:20 in Rome (UTC+1).
const ora = Date.parse('2026-12-03T09:20:00Z');

function mail(m: Partial<MailSportello>): MailSportello {
  return {
    id: '7d1f6a0e-55b1-4c55-9a57-1f0f3c1f2b10',
    messaggio: '1c9b2a7e-0b0e-4a53-8d0f-2a8b1f0c9e11',
    destinatario: 'mario.rossi@esempio.it',
    oggetto: '[Richiesta n. 12] In attesa di una tua risposta',
    messageId: '<a@localhost>',
    stato: 'da-inviare',
    scrittaIl: '2026-12-03T09:00:00.000Z',
    tentativi: 0,
    reinvio: '/api/sportello/posta/7d1f6a0e-55b1-4c55-9a57-1f0f3c1f2b10/invia-di-nuovo',
    ...m,
  };
}

describe('sportello/posta', () => {
  it('names a mail by when it was written, in Rome, and to whom', () => {
    expect(nomeMail(mail({}), ora)).to.equal('Mail del 3 dic, 10:00 a mario.rossi@esempio.it');
    expect(nomeMail(mail({ scrittaIl: '2025-12-31T23:30:00.000Z' }), ora)).to.equal(
      'Mail del 1 gen, 00:30 a mario.rossi@esempio.it',
      'the first of January in Rome is this year',
    );
    expect(nomeMail(mail({ scrittaIl: '2025-11-20T08:05:00.000Z' }), ora)).to.equal(
      'Mail del 20 nov 2025, 09:05 a mario.rossi@esempio.it',
    );
  });

  it('a sent mail: when it left', () => {
    const inviata = mail({ stato: 'inviata', tentativi: 1, inviataIl: '2026-12-03T09:01:00.000Z' });
    expect(statoMail(inviata, ora, 'attivo')).to.equal('Inviata il 3 dic, 10:01');
  });

  it('a waiting mail: the attempt due next and when, then why the last one failed', () => {
    expect(statoMail(mail({ prossimoTentativoIl: '2026-12-03T09:00:00.000Z' }), ora, 'attivo')).to.equal(
      'In attesa di invio (tentativo n. 1 tra pochi secondi).',
      'due already: the worker takes it within seconds',
    );
    const ritentata = mail({
      tentativi: 1,
      prossimoTentativoIl: '2026-12-03T09:15:00.000Z',
      motivo: '421 4.3.0 Servizio non disponibile',
    });
    expect(statoMail({ ...ritentata, prossimoTentativoIl: '2026-12-03T09:35:00.000Z' }, ora, 'attivo')).to.equal(
      'In attesa di invio (tentativo n. 2 alle 10:35). Il tentativo precedente non è riuscito: 421 4.3.0 Servizio non disponibile',
    );
    // 23:30 in Rome; the next attempt after midnight in Rome, still 3 December in UTC.
    const sera = Date.parse('2026-12-03T22:30:00Z');
    expect(
      statoMail({ ...ritentata, tentativi: 6, prossimoTentativoIl: '2026-12-03T23:15:00.000Z' }, sera, 'attivo'),
    ).to.equal(
      'In attesa di invio (tentativo n. 7 il 4 dic alle 00:15). Il tentativo precedente non è riuscito: 421 4.3.0 Servizio non disponibile',
    );
  });

  it('a mail waiting on a server that sends none says so, whatever its next attempt', () => {
    expect(statoMail(mail({ prossimoTentativoIl: '2026-12-03T09:00:00.000Z' }), ora, 'non-configurato')).to.equal(
      'In attesa di invio: questo server non invia mail.',
    );
  });

  it('a failed mail: the reason, or that the mail server did not take it; it alone can be sent again', () => {
    const fallita = mail({ stato: 'fallita', tentativi: 1, motivo: '550 5.1.1 Casella inesistente' });
    expect(statoMail(fallita, ora, 'attivo')).to.equal('Non inviata: 550 5.1.1 Casella inesistente');
    expect(statoMail({ ...fallita, motivo: undefined }, ora, 'attivo')).to.equal(
      'Non inviata: il server di posta non l’ha accettata',
    );
    expect(statoMail(fallita, ora, 'non-configurato')).to.equal('Non inviata: 550 5.1.1 Casella inesistente');
    expect([fallita, mail({}), mail({ stato: 'inviata' })].map(daInviareDiNuovo)).to.deep.equal([true, false, false]);
  });

  it('a reply’s announcement says whether its mail leaves', () => {
    expect(annuncioMail('mario.rossi@esempio.it', 'attivo')).to.equal(' La mail a mario.rossi@esempio.it è in uscita.');
    expect(annuncioMail('mario.rossi@esempio.it', 'non-configurato')).to.equal(
      ' Non parte via mail: questo server non invia mail.',
    );
    expect(annuncioMail(undefined, 'non-richiesto')).to.equal('');
  });

  it('shows the mails of a request that asked for the answer by mail, or that has any', () => {
    expect(mostraPosta({ invioPosta: 'attivo', posta: [] })).to.equal(true);
    expect(mostraPosta({ invioPosta: 'non-configurato', posta: [] })).to.equal(true);
    expect(mostraPosta({ invioPosta: 'non-richiesto', posta: [] })).to.equal(false);
    expect(mostraPosta({ invioPosta: 'non-richiesto', posta: [mail({ stato: 'fallita' })] })).to.equal(true);
  });
});

// The rules of the administrators' page on a person's data: the search's checks, what the list says, the questions
// before an erasure or an anonymisation and what they did, in words.
import { expect } from '@open-wc/testing';
import {
  MAX_CERCA,
  confermaAnonimizza,
  confermaCancella,
  data,
  erroreRicerca,
  fattoAnonimizza,
  fattoCancella,
  riepilogoUtenti,
} from '../../sportello/src/dati-personali.js';
import type { UtenteTrovato } from '../../sportello/src/api.js';

const utente = (richieste: number, allegatiNonUsati: number): UtenteTrovato => ({
  utente: 'mrossi',
  nomi: ['Mario Rossi'],
  email: ['mario.rossi@esempio.it'],
  richieste,
  allegatiNonUsati,
});

describe('sportello/dati-personali', () => {
  it('refuses an empty search and one longer than the server takes, in words; takes one at the limit', () => {
    expect(erroreRicerca('')).to.equal('Scrivi l’identificativo, un nome o un’email da cercare.');
    expect(erroreRicerca('   ')).to.equal('Scrivi l’identificativo, un nome o un’email da cercare.');
    expect(erroreRicerca('x'.repeat(MAX_CERCA + 1))).to.equal('Scrivi al massimo 200 caratteri (ne hai scritti 201).');
    expect(erroreRicerca(` ${'x'.repeat(MAX_CERCA)} `)).to.equal(undefined);
    expect(erroreRicerca('rossi')).to.equal(undefined);
  });

  it('says how many users a search found, none, and when the server cut the list', () => {
    expect(riepilogoUtenti({ utenti: [], totale: 0 }, 'rossi')).to.equal('Nessun utente trovato per «rossi».');
    expect(riepilogoUtenti({ utenti: [utente(1, 0)], totale: 1 }, 'rossi')).to.equal('1 utente trovato per «rossi».');
    expect(riepilogoUtenti({ utenti: [utente(1, 0), utente(2, 0)], totale: 2 }, 'r')).to.equal(
      '2 utenti trovati per «r».',
    );
    expect(riepilogoUtenti({ utenti: [utente(1, 0)], totale: 60 }, 'r')).to.equal(
      '60 utenti trovati per «r». Sono mostrati i primi 1: precisa la ricerca.',
    );
  });

  it('says a day in Rome, in Italian', () => {
    expect(data('2026-12-06T10:00:00.000Z')).to.equal('6 dicembre 2026');
    // 23:30 UTC on 31 December is already the new year in Rome.
    expect(data('2026-12-31T23:30:00.000Z')).to.equal('1 gennaio 2027');
  });

  it('asks before an erasure what it deletes: the requests with their thread, files and mails, the unsent files', () => {
    expect(confermaCancella(utente(2, 0))).to.equal(
      'Cancellare definitivamente le 2 richieste di mrossi con messaggi, allegati e mail? ' +
        'L’operazione non si può annullare.',
    );
    expect(confermaCancella(utente(1, 3))).to.equal(
      'Cancellare definitivamente la richiesta di mrossi con messaggi, allegati e mail e i 3 allegati caricati e ' +
        'mai inviati? L’operazione non si può annullare.',
    );
    expect(confermaCancella(utente(0, 1))).to.equal(
      'Cancellare definitivamente l’allegato di mrossi caricato e mai inviato? L’operazione non si può annullare.',
    );
  });

  it('asks before an anonymisation what stays (the requests, for the statistics) and what goes', () => {
    expect(confermaAnonimizza(utente(2, 0))).to.equal(
      'Anonimizzare le 2 richieste di mrossi? Le richieste restano per le statistiche, senza nomi, contatti, testi ' +
        'e file; le loro mail si cancellano. L’operazione non si può annullare.',
    );
    expect(confermaAnonimizza(utente(1, 2))).to.equal(
      'Anonimizzare la richiesta di mrossi? La richiesta resta per le statistiche, senza nomi, contatti, testi e ' +
        'file; le sue mail si cancellano. Si cancellano anche i 2 allegati caricati e mai inviati. ' +
        'L’operazione non si può annullare.',
    );
    expect(confermaAnonimizza(utente(0, 1))).to.equal(
      'mrossi non ha richieste da anonimizzare. Si cancella anche l’allegato caricato e mai inviato. ' +
        'L’operazione non si può annullare.',
    );
  });

  it('says what an erasure and an anonymisation did, the words agreeing with the counts', () => {
    expect(fattoCancella('mrossi', { richieste: 2, messaggi: 3, allegati: 2, posta: 1 })).to.equal(
      'Dati di mrossi: cancellate 2 richieste, 3 messaggi, 2 allegati, 1 mail.',
    );
    expect(fattoCancella('mrossi', { richieste: 1, messaggi: 0, allegati: 1, posta: 0 })).to.equal(
      'Dati di mrossi: cancellata 1 richiesta, 0 messaggi, 1 allegato, 0 mail.',
    );
    expect(fattoAnonimizza('mrossi', { richieste: 2, messaggi: 3, allegati: 2, posta: 1 })).to.equal(
      'Dati di mrossi: anonimizzate 2 richieste, svuotati 3 messaggi, cancellati 2 allegati e 1 mail.',
    );
    expect(fattoAnonimizza('mrossi', { richieste: 1, messaggi: 1, allegati: 0, posta: 0 })).to.equal(
      'Dati di mrossi: anonimizzata 1 richiesta, svuotato 1 messaggio, cancellati 0 allegati e 0 mail.',
    );
  });
});

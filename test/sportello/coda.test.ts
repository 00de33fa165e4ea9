// The queue's plain logic: filters and their counts, what the list says of itself, how long a request has waited,
// and what changed between two reads.
import { expect } from '@open-wc/testing';
import type { CodaSportello, VoceCoda } from '../../sportello/src/api.js';
import { attesa, attendeLoSportello, filtroDa, novita, opzioniFiltro, riepilogo } from '../../sportello/src/coda.js';

const ora = Date.parse('2026-03-12T12:00:00Z');
const ore = (n: number) => new Date(ora - n * 3_600_000).toISOString();

function voce(numero: number, extra: Partial<VoceCoda> = {}): VoceCoda {
  return {
    id: `id-${numero}`,
    numero,
    stato: 'ricevuta',
    utente: null,
    cognome: 'Rossi',
    nome: 'Mario',
    anteprima: '',
    ricevutaIl: ore(5),
    aggiornataIl: ore(3),
    inAttesaDal: ore(5),
    nuovaRispostaUtente: false,
    messaggi: 0,
    allegati: 0,
    ...extra,
  };
}

const conteggi: CodaSportello['conteggi'] = {
  ricevuta: 3,
  'in-lavorazione': 2,
  'attesa-utente': 1,
  risolta: 7,
  chiusa: 0,
};

describe('sportello/coda', () => {
  it('offers every request, then each state, each with its count', () => {
    expect(opzioniFiltro(conteggi).map((o) => `${o.valore} ${o.etichetta} ${o.n}`)).to.deep.equal([
      'tutte Tutte 13',
      'ricevuta Ricevuta 3',
      'in-lavorazione In lavorazione 2',
      'attesa-utente In attesa dell’utente 1',
      'risolta Risolta 7',
      'chiusa Chiusa 0',
    ]);
    expect(
      opzioniFiltro(undefined).every((o) => o.n === 0),
      'before the first read',
    ).to.equal(true);
    expect(filtroDa('risolta')).to.equal('risolta');
    expect(filtroDa('qualsiasi')).to.equal('tutte');
  });

  it('says how many requests the list holds, what a search found, and when the list is cut', () => {
    const coda = (n: number, totale: number): CodaSportello => ({
      richieste: Array.from({ length: n }, (_, i) => voce(i + 1)),
      totale,
      conteggi,
    });
    expect(riepilogo(coda(1, 1), '')).to.equal('1 richiesta.');
    expect(riepilogo(coda(12, 12), '')).to.equal('12 richieste.');
    expect(riepilogo(coda(0, 0), 'rossi')).to.equal('0 richieste trovate per «rossi».');
    expect(riepilogo(coda(1, 1), 'n. 4')).to.equal('1 richiesta trovata per «n. 4».');
    expect(riepilogo(coda(200, 340), '')).to.equal('340 richieste. Sono mostrate le prime 200 di 340.');
  });

  it('counts the wait for the help desk only while the request waits for it; otherwise says when it last changed', () => {
    expect(attesa(voce(1), ora).testo).to.equal('in attesa da 5 ore');
    expect(attesa(voce(1, { stato: 'in-lavorazione', inAttesaDal: ore(2) }), ora).testo).to.equal('in attesa da 2 ore');
    expect(attesa(voce(1, { inAttesaDal: undefined }), ora).testo, 'the help desk spoke last').to.equal(
      'aggiornata 3 ore fa',
    );
    for (const stato of ['risolta', 'chiusa', 'attesa-utente'] as const) {
      expect(attendeLoSportello(voce(1, { stato })), stato).to.equal(false);
      expect(attesa(voce(1, { stato }), ora).testo, stato).to.equal('aggiornata 3 ore fa');
    }
    expect(attesa(voce(1), ora).dal).to.equal(ore(5));
  });

  it('tells new requests and the users’ new replies between two reads, nothing else', () => {
    const prima = [voce(1), voce(2, { messaggi: 1 }), voce(3, { messaggi: 2 })];
    const dopo = [
      voce(4),
      voce(2, { messaggi: 2, nuovaRispostaUtente: true }),
      voce(3, { messaggi: 3, nuovaRispostaUtente: false }),
    ];
    expect(novita(prima, dopo)).to.deep.equal([
      { chiave: 'richiesta:id-4', testo: 'Nuova richiesta n. 4.' },
      { chiave: 'risposta:id-2:2', testo: 'Nuova risposta dell’utente alla richiesta n. 2.' },
    ]);
    expect(novita(prima, prima), 'nothing changed').to.deep.equal([]);
    const molte = [5, 6, 7, 8].map((n) => voce(n));
    expect(novita([], molte).map((n) => n.testo)).to.deep.equal(['4 novità nella coda.']);
  });
});

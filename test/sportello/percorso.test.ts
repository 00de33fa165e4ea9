// The console's places in the address's fragment, both ways.
import { expect } from '@open-wc/testing';
import { indirizzo, leggiPercorso, type Percorso } from '../../sportello/src/percorso.js';

describe('sportello/percorso', () => {
  it('reads each place from its fragment and writes it back the same', () => {
    const posti: [string, Percorso][] = [
      ['#/', { vista: 'coda' }],
      [
        '#/richieste/0d7c2c0e-1a4b-4c7e-9a31-3b1f6c2d4e5f',
        { vista: 'richiesta', id: '0d7c2c0e-1a4b-4c7e-9a31-3b1f6c2d4e5f' },
      ],
      ['#/operatori', { vista: 'operatori' }],
      ['#/utenti', { vista: 'utenti' }],
      ['#/tempi', { vista: 'tempi' }],
      ['#/registro', { vista: 'registro' }],
      ['#/registro?operatore=anna&richiesta=0d7c2c0e', { vista: 'registro', operatore: 'anna', richiesta: '0d7c2c0e' }],
    ];
    for (const [hash, percorso] of posti) {
      expect(leggiPercorso(hash), hash).to.deep.equal(percorso);
      expect(indirizzo(percorso), hash).to.equal(hash);
    }
  });

  it('takes an empty or unknown fragment for the queue', () => {
    for (const hash of ['', '#', '#/sconosciuta', '#/richieste/', '#/richieste/a/b']) {
      expect(leggiPercorso(hash), hash).to.deep.equal({ vista: 'coda' });
    }
  });

  it('encodes an id that is not a plain word', () => {
    const p: Percorso = { vista: 'richiesta', id: 'a b/c' };
    expect(indirizzo(p)).to.equal('#/richieste/a%20b%2Fc');
    expect(leggiPercorso(indirizzo(p))).to.deep.equal(p);
  });
});

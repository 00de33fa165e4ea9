import { expect } from '@open-wc/testing';
import type { RichiestaUtente } from '../src/elenco.js';
import * as italiano from '../src/i18n/it.js';
import * as inglese from '../src/i18n/en.js';
import { aperta, filtrate, ordina, primaRiga, quando } from '../src/richieste/riepilogo.js';

// Every instant is absolute (an ISO string with its offset), so the tests mean the same in any runner's time zone.
const ist = (s: string) => Date.parse(s);

const richiesta = (numero: number, stato: string, aggiornataIl: string): RichiestaUtente => ({
  id: `r${numero}`,
  numero,
  stato,
  creataIl: '2026-01-01T08:00:00Z',
  aggiornataIl,
  descrizione: `Richiesta ${numero}.`,
  messaggi: [],
});

describe('riepilogo', () => {
  describe('primaRiga', () => {
    it('keeps a first line that fits whole, without "…"', () => {
      expect(primaRiga('Non riesco ad allegare la planimetria.')).to.equal('Non riesco ad allegare la planimetria.');
      expect(primaRiga('x'.repeat(80))).to.equal('x'.repeat(80));
    });

    it('takes the first line with text: earlier blank lines, the other lines and the spaces around are left out', () => {
      expect(primaRiga('\n  \r\n  Il file non si carica.  \nSeconda riga\r\nterza')).to.equal('Il file non si carica.');
      expect(primaRiga('Prima\rseconda')).to.equal('Prima');
      expect(primaRiga('   \n\n')).to.equal('');
    });

    it('cuts a long line on the last word boundary within 80 characters, with "…"', () => {
      const lunga =
        'Non riesco ad allegare la planimetria alla SCIA: il portale dice che il file è troppo grande anche se pesa 3 MB';
      // The 80th character falls inside "troppo": the cut goes back to the space before it.
      expect(primaRiga(lunga)).to.equal(
        'Non riesco ad allegare la planimetria alla SCIA: il portale dice che il file è…',
      );
      expect([...primaRiga(lunga)].length).to.be.at.most(81);
    });

    it('keeps the whole last word when the 81st character is a space', () => {
      const parole = `${'a'.repeat(39)} ${'b'.repeat(40)} coda`;
      expect([...parole][80]).to.equal(' ');
      expect(primaRiga(parole)).to.equal(`${'a'.repeat(39)} ${'b'.repeat(40)}…`);
    });

    it('drops a comma, semicolon or colon left before the "…"', () => {
      const riga = `${'parola '.repeat(10)}finale, ${'altra '.repeat(10)}`;
      expect(primaRiga(riga, 77)).to.equal(`${'parola '.repeat(10)}finale…`);
    });

    it('cuts inside a word that would leave less than half the room: a long address still says something', () => {
      const url = `Errore: https://portale.esempio.it/${'percorso/'.repeat(12)}`;
      expect(primaRiga(url)).to.equal(`${[...url].slice(0, 80).join('')}…`);
      expect(primaRiga('y'.repeat(100))).to.equal(`${'y'.repeat(80)}…`);
    });

    it('never splits a character written in two code units', () => {
      const emoji = '😀'.repeat(100);
      expect(primaRiga(emoji)).to.equal(`${'😀'.repeat(80)}…`);
    });
  });

  describe('quando', () => {
    const ora = ist('2026-12-03T10:30:00+01:00');
    const t = italiano.richieste;

    it('today and yesterday relative, by Rome’s calendar day', () => {
      expect(quando(ist('2026-12-03T10:01:00+01:00'), ora, t)).to.equal('oggi alle 10:01');
      expect(quando(ist('2026-12-03T00:00:00+01:00'), ora, t)).to.equal('oggi alle 00:00');
      // 23:30 UTC on the 2nd is already the 3rd in Rome.
      expect(quando(ist('2026-12-02T23:30:00Z'), ora, t)).to.equal('oggi alle 00:30');
      expect(quando(ist('2026-12-02T18:30:00+01:00'), ora, t)).to.equal('ieri alle 18:30');
      expect(quando(ist('2026-12-02T00:00:00+01:00'), ora, t)).to.equal('ieri alle 00:00');
    });

    it('older dates as day, month and time; the year only when it is not this one', () => {
      expect(quando(ist('2026-12-01T23:59:00+01:00'), ora, t)).to.equal('1 dic, 23:59');
      // Summer time: 08:00 UTC is 10:00 in Rome.
      expect(quando(ist('2026-07-14T08:00:00Z'), ora, t)).to.equal('14 lug, 10:00');
      expect(quando(ist('2025-12-03T10:01:00+01:00'), ora, t)).to.equal('3 dic 2025, 10:01');
      // 23:30 UTC on New Year's Eve is already 1 January in Rome: another year, yet this one.
      expect(quando(ist('2025-12-31T23:30:00Z'), ist('2026-01-05T12:00:00+01:00'), t)).to.equal('1 gen, 00:30');
    });

    it('in English', () => {
      const e = inglese.richieste;
      expect(quando(ist('2026-12-03T10:01:00+01:00'), ora, e)).to.equal('today at 10:01');
      expect(quando(ist('2026-12-02T18:30:00+01:00'), ora, e)).to.equal('yesterday at 18:30');
      expect(quando(ist('2026-12-01T10:01:00+01:00'), ora, e)).to.equal('1 Dec, 10:01');
      expect(quando(ist('2025-09-03T10:01:00+02:00'), ora, e)).to.equal('3 Sep 2025, 10:01');
    });

    it('an instant a little ahead of the browser’s clock (the server’s clock runs ahead) is still today', () => {
      expect(quando(ist('2026-12-03T10:31:00+01:00'), ora, t)).to.equal('oggi alle 10:31');
    });
  });

  describe('ordina and filtrate', () => {
    it('puts the requests waiting for the user first, then the latest moved first', () => {
      const elenco = [
        richiesta(5, 'ricevuta', '2026-12-01T09:00:00Z'),
        richiesta(4, 'attesa-utente', '2026-11-01T09:00:00Z'),
        richiesta(3, 'in-lavorazione', '2026-12-03T09:00:00Z'),
        richiesta(2, 'attesa-utente', '2026-11-20T09:00:00Z'),
        richiesta(1, 'risolta', '2026-12-02T09:00:00Z'),
      ];
      expect(ordina(elenco).map((r) => r.numero)).to.deep.equal([2, 4, 3, 1, 5]);
      // A new array: the list read from the server is left as it came.
      expect(elenco.map((r) => r.numero)).to.deep.equal([5, 4, 3, 2, 1]);
    });

    it('compares instants, not their text: other offsets and fractions of a second', () => {
      const elenco = [
        richiesta(2, 'ricevuta', '2026-12-03T10:00:00+01:00'),
        richiesta(1, 'ricevuta', '2026-12-03T09:30:00.5Z'),
      ];
      expect(ordina(elenco).map((r) => r.numero)).to.deep.equal([1, 2]);
    });

    it('keeps the server’s order for requests that moved at the same instant', () => {
      const stesso = '2026-12-03T09:00:00Z';
      const elenco = [
        richiesta(3, 'ricevuta', stesso),
        richiesta(9, 'ricevuta', stesso),
        richiesta(1, 'ricevuta', stesso),
      ];
      expect(ordina(elenco).map((r) => r.numero)).to.deep.equal([3, 9, 1]);
    });

    it('open means neither solved nor closed; an unknown state counts as open', () => {
      const elenco = ['ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa', 'sospesa'].map((s, i) =>
        richiesta(i + 1, s, '2026-12-03T09:00:00Z'),
      );
      expect(elenco.filter(aperta).map((r) => r.stato)).to.deep.equal([
        'ricevuta',
        'in-lavorazione',
        'attesa-utente',
        'sospesa',
      ]);
      expect(filtrate(elenco, 'aperte').map((r) => r.stato)).to.deep.equal(elenco.filter(aperta).map((r) => r.stato));
      expect(filtrate(elenco, 'tutte')).to.deep.equal(elenco);
    });
  });
});

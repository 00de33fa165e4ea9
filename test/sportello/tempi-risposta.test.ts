// How the console says the response times: months in Italian words, shares with the comma, medians in hours and
// minutes, the limits as the table's columns name them, and which months are a small sample.
import { expect } from '@open-wc/testing';
import { durataBreve, limite, nomeMese, percento, pochiDati } from '../../sportello/src/tempi-risposta.js';

describe('sportello/tempi-risposta', () => {
  it('names a month in Italian words, whatever the zone of the computer', () => {
    expect(nomeMese('2026-12')).to.equal('dicembre 2026');
    expect(nomeMese('2027-01')).to.equal('gennaio 2027');
    expect(nomeMese('2026-08')).to.equal('agosto 2026');
  });

  it('writes a share with one decimal and the Italian comma', () => {
    expect(percento(23.5)).to.equal('23,5%');
    expect(percento(0)).to.equal('0,0%');
    expect(percento(100)).to.equal('100,0%');
    expect(percento(66.7)).to.equal('66,7%');
  });

  it('says a median in minutes, hours and minutes, or days and hours, to the nearest minute', () => {
    expect(durataBreve(0)).to.equal('meno di 1 min');
    expect(durataBreve(0.4)).to.equal('meno di 1 min');
    expect(durataBreve(0.5)).to.equal('1 min');
    expect(durataBreve(45.2)).to.equal('45 min');
    expect(durataBreve(59.6)).to.equal('1 h');
    expect(durataBreve(125)).to.equal('2 h 5 min');
    expect(durataBreve(180)).to.equal('3 h');
    expect(durataBreve(24 * 60)).to.equal('1 giorno');
    expect(durataBreve(28 * 60 + 10)).to.equal('1 giorno 4 h');
    expect(durataBreve(3 * 24 * 60 + 60)).to.equal('3 giorni 1 h');
  });

  it('names a limit in minutes or whole hours', () => {
    expect([10, 30, 60, 480, 1440].map(limite)).to.deep.equal(['10 minuti', '30 minuti', '1 ora', '8 ore', '24 ore']);
  });

  it('marks a month with some requests but fewer than the minimum, never an empty one', () => {
    expect(pochiDati(3, 30)).to.equal(true);
    expect(pochiDati(29, 30)).to.equal(true);
    expect(pochiDati(30, 30)).to.equal(false);
    expect(pochiDati(0, 30)).to.equal(false);
  });
});

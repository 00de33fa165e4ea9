import { expect } from '@open-wc/testing';
import { festivo, pasqua } from '../src/orari/festivita.js';
import { GIORNO, daIso, iso } from '../src/orari/roma.js';

const giorno = (s: string) => daIso(s)!;

describe('festivita', () => {
  it('computes Easter Sunday', () => {
    for (const d of [
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2019-04-21',
      '2038-04-25',
      '2285-03-22',
    ]) {
      expect(iso(pasqua(+d.slice(0, 4)))).to.equal(d);
    }
  });

  it('closes on Easter Sunday and on Easter Monday (Pasquetta)', () => {
    for (const d of ['2024-04-01', '2025-04-21', '2026-04-06', '2027-03-29', '2024-03-31', '2026-04-05']) {
      expect(festivo(giorno(d)), d).to.be.true;
    }
    expect(festivo(giorno('2026-04-07')), 'the Tuesday after').to.be.false;
    expect(festivo(giorno('2026-04-03')), 'Good Friday is a working day').to.be.false;
  });

  it('lists every fixed national holiday', () => {
    const fisse = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
    for (const anno of [2025, 2026, 2031]) {
      for (const md of fisse) expect(festivo(giorno(`${anno}-${md}`)), `${anno}-${md}`).to.be.true;
    }
  });

  it('has 4 October, San Francesco d’Assisi, from 2026 only (law 151/2025)', () => {
    expect(festivo(giorno('2025-10-04'))).to.be.false;
    expect(festivo(giorno('2026-10-04'))).to.be.true;
    expect(festivo(giorno('2027-10-04'))).to.be.true;
  });

  it('closes on exactly these days of the year and no other', () => {
    const festivi = [];
    for (let d = giorno('2027-01-01'); d <= giorno('2027-12-31'); d += GIORNO) if (festivo(d)) festivi.push(iso(d));
    expect(festivi).to.deep.equal([
      '2027-01-01',
      '2027-01-06',
      '2027-03-28',
      '2027-03-29',
      '2027-04-25',
      '2027-05-01',
      '2027-06-02',
      '2027-08-15',
      '2027-10-04',
      '2027-11-01',
      '2027-12-08',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('does not close on days that are no longer national holidays or are only local', () => {
    for (const d of [
      '2026-03-19',
      '2026-06-29',
      '2026-11-04',
      '2026-12-07',
      '2026-01-02',
      '2026-08-14',
      '2026-05-14',
    ]) {
      expect(festivo(giorno(d)), d).to.be.false;
    }
  });
});

import { expect } from '@open-wc/testing';
import {
  calendario,
  descriviOrari,
  descriviRiapertura,
  leggiChiusure,
  leggiGiorni,
  leggiOrari,
  statoLinea,
  type ConfigurazioneOrari,
} from '../src/orari/orari.js';
import * as en from '../src/i18n/en.js';

// Rome is UTC+1 in winter (CET) and UTC+2 in summer (CEST): every instant here is absolute, built with Date.UTC,
// so the tests mean the same whatever the runner's own time zone.
const CET = 1;
const CEST = 2;
const roma = (data: string, ora: string, offset: number) => {
  const [y, m, d] = data.split('-').map(Number);
  const [h, min] = ora.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h - offset, min);
};

const stato = (istante: number, c: ConfigurazioneOrari = {}) => statoLinea(istante, calendario(c));
const messaggio = (istante: number, c: ConfigurazioneOrari = {}) => {
  const s = stato(istante, c);
  if (s.aperto) return 'aperto';
  if (s.riapre) return descriviRiapertura(s.riapre);
  return 'chiuso';
};

describe('orari', () => {
  describe('parsing', () => {
    it('reads time slots, with colons or dots and spaces, in time order', () => {
      expect(leggiOrari('08:30-12:30,14:00-18:00')).to.deep.equal([
        [510, 750],
        [840, 1080],
      ]);
      expect(leggiOrari(' 14.00 - 18.00 , 8.30-12.30')).to.deep.equal([
        [510, 750],
        [840, 1080],
      ]);
      expect(leggiOrari('00:00-24:00')).to.deep.equal([[0, 1440]]);
    });

    it('says what is wrong with bad time slots: the setting and the value', () => {
      expect(() => leggiOrari('8-12')).to.throw('orari: "8-12" non valido');
      expect(() => leggiOrari('25:00-26:00')).to.throw('orari: "25:00-26:00" non valido');
      expect(() => leggiOrari('08:75-09:00')).to.throw('"08:75-09:00" non valido');
      expect(() => leggiOrari('')).to.throw('orari: "" non valido');
      expect(() => leggiOrari('12:30-08:30'), 'ends before it starts').to.throw('orari: "12:30-08:30" non valido');
      expect(() => leggiOrari('08:30,14:00-18:00'), 'a time is not a slot').to.throw(
        'orari: "08:30,14:00-18:00" non valido',
      );
      expect(() => leggiOrari('08:00-12:00,11:00-14:00'), 'overlap').to.throw(
        'orari: "08:00-12:00,11:00-14:00" non valido',
      );
    });

    it('reads weekdays as Italian abbreviations, lists and ranges (ISO weekdays, 1 Monday)', () => {
      expect(leggiGiorni('lun-ven')).to.deep.equal([[1, 5]]);
      expect(leggiGiorni('lun,mer,ven')).to.deep.equal([
        [1, 1],
        [3, 3],
        [5, 5],
      ]);
      expect(leggiGiorni('SAB, Lun - mer')).to.deep.equal([
        [6, 6],
        [1, 3],
      ]);
      expect(leggiGiorni('dom')).to.deep.equal([[7, 7]]);
      expect(leggiGiorni('lun-dom')).to.deep.equal([[1, 7]]);
    });

    it('says what is wrong with bad weekdays: the setting and the value', () => {
      expect(() => leggiGiorni('lunedì')).to.throw('giorni: "lunedì" non valido');
      expect(() => leggiGiorni('mon-fri')).to.throw('giorni: "mon-fri" non valido');
      expect(() => leggiGiorni('lun,,ven')).to.throw('giorni: "" non valido');
      expect(() => leggiGiorni('')).to.throw('giorni: "" non valido');
      expect(() => leggiGiorni('ven-lun'), 'backwards').to.throw('giorni: "ven-lun" non valido');
      expect(() => leggiGiorni('lun-mer-ven')).to.throw('giorni: "lun-mer-ven" non valido');
    });

    it('reads closing days and ranges, as a string or a list, and refuses what is not a date', () => {
      expect(leggiChiusure('2026-06-29, 2026-08-10/2026-08-21')).to.deep.equal([
        [Date.UTC(2026, 5, 29), Date.UTC(2026, 5, 29)],
        [Date.UTC(2026, 7, 10), Date.UTC(2026, 7, 21)],
      ]);
      expect(leggiChiusure(['2026-06-29'])).to.have.length(1);
      expect(leggiChiusure('')).to.deep.equal([]);
      expect(() => leggiChiusure('2026-02-30')).to.throw('chiusure: "2026-02-30" non valido');
      expect(() => leggiChiusure('29/06/2026')).to.throw('chiusure: "29/06/2026" non valido');
      expect(() => leggiChiusure('2026-08-21/2026-08-10'), 'backwards').to.throw(
        'chiusure: "2026-08-21/2026-08-10" non valido',
      );
      expect(() => leggiChiusure('2026-08-10/2026-08-21/2026-08-31')).to.throw('non valido');
    });
  });

  describe('wording', () => {
    const orari = (c: ConfigurazioneOrari, t?: typeof en.telefonica, locale?: string) =>
      descriviOrari(calendario(c), t, locale);

    it('writes the hours as the seed does', () => {
      expect(orari({})).to.equal('Orari: da lunedì a venerdì, 8.30 - 12.30 e 14.00 - 18.00, esclusi i festivi.');
      expect(orari({ orari: '08:30-10:00,11:00-12:30,14:00-18:00' })).to.contain(
        ', 8.30 - 10.00, 11.00 - 12.30 e 14.00 - 18.00,',
      );
      expect(orari({}, en.telefonica, 'en-GB')).to.equal(
        'Hours: Monday to Friday, 8:30 - 12:30 and 14:00 - 18:00, except public holidays.',
      );
    });

    it('names the days as the host grouped them: ranges and lists', () => {
      const giorni = (g: string) => orari({ giorni: g }).split(', 8.30')[0];
      expect(giorni('lun,mer,ven')).to.equal('Orari: lunedì, mercoledì e venerdì');
      expect(giorni('lun,mar')).to.equal('Orari: lunedì e martedì');
      expect(giorni('lun-mer,sab')).to.equal('Orari: da lunedì a mercoledì e sabato');
      expect(giorni('dom')).to.equal('Orari: domenica');
    });
  });

  describe('open or closed, in Rome', () => {
    it('is open inside a slot and closes exactly at its end', () => {
      const s = stato(roma('2026-03-09', '10:00', CET));
      expect(s.aperto).to.be.true;
      expect(s.rivedi, 'the next change').to.equal(roma('2026-03-09', '12:30', CET));
      expect(stato(roma('2026-03-09', '12:30', CET) - 1).aperto).to.be.true;
      expect(stato(roma('2026-03-09', '12:30', CET)).aperto).to.be.false;
      expect(stato(roma('2026-03-09', '08:30', CET)).aperto).to.be.true;
    });

    it('follows Rome whatever the visitor’s zone: 4.00 in New York is 10.00 in Rome', () => {
      expect(stato(Date.parse('2026-03-09T04:00:00-05:00')).aperto).to.be.true;
      expect(stato(Date.parse('2026-03-09T10:00:00+09:00')).aperto, '10.00 in Tokyo is 2.00 in Rome').to.be.false;
    });

    it('over lunch it reopens at 14.00, the same day', () => {
      const s = stato(roma('2026-03-09', '12:30', CET));
      expect(s.riapre).to.deep.include({ minuti: 840, traGiorni: 0 });
      expect(s.rivedi).to.equal(roma('2026-03-09', '14:00', CET));
      expect(messaggio(roma('2026-03-09', '13:15', CET))).to.equal('riapre alle 14.00');
    });

    it('before the first slot it opens at 8.30; in the evening it reopens tomorrow', () => {
      expect(messaggio(roma('2026-03-10', '07:00', CET))).to.equal('riapre alle 8.30');
      expect(messaggio(roma('2026-03-09', '18:00', CET))).to.equal('riapre domani alle 8.30');
      expect(messaggio(roma('2026-03-09', '23:59', CET))).to.equal('riapre domani alle 8.30');
    });

    it('is closed at the weekend: Friday evening and Saturday name lunedì, Sunday says domani', () => {
      expect(messaggio(roma('2026-03-06', '18:30', CET))).to.equal('riapre lunedì alle 8.30');
      expect(messaggio(roma('2026-03-07', '10:00', CET))).to.equal('riapre lunedì alle 8.30');
      expect(messaggio(roma('2026-03-08', '10:00', CET))).to.equal('riapre domani alle 8.30');
      expect(stato(roma('2026-03-06', '18:30', CET)).rivedi, 'rewords at midnight').to.equal(
        roma('2026-03-07', '00:00', CET),
      );
      expect(stato(roma('2026-03-09', '00:00', CET)).rivedi).to.equal(roma('2026-03-09', '08:30', CET));
    });

    it('is closed on a holiday and reopens on the next working day', () => {
      // 2 June 2026 is a Tuesday.
      expect(stato(roma('2026-06-02', '10:00', CEST)).aperto).to.be.false;
      expect(messaggio(roma('2026-06-01', '18:00', CEST))).to.equal('riapre mercoledì alle 8.30');
      expect(messaggio(roma('2026-06-02', '10:00', CEST))).to.equal('riapre domani alle 8.30');
      // Christmas Eve 2026 is a Thursday: 25 and 26 December, then the weekend.
      expect(messaggio(roma('2026-12-24', '19:00', CET))).to.equal('riapre lunedì alle 8.30');
      // Good Friday evening 2026: Easter Sunday, then Pasquetta on Monday.
      expect(messaggio(roma('2026-04-03', '18:30', CEST))).to.equal('riapre martedì alle 8.30');
      // 4 October 2027 is a Monday.
      expect(messaggio(roma('2027-10-01', '18:30', CEST))).to.equal('riapre martedì alle 8.30');
    });

    it('is closed on the Ente’s own closing days, single days and ranges', () => {
      const chiusure = '2026-06-29, 2026-08-10/2026-08-21';
      expect(stato(roma('2026-06-29', '10:00', CEST), { chiusure }).aperto).to.be.false;
      expect(messaggio(roma('2026-06-26', '18:30', CEST), { chiusure })).to.equal('riapre martedì alle 8.30');
      expect(messaggio(roma('2026-08-07', '18:30', CEST), { chiusure })).to.equal('riapre lunedì 24 agosto alle 8.30');
      expect(stato(roma('2026-06-29', '10:00', CEST), { chiusure: ['2026-06-30'] }).aperto).to.be.true;
    });

    it('follows other slots and weekdays', () => {
      const c = { orari: '09:00-13:00', giorni: 'lun,mer,ven' };
      expect(stato(roma('2026-03-09', '12:00', CET), c).aperto).to.be.true;
      expect(messaggio(roma('2026-03-09', '14:00', CET), c)).to.equal('riapre mercoledì alle 9.00');
      expect(stato(roma('2026-03-10', '10:00', CET), c).aperto, 'Tuesday').to.be.false;
    });

    it('counts the days across the change to summer time (last Sunday of March)', () => {
      // Friday 27 March 2026, 18.00 CET; the clocks go forward on Sunday 29; Monday 30, 8.30 is CEST, 6.30 UTC.
      const s = stato(roma('2026-03-27', '18:00', CET));
      expect(descriviRiapertura(s.riapre!)).to.equal('riapre lunedì alle 8.30');
      expect(stato(Date.UTC(2026, 2, 29, 22, 0)).rivedi, 'from Monday 0.00 CEST').to.equal(
        Date.UTC(2026, 2, 30, 6, 30),
      );
      expect(stato(Date.UTC(2026, 2, 30, 6, 29)).aperto, '8.29 CEST').to.be.false;
      expect(stato(Date.UTC(2026, 2, 30, 6, 30)).aperto, '8.30 CEST').to.be.true;
      // Open every day: on the Sunday itself, 10.00 CEST is 8.00 UTC and the slot ends at 12.30 CEST.
      const sempre = { giorni: 'lun-dom' };
      expect(stato(Date.UTC(2026, 2, 29, 8, 0), sempre).rivedi).to.equal(Date.UTC(2026, 2, 29, 10, 30));
      expect(stato(Date.UTC(2026, 2, 28, 23, 0), sempre).rivedi, 'from Sunday 0.00 CET').to.equal(
        Date.UTC(2026, 2, 29, 6, 30),
      );
      const sabato = stato(roma('2026-03-28', '18:00', CET), sempre);
      expect(sabato.rivedi, 'rewords at Rome midnight, still CET').to.equal(Date.UTC(2026, 2, 28, 23, 0));
    });

    it('counts the days across the change to winter time (last Sunday of October)', () => {
      expect(stato(Date.UTC(2026, 9, 25, 23, 0)).rivedi, 'from Monday 0.00 CET').to.equal(Date.UTC(2026, 9, 26, 7, 30));
      expect(stato(Date.UTC(2026, 9, 26, 7, 29)).aperto).to.be.false;
      expect(stato(Date.UTC(2026, 9, 26, 7, 30)).aperto).to.be.true;
      const sempre = { giorni: 'lun-dom' };
      expect(stato(Date.UTC(2026, 9, 24, 22, 0), sempre).rivedi, 'from Sunday 0.00 CEST').to.equal(
        Date.UTC(2026, 9, 25, 7, 30),
      );
      const sabato = stato(roma('2026-10-24', '18:00', CEST), sempre);
      expect(sabato.rivedi).to.equal(Date.UTC(2026, 9, 24, 22, 0));
      // 2.30 happens twice on that Sunday: both are the same Rome date and time.
      expect(stato(Date.UTC(2026, 9, 25, 0, 30), { orari: '02:00-03:00', giorni: 'dom' }).aperto).to.be.true;
      expect(stato(Date.UTC(2026, 9, 25, 1, 30), { orari: '02:00-03:00', giorni: 'dom' }).aperto).to.be.true;
    });

    it('rewords "domani" at midnight, and never reopens when closed for over a year', () => {
      expect(stato(roma('2026-03-09', '18:00', CET)).rivedi).to.equal(roma('2026-03-10', '00:00', CET));
      const s = stato(roma('2026-03-09', '18:00', CET), { giorni: 'lun', chiusure: '2026-03-10/2027-12-31' });
      expect([s.aperto, s.riapre, s.rivedi]).to.deep.equal([false, undefined, roma('2026-03-10', '00:00', CET)]);
    });
  });
});

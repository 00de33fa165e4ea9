// How the console says time: whole units rounded down, waits in Europe/Rome, a lock's end rounded up to the minute.
import { expect } from '@open-wc/testing';
import { aggiornata, alle, durata, inAttesaDa, quando, traQuanto } from '../../sportello/src/tempo.js';

const MINUTO = 60_000;
const ORA = 60 * MINUTO;
const GIORNO = 24 * ORA;
const ora = Date.parse('2026-03-12T09:42:00Z');
const prima = (ms: number) => new Date(ora - ms).toISOString();

describe('sportello/tempo', () => {
  it('says a span in whole minutes, hours or days, rounded down, in the singular for one', () => {
    expect(durata(0)).to.equal('meno di un minuto');
    expect(durata(59_999)).to.equal('meno di un minuto');
    expect(durata(MINUTO)).to.equal('1 minuto');
    expect(durata(59 * MINUTO + 59_999)).to.equal('59 minuti');
    expect(durata(ORA)).to.equal('1 ora');
    expect(durata(2 * ORA + 59 * MINUTO)).to.equal('2 ore');
    expect(durata(GIORNO - 1)).to.equal('23 ore');
    expect(durata(GIORNO)).to.equal('1 giorno');
    expect(durata(3 * GIORNO + 23 * ORA)).to.equal('3 giorni');
  });

  it('“in attesa da 2 ore” from inAttesaDal; a date ahead of the clock is now', () => {
    expect(inAttesaDa(prima(2 * ORA + 5 * MINUTO), ora)).to.equal('in attesa da 2 ore');
    expect(inAttesaDa(prima(45 * MINUTO), ora)).to.equal('in attesa da 45 minuti');
    expect(inAttesaDa(prima(-5 * MINUTO), ora)).to.equal('in attesa da meno di un minuto');
  });

  it('“aggiornata 3 giorni fa”, and “aggiornata adesso” within the minute', () => {
    expect(aggiornata(prima(3 * GIORNO), ora)).to.equal('aggiornata 3 giorni fa');
    expect(aggiornata(prima(1 * MINUTO), ora)).to.equal('aggiornata 1 minuto fa');
    expect(aggiornata(prima(20_000), ora)).to.equal('aggiornata adesso');
  });

  it('says when a lock ends rounded up to the minute, never “tra 0 minuti”', () => {
    expect(traQuanto(1)).to.equal('tra 1 minuto');
    expect(traQuanto(60)).to.equal('tra 1 minuto');
    expect(traQuanto(61)).to.equal('tra 2 minuti');
    expect(traQuanto(900)).to.equal('tra 15 minuti');
    expect(traQuanto(2 * 3600)).to.equal('tra 2 ore');
  });

  it('writes dates and times in Rome, whatever the computer’s zone', () => {
    expect(quando('2026-03-12T09:42:00Z')).to.equal('12/03/26, 10:42');
    expect(quando('2026-07-01T22:05:00Z')).to.equal('02/07/26, 00:05');
    expect(alle(Date.parse('2026-07-01T08:30:00Z'))).to.equal('10:30');
  });
});

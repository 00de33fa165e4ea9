// A reply by mail without the history below it, as the mail programs people use quote it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { senzaCitazioni } from '../src/servizi/citazioni.js';

const STORIA =
  '> Buongiorno, ci manda lo screenshot?\n>\n> -- \n> La conversazione completa è anche in «Le mie richieste».\n';

describe('senzaCitazioni', () => {
  it('cuts Gmail’s Italian attribution, also wrapped on two lines, and the quoted lines below it', () => {
    const gmail =
      'Eccolo.\r\nGrazie\r\n\r\nIl giorno lun 3 feb 2026 alle ore 10:12 Assistenza GeoTecSUE <\r\n' +
      'assistenza+12-0123456789abcdef0123456789abcdef@esempio.it> ha scritto:\r\n\r\n' +
      STORIA.replace(/\n/g, '\r\n');
    assert.equal(senzaCitazioni(gmail), 'Eccolo.\nGrazie');
  });

  it('cuts "On … wrote:" (Gmail, Apple Mail in English), Thunderbird’s "Il … ha scritto:" and Apple Mail’s Italian', () => {
    for (const attribuzione of [
      'On Mon, Feb 3, 2026 at 10:12 AM Assistenza GeoTecSUE <assistenza+12-ab@esempio.it> wrote:',
      'Il 03/02/26 10:12, Assistenza GeoTecSUE ha scritto:',
      'Il giorno 3 feb 2026, alle ore 10:12, Assistenza GeoTecSUE <assistenza+12-ab@esempio.it> ha scritto:',
    ]) {
      assert.equal(
        senzaCitazioni(`Va bene, grazie.\n\n${attribuzione}\n\n${STORIA}`),
        'Va bene, grazie.',
        attribuzione,
      );
    }
  });

  it('cuts Outlook’s original message, with its separator or its Da/Inviato block', () => {
    const separatore =
      'Ok.\n\n-----Messaggio originale-----\nDa: Assistenza\nInviato: lunedì\n\nCi manda lo screenshot?';
    assert.equal(senzaCitazioni(separatore), 'Ok.');
    const blocco =
      'Ok, allego.\n\n________________________________\nDa: Assistenza GeoTecSUE <assistenza@esempio.it>\n' +
      'Inviato: lunedì 3 febbraio 2026 10:12\nA: Zoë\nOggetto: [Richiesta n. 12] In lavorazione\n\nCi manda lo screenshot?';
    assert.equal(senzaCitazioni(blocco), 'Ok, allego.');
  });

  it('keeps the user’s own lines between quoted ones, and a line that only looks like an attribution', () => {
    const inLinea = '> Ci manda lo screenshot?\nSì, eccolo.\n> E il numero della pratica?\nSCIA 123/2026.';
    assert.equal(senzaCitazioni(inLinea), 'Sì, eccolo.\nSCIA 123/2026.');
    const frase = 'Il tecnico del Comune mi ha scritto:\nla pratica va ripresentata.';
    assert.equal(senzaCitazioni(frase), frase);
  });

  it('leaves nothing when there was only history', () => {
    assert.equal(senzaCitazioni(`\n\nOn Mon, Feb 3, 2026 Assistenza wrote:\n${STORIA}`), '');
  });
});

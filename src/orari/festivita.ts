// Italy's national public holidays, as the law stands today (law 260/1949 art. 2 and its later amendments).
//
// 4 October, San Francesco d'Assisi, is a national holiday again from 2026: law 151 of 8 October 2025 (Gazzetta
// Ufficiale n. 236 of 10 October 2025), in force from 1 January 2026. Checked on the ANCE and Assolombarda notes
// about that law and on the holiday libraries that followed it (jollyday, Nager.Date, python-holidays).
// Patron saints' days are local: an Ente lists its own in `chiusure`.
import { GIORNO, iso, type Data } from './roma.js';

const FISSE = '01-01 01-06 04-25 05-01 06-02 08-15 11-01 12-08 12-25 12-26';

const div = (x: number, y: number) => Math.floor(x / y);

/** Easter Sunday of the Gregorian calendar: Oudin's algorithm (1940), as the Explanatory Supplement to the
 * Astronomical Almanac gives it; it agrees with Meeus/Jones/Butcher on every year from 1583 to 4999. */
export function pasqua(anno: number): Data {
  const a = anno % 19;
  const b = div(anno, 100);
  const c = (b - div(b, 4) - div(8 * b + 13, 25) + 19 * a + 15) % 30;
  const d = c - div(c, 28) * (1 - div(29, c + 1) * div(21 - a, 11));
  // Days from 28 March; Date.UTC carries day 32 and on into April.
  return Date.UTC(anno, 2, 28 + d - ((anno + div(anno, 4) + d + 2 - b + div(b, 4)) % 7));
}

/** Whether a date is a national holiday: the fixed ones, Easter Sunday and Monday, 4 October from 2026. */
export function festivo(data: Data): boolean {
  const anno = new Date(data).getUTCFullYear();
  const p = pasqua(anno);
  const md = iso(data).slice(5);
  return data === p || data === p + GIORNO || FISSE.includes(md) || (anno > 2025 && md === '10-04');
}

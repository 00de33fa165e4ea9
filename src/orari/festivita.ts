// Italy's national public holidays, as the law stands today (law 260/1949 art. 2 and its later amendments).
//
// 4 October, San Francesco d'Assisi, is a national holiday again from 2026: law 151 of 8 October 2025 (Gazzetta
// Ufficiale n. 236 of 10 October 2025), in force from 1 January 2026. Checked on the ANCE and Assolombarda notes
// about that law and on the holiday libraries that followed it (jollyday, Nager.Date, python-holidays).
// Patron saints' days are local: an Ente lists its own in `chiusure`.
import { daIso, giorniDopo, iso, type Data } from './roma.js';

const FISSE = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function pasqua(anno: number): Data {
  const a = anno % 19;
  const b = Math.floor(anno / 100);
  const c = anno % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mese = Math.floor((h + l - 7 * m + 114) / 31);
  const giorno = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(anno, mese - 1, giorno);
}

const perAnno = new Map<number, Set<string>>();

function insieme(anno: number): Set<string> {
  let s = perAnno.get(anno);
  if (!s) {
    const p = pasqua(anno);
    const fisse = [...FISSE, ...(anno >= 2026 ? ['10-04'] : [])].map((md) => daIso(`${anno}-${md}`)!);
    s = new Set([...fisse, p, giorniDopo(p, 1)].sort((x, y) => x - y).map(iso));
    perAnno.set(anno, s);
  }
  return s;
}

/** The year's national holidays as ISO dates, in calendar order: Easter Sunday and Monday included. */
export const festivita = (anno: number): string[] => [...insieme(anno)];

/** Whether a date is a national holiday. */
export const festivo = (data: Data): boolean => insieme(new Date(data).getUTCFullYear()).has(iso(data));

// The names and sizes a user reads beside an attachment: a screenshot's file name, a file's size.
import { dueCifre, inRoma } from '../orari/roma.js';

/** screenshot-AAAAMMGG-HHMMSS.png at Rome's wall-clock time, the time the help desk and the user both read. */
export function nomeScreenshot(quando: Date): string {
  const roma = new Date(inRoma(quando.getTime()));
  const giorno = `${roma.getUTCFullYear()}${dueCifre(roma.getUTCMonth() + 1)}${dueCifre(roma.getUTCDate())}`;
  const ora = `${dueCifre(roma.getUTCHours())}${dueCifre(roma.getUTCMinutes())}${dueCifre(roma.getUTCSeconds())}`;
  return `screenshot-${giorno}-${ora}.png`;
}

const KB = 1024;
const MB = 1024 * 1024;

/** The decimal separator of the language: "1,2 MB" in Italian, "1.2 MB" in English. */
const separatore = (lingua: 'it' | 'en') => (lingua === 'it' ? ',' : '.');

/** A size as a person reads it: MB with one decimal from 1 MB, whole KB from 1 KB, bytes below. */
export function dimensioneLeggibile(byte: number, lingua: 'it' | 'en'): string {
  const kb = Math.round(byte / KB);
  // Just under 1 MB rounds to 1024 KB: that is written as the 1.0 MB it is.
  if (byte >= MB || kb >= 1024) return `${(byte / MB).toFixed(1).replace('.', separatore(lingua))} MB`;
  if (byte >= KB) return `${kb} KB`;
  return `${byte} B`;
}

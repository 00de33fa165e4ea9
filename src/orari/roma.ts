// Calendar dates and wall-clock time in Europe/Rome, whatever the visitor's own time zone.

export const GIORNO = 86_400_000;

/** A calendar date as its UTC midnight in ms: arithmetic on days without any time zone. */
export type Data = number;

let ore: Intl.DateTimeFormat | undefined;

/** Rome's offset from UTC at an instant (ms): the hour its clocks show minus the UTC hour, since Rome moves by whole hours. */
function scarto(istante: number): number {
  ore ??= new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', hour: 'numeric', hourCycle: 'h23' });
  return ((parseInt(ore.format(istante)) - new Date(istante).getUTCHours() + 24) % 24) * 3_600_000;
}

/** Rome's wall clock at an instant, written as a UTC time: its date is Rome's date, its time of day Rome's time. */
export const inRoma = (istante: number) => istante + scarto(istante);

/** The instant at which Rome's clocks show `ora` (as inRoma writes it): a first guess, then corrected, so it is right on both sides of a DST change. */
export const daRoma = (ora: number) => ora - scarto(ora - scarto(ora));

/** ISO weekday: 1 Monday … 7 Sunday. */
export const giornoSettimana = (data: Data) => new Date(data).getUTCDay() || 7;

/** A number as two digits: 9 as "09", for hours, minutes and dates written by hand. */
export const dueCifre = (n: number) => String(n).padStart(2, '0');

export const iso = (data: Data) => new Date(data).toISOString().slice(0, 10);

/** The date of an ISO "YYYY-MM-DD", or undefined when it is not a real date. */
export function daIso(s: string): Data | undefined {
  if (!/^\d{4}-\d\d-\d\d$/.test(s)) return undefined;
  const d = Date.parse(s);
  // 2026-02-30 parses as NaN in some engines and as 2 March in others: the date must read back as written.
  if (Number.isNaN(d) || iso(d) !== s) return undefined;
  return d;
}

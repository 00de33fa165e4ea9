// Calendar dates and wall-clock time in Europe/Rome, whatever the visitor's own time zone.

const GIORNO = 86_400_000;

/** A calendar date as its UTC midnight in ms: arithmetic on days without any time zone. */
export type Data = number;

/** Where an instant falls in Rome: the calendar date and the minutes since its midnight. */
export interface OraRoma {
  data: Data;
  minuti: number;
}

let fmt: Intl.DateTimeFormat | undefined;

export function inRoma(istante: number): OraRoma {
  fmt ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const { type, value } of fmt.formatToParts(istante)) p[type] = +value;
  return { data: Date.UTC(p.year, p.month - 1, p.day), minuti: p.hour * 60 + p.minute + p.second / 60 + (istante % 1000) / 60_000 };
}

/** The instant at which Rome's clocks show `minuti` past midnight on `data`. */
export function istanteRoma(data: Data, minuti: number): number {
  const locale = data + minuti * 60_000;
  // Rome's offset at a first guess, then at the corrected instant: right on both sides of a DST change.
  const offset = (t: number) => {
    const r = inRoma(t);
    return r.data + r.minuti * 60_000 - t;
  };
  const prima = locale - offset(locale);
  return locale - offset(prima);
}

export const giorniDopo = (data: Data, n: number): Data => data + n * GIORNO;
export const giorniTra = (da: Data, a: Data) => Math.round((a - da) / GIORNO);

/** ISO weekday: 1 Monday … 7 Sunday. */
export const giornoSettimana = (data: Data) => new Date(data).getUTCDay() || 7;

export const iso = (data: Data) => new Date(data).toISOString().slice(0, 10);

/** The date of an ISO "YYYY-MM-DD", or undefined when it is not a real date. */
export function daIso(s: string): Data | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return undefined;
  const d = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return iso(d) === s ? d : undefined;
}

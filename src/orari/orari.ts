// The phone line's timetable: time slots, weekdays and closing days, and whether the line is open at an instant.
import { formatta } from '../i18n/index.js';
import { telefonica as testiItaliani } from '../i18n/it.js';
import { festivo } from './festivita.js';
import { GIORNO, daIso, daRoma, giornoSettimana, inRoma, type Data } from './roma.js';

/** Inclusive ranges as the host wrote them: [from, to], a single value as a range of one. */
export type Intervalli = number[][];

export interface Calendario {
  /** Time slots in minutes since midnight, Rome time, in time order: [from (included), to (excluded)]. */
  fasce: Intervalli;
  /** ISO weekdays of service: 1 Monday … 7 Sunday. */
  giorni: Intervalli;
  /** Extra closing days. */
  chiusure: Intervalli;
}

/** The configuration as attributes or the provider write it; what is missing takes the seed's defaults. */
export interface ConfigurazioneOrari {
  orari?: string;
  giorni?: string;
  chiusure?: string | string[];
}

export interface Stato {
  aperto: boolean;
  /** When closed: the reopening in Rome, and how many calendar days from today it is. */
  riapre?: { data: Data; minuti: number; traGiorni: number };
  /** When the state or its wording ("domani" becoming today) changes next (ms). */
  rivedi: number;
}

const SIGLE = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

/** A configuration error: which setting, and the value that is wrong. */
const errore = (cosa: string, valore: string) => {
  throw new Error(`${cosa}: "${valore.trim()}" non valido`);
};

/** "a,b-c" as ranges, each value read by `leggi` (NaN or undefined when it is not one); throws on a bad part. */
function intervalli(s: string, separatore: string, leggi: (x: string) => number | undefined, cosa: string): Intervalli {
  return s.split(',').map((parte) => {
    const estremi = parte.split(separatore).map((x) => leggi(x.trim()));
    const [da, a = da] = estremi;
    // NaN and undefined fail every comparison: a value that did not read is refused here too.
    const inOrdine = da !== undefined && a !== undefined && a >= da;
    if (estremi.length > 2 || !inOrdine) errore(cosa, parte);
    return [da as number, a as number];
  });
}

/** "08:30" (or 8.30) as minutes since midnight. */
const minuti = (x: string) => {
  const m = /^(\d\d?)[:.]([0-5]\d)$/.exec(x);
  const v = m ? +m[1] * 60 + +m[2] : NaN;
  return v <= 1440 ? v : NaN;
};

/** "08:30-12:30,14:00-18:00" (also 8.30-12.30) as slots in time order. */
export function leggiOrari(s: string): Intervalli {
  const fasce = intervalli(s, '-', minuti, 'orari').sort((x, y) => x[0] - y[0]);
  if (fasce.some((f, i) => f[0] === f[1] || (i && f[0] < fasce[i - 1][1]))) errore('orari', s);
  return fasce;
}

/** "lun-ven", "lun,mer,ven", "lun-mer,sab" as ranges of ISO weekdays. */
export const leggiGiorni = (s: string) =>
  intervalli(s, '-', (x) => SIGLE.indexOf(x.toLowerCase()) + 1 || NaN, 'giorni');

/** "2026-06-29, 2026-08-10/2026-08-21", or a list of them: days and inclusive ranges of days. */
export const leggiChiusure = (c: string | string[] = '') =>
  String(c).trim() ? intervalli(String(c), '/', daIso, 'chiusure') : [];

/** The whole configuration, checked: throws an Error that says which setting is wrong and where. */
export const calendario = (c: ConfigurazioneOrari = {}): Calendario => ({
  // The seed: "normalmente nelle fasce orarie 8.30 - 12.30 e 14.00 - 18.00", Monday to Friday.
  fasce: leggiOrari(c.orari ?? '08:30-12:30,14:00-18:00'),
  giorni: leggiGiorni(c.giorni ?? 'lun-ven'),
  chiusure: leggiChiusure(c.chiusure),
});

const dentro = (x: number, i: Intervalli) => i.some(([da, a]) => x >= da && x <= a);

/** Whether the line is open at `istante`, Rome time, and when that changes. */
export function statoLinea(istante: number, c: Calendario): Stato {
  const ora = inRoma(istante);
  const oggi = ora - (ora % GIORNO);
  const adesso = (ora - oggi) / 60_000;
  const mezzanotte = daRoma(oggi + GIORNO);
  const diServizio = (d: Data) => dentro(giornoSettimana(d), c.giorni) && !festivo(d) && !dentro(d, c.chiusure);
  // Today's slots that are not over yet, then each day's first: a year ahead is enough, further than that the Ente
  // has closed the line rather than paused it.
  for (let n = 0; n < 367; n++) {
    const d = oggi + n * GIORNO;
    if (!diServizio(d)) continue;
    const oggiStesso = n === 0;
    const fascia = c.fasce.find(([, a]) => !oggiStesso || a > adesso);
    if (!fascia) continue;
    const [da, a] = fascia;
    if (oggiStesso && da <= adesso) return { aperto: true, rivedi: daRoma(d + a * 60_000) };
    const apertura = daRoma(d + da * 60_000);
    // Another day: the wording changes at midnight ("domani" becomes today), before the line opens.
    const rivedi = oggiStesso ? apertura : Math.min(apertura, mezzanotte);
    return { aperto: false, riapre: { data: d, minuti: da, traGiorni: n }, rivedi };
  }
  return { aperto: false, rivedi: mezzanotte };
}

/** A time as the seed writes it: 8.30, 14.00. */
const formattaOra = (minuti: number, t = testiItaliani) =>
  formatta(t.ora, { h: Math.floor(minuti / 60), m: String(minuti % 60).padStart(2, '0') });

const elenco = (parti: string[], locale: string) => new Intl.ListFormat(locale).format(parti);

/** "lunedì", or with `opzioni` more of the date. */
const giorno = (data: Data, locale: string, opzioni?: Intl.DateTimeFormatOptions) =>
  new Date(data).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC', ...opzioni });

/** "Orari: da lunedì a venerdì, 8.30 - 12.30 e 14.00 - 18.00, esclusi i festivi.": the days as the host grouped them. */
export function descriviOrari({ giorni, fasce }: Calendario, t = testiItaliani, locale = 'it-IT'): string {
  // 5 January 1970 was a Monday.
  const nome = (g: number) => giorno((g + 3) * GIORNO, locale);
  return formatta(t.orari, {
    giorni: elenco(
      giorni.map(([da, a]) => (da < a ? formatta(t.intervallo, { da: nome(da), a: nome(a) }) : nome(da))),
      locale,
    ),
    fasce: elenco(
      fasce.map(([da, a]) => `${formattaOra(da, t)} - ${formattaOra(a, t)}`),
      locale,
    ),
  });
}

/** "riapre alle 14.00", "riapre domani alle 8.30", "riapre lunedì alle 8.30"; a week or more away, with the date. */
export function descriviRiapertura(
  { data, minuti, traGiorni }: NonNullable<Stato['riapre']>,
  t = testiItaliani,
  locale = 'it-IT',
): string {
  const ora = formattaOra(minuti, t);
  if (traGiorni === 0) return formatta(t.riapreOggi, { ora });
  if (traGiorni === 1) return formatta(t.riapreDomani, { ora });
  const conLaData = traGiorni > 6;
  return formatta(t.riapreGiorno, {
    giorno: giorno(data, locale, conLaData ? { day: 'numeric', month: 'long' } : {}),
    ora,
  });
}

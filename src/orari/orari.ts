// The phone line's timetable: time slots, weekdays and closing days, and whether the line is open at an instant.
import { formatta } from '../i18n/index.js';
import { it, type Testi } from '../i18n/it.js';
import { festivo } from './festivita.js';
import { GIORNO, daIso, daRoma, giornoSettimana, inRoma, type Data } from './roma.js';

/** A time slot in minutes since midnight, Rome time: from `da` (included) to `a` (excluded). */
export interface Fascia {
  da: number;
  a: number;
}

export interface Calendario {
  fasce: Fascia[];
  /** ISO weekdays of service: 1 Monday … 7 Sunday, ascending. */
  giorni: number[];
  /** Extra closing days: inclusive ranges of dates (a single day is a range of one). */
  chiusure: Data[][];
}

/** The configuration as attributes or the provider write it; what is missing takes the seed's defaults. */
export interface ConfigurazioneOrari {
  orari?: string;
  giorni?: string;
  chiusure?: string | string[];
}

export interface Stato {
  aperto: boolean;
  /** The next opening or closing (ms); none when the line never opens again. */
  cambio?: number;
  /** When closed: the reopening in Rome, and how many calendar days from today it is. */
  riapre?: { data: Data; minuti: number; traGiorni: number };
  /** When the state or its wording ("domani" becoming today) changes next (ms). */
  rivedi: number;
}

type TestiTelefonica = Testi['telefonica'];

const SIGLE = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

/** The message of a configuration error: which setting, and the value that is wrong. */
const errore = (cosa: string, valore: string) => {
  throw new Error(`${cosa}: "${valore.trim()}" non valido`);
};

/** "08:30-12:30,14:00-18:00" (also 8.30-12.30) as slots in time order. */
export function leggiOrari(s: string): Fascia[] {
  const fasce = s
    .split(',')
    .map((p) => {
      const [, h, m, h2, m2] = (/^(\d\d?)[:.]([0-5]\d)-(\d\d?)[:.]([0-5]\d)$/.exec(p.replace(/\s/g, '')) ?? []).map(Number);
      const da = h * 60 + m;
      const a = h2 * 60 + m2;
      if (!(da < a && a <= 1440)) errore('orari', p);
      return { da, a };
    })
    .sort((x, y) => x.da - y.da);
  if (fasce.some((f, i) => i && f.da < fasce[i - 1].a)) errore('orari', s);
  return fasce;
}

/** "lun-ven", "lun,mer,ven", "lun-mer,sab" as ISO weekdays. */
export function leggiGiorni(s: string): number[] {
  const giorni = new Set<number>();
  for (const parte of s.split(',')) {
    const [da, a = da, ...resto] = parte.split('-').map((x) => SIGLE.indexOf(x.trim().toLowerCase()) + 1);
    if (!da || !a || a < da || resto.length) errore('giorni', parte);
    for (let g = da; g <= a; g++) giorni.add(g);
  }
  return [...giorni].sort();
}

/** "2026-06-29, 2026-08-10/2026-08-21" (or a list of them): days and inclusive ranges of days. */
export const leggiChiusure = (c: string | string[] = []): Data[][] =>
  (typeof c === 'string' ? c.split(',') : c)
    .filter((v) => v.trim())
    .map((v) => {
      const [da, a = da, ...resto] = v.split('/').map((x) => daIso(x.trim()));
      if (resto.length || !(a! >= da!)) errore('chiusure', v);
      return [da!, a!];
    });

/** The whole configuration, checked: throws an Error that says which setting is wrong and where. */
export const calendario = (c: ConfigurazioneOrari = {}): Calendario => ({
  // The seed: "normalmente nelle fasce orarie 8.30 - 12.30 e 14.00 - 18.00", Monday to Friday.
  fasce: leggiOrari(c.orari ?? '08:30-12:30,14:00-18:00'),
  giorni: leggiGiorni(c.giorni ?? 'lun-ven'),
  chiusure: leggiChiusure(c.chiusure),
});

/** Whether the line is open at `istante`, Rome time, and when that changes. */
export function statoLinea(istante: number, c: Calendario): Stato {
  const ora = inRoma(istante);
  const oggi = ora - (ora % GIORNO);
  const minuti = (ora - oggi) / 60_000;
  const mezzanotte = daRoma(oggi + GIORNO);
  // Today's slots that are not over yet, then each day's first: a year ahead is enough, further than that the Ente
  // has closed the line rather than paused it.
  for (let n = 0; n < 367; n++) {
    const d = oggi + n * GIORNO;
    if (!c.giorni.includes(giornoSettimana(d)) || festivo(d) || c.chiusure.some(([da, a]) => d >= da && d <= a)) continue;
    for (const f of c.fasce) {
      if (n || f.a > minuti) {
        if (!n && f.da <= minuti) {
          const cambio = daRoma(d + f.a * 60_000);
          return { aperto: true, cambio, rivedi: cambio };
        }
        const cambio = daRoma(d + f.da * 60_000);
        return { aperto: false, cambio, riapre: { data: d, minuti: f.da, traGiorni: n }, rivedi: n ? Math.min(cambio, mezzanotte) : cambio };
      }
    }
  }
  return { aperto: false, rivedi: mezzanotte };
}

/** A time as the seed writes it: 8.30, 14.00. */
const formattaOra = (minuti: number, t: TestiTelefonica) => formatta(t.ora, { h: Math.floor(minuti / 60), m: String(minuti % 60).padStart(2, '0') });

const elenco = (parti: string[], locale: string) => new Intl.ListFormat(locale).format(parti);

/** "lunedì", or with `opzioni` more of the date. */
const giorno = (data: Data, locale: string, opzioni?: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC', ...opzioni }).format(data);

/** "8.30 - 12.30 e 14.00 - 18.00". */
export const descriviFasce = (fasce: Fascia[], t = it.telefonica, locale = 'it-IT') =>
  elenco(
    fasce.map((f) => `${formattaOra(f.da, t)} - ${formattaOra(f.a, t)}`),
    locale,
  );

/** "da lunedì a venerdì", "lunedì, mercoledì e venerdì": runs of three days or more as a range. */
export function descriviGiorni(giorni: number[], t = it.telefonica, locale = 'it-IT'): string {
  const serie: number[][] = [];
  for (const g of giorni) {
    const s = serie.at(-1);
    if (s?.at(-1) === g - 1) s.push(g);
    else serie.push([g]);
  }
  // 5 January 1970 was a Monday.
  const nome = (g: number) => giorno((g + 3) * GIORNO, locale);
  return elenco(
    serie.flatMap((s) => (s[2] ? [formatta(t.intervallo, { da: nome(s[0]), a: nome(s.at(-1)!) })] : s.map(nome))),
    locale,
  );
}

/** "riapre alle 14.00", "riapre domani alle 8.30", "riapre lunedì alle 8.30"; a week or more away, with the date. */
export function descriviRiapertura({ data, minuti, traGiorni }: NonNullable<Stato['riapre']>, t = it.telefonica, locale = 'it-IT'): string {
  return formatta(traGiorni > 1 ? t.riapreGiorno : traGiorni ? t.riapreDomani : t.riapreOggi, {
    giorno: giorno(data, locale, traGiorni > 6 ? { day: 'numeric', month: 'long' } : {}),
    ora: formattaOra(minuti, t),
  });
}

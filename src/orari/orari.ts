// The phone line's timetable: time slots, weekdays and closing days, and whether the line is open at an instant.
import { formatta } from '../i18n/index.js';
import { it, type Testi } from '../i18n/it.js';
import { festivo } from './festivita.js';
import { daIso, giornoSettimana, giorniDopo, inRoma, istanteRoma, type Data } from './roma.js';

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
  chiusure: [Data, Data][];
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
  rivedi?: number;
}

type TestiTelefonica = Testi['telefonica'];

/** The seed: "normalmente nelle fasce orarie 8.30 - 12.30 e 14.00 - 18.00", Monday to Friday. */
export const ORARI = '08:30-12:30,14:00-18:00';
export const GIORNI = 'lun-ven';
const SIGLE = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];

/** "08:30-12:30,14:00-18:00" (also 8.30-12.30) as slots in time order. */
export function leggiOrari(s: string): Fascia[] {
  const fasce = s
    .split(',')
    .map((p) => {
      const m = /^\s*(\d\d?)[:.]([0-5]\d)\s*-\s*(\d\d?)[:.]([0-5]\d)\s*$/.exec(p);
      const da = m ? +m[1] * 60 + +m[2] : NaN;
      const a = m ? +m[3] * 60 + +m[4] : NaN;
      if (!(da < 1440 && a <= 1440)) throw new Error(`orari: "${p.trim()}" is not a time slot like 08:30-12:30`);
      if (a <= da) throw new Error(`orari: "${p.trim()}" ends before it starts`);
      return { da, a };
    })
    .sort((x, y) => x.da - y.da);
  fasce.forEach((f, i) => {
    if (i && f.da < fasce[i - 1].a) throw new Error(`orari: the slots in "${s}" overlap`);
  });
  return fasce;
}

/** "lun-ven", "lun,mer,ven", "lun-mer,sab" as ISO weekdays. */
export function leggiGiorni(s: string): number[] {
  const giorni = new Set<number>();
  const numero = (x: string) => {
    const i = SIGLE.indexOf(x.trim().toLowerCase());
    if (i < 0) throw new Error(`giorni: "${x.trim()}" is not a day: use ${SIGLE.join(' ')}`);
    return i + 1;
  };
  for (const parte of s.split(',')) {
    const [da, a = da, ...resto] = parte.split('-');
    if (resto.length) throw new Error(`giorni: "${parte.trim()}" is not a day or a range like lun-ven`);
    const [i, j] = [numero(da), numero(a)];
    if (j < i) throw new Error(`giorni: "${parte.trim()}" goes backwards: ranges run from lun to dom`);
    for (let g = i; g <= j; g++) giorni.add(g);
  }
  return [...giorni].sort();
}

/** "2026-06-29, 2026-08-10/2026-08-21" (or a list of them): days and inclusive ranges of days. */
export function leggiChiusure(c: string | string[] = []): [Data, Data][] {
  return (typeof c === 'string' ? c.split(',') : c)
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => {
      const [da, a = da, ...resto] = v.split('/').map((x) => daIso(x.trim()));
      if (da === undefined || a === undefined || resto.length || a < da) {
        throw new Error(`chiusure: "${v}" is not an ISO date like 2026-06-29 or a range like 2026-08-10/2026-08-21`);
      }
      return [da, a];
    });
}

/** The whole configuration, checked: throws an Error that says what is wrong. */
export const calendario = (c: ConfigurazioneOrari = {}): Calendario => ({
  fasce: leggiOrari(c.orari ?? ORARI),
  giorni: leggiGiorni(c.giorni ?? GIORNI),
  chiusure: leggiChiusure(c.chiusure),
});

const lavorativo = (d: Data, c: Calendario) =>
  c.giorni.includes(giornoSettimana(d)) && !festivo(d) && !c.chiusure.some(([da, a]) => d >= da && d <= a);

/** Whether the line is open at `istante`, Rome time, and when that changes. */
export function statoLinea(istante: number, c: Calendario): Stato {
  const { data, minuti } = inRoma(istante);
  const mezzanotte = istanteRoma(giorniDopo(data, 1), 0);
  const f = lavorativo(data, c) ? c.fasce.find((f) => f.a > minuti) : undefined;
  if (f && f.da <= minuti) {
    const cambio = istanteRoma(data, f.a);
    return { aperto: true, cambio, rivedi: cambio };
  }
  const chiuso = (d: Data, minuti: number, traGiorni: number): Stato => {
    const cambio = istanteRoma(d, minuti);
    return { aperto: false, cambio, riapre: { data: d, minuti, traGiorni }, rivedi: traGiorni ? Math.min(cambio, mezzanotte) : cambio };
  };
  if (f) return chiuso(data, f.da, 0);
  // A year ahead is enough: further than that, the Ente has closed the line rather than paused it.
  for (let n = 1; n <= 366; n++) {
    const d = giorniDopo(data, n);
    if (lavorativo(d, c)) return chiuso(d, c.fasce[0].da, n);
  }
  return { aperto: false, rivedi: mezzanotte };
}

/** A time as the seed writes it: 8.30, 14.00. */
export const formattaOra = (minuti: number, t: TestiTelefonica = it.telefonica) =>
  formatta(t.ora, { h: Math.floor(minuti / 60), m: String(minuti % 60).padStart(2, '0') });

const elenco = (parti: string[], locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(parti);

/** "8.30 - 12.30 e 14.00 - 18.00". */
export const descriviFasce = (fasce: Fascia[], t: TestiTelefonica = it.telefonica, locale = 'it-IT') =>
  elenco(
    fasce.map((f) => `${formattaOra(f.da, t)} - ${formattaOra(f.a, t)}`),
    locale,
  );

/** The weekday's name: 1 lunedì … 7 domenica. */
const nomeGiorno = (g: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, g));

/** "da lunedì a venerdì", "lunedì, mercoledì e venerdì". */
export function descriviGiorni(giorni: number[], t: TestiTelefonica = it.telefonica, locale = 'it-IT'): string {
  const serie: number[][] = [];
  for (const g of giorni) {
    const s = serie.at(-1);
    if (s && s.at(-1) === g - 1) s.push(g);
    else serie.push([g]);
  }
  const nome = (g: number) => nomeGiorno(g, locale);
  return elenco(
    serie.flatMap((s) => (s.length > 2 ? [formatta(t.intervallo, { da: nome(s[0]), a: nome(s.at(-1)!) })] : s.map(nome))),
    locale,
  );
}

/** "riapre alle 14.00", "riapre domani alle 8.30", "riapre lunedì alle 8.30"; a week or more away, with the date. */
export function descriviRiapertura(r: NonNullable<Stato['riapre']>, t: TestiTelefonica = it.telefonica, locale = 'it-IT'): string {
  const ora = formattaOra(r.minuti, t);
  if (r.traGiorni < 2) return formatta(r.traGiorni ? t.riapreDomani : t.riapreOggi, { ora });
  const opzioni: Intl.DateTimeFormatOptions = { weekday: 'long', timeZone: 'UTC', ...(r.traGiorni > 6 && { day: 'numeric', month: 'long' }) };
  return formatta(t.riapreGiorno, { giorno: new Intl.DateTimeFormat(locale, opzioni).format(r.data), ora });
}

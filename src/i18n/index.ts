// Picks an element's texts: the nearest lang (across shadow roots), then the host's overrides.
import type * as It from './it.js';
import { errori as erroriIt } from './it.js';

/** Every text of the widget, section by section (one per element); English and a host's overrides have its shape. */
export type Testi = { [S in keyof typeof It]: (typeof It)[S] };

/** A partial set of texts a host passes to override some of them (the `testi` property of every element). */
export type TestiParziali = { [S in keyof Testi]?: Partial<Testi[S]> };

export type Lingua = 'it' | 'en';

/** One section of the texts in both languages: what an element imports, and all it carries into a bundle. */
export type Traduzioni<S extends keyof Testi> = Record<Lingua, Testi[S]>;

/** The language of the nearest ancestor with a lang attribute, crossing shadow boundaries; Italian by default. */
export function linguaDi(el: Element): Lingua {
  let n: Node | null = el;
  while (n) {
    const lang = n instanceof Element ? n.getAttribute('lang') : null;
    if (lang) return /^en/i.test(lang) ? 'en' : 'it';
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return 'it';
}

/** The locale for numbers and dates in the element's language. */
export const localeDi = (el: Element) => (linguaDi(el) === 'en' ? 'en-GB' : 'it-IT');

/** One section of texts in the element's language, with the host's overrides of that section on top. */
export function testiDi<S extends keyof Testi>(
  el: Element & { testi?: TestiParziali },
  sezione: S,
  traduzioni: Traduzioni<S>,
): Testi[S] {
  const base = traduzioni[linguaDi(el)];
  const override = el.testi?.[sezione];
  if (!override) return base;
  return { ...base, ...override };
}

/** Fills {name} placeholders. */
export const formatta = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (segnaposto, nome: string) => (nome in v ? String(v[nome]) : segnaposto));

type Errore = keyof Testi['errori'];

/** An Italian message of the schema (it speaks Italian, for the endpoint too) in the element's language. */
export function traduciErrore(messaggio: string, errori: Testi['errori']): string {
  const chiave = (Object.keys(erroriIt) as Errore[]).find((k) => erroriIt[k] === messaggio);
  if (chiave) return errori[chiave];
  return messaggio;
}

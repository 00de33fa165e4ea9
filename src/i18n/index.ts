// Picks the texts for an element: the nearest lang (across shadow roots), then the host's overrides.
import { it, type Testi } from './it.js';
import { en } from './en.js';

export type { Testi };
export type Lingua = 'it' | 'en';

/** A partial set of texts a host passes to override some of them. */
export type TestiParziali = { [S in keyof Testi]?: Partial<Testi[S]> };

const lingue: Record<Lingua, Testi> = { it, en };

/** The language of the nearest ancestor with a lang attribute, crossing shadow boundaries; Italian by default. */
export function linguaDi(el: Element): Lingua {
  for (let n: Node | null = el; n; n = n.parentNode || (n as ShadowRoot).host) {
    const lang = (n as Element).getAttribute?.('lang');
    if (lang) return /^en/i.test(lang) ? 'en' : 'it';
  }
  return 'it';
}

/** The texts for `el`, with the host's overrides on top. */
export function testiPer(el: Element, override?: TestiParziali): Testi {
  const base = lingue[linguaDi(el)];
  // A copy even without overrides: callers only read it.
  const out = { ...base } as Record<string, unknown>;
  for (const k in override) out[k] = { ...base[k as keyof Testi], ...override[k as keyof Testi] };
  return out as Testi;
}

/** Fills {name} placeholders. */
export const formatta = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

/** The key of an Italian message (the schema speaks Italian), so it can be shown in the element's language. */
export function traduciErrore(messaggio: string, t: Testi): string {
  type Errore = keyof Testi['errori'];
  for (const k in it.errori) if (it.errori[k as Errore] === messaggio) return t.errori[k as Errore];
  return messaggio;
}

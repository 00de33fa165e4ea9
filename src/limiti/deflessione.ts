// Which of the cases the help desk cannot solve a request's description talks about.
import { CASI, PAROLE, type CasoId } from './catalogo.js';

/** Lowercase, accents stripped (NFD), every run of non-letters one space, a space at both ends. */
export const normalizza = (s: string) =>
  ` ${s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

// The spaces around make every pattern match whole words only.
const regole = CASI.map((id) => [id, new RegExp(` (?:${PAROLE[id].join('|')}) `)] as const);

/** The cases the text mentions, in catalogue order. */
export function casiCitati(testo: string): CasoId[] {
  const n = normalizza(testo);
  return regole.filter(([, r]) => r.test(n)).map(([id]) => id);
}

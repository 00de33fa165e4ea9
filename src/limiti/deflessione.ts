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

/** The cases the text mentions, in catalogue order. */
export function casiCitati(testo: string): CasoId[] {
  const n = normalizza(testo);
  return CASI.filter((id) => PAROLE[id].test(n));
}

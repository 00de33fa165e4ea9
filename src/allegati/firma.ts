// What a file is, read from its first bytes: the name and the type the browser declares are the user's, not proof.
// The form and the demo endpoint (demo/server/allegati.ts) both read it from here.
import type { TipoAllegato } from '../richiesta.js';

export type { TipoAllegato };

/** The bytes each accepted type starts with. */
const FIRME: ReadonlyArray<{ tipo: TipoAllegato; inizio: number[] }> = [
  { tipo: 'image/png', inizio: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { tipo: 'image/jpeg', inizio: [0xff, 0xd8, 0xff] },
  { tipo: 'application/pdf', inizio: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

const iniziaCon = (byte: Uint8Array, inizio: number[]) =>
  byte.length >= inizio.length && inizio.every((b, i) => byte[i] === b);

/**
 * The type whose signature the content starts with, or undefined when it is none of the accepted ones. The bytes as an
 * ArrayBuffer (a File read in the browser) or a view on one (a Node Buffer, which may sit inside a larger pool).
 */
export function tipoDalContenuto(byte: ArrayBuffer | Uint8Array): TipoAllegato | undefined {
  const testa =
    byte instanceof Uint8Array ? byte.subarray(0, 8) : new Uint8Array(byte, 0, Math.min(byte.byteLength, 8));
  return FIRME.find((f) => iniziaCon(testa, f.inizio))?.tipo;
}

// Which of the help desk's replies the user has seen: per user and request, in the archive, so a badge survives a reload.
import type { Archivio } from '../delivery/archivio.js';
import { chiaveLette as chiave } from '../delivery/conservazione.js';
import type { RichiestaUtente } from '../elenco.js';

/** For each request of one user, the ids of the help desk's messages they have opened. */
export type Lette = Record<string, string[]>;

const dellAssistenza = (r: RichiestaUtente) => r.messaggi.filter((m) => m.autore === 'assistenza').map((m) => m.id);

/** The help desk's replies of `r` the user has not opened yet. */
export function nonLette(r: RichiestaUtente, lette: Lette): number {
  const viste = lette[r.id] ?? [];
  return dellAssistenza(r).filter((id) => !viste.includes(id)).length;
}

export async function leggiLette(archivio: Archivio, utente: string | null): Promise<Lette> {
  if (!utente) return {};
  return (await archivio.leggi<Lette>(chiave(utente))) ?? {};
}

/** Marks every reply of `r` as read; returns what is stored now (another tab may have marked others meanwhile). */
export async function segnaLette(
  archivio: Archivio,
  utente: string | null,
  r: RichiestaUtente,
  lette: Lette,
): Promise<Lette> {
  const tutte = dellAssistenza(r);
  if (!utente) return { ...lette, [r.id]: tutte };
  const scritte = await archivio.aggiorna<Lette>(chiave(utente), (v) => ({ ...v, [r.id]: tutte }));
  return scritte ?? {};
}

// What the user's list remembers of how they read it, per user in the archive, so it survives a reload: which of the
// help desk's replies they have seen (per request), and whether they look at the open requests or all of them. The
// keys are conservazione.ts's, with everything else this browser keeps of a user.
import type { Archivio } from '../delivery/archivio.js';
import { chiaveFiltro, chiaveLette as chiave } from '../delivery/conservazione.js';
import type { RichiestaUtente } from '../elenco.js';
import type { Filtro } from './riepilogo.js';

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

/** The filter the user chose last, or undefined when they never chose one (or nobody is known). */
export async function leggiFiltro(archivio: Archivio, utente: string | null): Promise<Filtro | undefined> {
  if (!utente) return undefined;
  const filtro = await archivio.leggi<unknown>(chiaveFiltro(utente));
  if (filtro === 'aperte' || filtro === 'tutte') return filtro;
  return undefined;
}

/** Keeps the user's choice; without a user it lives only in the page. */
export async function scriviFiltro(archivio: Archivio, utente: string | null, filtro: Filtro): Promise<void> {
  if (!utente) return;
  await archivio.scrivi([chiaveFiltro(utente), filtro]);
}

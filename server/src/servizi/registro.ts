// The record of operator actions as administrators read it: newest first, a page at a time, by operator and request.
import type { Database } from '../archivio/database.js';
import * as registro from '../archivio/registro.js';

export interface VoceRegistroJson {
  id: number;
  il: string;
  operatore: string | null;
  azione: registro.Azione;
  richiesta: string | null;
  numero: number | null;
  dettagli: Record<string, unknown>;
}

export const VOCI_PER_PAGINA = 50;

export async function leggiRegistro(
  db: Database,
  f: { operatore?: string; richiesta?: string; primaDi?: number },
): Promise<{ voci: VoceRegistroJson[]; primaDi?: number }> {
  const righe = await registro.leggi(db, { ...f, quante: VOCI_PER_PAGINA + 1 });
  const voci = righe.slice(0, VOCI_PER_PAGINA).map((v) => ({ ...v, il: v.il.toISOString() }));
  const ultima = voci.at(-1);
  if (righe.length > VOCI_PER_PAGINA && ultima !== undefined) {
    return { voci, primaDi: ultima.id };
  }
  return { voci };
}

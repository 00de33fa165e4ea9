// A file the user picked, made ready to attach or refused with the reason the form shows.
import { MAX_BYTE_ALLEGATO } from '../richiesta.js';
import { tipoDalContenuto, type TipoAllegato } from './firma.js';
import { ricodificaJpeg } from './jpeg.js';
import { senzaMetadati } from './png.js';

export interface FilePronto {
  esito: 'pronto';
  nome: string;
  tipo: TipoAllegato;
  /** The bytes to upload: the file's own, or the re-encoded photo's. */
  byte: ArrayBuffer;
  dimensione: number;
}

export interface FileRifiutato {
  esito: 'rifiutato';
  nome: string;
  motivo: 'vuoto' | 'tipo' | 'grande' | 'illeggibile';
}

/**
 * Beyond this a file is refused without being read whole: decoding a huge photo takes four bytes a pixel (a 100
 * megapixel image is 400 MB), which can crash a phone's tab, and no camera a citizen uses makes a JPEG this large.
 */
const MAX_BYTE_DA_LEGGERE = 50 * 1024 * 1024;

/** Enough of the start for every signature firma.ts knows. */
const BYTE_FIRMA = 8;

const rifiutato = (nome: string, motivo: FileRifiutato['motivo']): FileRifiutato => ({
  esito: 'rifiutato',
  nome,
  motivo,
});

/** The file's bytes, or undefined when the browser cannot read them (the file was moved or deleted after it was picked). */
async function leggi(file: Blob): Promise<ArrayBuffer | undefined> {
  try {
    return await file.arrayBuffer();
  } catch {
    return undefined;
  }
}

/**
 * The bytes to upload: a JPEG re-encoded (upright, at most 2560 px, no EXIF), a PNG without its metadata chunks, a PDF
 * as it is.
 */
async function elaborato(byte: ArrayBuffer, tipo: TipoAllegato): Promise<ArrayBuffer | undefined> {
  if (tipo === 'image/png') return senzaMetadati(byte);
  if (tipo !== 'image/jpeg') return byte;
  try {
    return await ricodificaJpeg(byte);
  } catch {
    return undefined;
  }
}

/**
 * Checks a file in the order the user can act on it: empty, then of a type not accepted, then unreadable, then too large
 * once processed (a large photo usually fits after re-encoding). The type comes from the content, never the name.
 */
export async function preparaFile(file: Blob & { name?: string }, nome: string): Promise<FilePronto | FileRifiutato> {
  if (file.size === 0) return rifiutato(nome, 'vuoto');
  // A huge file: only its start is read, to tell a type not accepted from a file too large.
  const intero = file.size <= MAX_BYTE_DA_LEGGERE;
  const letto = await leggi(intero ? file : file.slice(0, BYTE_FIRMA));
  if (!letto) return rifiutato(nome, 'illeggibile');
  const tipo = tipoDalContenuto(letto);
  if (!tipo) return rifiutato(nome, 'tipo');
  if (!intero) return rifiutato(nome, 'grande');
  const byte = await elaborato(letto, tipo);
  if (!byte) return rifiutato(nome, 'illeggibile');
  if (byte.byteLength > MAX_BYTE_ALLEGATO) return rifiutato(nome, 'grande');
  return { esito: 'pronto', nome, tipo, byte, dimensione: byte.byteLength };
}

// Test fixtures for a PNG's metadata: the chunks a phone or a screenshot tool writes (eXIf with a GPS position, tEXt,
// iTXt and zTXt with a software's name, an author, a comment), spliced into a PNG drawn on a canvas, each with its CRC;
// and a reader of a PNG's chunks, to tell what a prepared file carries.
import { bloccoExif, decodificata } from './jpeg.js';

const TABELLA_CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG (ISO 3309), over a chunk's type and data. */
function crc32(byte: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of byte) c = TABELLA_CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const latino = (testo: string) => Uint8Array.from(testo, (c) => c.charCodeAt(0));

/** One chunk: its length, type, data and CRC. */
export function chunk(tipo: string, dati: Uint8Array): Uint8Array<ArrayBuffer> {
  const c = new Uint8Array(12 + dati.length);
  const v = new DataView(c.buffer);
  v.setUint32(0, dati.length);
  c.set(latino(tipo), 4);
  c.set(dati, 8);
  v.setUint32(8 + dati.length, crc32(c.subarray(4, 8 + dati.length)));
  return c;
}

export interface Chunk {
  tipo: string;
  /** The whole chunk, length to CRC. */
  byte: Uint8Array<ArrayBuffer>;
}

/** The chunks of a PNG, in order, up to IEND. */
export function chunkDi(png: ArrayBuffer): Chunk[] {
  const v = new DataView(png);
  const chunks: Chunk[] = [];
  let pos = 8;
  while (pos + 12 <= png.byteLength) {
    const lunghezza = v.getUint32(pos);
    const tipo = String.fromCharCode(...new Uint8Array(png, pos + 4, 4));
    chunks.push({ tipo, byte: new Uint8Array(png, pos, 12 + lunghezza) });
    pos += 12 + lunghezza;
    if (tipo === 'IEND') break;
  }
  return chunks;
}

async function compresso(testo: string): Promise<Uint8Array> {
  const flusso = new Blob([latino(testo)]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(flusso).arrayBuffer());
}

/** What the metadata chunks say, to look for in a prepared file's bytes. */
export const SEGRETI = ['Fotocamera di Mario', 'mario.rossi', 'C:\\Users\\mrossi\\Desktop'];

/**
 * The PNG with metadata as real files carry it: eXIf (Orientation and a GPS latitude) and tEXt (the software) after
 * IHDR, iTXt (the author) and zTXt (a compressed comment, a path) before IEND, and bytes after IEND.
 */
export async function conMetadati(png: ArrayBuffer): Promise<ArrayBuffer> {
  const [ihdr, ...resto] = chunkDi(png);
  const iend = resto.pop()!;
  const parole = (...p: string[]) => latino(p.join('\0'));
  const zTXt = new Uint8Array([...parole('Comment', ''), ...(await compresso(SEGRETI[2]))]);
  const parti: BlobPart[] = [
    new Uint8Array(png, 0, 8),
    ihdr.byte,
    chunk('eXIf', bloccoExif(1).subarray(6)),
    chunk('tEXt', parole('Software', SEGRETI[0])),
    ...resto.map((c) => c.byte),
    chunk('iTXt', new Uint8Array([...latino('Author'), 0, 0, 0, ...latino('it'), 0, 0, ...latino(SEGRETI[1])])),
    chunk('zTXt', zTXt),
    iend.byte,
    latino(`dopo IEND: ${SEGRETI[1]}`),
  ];
  return new Blob(parti).arrayBuffer();
}

/** The picture's pixels, RGBA, as the browser decodes the PNG. */
export const pixel = async (png: ArrayBuffer) => (await decodificata(png, 'image/png')).data;

/** Whether `byte` contains `testo` (as Latin-1 bytes, as the chunks hold it). */
export function contiene(byte: ArrayBuffer, testo: string): boolean {
  return String.fromCharCode(...new Uint8Array(byte)).includes(testo);
}

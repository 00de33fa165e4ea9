// Test fixtures for attachments: images drawn on a canvas, an EXIF block spliced into a JPEG, and a reader of JPEG
// markers to tell what the re-encoded file carries.

/** A picture drawn on a canvas: the left half red, the right half blue, so a rotation shows where the halves went. */
export async function disegnata(
  larghezza: number,
  altezza: number,
  tipo: 'image/jpeg' | 'image/png',
): Promise<ArrayBuffer> {
  const canvas = document.createElement('canvas');
  canvas.width = larghezza;
  canvas.height = altezza;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, larghezza / 2, altezza);
  ctx.fillStyle = '#00f';
  ctx.fillRect(larghezza / 2, 0, larghezza / 2, altezza);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, tipo, 0.9));
  canvas.width = 0;
  canvas.height = 0;
  return blob!.arrayBuffer();
}

// TIFF types and the tags the fixture writes.
const SHORT = 3;
const LONG = 4;
const BYTE = 1;
const ASCII = 2;
const RATIONAL = 5;
const TAG_ORIENTAMENTO = 0x0112;
const TAG_GPS = 0x8825;
const TAG_LATITUDINE = 0x0002;

/**
 * An EXIF block as a phone writes one, big-endian: IFD0 with Orientation and a pointer to the GPS IFD, which holds
 * GPSVersionID, GPSLatitudeRef and GPSLatitude (41° 54′ 12.34″ N, Rome).
 */
export function bloccoExif(orientamento: number): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(104));
  // Header: "MM", 42, IFD0 at 8.
  tiff.setUint16(0, 0x4d4d);
  tiff.setUint16(2, 42);
  tiff.setUint32(4, 8);
  const voce = (at: number, tag: number, tipo: number, quanti: number) => {
    tiff.setUint16(at, tag);
    tiff.setUint16(at + 2, tipo);
    tiff.setUint32(at + 4, quanti);
  };
  // IFD0 at 8: two entries (12 bytes each) and the next IFD's offset (none): 30 bytes, so the GPS IFD is at 38.
  tiff.setUint16(8, 2);
  voce(10, TAG_ORIENTAMENTO, SHORT, 1);
  tiff.setUint16(18, orientamento);
  voce(22, TAG_GPS, LONG, 1);
  tiff.setUint32(30, 38);
  tiff.setUint32(34, 0);
  // GPS IFD at 38: three entries and no next IFD: 42 bytes, so the latitude's three rationals are at 80.
  tiff.setUint16(38, 3);
  voce(40, 0x0000, BYTE, 4);
  tiff.setUint32(48, 0x02030000);
  voce(52, 0x0001, ASCII, 2);
  tiff.setUint16(60, 0x4e00); // "N\0"
  voce(64, TAG_LATITUDINE, RATIONAL, 3);
  tiff.setUint32(72, 80);
  tiff.setUint32(76, 0);
  const latitudine = [41, 1, 54, 1, 1234, 100];
  latitudine.forEach((n, i) => tiff.setUint32(80 + i * 4, n));
  const intestazione = new TextEncoder().encode('Exif\0\0');
  const blocco = new Uint8Array(intestazione.length + tiff.byteLength);
  blocco.set(intestazione);
  blocco.set(new Uint8Array(tiff.buffer), intestazione.length);
  return blocco;
}

/** A marker segment: FF, the marker, its length (which counts itself) and the data. */
function segmento(marker: number, dati: Uint8Array): Uint8Array {
  const s = new Uint8Array(4 + dati.length);
  s[0] = 0xff;
  s[1] = marker;
  new DataView(s.buffer).setUint16(2, dati.length + 2);
  s.set(dati, 4);
  return s;
}

/** The JPEG with `segmenti` inserted right after its SOI. */
export function conSegmenti(jpeg: ArrayBuffer, segmenti: Uint8Array[]): ArrayBuffer {
  const originale = new Uint8Array(jpeg);
  const parti = [originale.subarray(0, 2), ...segmenti, originale.subarray(2)];
  const risultato = new Uint8Array(parti.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parti) {
    risultato.set(p, at);
    at += p.length;
  }
  return risultato.buffer;
}

/** The JPEG with an APP1 EXIF segment (Orientation and GPS) right after its SOI. */
export const conExif = (jpeg: ArrayBuffer, orientamento: number) =>
  conSegmenti(jpeg, [segmento(0xe1, bloccoExif(orientamento))]);

/** The JPEG made larger by `quanti` comment segments of 64 KB each: the picture it decodes to stays the same. */
export const conCommenti = (jpeg: ArrayBuffer, quanti: number) =>
  conSegmenti(
    jpeg,
    Array.from({ length: quanti }, () => segmento(0xfe, new Uint8Array(65_000))),
  );

export interface Segmento {
  marker: number;
  dati: Uint8Array;
}

/** The marker segments from SOI up to SOS (where the entropy-coded data begins); throws when the file is not a JPEG. */
export function segmentiFinoASos(jpeg: ArrayBuffer): Segmento[] {
  const byte = new Uint8Array(jpeg);
  const vista = new DataView(jpeg);
  if (byte[0] !== 0xff || byte[1] !== 0xd8) throw new Error('no SOI');
  const trovati: Segmento[] = [];
  let at = 2;
  let finito = false;
  while (!finito) {
    if (at + 4 > byte.length || byte[at] !== 0xff) throw new Error(`no marker at ${at}`);
    const marker = byte[at + 1];
    // Fill bytes (FF FF …) may precede a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const lunghezza = vista.getUint16(at + 2);
    trovati.push({ marker, dati: byte.subarray(at + 4, at + 2 + lunghezza) });
    at += 2 + lunghezza;
    finito = marker === 0xda;
  }
  return trovati;
}

const intestazioneExif = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/** The APP1 segments that carry EXIF. */
export const segmentiExif = (jpeg: ArrayBuffer) =>
  segmentiFinoASos(jpeg).filter((s) => s.marker === 0xe1 && intestazioneExif.every((b, i) => s.dati[i] === b));

/** The picture's size as its frame header (SOF0 to SOF15, bar DHT, JPG and DAC) says. */
export function dimensioniJpeg(jpeg: ArrayBuffer): { larghezza: number; altezza: number } {
  const sof = segmentiFinoASos(jpeg).find(
    (s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker),
  );
  if (!sof) throw new Error('no SOF');
  const v = new DataView(sof.dati.buffer, sof.dati.byteOffset, sof.dati.byteLength);
  return { altezza: v.getUint16(1), larghezza: v.getUint16(3) };
}

/** What an EXIF block says: its Orientation and whether a GPS IFD with a latitude is there (big-endian only, as written above). */
export function leggiExif(blocco: Uint8Array): { orientamento?: number; latitudine: boolean } {
  const tiff = new DataView(blocco.buffer, blocco.byteOffset + 6, blocco.byteLength - 6);
  const voci = (ifd: number) => Array.from({ length: tiff.getUint16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const ifd0 = voci(tiff.getUint32(4));
  const orientamento = ifd0.find((at) => tiff.getUint16(at) === TAG_ORIENTAMENTO);
  const gps = ifd0.find((at) => tiff.getUint16(at) === TAG_GPS);
  const latitudine =
    gps !== undefined && voci(tiff.getUint32(gps + 8)).some((at) => tiff.getUint16(at) === TAG_LATITUDINE);
  return { orientamento: orientamento === undefined ? undefined : tiff.getUint16(orientamento + 8), latitudine };
}

/** An image's pixels, RGBA, as the browser decodes it. */
export async function decodificata(byte: ArrayBuffer, tipo: 'image/jpeg' | 'image/png'): Promise<ImageData> {
  const immagine = await createImageBitmap(new Blob([byte], { type: tipo }));
  const canvas = document.createElement('canvas');
  canvas.width = immagine.width;
  canvas.height = immagine.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(immagine, 0, 0);
  immagine.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The colour at a pixel of a decoded image, as [r, g, b]. */
export async function colore(jpeg: ArrayBuffer, x: number, y: number): Promise<number[]> {
  const { data, width } = await decodificata(jpeg, 'image/jpeg');
  const i = (y * width + x) * 4;
  return [...data.slice(i, i + 3)];
}

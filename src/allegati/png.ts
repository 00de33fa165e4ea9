// A PNG made ready to upload: the chunks where metadata lives are left out, as a photo's EXIF is. eXIf holds EXIF (a
// phone's GPS position, the camera); tEXt, iTXt and zTXt hold text (the software, a user name, a path, a comment).
// Every other chunk stays byte for byte, IHDR, PLTE and the pixels' IDAT among them, so the image is the same.

/** The 8 bytes every PNG starts with. */
const FIRMA = 8;
/** A chunk's length (4 bytes), type (4) and CRC (4) around its data. */
const CORNICE = 12;
const METADATI = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/**
 * The PNG without its metadata chunks, and without anything after IEND (not part of the image); undefined when its
 * chunks do not add up (a damaged or truncated file), which the form refuses as unreadable.
 */
export function senzaMetadati(byte: ArrayBuffer): ArrayBuffer | undefined {
  const dati = new DataView(byte);
  const tenuti: Uint8Array[] = [new Uint8Array(byte, 0, FIRMA)];
  let pos = FIRMA;
  let finito = false;
  while (!finito) {
    if (pos + CORNICE > byte.byteLength) return undefined;
    const fine = pos + CORNICE + dati.getUint32(pos);
    if (fine > byte.byteLength) return undefined;
    const tipo = String.fromCharCode(...new Uint8Array(byte, pos + 4, 4));
    if (!METADATI.has(tipo)) tenuti.push(new Uint8Array(byte, pos, fine - pos));
    finito = tipo === 'IEND';
    pos = fine;
  }
  const pulito = new Uint8Array(tenuti.reduce((n, t) => n + t.length, 0));
  let scritti = 0;
  for (const t of tenuti) {
    pulito.set(t, scritti);
    scritti += t.length;
  }
  return pulito.buffer;
}

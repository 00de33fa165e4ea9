// A photo re-encoded before it is attached: turned upright, no larger than needed, and without its EXIF (where it was
// taken, the camera, the time), which a help desk has no need of and a citizen may not know a photo carries.

/** The JPEG quality of the re-encoded photo: text on a photographed document stays readable. */
const QUALITA = 0.9;

/** The size of the longer side at most `latoMassimo`; never larger than the photo is. */
function dimensioniRidotte(
  larghezza: number,
  altezza: number,
  latoMassimo: number,
): { larghezza: number; altezza: number } {
  const fattore = Math.min(1, latoMassimo / Math.max(larghezza, altezza));
  return {
    larghezza: Math.max(1, Math.round(larghezza * fattore)),
    altezza: Math.max(1, Math.round(altezza * fattore)),
  };
}

/**
 * Decodes the photo with its EXIF orientation applied, so a phone's portrait photo stays portrait once EXIF is gone.
 * Chromium, Firefox and WebKitGTK apply it whatever the option says (the spec dropped 'none'): 'from-image' states the
 * intent for any engine that still reads the option.
 */
async function decodifica(byte: ArrayBuffer): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(new Blob([byte], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
  } catch (e) {
    throw new Error(`The JPEG cannot be decoded: ${(e as Error).message}`, { cause: e });
  }
}

function codifica(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((risolvi, rifiuta) => {
    canvas.toBlob(
      (blob) => {
        if (blob) risolvi(blob);
        else rifiuta(new Error('The canvas could not be encoded as JPEG'));
      },
      'image/jpeg',
      QUALITA,
    );
  });
}

/**
 * The photo decoded, scaled so its longer side is at most `latoMassimo` and encoded again as JPEG. A canvas's encoder
 * writes no EXIF, so none of the original's metadata survives. An HTMLCanvasElement rather than an OffscreenCanvas,
 * which not every engine the widget supports has. Rejects when the bytes are not a JPEG the browser can decode.
 */
export async function ricodificaJpeg(byte: ArrayBuffer, latoMassimo = 2560): Promise<ArrayBuffer> {
  const immagine = await decodifica(byte);
  const canvas = document.createElement('canvas');
  try {
    const { larghezza, altezza } = dimensioniRidotte(immagine.width, immagine.height, latoMassimo);
    canvas.width = larghezza;
    canvas.height = altezza;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas to re-encode the JPEG on');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(immagine, 0, 0, larghezza, altezza);
    return await (await codifica(canvas)).arrayBuffer();
  } finally {
    // A 4000×3000 photo holds about 48 MB decoded: given back now, not whenever the garbage collector runs.
    immagine.close();
    canvas.width = 0;
    canvas.height = 0;
  }
}

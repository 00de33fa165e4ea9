import { expect } from '@open-wc/testing';
import { tipoDalContenuto } from '../src/allegati/firma.js';
import { ricodificaJpeg } from '../src/allegati/jpeg.js';
import { dimensioneLeggibile, nomeScreenshot } from '../src/allegati/nomi.js';
import { preparaFile, type FilePronto } from '../src/allegati/prepara.js';
import { MAX_BYTE_ALLEGATO } from '../src/richiesta.js';
import { colore, conCommenti, conExif, dimensioniJpeg, disegnata, leggiExif, segmentiExif } from './allegati/jpeg.js';
import { chunk, chunkDi, conMetadati, contiene, pixel, SEGRETI } from './allegati/png.js';

const MB = 1024 * 1024;
const byteDi = (...parti: Array<string | number[]>) => {
  const codificatore = new TextEncoder();
  const pezzi = parti.map((p) => (typeof p === 'string' ? codificatore.encode(p) : new Uint8Array(p)));
  return new Blob(pezzi).arrayBuffer();
};
const pdf = (corpo = '') => byteDi('%PDF-1.7\n', corpo, '\n%%EOF\n');
/** A file of `n` bytes that starts with `inizio` and is zeros after. */
const lungo = (inizio: number[], n: number) => {
  const byte = new Uint8Array(n);
  byte.set(inizio);
  return new Blob([byte]);
};
const uguali = (a: ArrayBuffer, b: ArrayBuffer) =>
  a.byteLength === b.byteLength && new Uint8Array(a).every((x, i) => x === new Uint8Array(b)[i]);
const vicino = (c: number[], atteso: number[]) => c.every((x, i) => Math.abs(x - atteso[i]) < 40);

describe('attachment signatures', () => {
  it('recognises PNG, JPEG and PDF by their first bytes', async () => {
    expect(tipoDalContenuto(await disegnata(8, 8, 'image/png'))).to.equal('image/png');
    expect(tipoDalContenuto(await disegnata(8, 8, 'image/jpeg'))).to.equal('image/jpeg');
    expect(tipoDalContenuto(await pdf())).to.equal('application/pdf');
  });

  it('recognises nothing else: a .docx (ZIP), text, a truncated signature, nothing at all', async () => {
    expect(tipoDalContenuto(await byteDi([0x50, 0x4b, 0x03, 0x04], 'word/document.xml'))).to.be.undefined;
    expect(tipoDalContenuto(await byteDi('%PDF'))).to.be.undefined;
    expect(tipoDalContenuto(await byteDi('Gentile ufficio, allego la ricevuta.'))).to.be.undefined;
    expect(tipoDalContenuto(await byteDi([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).to.be.undefined;
    expect(tipoDalContenuto(await byteDi([0xff, 0xd8]))).to.be.undefined;
    expect(tipoDalContenuto(new ArrayBuffer(0))).to.be.undefined;
  });
});

describe('JPEG re-encoding', () => {
  it('the fixture carries EXIF with Orientation and a GPS latitude (so its absence later means something)', async () => {
    const foto = conExif(await disegnata(40, 20, 'image/jpeg'), 6);
    const exif = segmentiExif(foto);
    expect(exif).to.have.length(1);
    expect(leggiExif(exif[0].dati)).to.deep.equal({ orientamento: 6, latitudine: true });
  });

  it('leaves no EXIF segment in the re-encoded photo and brings 4000×3000 down to 2560×1920', async () => {
    const foto = conExif(await disegnata(4000, 3000, 'image/jpeg'), 1);
    const ricodificata = await ricodificaJpeg(foto);
    expect(segmentiExif(ricodificata)).to.have.length(0);
    expect(dimensioniJpeg(ricodificata)).to.deep.equal({ larghezza: 2560, altezza: 1920 });
  });

  it('applies Orientation 6: a 40×20 photo comes out 20×40, its left half on top', async () => {
    const ricodificata = await ricodificaJpeg(conExif(await disegnata(40, 20, 'image/jpeg'), 6));
    expect(segmentiExif(ricodificata)).to.have.length(0);
    expect(dimensioniJpeg(ricodificata)).to.deep.equal({ larghezza: 20, altezza: 40 });
    // Orientation 6 is a quarter turn clockwise: the stored left (red) half becomes the top.
    expect(vicino(await colore(ricodificata, 10, 5), [255, 0, 0]), 'red on top').to.be.true;
    expect(vicino(await colore(ricodificata, 10, 35), [0, 0, 255]), 'blue below').to.be.true;
  });

  it('never enlarges a photo, and honours a smaller longer side', async () => {
    const foto = await disegnata(800, 600, 'image/jpeg');
    expect(dimensioniJpeg(await ricodificaJpeg(foto))).to.deep.equal({ larghezza: 800, altezza: 600 });
    expect(dimensioniJpeg(await ricodificaJpeg(foto, 400))).to.deep.equal({ larghezza: 400, altezza: 300 });
  });

  it('rejects with an Error saying so when the JPEG cannot be decoded', async () => {
    const rotta = await byteDi([0xff, 0xd8, 0xff, 0xe0], 'non è una foto');
    let errore: unknown;
    try {
      await ricodificaJpeg(rotta);
    } catch (e) {
      errore = e;
    }
    expect(errore).to.be.instanceOf(Error);
    expect((errore as Error).message).to.match(/JPEG cannot be decoded/);
  });
});

describe('preparaFile', () => {
  it('refuses an empty file', async () => {
    expect(await preparaFile(new File([], 'vuoto.pdf'), 'vuoto.pdf')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'vuoto.pdf',
      motivo: 'vuoto',
    });
  });

  it('refuses by content, whatever the name and the declared type say', async () => {
    const testo = new File(['Gentile ufficio'], 'relazione.pdf', { type: 'application/pdf' });
    expect(await preparaFile(testo, 'relazione.pdf')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'relazione.pdf',
      motivo: 'tipo',
    });
    const docx = new File([await byteDi([0x50, 0x4b, 0x03, 0x04], 'word/')], 'domanda.docx');
    expect(await preparaFile(docx, 'domanda.docx')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'domanda.docx',
      motivo: 'tipo',
    });
  });

  it('refuses a JPEG it cannot decode as unreadable', async () => {
    const rotta = new File([await byteDi([0xff, 0xd8, 0xff, 0xe0], 'non è una foto')], 'foto.jpg');
    expect(await preparaFile(rotta, 'foto.jpg')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'foto.jpg',
      motivo: 'illeggibile',
    });
  });

  it('accepts a PDF of exactly 10 MB and refuses one byte more', async () => {
    const inizio = [0x25, 0x50, 0x44, 0x46, 0x2d];
    expect((await preparaFile(lungo(inizio, MAX_BYTE_ALLEGATO), 'a.pdf')).esito).to.equal('pronto');
    expect(await preparaFile(lungo(inizio, MAX_BYTE_ALLEGATO + 1), 'a.pdf')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'a.pdf',
      motivo: 'grande',
    });
  });

  it('refuses a file over 50 MB as too large without decoding it, and still tells a type not accepted', async () => {
    // Zeros after the signature: decoding it would fail as unreadable, so 'grande' means it was not decoded.
    expect(await preparaFile(lungo([0xff, 0xd8, 0xff], 51 * MB), 'enorme.jpg')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'enorme.jpg',
      motivo: 'grande',
    });
    expect(await preparaFile(lungo([0x50, 0x4b, 0x03, 0x04], 51 * MB), 'archivio.zip')).to.deep.equal({
      esito: 'rifiutato',
      nome: 'archivio.zip',
      motivo: 'tipo',
    });
  });

  it('keeps a PNG and a PDF byte for byte, with the type read from the content', async () => {
    const png = await disegnata(30, 20, 'image/png');
    // Named and declared as a JPEG: it is a PNG, and is not re-encoded.
    const pronto = (await preparaFile(
      new File([png], 'schermata.jpg', { type: 'image/jpeg' }),
      'schermata.jpg',
    )) as FilePronto;
    expect(pronto).to.include({
      esito: 'pronto',
      nome: 'schermata.jpg',
      tipo: 'image/png',
      dimensione: png.byteLength,
    });
    expect(uguali(pronto.byte, png)).to.be.true;
    const documento = await pdf('1 0 obj << /Type /Catalog >> endobj');
    const prontoPdf = (await preparaFile(new File([documento], 'ricevuta.pdf'), 'ricevuta.pdf')) as FilePronto;
    expect(prontoPdf).to.include({
      esito: 'pronto',
      nome: 'ricevuta.pdf',
      tipo: 'application/pdf',
      dimensione: documento.byteLength,
    });
    expect(uguali(prontoPdf.byte, documento)).to.be.true;
  });

  it('drops a PNG’s eXIf, tEXt, iTXt and zTXt chunks (and bytes after IEND); every other chunk and the pixels stay byte for byte', async () => {
    const pulita = await disegnata(30, 20, 'image/png');
    const png = await conMetadati(pulita);
    const tipi = chunkDi(png).map((c) => c.tipo);
    expect(tipi, 'the fixture carries them').to.include.members(['eXIf', 'tEXt', 'iTXt', 'zTXt']);
    for (const segreto of SEGRETI.slice(0, 2)) expect(contiene(png, segreto), segreto).to.be.true;
    const pronto = (await preparaFile(new File([png], 'schermata.png'), 'schermata.png')) as FilePronto;
    expect(pronto).to.include({ esito: 'pronto', tipo: 'image/png', dimensione: pronto.byte.byteLength });
    expect(chunkDi(pronto.byte).map((c) => c.tipo)).to.deep.equal(
      tipi.filter((t) => !['eXIf', 'tEXt', 'iTXt', 'zTXt'].includes(t)),
    );
    // The file as the canvas wrote it, before the metadata went in: the same bytes, IHDR and IDAT included.
    expect(uguali(pronto.byte, pulita)).to.be.true;
    for (const segreto of SEGRETI) expect(contiene(pronto.byte, segreto), segreto).to.be.false;
    expect([...(await pixel(pronto.byte))]).to.deep.equal([...(await pixel(png))]);
  });

  it('refuses as unreadable a PNG whose chunks do not add up (one longer than the file, none ending it)', async () => {
    const png = await disegnata(8, 8, 'image/png');
    const troncato = png.slice(0, png.byteLength - 20);
    const lungo = await new Blob([
      new Uint8Array(png, 0, 33),
      chunk('tEXt', new Uint8Array(4)).slice(0, 10),
    ]).arrayBuffer();
    for (const [nome, byte] of [
      ['troncato.png', troncato],
      ['lungo.png', lungo],
    ] as const) {
      expect(await preparaFile(new File([byte], nome), nome), nome).to.deep.equal({
        esito: 'rifiutato',
        nome,
        motivo: 'illeggibile',
      });
    }
  });

  it('re-encodes a JPEG under its own name, without EXIF', async () => {
    const foto = conExif(await disegnata(40, 20, 'image/jpeg'), 6);
    const pronto = (await preparaFile(new File([foto], 'IMG_0001.JPG'), 'IMG_0001.JPG')) as FilePronto;
    expect(pronto).to.include({
      esito: 'pronto',
      nome: 'IMG_0001.JPG',
      tipo: 'image/jpeg',
      dimensione: pronto.byte.byteLength,
    });
    expect(segmentiExif(pronto.byte)).to.have.length(0);
    expect(dimensioniJpeg(pronto.byte)).to.deep.equal({ larghezza: 20, altezza: 40 });
  });

  it('judges a JPEG’s size after re-encoding: 10.5 MB of comments around a small photo fit', async () => {
    const gonfia = conCommenti(await disegnata(40, 20, 'image/jpeg'), 170);
    expect(gonfia.byteLength).to.be.greaterThan(MAX_BYTE_ALLEGATO);
    const pronto = await preparaFile(new File([gonfia], 'gonfia.jpg'), 'gonfia.jpg');
    expect(pronto.esito).to.equal('pronto');
    expect((pronto as FilePronto).dimensione).to.be.lessThan(100_000);
  });
});

describe('attachment names and sizes', () => {
  it('names a screenshot by Rome’s time: one hour ahead of UTC in winter, two in summer', () => {
    expect(nomeScreenshot(new Date('2026-01-15T08:09:05Z'))).to.equal('screenshot-20260115-090905.png');
    expect(nomeScreenshot(new Date('2026-07-15T08:09:05Z'))).to.equal('screenshot-20260715-100905.png');
    // Rome's date, not UTC's: half past midnight of New Year's Day in Rome.
    expect(nomeScreenshot(new Date('2026-12-31T23:30:00Z'))).to.equal('screenshot-20270101-003000.png');
  });

  it('writes sizes as a person reads them, with each language’s decimal separator', () => {
    expect(dimensioneLeggibile(512, 'it')).to.equal('512 B');
    expect(dimensioneLeggibile(1023, 'en')).to.equal('1023 B');
    expect(dimensioneLeggibile(1024, 'it')).to.equal('1 KB');
    expect(dimensioneLeggibile(340 * 1024, 'it')).to.equal('340 KB');
    expect(dimensioneLeggibile(MB - 1, 'en')).to.equal('1.0 MB');
    expect(dimensioneLeggibile(Math.round(1.2 * MB), 'it')).to.equal('1,2 MB');
    expect(dimensioneLeggibile(Math.round(1.2 * MB), 'en')).to.equal('1.2 MB');
    expect(dimensioneLeggibile(10 * MB, 'it')).to.equal('10,0 MB');
  });
});

// The form's attachments as a user meets them (input, paste, drop, errors, the list) and their delivery through the
// queue to the real test endpoint: files first, each once, then the request.
import { fixture, html, expect } from '@open-wc/testing';
import { createStore, del, entries } from 'idb-keyval';
import '../src/index.js';
import type { AssistenzaTicketForm } from '../src/index.js';
import { consegnaDellaPagina } from '../src/delivery/consegna.js';
import {
  nuovoSecchio,
  pulisciArchivio,
  campo,
  scrivi,
  pulsante,
  stato,
  allarme,
  finche,
  fingiOffline,
  type Secchio,
} from './helpers.js';
import { conExif, dimensioniJpeg, disegnata, segmentiExif } from './allegati/jpeg.js';
import { chunkDi, conMetadati, contiene, SEGRETI } from './allegati/png.js';

const consegna = consegnaDellaPagina();
const online = () => window.dispatchEvent(new Event('online'));

/** A PDF of `n` bytes: its signature, then filler. */
function pdf(nome: string, n = 2048): File {
  const byte = new Uint8Array(n);
  byte.set(new TextEncoder().encode('%PDF-1.7\n'));
  return new File([byte], nome, { type: 'application/pdf' });
}

const png = async (nome: string) => new File([await disegnata(64, 48, 'image/png')], nome, { type: 'image/png' });

/** A .docx is a ZIP: its bytes start with PK. */
const docx = (nome: string) =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])], nome, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

function trasferimento(files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}

const input = (el: AssistenzaTicketForm) => campo(el, 'Allegati');

/** Chooses files with the input, as the file picker does. */
function scegli(el: AssistenzaTicketForm, files: File[]): void {
  const i = input(el);
  i.files = trasferimento(files).files;
  i.dispatchEvent(new Event('change', { bubbles: true }));
}

/** An event carrying a DataTransfer, as the browser builds a paste or a drop (their constructors differ by engine). */
function eventoCon(tipo: 'paste' | 'drop', dt: DataTransfer): Event {
  const e = new Event(tipo, { bubbles: true, composed: true, cancelable: true });
  Object.defineProperty(e, tipo === 'paste' ? 'clipboardData' : 'dataTransfer', { value: dt });
  return e;
}

/** The attached files as the list shows them. */
const elenco = (el: AssistenzaTicketForm) =>
  [...el.shadowRoot!.querySelectorAll('ul[aria-label="File allegati"] li > span')].map((s) =>
    s.textContent!.replace(/\s+/g, ' ').trim(),
  );

/** The attachments field's error messages, found through the input's aria-describedby. */
function erroreAllegati(el: AssistenzaTicketForm): string {
  const id = input(el)
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.startsWith('errore-'));
  return id ? el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim() : '';
}

async function attendiElenco(el: AssistenzaTicketForm, n: number) {
  await finche(() => elenco(el).length === n, `${n} files in the list (now: ${elenco(el).join(' | ')})`);
}

async function compila(el: AssistenzaTicketForm) {
  scrivi(el, 'Cognome', 'Rossi');
  scrivi(el, 'Nome', 'Mario');
  scrivi(el, 'Descrizione del problema', 'La planimetria allegata non viene accettata.');
  await el.updateComplete;
}

const invia = (el: AssistenzaTicketForm) => pulsante(el, 'Invia richiesta').click();

/** The archive's attachment bytes, by key. */
async function byteInArchivio(): Promise<string[]> {
  const tutte = await entries(createStore('assistenza-tecnica', 'archivio'));
  return tutte.map(([k]) => String(k)).filter((k) => k.startsWith('allegato:'));
}

describe('<assistenza-ticket-form> attachments', () => {
  let s: Secchio;
  beforeEach(async function () {
    await pulisciArchivio.call(this);
    s = nuovoSecchio();
  });

  async function modulo(utente = 'u-allegati') {
    const el = await fixture<AssistenzaTicketForm>(
      html`<assistenza-ticket-form endpoint=${s.endpoint} utente=${utente}></assistenza-ticket-form>`,
    );
    return el;
  }

  it('has a file input labelled "Allegati" for several files, with its hint', async () => {
    const el = await modulo();
    const i = input(el);
    expect(i.type).to.equal('file');
    expect(i.multiple).to.be.true;
    const aiuto = el.shadowRoot!.getElementById(i.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(aiuto.textContent).to.equal(
      'Immagini PNG o JPEG e PDF, fino a 5 file da 10 MB ciascuno. Puoi anche incollare uno screenshot o trascinare qui i file.',
    );
  });

  it('attaching by the input lists each file with its size and a remove button; removing takes its bytes away too', async () => {
    const el = await modulo();
    scegli(el, [pdf('planimetria.pdf', Math.round(1.2 * 1024 * 1024)), await png('schermata.png')]);
    await attendiElenco(el, 2);
    expect(elenco(el)[0]).to.equal('planimetria.pdf, 1,2 MB');
    expect(elenco(el)[1]).to.match(/^schermata\.png, \d+ B$/);
    expect(await byteInArchivio()).to.have.length(2);
    pulsante(el, 'Rimuovi planimetria.pdf').click();
    await attendiElenco(el, 1);
    expect(elenco(el)[0]).to.match(/^schermata\.png/);
    await finche(async () => (await byteInArchivio()).length === 1, 'the removed file’s bytes leave IndexedDB');
  });

  it('attaches a pasted screenshot as screenshot-AAAAMMGG-HHMMSS.png, from a paste anywhere in the form', async () => {
    const el = await modulo();
    const descrizione = campo(el, 'Descrizione del problema');
    const e = eventoCon('paste', trasferimento([await png('image.png')]));
    descrizione.dispatchEvent(e);
    expect(e.defaultPrevented, 'the image is not pasted into the text').to.be.true;
    await attendiElenco(el, 1);
    expect(elenco(el)[0]).to.match(/^screenshot-\d{8}-\d{6}\.png, \d+ B$/);
    // A paste of text goes on as usual.
    const testo = new DataTransfer();
    testo.setData('text/plain', 'errore 500');
    const t = eventoCon('paste', testo);
    descrizione.dispatchEvent(t);
    expect(t.defaultPrevented).to.be.false;
  });

  it('attaches files dropped onto the form, and leaves a dragged text alone', async () => {
    const el = await modulo();
    const dt = trasferimento([pdf('visura.pdf')]);
    const dragover = new Event('dragover', { bubbles: true, composed: true, cancelable: true });
    Object.defineProperty(dragover, 'dataTransfer', { value: dt });
    campo(el, 'Cognome').dispatchEvent(dragover);
    expect(dragover.defaultPrevented, 'files may be dropped here').to.be.true;
    campo(el, 'Cognome').dispatchEvent(eventoCon('drop', dt));
    await attendiElenco(el, 1);
    expect(elenco(el)[0]).to.equal('visura.pdf, 2 KB');
    const testo = new DataTransfer();
    testo.setData('text/plain', 'Rossi');
    const trascinato = eventoCon('drop', testo);
    campo(el, 'Nome').dispatchEvent(trascinato);
    expect(trascinato.defaultPrevented).to.be.false;
  });

  it('refuses by content, not by name: each error names its file, on the field (aria-invalid, described by it)', async () => {
    const el = await modulo();
    const finto = new File([new TextEncoder().encode('non sono un pdf')], 'finto.pdf', { type: 'application/pdf' });
    scegli(el, [
      docx('planimetria.docx'),
      new File([], 'vuoto.pdf', { type: 'application/pdf' }),
      pdf('grande.pdf', 10 * 1024 * 1024 + 1),
      finto,
    ]);
    await finche(() => erroreAllegati(el) !== '', 'the errors are shown');
    expect(erroreAllegati(el)).to.equal(
      'planimetria.docx: sono accettati solo PNG, JPEG e PDF vuoto.pdf: il file è vuoto grande.pdf: supera i 10 MB finto.pdf: sono accettati solo PNG, JPEG e PDF',
    );
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(elenco(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('takes at most 5 files and says so', async () => {
    const el = await modulo();
    scegli(
      el,
      [1, 2, 3, 4, 5, 6].map((n) => pdf(`tavola-${n}.pdf`)),
    );
    await finche(() => erroreAllegati(el) !== '', 'the error is shown');
    expect(erroreAllegati(el)).to.equal('Puoi allegare al massimo 5 file');
    expect(elenco(el)).to.have.length(5);
    // Removing one makes room again.
    pulsante(el, 'Rimuovi tavola-1.pdf').click();
    await attendiElenco(el, 4);
    scegli(el, [pdf('tavola-6.pdf')]);
    await attendiElenco(el, 5);
    expect(erroreAllegati(el)).to.equal('');
    expect(input(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('speaks English under lang="en"', async () => {
    const el = await fixture<AssistenzaTicketForm>(
      html`<div lang="en"><assistenza-ticket-form endpoint=${s.endpoint}></assistenza-ticket-form></div>`,
    ).then((d) => d.querySelector('assistenza-ticket-form')!);
    await el.updateComplete;
    const i = campo(el, 'Attachments');
    i.files = trasferimento([docx('plan.docx'), pdf('plan.pdf', 1536 * 1024)]).files;
    i.dispatchEvent(new Event('change'));
    await finche(
      () =>
        el.shadowRoot!.querySelector('#errore-allegati') !== null &&
        el.shadowRoot!.querySelectorAll('ul li').length === 1,
      'the error and the list',
    );
    expect(el.shadowRoot!.querySelector('#errore-allegati')!.textContent!.trim()).to.equal(
      'plan.docx: only PNG, JPEG and PDF are accepted',
    );
    expect(el.shadowRoot!.querySelector('ul li span')!.textContent).to.equal('plan.pdf, 1.5 MB');
    expect(pulsante(el, 'Remove plan.pdf')).to.exist;
  });

  it('a reload keeps the attachments (the draft in IndexedDB), and they go with the request', async () => {
    const primo = await modulo('u-ricarica');
    scegli(primo, [pdf('planimetria.pdf', 5000)]);
    await attendiElenco(primo, 1);
    primo.remove();
    const el = await modulo('u-ricarica');
    await attendiElenco(el, 1);
    expect(elenco(el)).to.deep.equal(['planimetria.pdf, 5 KB']);
    await compila(el);
    invia(el);
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    expect(stato(el)).to.contain('Allegati inviati: 1.');
    const [ricevuta] = (await s.registro()).ricevute;
    expect(ricevuta.richiesta.allegati).to.have.length(1);
    expect(ricevuta.richiesta.allegati![0]).to.include({
      nome: 'planimetria.pdf',
      tipo: 'application/pdf',
      dimensione: 5000,
    });
    expect(await byteInArchivio(), 'the bytes leave IndexedDB once delivered').to.deep.equal([]);
  });

  it('a reload that finds a file’s bytes gone (kept only by a page now closed) takes it out of the list and says so', async () => {
    const primo = await modulo('u-perso');
    scegli(primo, [pdf('planimetria.pdf', 3072), pdf('visura.pdf', 3072)]);
    await attendiElenco(primo, 2);
    primo.remove();
    // As if the first file's bytes had lived in that page's memory: the draft names it, the archive no longer has it.
    const [chiave] = (await entries(createStore('assistenza-tecnica', 'archivio')))
      .filter(([, v]) => (v as { nome?: string }).nome === 'planimetria.pdf')
      .map(([k]) => k);
    await del(chiave, createStore('assistenza-tecnica', 'archivio'));
    const el = await modulo('u-perso');
    await finche(() => erroreAllegati(el) !== '', 'the lost file named');
    expect(erroreAllegati(el)).to.equal('planimetria.pdf: il file non è più disponibile, allegalo di nuovo');
    expect(elenco(el)).to.deep.equal(['visura.pdf, 3 KB']);
  });

  it('offline, then online: every file and then the request, each once', async () => {
    const el = await modulo();
    scegli(el, [pdf('a.pdf', 3000), await png('b.png')]);
    await attendiElenco(el, 2);
    await compila(el);
    const ripristina = fingiOffline();
    try {
      invia(el);
      await finche(() => stato(el).includes('sei offline'), 'queued offline');
      expect((await s.registro()).tentativi).to.have.length(0);
    } finally {
      ripristina();
    }
    online();
    await finche(async () => (await s.registro()).ricevute.length === 1, 'the request arrives');
    await finche(
      () => stato(el).includes('Allegati inviati: 2.'),
      'the outcome counts the files delivered from the queue',
    );
    const { tentativi, ricevute, allegati } = await s.registro();
    const put = tentativi.filter((t) => t.metodo === 'PUT');
    expect(put.map((t) => t.stato)).to.deep.equal([201, 201]);
    expect(new Set(put.map((t) => t.chiave)).size).to.equal(2);
    expect(
      tentativi.map((t) => t.metodo),
      'files first, then the request',
    ).to.deep.equal(['PUT', 'PUT', 'POST']);
    expect(allegati.map((a) => a.nome).sort()).to.deep.equal(['a.pdf', 'b.png']);
    expect(ricevute[0].richiesta.allegati!.map((a) => a.id).sort()).to.deep.equal(put.map((t) => t.chiave).sort());
  });

  it('uploads each file with its type, its id as the key and its name percent-encoded (RFC 8187), then names it in the request', async () => {
    const el = await modulo();
    scegli(el, [pdf('pianta d’insieme (è).pdf', 2048)]);
    await attendiElenco(el, 1);
    await compila(el);
    invia(el);
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    const { tentativi, ricevute, allegati } = await s.registro();
    const [put] = tentativi.filter((t) => t.metodo === 'PUT');
    const [allegato] = ricevute[0].richiesta.allegati!;
    expect(put.percorso).to.equal(new URL(`${s.endpoint}/allegati/${allegato.id}`, location.href).pathname);
    expect(put.chiave).to.equal(allegato.id);
    expect(put.intestazioni['content-type']).to.equal('application/pdf');
    expect(put.intestazioni['content-disposition']).to.equal(
      "attachment; filename*=UTF-8''pianta%20d%E2%80%99insieme%20%28%C3%A8%29.pdf",
    );
    expect(put.byte).to.equal(2048);
    expect(allegato).to.deep.equal({
      id: allegato.id,
      nome: 'pianta d’insieme (è).pdf',
      tipo: 'application/pdf',
      dimensione: 2048,
    });
    expect(allegati.map((a) => a.nome)).to.deep.equal(['pianta d’insieme (è).pdf']);
  });

  it('an answer lost after a PUT: the file goes again under the same key and is stored once', async () => {
    const el = await modulo();
    scegli(el, [pdf('planimetria.pdf', 4000)]);
    await attendiElenco(el, 1);
    await compila(el);
    await s.guasti([{ modo: 'perdi-risposta', su: 'allegati', volte: 1 }]);
    invia(el);
    await finche(() => stato(el).includes('Richiesta in coda'), 'postponed');
    online();
    await finche(async () => (await s.registro()).ricevute.length === 1, 'the request arrives');
    const { tentativi, allegati } = await s.registro();
    const put = tentativi.filter((t) => t.metodo === 'PUT');
    expect(put).to.have.length(2);
    expect(put[0].chiave).to.equal(put[1].chiave);
    expect(allegati).to.have.length(1);
  });

  it('a 415 sends the request back to the draft with that file marked and the server’s message; the others stay', async () => {
    const el = await modulo();
    scegli(el, [pdf('planimetria.pdf', 3072), pdf('visura.pdf', 3072)]);
    await attendiElenco(el, 2);
    await compila(el);
    await s.guasti([
      {
        modo: 'stato',
        stato: 415,
        su: 'allegati',
        volte: 1,
        messaggio: 'Il contenuto del file non corrisponde al tipo dichiarato.',
      },
    ]);
    invia(el);
    await finche(() => allarme(el).includes('non è stata accettata'), 'refused');
    expect(elenco(el)).to.deep.equal(['planimetria.pdf, 3 KB', 'visura.pdf, 3 KB']);
    expect(erroreAllegati(el)).to.equal('planimetria.pdf: Il contenuto del file non corrisponde al tipo dichiarato.');
    expect(campo(el, 'Descrizione del problema').value).to.equal('La planimetria allegata non viene accettata.');
    // Not sent again as it is.
    invia(el);
    await finche(
      () => erroreAllegati(el).includes('Rimuovi o sostituisci i file non accettati prima di inviare.'),
      'told to remove it first',
    );
    expect(allarme(el)).to.contain('correggi i campi evidenziati (1)');
    expect((await s.registro()).ricevute).to.have.length(0);
    await expect(el).to.be.accessible();
    pulsante(el, 'Rimuovi planimetria.pdf').click();
    await attendiElenco(el, 1);
    invia(el);
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    const [ricevuta] = (await s.registro()).ricevute;
    expect(ricevuta.richiesta.allegati!.map((a) => a.nome)).to.deep.equal(['visura.pdf']);
  });

  it('IndexedDB refusing the bytes: the page-only notice, the text still saved, and the request still delivered', async () => {
    const put = IDBObjectStore.prototype.put;
    // The engine refuses what holds bytes (a full quota); everything else goes in as usual.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, v: unknown, k?: IDBValidKey) {
      if (v && typeof v === 'object' && 'byte' in v) throw new DOMException('quota', 'QuotaExceededError');
      return put.call(this, v, k);
    };
    try {
      const el = await modulo('u-quota');
      scegli(el, [pdf('planimetria.pdf', 3000)]);
      await attendiElenco(el, 1);
      expect(el.shadowRoot!.textContent).to.contain(
        'Gli allegati sono conservati solo in questa pagina: non chiuderla finché la richiesta non è stata inviata.',
      );
      expect(consegna.archivio.persistente, 'drafts and queue stay in IndexedDB').to.be.true;
      await expect(el).to.be.accessible();
      await compila(el);
      await finche(
        async () => (await entries(createStore('assistenza-tecnica', 'archivio'))).some(([k]) => k === 'bozza:u-quota'),
        'the text saved',
      );
      invia(el);
      await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
      const { ricevute, allegati } = await s.registro();
      expect(ricevute[0].richiesta.allegati!.map((a) => a.nome)).to.deep.equal(['planimetria.pdf']);
      expect(allegati).to.have.length(1);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).not.to.contain('conservati solo in questa pagina');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('shows each upload’s progress while it goes, and the outcome tells the files went', async () => {
    const el = await modulo();
    scegli(el, [pdf('planimetria.pdf', 2 * 1024 * 1024)]);
    await attendiElenco(el, 1);
    await compila(el);
    await s.guasti([{ modo: 'lento', ritardoMs: 1500, su: 'allegati', volte: 1 }]);
    invia(el);
    await finche(() => el.shadowRoot!.querySelector('progress') !== null, 'a progress bar');
    const barra = el.shadowRoot!.querySelector('progress')!;
    const etichetta = el.shadowRoot!.getElementById(barra.getAttribute('aria-labelledby')!)!;
    expect(etichetta.textContent).to.equal('Caricamento di planimetria.pdf');
    expect(barra.max).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    expect(stato(el)).to.contain('Allegati inviati: 1.');
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
  });

  it('a submit while a photo is still being re-encoded waits for it, and a second click sends nothing more', async () => {
    const el = await modulo();
    await compila(el);
    scegli(el, [new File([await disegnata(3000, 2000, 'image/jpeg')], 'sopralluogo.jpg', { type: 'image/jpeg' })]);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent, 'still preparing').to.contain('Preparazione degli allegati…');
    invia(el);
    invia(el);
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    const { ricevute, tentativi } = await s.registro();
    expect(ricevute).to.have.length(1);
    expect(ricevute[0].richiesta.allegati!.map((a) => a.nome)).to.deep.equal(['sopralluogo.jpg']);
    expect(tentativi.filter((t) => t.metodo === 'POST')).to.have.length(1);
  });

  /** Sends the form with its one attachment, and downloads it as the help desk does. */
  async function inviaConUnAllegato(el: AssistenzaTicketForm) {
    await attendiElenco(el, 1);
    await compila(el);
    invia(el);
    await finche(() => stato(el).includes('Richiesta inviata'), 'delivered');
    const [r] = await s.sportello.elenco();
    const arrivata = await (await fetch(r.allegati[0].indirizzo)).arrayBuffer();
    return { arrivata, allegato: r.allegati[0] };
  }

  it('a JPEG photo with its GPS position arrives without EXIF and at most 2560 px on its longer side', async () => {
    const el = await modulo();
    const foto = conExif(await disegnata(4000, 3000, 'image/jpeg'), 1);
    expect(segmentiExif(foto), 'the fixture carries EXIF').to.have.length(1);
    scegli(el, [new File([foto], 'cantiere.jpg', { type: 'image/jpeg' })]);
    const { arrivata, allegato } = await inviaConUnAllegato(el);
    expect(segmentiExif(arrivata)).to.have.length(0);
    const { larghezza, altezza } = dimensioniJpeg(arrivata);
    expect(Math.max(larghezza, altezza)).to.equal(2560);
    expect(allegato).to.include({ nome: 'cantiere.jpg', tipo: 'image/jpeg', dimensione: arrivata.byteLength });
  });

  it('a pasted screenshot arrives without its PNG metadata (eXIf, tEXt, iTXt, zTXt), its image chunks byte for byte', async () => {
    const el = await modulo();
    const originale = await disegnata(64, 48, 'image/png');
    const screenshot = await conMetadati(originale);
    el.shadowRoot!.querySelector('form')!.dispatchEvent(
      eventoCon('paste', trasferimento([new File([screenshot], 'image.png', { type: 'image/png' })])),
    );
    const { arrivata, allegato } = await inviaConUnAllegato(el);
    expect(chunkDi(arrivata).map((c) => c.tipo)).to.deep.equal(chunkDi(originale).map((c) => c.tipo));
    chunkDi(arrivata).forEach((c, i) => expect([...c.byte], c.tipo).to.deep.equal([...chunkDi(originale)[i].byte]));
    for (const segreto of SEGRETI) expect(contiene(arrivata, segreto), segreto).to.be.false;
    expect(allegato).to.include({ tipo: 'image/png', dimensione: originale.byteLength });
  });
});

// Attachments over real HTTP: PUT /api/richieste/allegati/<id> (type by signature, 10 MB cap, file name, dedupe), the
// requests that name them, and the help desk's download; on the demo's server with its file store.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  avvia,
  cartellaTemporanea,
  elenco,
  grezza,
  invia,
  italiano,
  richiesta,
  sessione,
  sportello,
  type Demo,
  type Errore,
} from './http.js';

const MB10 = 10 * 1024 * 1024;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR finto di una planimetria'),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF finto')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

interface Caricamento {
  tipo?: string;
  nome?: string;
  /** The whole Content-Disposition, instead of one built from `nome`. */
  disposizione?: string | null;
  utente?: string;
  chiave?: string | null;
}

type Metadati = { id: string; nome: string; tipo: string; dimensione: number };

describe('attachments (demo endpoint, file store)', () => {
  let cartella: string;
  let file: string;
  let elimina: () => void;
  let d: Demo;
  beforeEach(async () => {
    ({ cartella, file, elimina } = cartellaTemporanea());
    d = await avvia(file);
  });
  afterEach(async () => {
    await d.chiudi();
    elimina();
  });

  const intestazioni = (id: string, o: Caricamento): Record<string, string> => {
    const h: Record<string, string> = { 'Content-Type': o.tipo ?? 'image/png', ...sessione(o.utente) };
    const chiave = o.chiave === undefined ? id : o.chiave;
    if (chiave !== null) {
      h['Idempotency-Key'] = chiave;
    }
    const disposizione =
      o.disposizione === undefined
        ? `attachment; filename*=UTF-8''${encodeURIComponent(o.nome ?? 'planimetria.png')}`
        : o.disposizione;
    if (disposizione !== null) {
      h['Content-Disposition'] = disposizione;
    }
    return h;
  };

  async function carica(id: string, byte: Buffer, o: Caricamento = {}) {
    const res = await fetch(`${d.url}/api/richieste/allegati/${id}`, {
      method: 'PUT',
      headers: intestazioni(id, o),
      body: new Blob([new Uint8Array(byte)]),
    });
    return { stato: res.status, intestazioni: res.headers, json: (await res.json()) as Metadati & Errore };
  }

  const salvati = () => {
    const dove = join(cartella, 'allegati');
    if (!existsSync(dove)) {
      return [];
    }
    return readdirSync(dove);
  };

  it('stores a PNG, a JPEG and a PDF, answering 201 with id, nome, tipo, dimensione', async () => {
    for (const [byte, tipo, nome] of [
      [PNG, 'image/png', 'pianta.png'],
      [JPEG, 'image/jpeg', 'foto.jpg'],
      [PDF, 'application/pdf', 'relazione.pdf'],
    ] as const) {
      const id = randomUUID();
      const a = await carica(id, byte, { tipo, nome, utente: 'mrossi' });
      assert.equal(a.stato, 201, nome);
      assert.deepEqual(a.json, { id, nome, tipo, dimensione: byte.length });
      assert.equal(a.intestazioni.get('idempotent-replayed'), null);
    }
    assert.equal(salvati().length, 3);
  });

  it('checks the content’s signature against the declared type, naming the file (415)', async () => {
    const comePdf = await carica(randomUUID(), PNG, { tipo: 'application/pdf', nome: 'pianta.pdf' });
    assert.equal(comePdf.stato, 415);
    assert.match(comePdf.json.messaggio!, /«pianta\.pdf»/);
    assert.match(comePdf.json.messaggio!, /PDF/);
    italiano(comePdf.json.messaggio);
    const testo = await carica(randomUUID(), Buffer.from('solo testo, non una immagine'), {
      tipo: 'image/png',
      nome: 'note.png',
    });
    assert.equal(testo.stato, 415);
    assert.match(testo.json.messaggio!, /«note\.png»/);
    const tipo = await carica(randomUUID(), Buffer.from('ciao'), { tipo: 'text/plain', nome: 'note.txt' });
    assert.equal(tipo.stato, 415);
    assert.match(tipo.json.messaggio!, /«note\.txt».*PNG, JPEG o PDF/);
    const troppoCorto = await carica(randomUUID(), Buffer.from([0xff, 0xd8]), {
      tipo: 'image/jpeg',
      nome: 'corto.jpg',
    });
    assert.equal(troppoCorto.stato, 415);
    const vuoto = await carica(randomUUID(), Buffer.alloc(0), { nome: 'vuoto.png' });
    assert.equal(vuoto.stato, 422);
    assert.match(vuoto.json.messaggio!, /«vuoto\.png» è vuoto/);
    assert.deepEqual(salvati(), []);
  });

  it('caps the size at 10 MB, announced by Content-Length or streamed chunked, and keeps nothing past it', async () => {
    const troppo = Buffer.alloc(MB10 + 1);
    PDF.copy(troppo);
    const annunciato = await carica(randomUUID(), troppo, { tipo: 'application/pdf', nome: 'grande.pdf' });
    assert.equal(annunciato.stato, 413);
    assert.match(annunciato.json.messaggio!, /«grande\.pdf» è troppo grande: al massimo 10 MB/);
    const id = randomUUID();
    const a = await grezza(d, {
      metodo: 'PUT',
      percorso: `/api/richieste/allegati/${id}`,
      intestazioni: intestazioni(id, { tipo: 'application/pdf', nome: 'grande.pdf' }),
      byte: troppo,
    });
    assert.equal(a.stato, 413);
    assert.deepEqual(salvati(), []);
    assert.deepEqual((await sportello(d)).length, 0);
    // Exactly 10 MB is within the cap.
    const giusto = troppo.subarray(0, MB10);
    assert.equal((await carica(id, giusto, { tipo: 'application/pdf', nome: 'giusto.pdf' })).stato, 201);
    assert.equal(salvati().length, 1);
  });

  it('dedupes by key: the same upload twice stores one file and answers the same; other bytes get the stored one', async () => {
    const id = randomUUID();
    const prima = await carica(id, PNG, { utente: 'mrossi' });
    const seconda = await carica(id, PNG, { utente: 'mrossi' });
    assert.equal(seconda.stato, 201);
    assert.deepEqual(seconda.json, prima.json);
    assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
    const diversa = await carica(id, PDF, { tipo: 'application/pdf', nome: 'altro.pdf', utente: 'mrossi' });
    assert.equal(diversa.stato, 201);
    assert.deepEqual(diversa.json, prima.json);
    assert.deepEqual(salvati(), [id]);
    const altroUtente = await carica(id, PNG, { utente: 'abianchi' });
    assert.equal(altroUtente.stato, 409);
    italiano(altroUtente.json.messaggio);
  });

  it('reads the name from filename* (RFC 8187) or filename, keeping no path or control character', async () => {
    const nome = async (disposizione: string) =>
      (await carica(randomUUID(), PDF, { tipo: 'application/pdf', disposizione })).json;
    assert.equal((await nome(`attachment; filename*=UTF-8''%E2%82%AC%20pianta%20(v2).pdf`)).nome, '€ pianta (v2).pdf');
    assert.equal((await nome('attachment; filename="relazione \\"finale\\".pdf"')).nome, 'relazione "finale".pdf');
    assert.equal(
      (await nome(`attachment; filename="vecchio.pdf"; filename*=utf-8'it'nuovo.pdf`)).nome,
      'nuovo.pdf',
      'filename* wins',
    );
    assert.equal((await nome('attachment; filename=semplice.pdf')).nome, 'semplice.pdf');
    assert.equal((await nome('attachment; filename="../../etc/passwd.pdf"')).nome, 'passwd.pdf');
    assert.equal((await nome('attachment; filename="C:\\\\Utenti\\\\mario\\\\tavola.pdf"')).nome, 'tavola.pdf');
    assert.equal((await nome(`attachment; filename*=UTF-8''a%0Ab%09c.pdf`)).nome, 'abc.pdf');
    assert.equal((await nome(`attachment; filename*=UTF-8''${'a'.repeat(251)}.pdf`)).nome.length, 255);

    const lungo = await carica(randomUUID(), PDF, {
      tipo: 'application/pdf',
      disposizione: `attachment; filename*=UTF-8''${'a'.repeat(252)}.pdf`,
    });
    assert.equal(lungo.stato, 422);
    italiano(lungo.json.messaggio);
    for (const disposizione of [
      null,
      'attachment',
      'attachment; filename=""',
      'attachment; filename="../"',
      `attachment; filename*=UTF-8''%ZZ`,
    ]) {
      const a = await carica(randomUUID(), PDF, { tipo: 'application/pdf', disposizione });
      assert.equal(a.stato, 400, String(disposizione));
      italiano(a.json.messaggio);
    }
  });

  it('wants a UUID v4 in the path and the same id as Idempotency-Key', async () => {
    const id = randomUUID();
    assert.equal((await carica(id, PNG, { chiave: null })).stato, 400);
    const altra = await carica(id, PNG, { chiave: randomUUID() });
    assert.equal(altra.stato, 422);
    italiano(altra.json.messaggio);
    assert.equal((await carica('pianta', PNG, { chiave: 'pianta' })).stato, 400);
    assert.deepEqual(salvati(), []);
  });

  it('lets a request name only its user’s own uploads, as uploaded; 422 names the others', async () => {
    const meta = async (byte: Buffer, tipo: string, nome: string, utente?: string) =>
      (await carica(randomUUID(), byte, { tipo, nome, utente })).json as Metadati;
    const diMario = await meta(PNG, 'image/png', 'pianta.png', 'mrossi');
    const diMario2 = await meta(PDF, 'application/pdf', 'relazione.pdf', 'mrossi');
    const diAnna = await meta(JPEG, 'image/jpeg', 'foto.jpg', 'abianchi');
    const anonimo = await meta(PDF, 'application/pdf', 'anonimo.pdf');
    const ignoto = { id: randomUUID(), nome: 'x.pdf', tipo: 'application/pdf', dimensione: 10 };

    const ok = richiesta({ allegati: [diMario, diMario2] });
    assert.equal((await invia(d, ok, { utente: 'mrossi' })).stato, 201);
    const [voce] = (await elenco(d, 'mrossi')).json.richieste;
    assert.deepEqual(voce.allegati, [diMario, diMario2]);

    const rifiutata = async (allegati: unknown[], utente?: string) => {
      const a = await invia(d, richiesta({ allegati }), { utente });
      assert.equal(a.stato, 422);
      italiano(a.json.messaggio);
      return a.json;
    };
    const altrui = await rifiutata([diMario, diAnna, ignoto], 'mrossi');
    assert.deepEqual(altrui.allegati, [diAnna.id, ignoto.id]);
    assert.match(altrui.messaggio!, new RegExp(`${diAnna.id}, ${ignoto.id}`));
    assert.equal(altrui.errori![0].campo, 'allegati');
    assert.deepEqual((await rifiutata([{ ...diMario, nome: 'altro.png' }], 'mrossi')).allegati, [diMario.id]);
    assert.deepEqual((await rifiutata([{ ...diMario, dimensione: diMario.dimensione + 1 }], 'mrossi')).allegati, [
      diMario.id,
    ]);
    assert.deepEqual(
      (await rifiutata([anonimo], 'mrossi')).allegati,
      [anonimo.id],
      'an anonymous upload is not Mario’s',
    );
    assert.deepEqual(
      (await rifiutata([diMario])).allegati,
      [diMario.id],
      'nor is Mario’s upload an anonymous request’s',
    );
    assert.equal((await invia(d, richiesta({ allegati: [anonimo] }))).stato, 201);

    // The schema's own limits: at most 5, only the three types, at most 10 MB each, no unknown fields.
    const sei = Array.from({ length: 6 }, () => ({ ...ignoto, id: randomUUID() }));
    assert.match((await rifiutata(sei, 'mrossi')).messaggio!, /Al massimo 5 allegati/);
    assert.equal((await rifiutata([{ ...ignoto, tipo: 'text/plain' }], 'mrossi')).errori![0].campo, 'allegati.0.tipo');
    assert.equal(
      (await rifiutata([{ ...ignoto, dimensione: MB10 + 1 }], 'mrossi')).errori![0].campo,
      'allegati.0.dimensione',
    );
    assert.match(
      (await rifiutata([{ ...ignoto, url: 'x' }], 'mrossi')).messaggio!,
      /Campi non previsti in «allegati\.0»: url/,
    );
    assert.equal((await sportello(d)).length, 2);
  });

  it('serves the help desk the download as an attachment, with its type, nosniff and a CSP that allows nothing', async () => {
    const id = randomUUID();
    await carica(id, PDF, {
      tipo: 'application/pdf',
      disposizione: `attachment; filename*=UTF-8''%E2%82%AC%20pianta%20(v2).pdf`,
      utente: 'mrossi',
    });
    const r = richiesta({
      allegati: [{ id, nome: '€ pianta (v2).pdf', tipo: 'application/pdf', dimensione: PDF.length }],
    });
    await invia(d, r, { utente: 'mrossi' });
    const [voce] = await sportello(d);
    assert.deepEqual(voce.allegati, [
      {
        id,
        nome: '€ pianta (v2).pdf',
        tipo: 'application/pdf',
        dimensione: PDF.length,
        indirizzo: `/api/sportello/allegati/${id}`,
      },
    ]);
    const res = await fetch(`${d.url}${voce.allegati[0].indirizzo}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename="_ pianta (v2).pdf"; filename*=UTF-8''%E2%82%AC%20pianta%20%28v2%29.pdf`,
    );
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'");
    assert.equal(res.headers.get('content-length'), String(PDF.length));
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PDF);
    assert.equal((await fetch(`${d.url}/api/sportello/allegati/${randomUUID()}`)).status, 404);
    // The users' endpoint has no download: only the help desk's route serves the bytes.
    assert.equal((await fetch(`${d.url}/api/richieste/allegati/${id}`, { headers: sessione('mrossi') })).status, 405);
  });

  it('keeps the uploads, their owners and the requests that name them across a restart', async () => {
    const id = randomUUID();
    const prima = await carica(id, JPEG, { tipo: 'image/jpeg', nome: 'foto.jpg', utente: 'mrossi' });
    await d.chiudi();
    d = await avvia(file);
    const ripetuto = await carica(id, JPEG, { tipo: 'image/jpeg', nome: 'foto.jpg', utente: 'mrossi' });
    assert.equal(ripetuto.intestazioni.get('idempotent-replayed'), 'true');
    assert.deepEqual(ripetuto.json, prima.json);
    assert.equal(
      (await invia(d, richiesta({ allegati: [prima.json] }), { utente: 'abianchi' })).stato,
      422,
      'still Mario’s',
    );
    assert.equal((await invia(d, richiesta({ allegati: [prima.json] }), { utente: 'mrossi' })).stato, 201);
    await d.chiudi();
    d = await avvia(file);
    const [voce] = await sportello(d);
    const res = await fetch(`${d.url}${voce.allegati[0].indirizzo}`);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), JPEG);
  });

  it('limits a fault to the uploads', async () => {
    await fetch(`${d.url}/api/guasti`, {
      method: 'POST',
      body: JSON.stringify([{ modo: 'stato', stato: 503, su: 'allegati', volte: 1 }]),
    });
    assert.equal((await invia(d, richiesta(), { utente: 'mrossi' })).stato, 201);
    const id = randomUUID();
    assert.equal((await carica(id, PNG)).stato, 503);
    assert.deepEqual(salvati(), []);
    assert.equal((await carica(id, PNG)).stato, 201);
  });
});

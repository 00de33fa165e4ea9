// Attachments over real HTTP, on PGlite and on PostgreSQL: PUT /api/richieste/allegati/<id> (type by signature, 10 MB
// cap, file name, exactly once by key, checks before the body), the requests that name them, the help desk's download.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { MOTORI, quante, serverDiProva, servi, type ServerDiProva } from './aiuti.js';
import {
  type Caricamento,
  JPEG,
  type Metadati,
  PDF,
  PNG,
  carica,
  chiediSportello,
  elenco,
  grezza,
  intestazioniCaricamento,
  invia,
  italiano,
  richiesta,
  soloIntestazioni,
  sportello,
} from './http.js';

const MB10 = 10 * 1024 * 1024;

/** A PDF of `n` bytes: the signature, then zeros. */
function pdfDi(n: number): Buffer {
  const b = Buffer.alloc(n);
  PDF.copy(b);
  return b;
}

for (const motore of MOTORI) {
  describe(`PUT /api/richieste/allegati/:id (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    const salvati = () => quante(s.db, 'allegati');

    /** Sends the headers of an upload and none of its bytes: what the server answers without reading them. */
    const senzaCorpo = async (o: Caricamento & { lunghezza?: number }, id: string = randomUUID()) =>
      soloIntestazioni(s, {
        metodo: 'PUT',
        percorso: `/api/richieste/allegati/${id}`,
        intestazioni: await intestazioniCaricamento(id, o),
        lunghezza: o.lunghezza ?? 1000,
      });

    it('stores a PNG, a JPEG and a PDF, answering 201 with id, nome, tipo, dimensione', async () => {
      for (const [byte, tipo, nome, utente] of [
        [PNG, 'image/png', 'pianta.png', 'mrossi'],
        [JPEG, 'image/jpeg', 'foto.jpg', undefined],
        [PDF, 'application/pdf', 'relazione.pdf', 'mrossi'],
      ] as const) {
        const id = randomUUID();
        const a = await carica(s, id, byte, { tipo, nome, utente });
        assert.equal(a.stato, 201, nome);
        assert.deepEqual(a.json, { id, nome, tipo, dimensione: byte.length });
        assert.equal(a.intestazioni.get('idempotent-replayed'), null);
        assert.equal(a.intestazioni.get('cache-control'), 'no-store');
      }
      const [c] = await s.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM allegati WHERE contenuto = $1 AND tipo = 'image/jpeg' AND utente IS NULL`,
        [JPEG],
      );
      assert.equal(c.n, 1, 'the bytes are in the database, an anonymous upload has no user');
      assert.equal(await salvati(), 3);
    });

    it('takes the declared type with parameters and in any case', async () => {
      const a = await carica(s, randomUUID(), PDF, { tipo: 'Application/PDF; charset=binary', nome: 'x.pdf' });
      assert.equal(a.stato, 201);
      assert.equal(a.json.tipo, 'application/pdf');
    });

    it('checks the content’s signature against the declared type, naming the file (415); empty is 422', async () => {
      const comePdf = await carica(s, randomUUID(), PNG, { tipo: 'application/pdf', nome: 'pianta.pdf' });
      assert.equal(comePdf.stato, 415);
      assert.match(comePdf.json.messaggio!, /«pianta\.pdf»/);
      assert.match(comePdf.json.messaggio!, /PDF/);
      italiano(comePdf.json.messaggio);
      const testo = await carica(s, randomUUID(), Buffer.from('solo testo, non una immagine'), {
        tipo: 'image/png',
        nome: 'note.png',
      });
      assert.equal(testo.stato, 415);
      assert.match(testo.json.messaggio!, /«note\.png»/);
      const jpegComePng = await carica(s, randomUUID(), JPEG, { tipo: 'image/png', nome: 'foto.png' });
      assert.equal(jpegComePng.stato, 415);
      for (const tipo of ['text/plain', 'image/gif', 'application/octet-stream', 'application/json']) {
        const a = await carica(s, randomUUID(), Buffer.from('ciao'), { tipo, nome: 'note.txt' });
        assert.equal(a.stato, 415, tipo);
        assert.match(a.json.messaggio!, /«note\.txt».*PNG, JPEG o PDF/);
        italiano(a.json.messaggio);
      }
      const senzaTipo = await carica(s, randomUUID(), PDF, { nome: 'x.pdf', intestazioni: { 'Content-Type': '' } });
      assert.equal(senzaTipo.stato, 415);
      const troppoCorto = await carica(s, randomUUID(), Buffer.from([0xff, 0xd8]), {
        tipo: 'image/jpeg',
        nome: 'corto.jpg',
      });
      assert.equal(troppoCorto.stato, 415);
      const vuoto = await carica(s, randomUUID(), Buffer.alloc(0), { nome: 'vuoto.png' });
      assert.equal(vuoto.stato, 422);
      assert.match(vuoto.json.messaggio!, /«vuoto\.png» è vuoto/);
      assert.equal(await salvati(), 0);
    });

    it('caps the size at 10 MB, announced by Content-Length or streamed chunked, and keeps nothing past it', async () => {
      const troppo = pdfDi(MB10 + 1);
      const annunciato = await carica(s, randomUUID(), troppo, { tipo: 'application/pdf', nome: 'grande.pdf' });
      assert.equal(annunciato.stato, 413);
      assert.match(annunciato.json.messaggio!, /«grande\.pdf» è troppo grande: al massimo 10 MB/);
      italiano(annunciato.json.messaggio);
      const id = randomUUID();
      const a = await grezza(s, {
        metodo: 'PUT',
        percorso: `/api/richieste/allegati/${id}`,
        intestazioni: await intestazioniCaricamento(id, { tipo: 'application/pdf', nome: 'grande.pdf' }),
        byte: troppo,
      });
      assert.equal(a.stato, 413, 'streamed without Content-Length');
      assert.match(JSON.parse(a.testo).messaggio, /«grande\.pdf» è troppo grande/);
      assert.equal(await salvati(), 0);
      // Exactly 10 MB is within the cap, chunked or not; the key refused past the cap is still free.
      const giusto = troppo.subarray(0, MB10);
      const b = await grezza(s, {
        metodo: 'PUT',
        percorso: `/api/richieste/allegati/${id}`,
        intestazioni: await intestazioniCaricamento(id, { tipo: 'application/pdf', nome: 'giusto.pdf' }),
        byte: giusto,
      });
      assert.equal(b.stato, 201);
      assert.equal((await carica(s, randomUUID(), giusto, { tipo: 'application/pdf', nome: 'x.pdf' })).stato, 201);
      assert.equal(await salvati(), 2);
    });

    it('answers what needs no bytes before reading the body: token, id, key, name, declared type, announced size', async () => {
      const pdf = { tipo: 'application/pdf', nome: 'relazione.pdf' };
      for (const [come, o, id, stato] of [
        ['a bad token', { ...pdf, intestazioni: { Authorization: 'Bearer non.un.token' } }, undefined, 401],
        ['an id that is not a UUID', { ...pdf, chiave: 'pianta' }, 'pianta', 400],
        ['no key', { ...pdf, chiave: null }, undefined, 400],
        ['another key', { ...pdf, chiave: randomUUID() }, undefined, 422],
        ['no name', { ...pdf, disposizione: null }, undefined, 400],
        ['a long name', { ...pdf, nome: `${'a'.repeat(300)}.pdf` }, undefined, 422],
        ['a type not accepted', { tipo: 'text/html', nome: 'pagina.html' }, undefined, 415],
        ['an announced size past 10 MB', { ...pdf, lunghezza: MB10 + 1 }, undefined, 413],
      ] as const) {
        const a = await senzaCorpo(o, id);
        assert.equal(a.stato, stato, come);
        italiano(a.json.messaggio);
      }
      // A valid upload is waited for: its bytes are needed.
      const id = randomUUID();
      const valida = await soloIntestazioni(s, {
        metodo: 'PUT',
        percorso: `/api/richieste/allegati/${id}`,
        intestazioni: await intestazioniCaricamento(id, pdf),
        lunghezza: 1000,
        attesaMs: 500,
      });
      assert.equal(valida.stato, 'in-attesa');
      assert.equal(await salvati(), 0);
    });

    it('dedupes by key: the same upload again answers the same 201 with Idempotent-Replayed and stores one file', async () => {
      const id = randomUUID();
      const prima = await carica(s, id, PNG, { utente: 'mrossi' });
      const seconda = await carica(s, id, PNG, { utente: 'mrossi' });
      assert.equal(seconda.stato, 201);
      assert.deepEqual(seconda.json, prima.json);
      assert.equal(seconda.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal(prima.intestazioni.get('idempotent-replayed'), null);
      const anonimo = randomUUID();
      await carica(s, anonimo, PDF, { tipo: 'application/pdf' });
      const ripetuto = await carica(s, anonimo, PDF, { tipo: 'application/pdf' });
      assert.equal(ripetuto.stato, 201);
      assert.equal(ripetuto.intestazioni.get('idempotent-replayed'), 'true', 'an anonymous upload too');
      assert.equal(await salvati(), 2);
    });

    it('refuses the same key with other bytes, or from another caller, with 422 revealing nothing', async () => {
      const id = randomUUID();
      const segreto = Buffer.concat([PNG, Buffer.from('planimetria riservata di Mario')]);
      assert.equal((await carica(s, id, segreto, { nome: 'villa-rossi.png', utente: 'mrossi' })).stato, 201);
      for (const [come, byte, o] of [
        ['other bytes', PNG, { nome: 'villa-rossi.png', utente: 'mrossi' }],
        ['another type', PDF, { tipo: 'application/pdf', nome: 'altro.pdf', utente: 'mrossi' }],
        ['another user', segreto, { nome: 'villa-rossi.png', utente: 'abianchi' }],
        ['anonymous', segreto, { nome: 'villa-rossi.png' }],
        ['another user, other bytes', JPEG, { tipo: 'image/jpeg', nome: 'foto.jpg', utente: 'abianchi' }],
        ['empty, from another user', Buffer.alloc(0), { utente: 'abianchi' }],
      ] as const) {
        const a = await carica(s, id, byte, o);
        assert.equal(a.stato, 422, come);
        italiano(a.json.messaggio);
        assert.deepEqual(Object.keys(a.json), ['messaggio'], come);
        assert.doesNotMatch(a.testo, /villa|rossi|image\/png|dimensione|\d{2,}/i, come);
      }
      const anonimo = randomUUID();
      await carica(s, anonimo, PDF, { tipo: 'application/pdf' });
      assert.equal((await carica(s, anonimo, PDF, { tipo: 'application/pdf', utente: 'mrossi' })).stato, 422);
      assert.equal(await salvati(), 2);
      const [riga] = await s.db.query<{ contenuto: Buffer }>('SELECT contenuto FROM allegati WHERE id = $1', [id]);
      assert.deepEqual(riga.contenuto, segreto, 'the first file stands');
    });

    it('answers every one of many concurrent uploads with one key 201, storing one file', async () => {
      const byte = pdfDi(64 * 1024);
      // Several rounds: in the first the pool is still opening its connections, which lines the attempts up.
      for (let giro = 1; giro <= 4; giro++) {
        const id = randomUUID();
        const o = { tipo: 'application/pdf', nome: 'a.pdf', utente: 'mrossi' };
        const risposte = await Promise.all(Array.from({ length: 12 }, () => carica(s, id, byte, o)));
        assert.deepEqual(
          risposte.map((a) => a.stato),
          risposte.map(() => 201),
          `round ${giro}`,
        );
        for (const a of risposte) {
          assert.deepEqual(a.json, { id, nome: 'a.pdf', tipo: 'application/pdf', dimensione: byte.length });
        }
        assert.equal(risposte.filter((a) => a.intestazioni.get('idempotent-replayed') === null).length, 1);
        assert.equal(await salvati(), giro);
      }
    });

    it('reads the name from filename* (RFC 8187) or filename, keeping no path or control character', async () => {
      const nome = async (disposizione: string) => {
        const a = await carica(s, randomUUID(), PDF, { tipo: 'application/pdf', disposizione });
        assert.equal(a.stato, 201, disposizione);
        return a.json.nome;
      };
      assert.equal(await nome(`attachment; filename*=UTF-8''%E2%82%AC%20pianta%20(v2).pdf`), '€ pianta (v2).pdf');
      assert.equal(await nome('attachment; filename="relazione \\"finale\\".pdf"'), 'relazione "finale".pdf');
      assert.equal(
        await nome(`attachment; filename="vecchio.pdf"; filename*=utf-8'it'nuovo.pdf`),
        'nuovo.pdf',
        'filename* wins',
      );
      assert.equal(await nome('attachment; filename=semplice.pdf'), 'semplice.pdf');
      assert.equal(await nome('attachment; filename="../../etc/passwd.pdf"'), 'passwd.pdf');
      assert.equal(await nome(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd.pdf`), 'passwd.pdf');
      assert.equal(await nome('attachment; filename="C:\\\\Utenti\\\\mario\\\\tavola.pdf"'), 'tavola.pdf');
      assert.equal(await nome(`attachment; filename*=UTF-8''a%0Ab%09c%00d%7F.pdf`), 'abcd.pdf');
      assert.equal((await nome(`attachment; filename*=UTF-8''${'a'.repeat(251)}.pdf`)).length, 255);

      const lungo = await carica(s, randomUUID(), PDF, {
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
        `attachment; filename*=UTF-8''%0A%0D`,
      ]) {
        const a = await carica(s, randomUUID(), PDF, { tipo: 'application/pdf', disposizione });
        assert.equal(a.stato, 400, String(disposizione));
        italiano(a.json.messaggio);
      }
      assert.equal(await salvati(), 9);
    });

    it('wants a UUID v4 in the path (400) and the same id as Idempotency-Key (400 without, 422 another)', async () => {
      const id = randomUUID();
      const senza = await carica(s, id, PNG, { chiave: null });
      assert.equal(senza.stato, 400);
      assert.equal(senza.json.messaggio, 'Manca l’intestazione Idempotency-Key.');
      const altra = await carica(s, id, PNG, { chiave: randomUUID() });
      assert.equal(altra.stato, 422);
      italiano(altra.json.messaggio);
      for (const sbagliato of ['pianta', '00000000-0000-0000-0000-000000000000', `${id}x`]) {
        const a = await carica(s, sbagliato, PNG, { chiave: sbagliato });
        assert.equal(a.stato, 400, sbagliato);
        italiano(a.json.messaggio);
      }
      assert.equal(
        (await carica(s, id, PNG, { chiave: id.toUpperCase() })).stato,
        201,
        'a UUID in capitals is the same',
      );
      assert.equal(await salvati(), 1);
    });

    it('takes an id in capitals for the same file: the repeat is the first answer, and a request names it as it was told', async () => {
      const id = randomUUID().toUpperCase();
      const prima = await carica(s, id, PNG, { utente: 'mrossi' });
      assert.equal(prima.stato, 201);
      const ripetuta = await carica(s, id, PNG, { utente: 'mrossi' });
      assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');
      assert.deepEqual(ripetuta.json, prima.json);
      // Named with the id the client made, in capitals, as a client keeps it.
      const r = richiesta({ id: randomUUID().toUpperCase(), allegati: [{ ...prima.json, id }] });
      const a = await invia(s, r, { utente: 'mrossi' });
      assert.equal(a.stato, 201, a.testo);
      const [voce] = (await elenco(s, 'mrossi')).json.richieste;
      assert.equal(voce.allegati!.length, 1);
      const b = await invia(s, r, { utente: 'mrossi', chiave: r.id.toLowerCase() });
      assert.equal(b.stato, 201);
      assert.deepEqual(b.json, a.json, 'the repeat of the request is its first answer');
    });

    it('lets a request name only its user’s own uploads, as uploaded; 422 names the others', async () => {
      const meta = async (byte: Buffer, tipo: string, nome: string, utente?: string) =>
        (await carica(s, randomUUID(), byte, { tipo, nome, utente })).json as Metadati;
      const diMario = await meta(PNG, 'image/png', 'pianta.png', 'mrossi');
      const diMario2 = await meta(PDF, 'application/pdf', 'relazione.pdf', 'mrossi');
      const diAnna = await meta(JPEG, 'image/jpeg', 'foto.jpg', 'abianchi');
      const anonimo = await meta(PDF, 'application/pdf', 'anonimo.pdf');
      const ignoto = { id: randomUUID(), nome: 'x.pdf', tipo: 'application/pdf', dimensione: 10 };

      const rifiutata = async (allegati: unknown[], utente?: string) => {
        const a = await invia(s, richiesta({ allegati }), { utente });
        assert.equal(a.stato, 422);
        italiano(a.json.messaggio);
        return a.json;
      };
      const altrui = await rifiutata([diMario, diAnna, ignoto], 'mrossi');
      assert.deepEqual(altrui.allegati, [diAnna.id, ignoto.id]);
      assert.match(altrui.messaggio!, new RegExp(`${diAnna.id}, ${ignoto.id}`));
      assert.doesNotMatch(altrui.messaggio!, /foto\.jpg|abianchi/, 'nothing of Anna’s file');
      assert.equal(altrui.errori![0].campo, 'allegati');
      assert.deepEqual((await rifiutata([{ ...diMario, nome: 'altro.png' }], 'mrossi')).allegati, [diMario.id]);
      assert.deepEqual((await rifiutata([{ ...diMario, dimensione: diMario.dimensione + 1 }], 'mrossi')).allegati, [
        diMario.id,
      ]);
      assert.deepEqual((await rifiutata([{ ...diMario2, tipo: 'image/png' }], 'mrossi')).allegati, [diMario2.id]);
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
      assert.equal(await quante(s.db, 'richieste'), 0);

      const ok = richiesta({ allegati: [diMario2, diMario] });
      assert.equal((await invia(s, ok, { utente: 'mrossi' })).stato, 201);
      const [voce] = (await elenco(s, 'mrossi')).json.richieste;
      assert.deepEqual(voce.allegati, [diMario2, diMario], 'in the order the request names them');
      assert.equal((await invia(s, richiesta({ allegati: [anonimo] }))).stato, 201);
      // An upload belongs to one request: another request cannot take it, but the first one's repeat still can.
      assert.deepEqual((await rifiutata([diMario], 'mrossi')).allegati, [diMario.id]);
      const ripetuta = await invia(s, ok, { utente: 'mrossi' });
      assert.equal(ripetuta.stato, 201);
      assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');

      // The schema's own limits: at most 5, only the three types, at most 10 MB each, no unknown fields.
      const sei = Array.from({ length: 6 }, () => ({ ...ignoto, id: randomUUID() }));
      assert.match((await rifiutata(sei, 'mrossi')).messaggio!, /Al massimo 5 allegati/);
      assert.equal(
        (await rifiutata([{ ...ignoto, tipo: 'text/plain' }], 'mrossi')).errori![0].campo,
        'allegati.0.tipo',
      );
      assert.equal(
        (await rifiutata([{ ...ignoto, dimensione: MB10 + 1 }], 'mrossi')).errori![0].campo,
        'allegati.0.dimensione',
      );
      assert.match(
        (await rifiutata([{ ...ignoto, url: 'x' }], 'mrossi')).messaggio!,
        /Campi non previsti in «allegati\.0»: url/,
      );
      assert.equal(await quante(s.db, 'richieste'), 2);
    });

    it('serves the help desk the download as an attachment, with its type, nosniff and a CSP that allows nothing', async () => {
      const id = randomUUID();
      await carica(s, id, PDF, {
        tipo: 'application/pdf',
        disposizione: `attachment; filename*=UTF-8''%E2%82%AC%20pianta%20(v2).pdf`,
        utente: 'mrossi',
      });
      const r = richiesta({
        allegati: [{ id, nome: '€ pianta (v2).pdf', tipo: 'application/pdf', dimensione: PDF.length }],
      });
      await invia(s, r, { utente: 'mrossi' });
      const [voce] = await sportello(s);
      assert.deepEqual(voce.allegati, [
        {
          id,
          nome: '€ pianta (v2).pdf',
          tipo: 'application/pdf',
          dimensione: PDF.length,
          indirizzo: `/api/sportello/allegati/${id}`,
        },
      ]);
      const res = await chiediSportello(s, voce.allegati[0].indirizzo);
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
      for (const ignoto of [randomUUID(), 'pianta']) {
        const a = await chiediSportello(s, `/api/sportello/allegati/${ignoto}`);
        assert.equal(a.status, 404, ignoto);
        italiano(((await a.json()) as { messaggio: string }).messaggio);
      }
      // The users' route serves the bytes to their uploader only (dati-personali.test.ts): to anyone else the file
      // does not exist.
      const anonimo = await fetch(`${s.url}/api/richieste/allegati/${id}`);
      assert.equal(anonimo.status, 404);
      const cancella = await fetch(`${s.url}/api/richieste/allegati/${id}`, { method: 'DELETE' });
      assert.equal(cancella.status, 405);
      assert.equal(cancella.headers.get('allow'), 'GET, PUT');
    });

    it('keeps the uploads, their owners and the requests that name them across a restart', async () => {
      const id = randomUUID();
      const prima = await carica(s, id, JPEG, { tipo: 'image/jpeg', nome: 'foto.jpg', utente: 'mrossi' });
      await s.chiudiServer();
      let altro = await servi(s.db);
      try {
        const ripetuto = await carica(altro, id, JPEG, { tipo: 'image/jpeg', nome: 'foto.jpg', utente: 'mrossi' });
        assert.equal(ripetuto.intestazioni.get('idempotent-replayed'), 'true');
        assert.deepEqual(ripetuto.json, prima.json);
        const comeAnna = await invia(altro, richiesta({ allegati: [prima.json] }), { utente: 'abianchi' });
        assert.equal(comeAnna.stato, 422, 'still Mario’s');
        assert.equal((await invia(altro, richiesta({ allegati: [prima.json] }), { utente: 'mrossi' })).stato, 201);
        await altro.app.close();
        altro = await servi(s.db);
        const [voce] = await sportello(altro);
        const res = await chiediSportello(altro, voce.allegati[0].indirizzo);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), JPEG);
      } finally {
        await altro.app.close();
      }
    });
  });
}

describe('Expect: 100-continue on an upload', () => {
  it('answers a refused upload at once, without asking for its body; a good one gets 100 Continue, then 201', async () => {
    const s = await serverDiProva('pglite');
    try {
      const prova = (tipo: string) =>
        new Promise<{ continua: boolean; stato: number }>((ok, ko) => {
          const id = randomUUID();
          const u = new URL(`${s.url}/api/richieste/allegati/${id}`);
          let continua = false;
          const req = request(
            {
              host: u.hostname,
              port: u.port,
              path: u.pathname,
              method: 'PUT',
              headers: {
                'Content-Type': tipo,
                'Content-Length': String(PDF.length),
                'Idempotency-Key': id,
                'Content-Disposition': "attachment; filename*=UTF-8''relazione.pdf",
                Expect: '100-continue',
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => ok({ continua, stato: res.statusCode ?? 0 }));
            },
          );
          req.on('continue', () => {
            continua = true;
            req.end(PDF);
          });
          req.on('error', ko);
          req.flushHeaders();
        });
      assert.deepEqual(await prova('text/plain'), { continua: false, stato: 415 });
      assert.deepEqual(await prova('application/pdf'), { continua: true, stato: 201 });
    } finally {
      await s.chiudi();
    }
  });
});

// SIGTERM: the server stops taking connections at once, finishes the request in flight (a large upload sent slowly),
// closes the database and exits 0; what it answered is there at the next start.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { MOTORI } from './aiuti.js';
import {
  LIMITE,
  attesa,
  carica,
  finche,
  json,
  nuovoFile,
  type Caricamento,
  type ProcessoServer,
  datiDiProva,
  type DatiDiProva,
} from './processo.js';
import { amministratore } from './http.js';

/**
 * How soon after its last answer the process must have exited: closing the database takes a moment (PGlite's more,
 * on a busy machine); a kept-alive connection left open would hold it up for Fastify's keep-alive timeout, 72 s.
 */
const USCITA_MS = 20_000;

/** Whether a new TCP connection to the server's port is refused. */
function rifiuta(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((ok) => {
    const c = connect(Number(u.port), u.hostname);
    c.once('connect', () => {
      c.destroy();
      ok(false);
    });
    c.once('error', (e: NodeJS.ErrnoException) => ok(e.code === 'ECONNREFUSED'));
  });
}

/** An upload written by hand: `scrivi` sends the next bytes, `fine` the last; `risposta` is the server's answer. */
function caricamentoLento(s: ProcessoServer, f: Caricamento, agente: Agent) {
  const u = new URL(s.url);
  const req = request({
    host: u.hostname,
    port: u.port,
    path: `/api/richieste/allegati/${f.id}`,
    method: 'PUT',
    agent: agente,
    headers: {
      'Content-Type': f.tipo,
      'Content-Length': String(f.byte.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.nome)}`,
      'Idempotency-Key': f.id,
    },
  });
  const risposta = new Promise<{ stato: number; testo: string }>((ok, ko) => {
    req.on('response', (res) => {
      let testo = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        testo += c;
      });
      res.on('end', () => ok({ stato: res.statusCode ?? 0, testo }));
    });
    req.on('error', ko);
  });
  let inviati = 0;
  const PEZZO = 32 * 1024;
  return {
    risposta,
    /** Sends `byte` more bytes, a piece every 20 ms. */
    scrivi: async (byte: number) => {
      const fine = Math.min(inviati + byte, f.byte.length);
      for (; inviati < fine; inviati += PEZZO) {
        req.write(f.byte.subarray(inviati, Math.min(inviati + PEZZO, fine)));
        await attesa(20);
      }
      inviati = fine;
    },
    fine: () => req.end(),
  };
}

for (const motore of MOTORI) {
  describe(`SIGTERM (${motore})`, () => {
    let dati: DatiDiProva;
    // A client that keeps its connections alive, as browsers do: the server must close them itself.
    const agente = new Agent({ keepAlive: true });
    before(async () => {
      dati = await datiDiProva(motore);
    });
    after(async () => {
      agente.destroy();
      await dati?.elimina();
    });
    const avvia = () => dati.avvia();

    it('refuses new connections, finishes the upload in flight, closes the database and exits 0', LIMITE, async (t) => {
      const s = await avvia();
      const f = nuovoFile(1024 * 1024);
      const lento = caricamentoLento(s, f, agente);
      await lento.scrivi(f.byte.length / 2);

      const segnale = Date.now();
      const uscita = s.ferma('SIGTERM');
      await finche(() => rifiuta(s.url), 15_000, 'new connections refused after SIGTERM');
      t.diagnostic(`new connections refused ${Date.now() - segnale} ms after SIGTERM`);
      assert.ok(s.vivo(), 'still running: an upload is in flight');

      await lento.scrivi(f.byte.length);
      lento.fine();
      const a = await lento.risposta;
      const risposta = Date.now();
      assert.equal(a.stato, 201, a.testo);
      assert.deepEqual(JSON.parse(a.testo), { id: f.id, nome: f.nome, tipo: f.tipo, dimensione: f.dimensione });
      assert.deepEqual(await uscita, { codice: 0, segnale: null });
      t.diagnostic(`exited 0 ${Date.now() - risposta} ms after answering the upload`);
      assert.ok(Date.now() - risposta < USCITA_MS, 'exits once the last request is answered');

      const messaggi = s.righe.map(json).map((l) => (l?.msg === 'richiesta' ? `${l.metodo} ${l.statoHttp}` : l?.msg));
      const put = messaggi.indexOf('PUT 201');
      assert.ok(put > messaggi.indexOf('assistenza-tecnica-server in ascolto'), messaggi.join(' | '));
      assert.ok(messaggi.indexOf('chiuso') > put, `the database closed after the upload: ${messaggi.join(' | ')}`);
      assert.equal(s.stderr(), '');

      const nuovo = await avvia();
      const ripetuto = await carica(nuovo, f);
      assert.equal(ripetuto.stato, 201);
      assert.equal(ripetuto.intestazioni.get('idempotent-replayed'), 'true', 'stored before the exit');
      assert.deepEqual(await nuovo.ferma('SIGTERM'), { codice: 0, segnale: null });
    });

    it('finishes a download under way, then closes its connection and exits 0', LIMITE, async (t) => {
      const s = await avvia();
      const f = nuovoFile(10 * 1024 * 1024);
      assert.equal((await carica(s, f)).stato, 201);
      const { cookie } = await amministratore(s);
      const u = new URL(s.url);
      let ricevuti = 0;
      let continua!: () => void;
      const fine = new Promise<number>((ok, ko) => {
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            path: `/api/sportello/allegati/${f.id}`,
            agent: agente,
            headers: { Cookie: cookie },
          },
          (res) => {
            res.on('data', (c: Buffer) => {
              ricevuti += c.length;
              // The client stops reading after the first bytes: the server is still sending when SIGTERM comes.
              if (continua === undefined) {
                res.pause();
                continua = () => res.resume();
              }
            });
            res.on('end', () => ok(res.statusCode ?? 0));
            res.on('close', () => {
              if (!res.complete) {
                ko(new Error(`the download was cut off after ${ricevuti} of ${f.byte.length} bytes`));
              }
            });
          },
        );
        req.on('error', ko);
        req.end();
      });
      await finche(() => continua !== undefined, 5000, 'the first bytes of the download');
      const uscita = s.ferma('SIGTERM');
      await finche(() => rifiuta(s.url), 15_000, 'new connections refused after SIGTERM');
      assert.ok(s.vivo(), 'still running: a download is under way');
      continua();
      assert.equal(await fine, 200);
      const scaricato = Date.now();
      assert.equal(ricevuti, f.byte.length);
      assert.deepEqual(await uscita, { codice: 0, segnale: null });
      t.diagnostic(`exited 0 ${Date.now() - scaricato} ms after the download ended`);
      assert.ok(Date.now() - scaricato < USCITA_MS, 'exits once the download is sent');
    });
  });
}

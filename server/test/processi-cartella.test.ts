// The embedded database is one process's: a second server on the same ASSISTENZA_DATI refuses to start, naming the
// holder; a folder left by a killed server is taken over with everything it had answered.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, symlinkSync } from 'node:fs';
import { cartellaPglite } from './aiuti.js';
import { invia, richiesta, sportello } from './http.js';
import { LIMITE, avviaServer, avvioFallito, type ProcessoServer } from './processo.js';

describe('the embedded database (ASSISTENZA_DATI) held by one server process', () => {
  let cartella: string;
  const avviati: ProcessoServer[] = [];
  before(async () => {
    cartella = await cartellaPglite();
  });
  after(async () => {
    await Promise.all(avviati.map((p) => p.ferma('SIGKILL')));
    rmSync(cartella, { recursive: true, force: true });
    rmSync(`${cartella}-link`, { force: true });
  });

  it(
    'refuses a second process on the folder with one line naming ASSISTENZA_DATI and the holder, and takes it over after a SIGKILL',
    LIMITE,
    async (t) => {
      const primo = await avviaServer({ ASSISTENZA_DATI: cartella });
      avviati.push(primo);
      const r1 = richiesta();
      const a1 = await invia(primo, r1, { utente: 'mrossi' });
      assert.equal(a1.stato, 201);

      // The same folder, and the same folder by another name.
      symlinkSync(cartella, `${cartella}-link`);
      for (const dati of [cartella, `${cartella}-link`]) {
        const secondo = await avvioFallito({ ASSISTENZA_DATI: dati });
        t.diagnostic(secondo.stderr.trim());
        assert.notEqual(secondo.codice, 0);
        assert.notEqual(secondo.codice, null, 'it ended by itself, with a code');
        const righe = secondo.stderr.split('\n').filter((r) => r !== '');
        assert.equal(righe.length, 1, secondo.stderr);
        assert.ok(righe[0].startsWith('assistenza-tecnica-server: ASSISTENZA_DATI: '), righe[0]);
        assert.match(righe[0], new RegExp(`\\b${primo.pid}\\b`), 'the holder’s pid');
        assert.ok(righe[0].includes(cartella), 'the folder');
      }

      // The refused process touched nothing: the first goes on serving what it stored.
      assert.ok(primo.vivo());
      const r2 = richiesta();
      const a2 = await invia(primo, r2, { utente: 'mrossi' });
      assert.equal(a2.stato, 201);

      assert.deepEqual(await primo.ferma('SIGKILL'), { codice: null, segnale: 'SIGKILL' });
      const terzo = await avviaServer({ ASSISTENZA_DATI: cartella });
      avviati.push(terzo);
      const viste = (await sportello(terzo)).map((v) => ({ id: v.id, numero: v.numero }));
      assert.deepEqual(viste, [
        { id: r2.id, numero: a2.json.numero },
        { id: r1.id, numero: a1.json.numero },
      ]);
      const ripetuta = await invia(terzo, r1, { utente: 'mrossi' });
      assert.equal(ripetuta.stato, 201);
      assert.equal(ripetuta.intestazioni.get('idempotent-replayed'), 'true');
      assert.equal(ripetuta.json.numero, a1.json.numero);
      assert.deepEqual(await terzo.ferma(), { codice: 0, segnale: null });
    },
  );
});

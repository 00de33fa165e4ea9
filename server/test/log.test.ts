// The bin's log: one JSON line on stdout per request (method, route, status, time, request id), and never a token, a
// body or a description.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cartellaPglite, token } from './aiuti.js';
import { elenco, invia, nuovaRisposta, richiesta, rispondi, type RispostaHttp } from './http.js';
import { LIMITE, avviaServer, carica, comeAllegato, finche, json, nuovoFile, type ProcessoServer } from './processo.js';

describe('the log of the bin', () => {
  let cartella: string;
  let s: ProcessoServer;
  before(async () => {
    cartella = await cartellaPglite();
    s = await avviaServer({ ASSISTENZA_DATI: cartella });
  });
  after(async () => {
    await s.ferma('SIGKILL');
    rmSync(cartella, { recursive: true, force: true });
  });

  it(
    'writes one JSON line per request with method, route, status, time and request id, and nothing the caller sent',
    LIMITE,
    async () => {
      const jwt = await token('mrossi');
      const segreto = {
        descrizione: 'Descrizione riservata 7f3a: il mio vicino ha costruito abusivamente.',
        cognome: 'Cognomeriservato',
        email: 'indirizzo.riservato@esempio.it',
        telefono: '+39 333 987 65 43',
      };
      const r = richiesta(segreto);
      const file = nuovoFile();
      const fatte: [RispostaHttp<unknown>, string, string][] = [];
      const fai = async (metodo: string, rotta: string | null, a: Promise<RispostaHttp<unknown>>) => {
        fatte.push([await a, metodo, rotta ?? '']);
      };
      await fai('PUT', '/api/richieste/allegati/:id', carica(s, file, 'mrossi'));
      await fai(
        'POST',
        '/api/richieste',
        invia(s, { ...r, allegati: [comeAllegato(file)] }, { intestazioni: { Authorization: `Bearer ${jwt}` } }),
      );
      await fai('POST', '/api/richieste', invia(s, { ...r, email: 'non-valida' }, { utente: 'mrossi' }));
      await fai(
        'POST',
        '/api/richieste/:id/messaggi',
        rispondi(s, r.id, nuovaRisposta({ testo: segreto.descrizione }), { utente: 'mrossi' }),
      );
      await fai('GET', '/api/richieste', elenco(s, undefined, { intestazioni: { Authorization: `Bearer ${jwt}` } }));
      await fai('GET', '/api/richieste', elenco(s, undefined, { intestazioni: { Authorization: `Bearer ${jwt}x` } }));
      await fai('GET', null, elenco(s, 'mrossi', { percorso: '/api/inesistente' }));
      assert.deepEqual(
        fatte.map(([a]) => a.stato),
        [201, 201, 422, 201, 200, 401, 404],
      );

      const perId = (id: string) => s.righe.map(json).filter((l) => l?.reqId === id);
      await finche(
        () => fatte.every(([a]) => perId(a.intestazioni.get('x-request-id')!).length > 0),
        10_000,
        'the lines',
      );
      for (const [a, metodo, rotta] of fatte) {
        const id = a.intestazioni.get('x-request-id')!;
        const righe = perId(id);
        assert.equal(righe.length, 1, `one line for ${metodo} ${rotta}`);
        const [l] = righe;
        assert.equal(l!.msg, 'richiesta');
        assert.equal(l!.metodo, metodo);
        assert.equal(l!.rotta, rotta === '' ? null : rotta);
        assert.equal(l!.statoHttp, a.stato);
        assert.equal(typeof l!.ms, 'number');
        assert.equal(typeof l!.time, 'number');
      }
      // Every line is JSON: a log collector reads it as it is.
      for (const riga of s.righe) {
        assert.ok(json(riga), riga);
      }
      const tutto = s.righe.join('\n') + s.stderr();
      for (const parola of [
        jwt,
        jwt.split('.')[1],
        jwt.split('.')[2],
        ...Object.values(segreto),
        'mrossi',
        file.nome,
      ]) {
        assert.ok(!tutto.includes(parola), `the log holds «${parola}»`);
      }
    },
  );
});

// Who is calling, over real HTTP on PGlite and on PostgreSQL: the portal's token (HS256, sub, exp) on every user route.
// A token of any bad kind is a 401 with an Italian messaggio and nothing stored, never an anonymous caller.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { MOTORI, SEGRETO, quante, serverDiProva, token, type ServerDiProva } from './aiuti.js';
import {
  PNG,
  carica,
  elenco,
  invia,
  italiano,
  nuovaRisposta,
  richiesta,
  rispondi,
  sportello,
  type RispostaHttp,
  type Errore,
} from './http.js';

const ora = () => Math.floor(Date.now() / 1000);
const base64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A token signed with `alg` over any claims, as a careless or hostile portal would make it. */
function firmato(claims: Record<string, unknown>, o: { alg?: string; segreto?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: o.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(o.segreto ?? SEGRETO));
}

/** Every bad kind of Authorization header, by name, with what its 401's messaggio must say. */
async function intestazioniCattive(): Promise<[string, string, RegExp][]> {
  const valido = await token('mrossi');
  const [testa, , firma] = valido.split('.');
  const claims = { sub: 'mrossi', exp: ora() + 300 };
  const bearer = (t: string) => `Bearer ${t}`;
  return [
    ['no Bearer scheme, a bare token', valido, /Bearer <token>/],
    ['the Basic scheme', `Basic ${Buffer.from('mrossi:password').toString('base64')}`, /Bearer <token>/],
    ['Bearer with nothing after it', 'Bearer', /Bearer <token>/],
    ['Bearer and a space', 'Bearer ', /Bearer <token>/],
    ['two tokens', `Bearer ${valido} ${valido}`, /Bearer <token>/],
    ['garbage', bearer('non-un-token'), /non è valido/],
    ['garbage in three parts', bearer('abc.def.ghi'), /non è valido/],
    ['alg none, unsigned', bearer(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`), /non è valido/],
    ['HS512 with the right secret', bearer(await firmato(claims, { alg: 'HS512' })), /non è valido/],
    ['HS384 with the right secret', bearer(await firmato(claims, { alg: 'HS384' })), /non è valido/],
    ['a wrong secret', bearer(await token('mrossi', { segreto: `${SEGRETO}-altro` })), /non è valido/],
    [
      'another user’s claims under Mario’s signature',
      bearer(`${testa}.${base64url({ ...claims, sub: 'abianchi' })}.${firma}`),
      /non è valido/,
    ],
    ['expired', bearer(await token('mrossi', { scadeTra: -120 })), /scaduto/],
    ['without exp', bearer(await token('mrossi', { senza: ['exp'] })), /scadenza/],
    ['an exp that is not a number', bearer(await firmato({ sub: 'mrossi', exp: 'domani' })), /scadenza/],
    ['without sub', bearer(await token('mrossi', { senza: ['sub'] })), /non è valido/],
    ['a sub that is a number', bearer(await firmato({ ...claims, sub: 42 })), /utente valido/],
    ['a sub that is an object', bearer(await firmato({ ...claims, sub: { id: 'mrossi' } })), /utente valido/],
    ['a sub that is null', bearer(await firmato({ ...claims, sub: null })), /utente valido/],
    ['an empty sub', bearer(await firmato({ ...claims, sub: '' })), /utente valido/],
    ['a sub with a control character', bearer(await firmato({ ...claims, sub: 'mrossi\n' })), /utente valido/],
    ['a sub over 255 characters', bearer(await firmato({ ...claims, sub: 'm'.repeat(256) })), /utente valido/],
  ];
}

for (const motore of MOTORI) {
  describe(`the portal’s token on the user’s routes (${motore})`, () => {
    let s: ServerDiProva;
    beforeEach(async () => {
      s = await serverDiProva(motore);
    });
    afterEach(async () => {
      await s.chiudi();
    });

    /** How many requests, messages and uploads are stored. */
    const contenuto = async () => [
      await quante(s.db, 'richieste'),
      await quante(s.db, 'messaggi'),
      await quante(s.db, 'allegati'),
    ];

    it('answers 401 with an Italian messaggio to a token of every bad kind on every user route, storing nothing', async () => {
      const mia = richiesta();
      assert.equal((await invia(s, mia, { utente: 'mrossi' })).stato, 201);
      const prima = await contenuto();
      for (const [come, autorizzazione, messaggio] of await intestazioniCattive()) {
        const intestazioni = { Authorization: autorizzazione };
        const risposte: [string, RispostaHttp<Errore>][] = [
          ['POST /api/richieste', await invia(s, richiesta(), { intestazioni })],
          ['GET /api/richieste', await elenco(s, undefined, { intestazioni })],
          ['POST /api/richieste/:id/messaggi', await rispondi(s, mia.id, nuovaRisposta(), { intestazioni })],
          ['PUT /api/richieste/allegati/:id', await carica(s, randomUUID(), PNG, { intestazioni })],
        ];
        for (const [rotta, a] of risposte) {
          assert.equal(a.stato, 401, `${come}: ${rotta}`);
          italiano(a.json.messaggio);
          assert.match(a.json.messaggio!, messaggio, `${come}: ${rotta}`);
          assert.equal(a.intestazioni.get('cache-control'), 'no-store');
          assert.equal(a.intestazioni.get('idempotent-replayed'), null);
        }
      }
      assert.deepEqual(await contenuto(), prima);
    });

    it('never takes an invalid token for an anonymous caller: what is accepted without one is refused with it', async () => {
      const r = richiesta();
      const id = randomUUID();
      const scaduto = { Authorization: `Bearer ${await token('mrossi', { scadeTra: -120 })}` };
      assert.equal((await invia(s, r, { intestazioni: scaduto })).stato, 401);
      assert.equal((await carica(s, id, PNG, { intestazioni: scaduto })).stato, 401);
      assert.deepEqual(await contenuto(), [0, 0, 0]);
      // The same, with no token at all: an anonymous request and upload, accepted.
      assert.equal((await carica(s, id, PNG)).stato, 201);
      const anonima = await invia(s, r);
      assert.equal(anonima.stato, 201);
      assert.equal(anonima.intestazioni.get('idempotent-replayed'), null, 'the 401 stored nothing to replay');
      assert.equal((await sportello(s))[0].utente, null);
      // And a bad token on the anonymous key is still a 401, not its replay.
      assert.equal((await invia(s, r, { intestazioni: scaduto })).stato, 401);
    });

    it('takes a valid token’s sub as the caller on every user route, whatever else the token holds', async () => {
      const altro = await firmato({
        sub: 'Anna Bianchi (CF BNCNNA80A41H501X)',
        exp: ora() + 60,
        ruolo: 'x',
        iat: ora(),
      });
      const intestazioni = { Authorization: `Bearer ${altro}` };
      const r = richiesta();
      assert.equal((await invia(s, r, { intestazioni })).stato, 201);
      assert.equal((await sportello(s))[0].utente, 'Anna Bianchi (CF BNCNNA80A41H501X)');
      assert.equal((await rispondi(s, r.id, nuovaRisposta(), { intestazioni })).stato, 201);
      const id = randomUUID();
      assert.equal((await carica(s, id, PNG, { intestazioni })).stato, 201);
      const lista = await elenco(s, undefined, { intestazioni });
      assert.equal(lista.stato, 200);
      assert.deepEqual(
        lista.json.richieste.map((x) => [x.id, x.messaggi.length]),
        [[r.id, 1]],
      );
      assert.deepEqual((await elenco(s, 'mrossi')).json.richieste, [], 'the token’s sub, nobody else');
    });

    it('reads the scheme’s name in any case, as HTTP says (bearer, BEARER)', async () => {
      const valido = await token('mrossi');
      for (const schema of ['bearer', 'BEARER', 'Bearer']) {
        const a = await elenco(s, undefined, { intestazioni: { Authorization: `${schema} ${valido}` } });
        assert.equal(a.stato, 200, schema);
      }
    });
  });
}

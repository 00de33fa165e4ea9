// GET /api/openapi.json: an OpenAPI 3.1 document of every route, its bodies generated from the zod schemas the code
// uses; checked against the real server (every route described, real answers valid) and against the zod schemas
// (the same verdict on the same bodies).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { richiestaSchema } from '../../src/richiesta.js';
import { rispostaSchema } from '../../src/risposta.js';
import { costruisciApp } from '../src/app.js';
import { SEGRETO, autorizzazione, serverDiProva, type ServerDiProva } from './aiuti.js';
import {
  amministratore,
  elenco,
  invia,
  nuovaRisposta,
  richiesta,
  rispondi,
  rispostaSportello,
  sportello,
} from './http.js';

type Documento = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

describe('GET /api/openapi.json', () => {
  let s: ServerDiProva;
  let doc: Documento;
  let ajv: Ajv2020;
  before(async () => {
    s = await serverDiProva('pglite');
    const res = await fetch(`${s.url}/api/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    doc = (await res.json()) as Documento;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', $defs: {}, components: doc.components }, 'doc');
  });
  after(() => s.chiudi());

  /** Validates `dato` against a schema of the document's components. */
  const valido = (nome: string, dato: unknown) => {
    const v = ajv.getSchema(`doc#/components/schemas/${nome}`);
    assert.ok(v, nome);
    const ok = v(dato) as boolean;
    return { ok, errori: JSON.stringify(v.errors) };
  };

  it('is OpenAPI 3.1 and names every operation of the server', () => {
    assert.equal(doc.openapi, '3.1.0');
    const operazioni = Object.entries(doc.paths).flatMap(([url, m]) => Object.keys(m).map((x) => `${x} ${url}`));
    for (const o of [
      'post /api/richieste',
      'get /api/richieste',
      'post /api/richieste/{id}/messaggi',
      'put /api/richieste/allegati/{id}',
      'get /api/salute',
      'get /api/sportello/tempi-risposta',
      'get /api/openapi.json',
    ]) {
      assert.ok(operazioni.includes(o), o);
    }
  });

  it('keeps the server from starting with a route it does not describe', async () => {
    const app = await costruisciApp({ db: s.db, jwtSegreto: SEGRETO });
    app.get('/api/non-descritta', async () => ({}));
    await assert.rejects(async () => {
      await app.ready();
    }, /non descrive: GET \/api\/non-descritta/);
    await app.close();
  });

  it('describes the API only: a route outside /api (the console’s pages) does not stop the start', async () => {
    const app = await costruisciApp({ db: s.db, jwtSegreto: SEGRETO });
    app.get('/pagina-non-api', async () => ({}));
    app.get('/apiario', async () => ({}));
    await app.ready();
    await app.close();
  });

  it('gives the same verdict as the widget’s schemas on the same bodies', () => {
    const campioni: unknown[] = [
      richiesta(),
      richiesta({ pratica: undefined, email: undefined, rispostaViaEmail: false, telefono: undefined }),
      richiesta({ id: 'non-un-uuid' }),
      richiesta({ creataIl: 'ieri' }),
      richiesta({ descrizione: 'x'.repeat(4001) }),
      richiesta({ cognome: 'x'.repeat(101) }),
      richiesta({ stato: 'chiusa' }),
      richiesta({ pratica: { numero: '1', comune: 'Parma' } }),
      richiesta({ allegati: [{ id: randomUUID(), nome: 'a.pdf', tipo: 'application/pdf', dimensione: 10 }] }),
      richiesta({ allegati: [{ id: randomUUID(), nome: 'a.txt', tipo: 'text/plain', dimensione: 10 }] }),
      richiesta({ allegati: [{ id: randomUUID(), nome: 'a.pdf', tipo: 'application/pdf', dimensione: 1.5 }] }),
      richiesta({
        allegati: Array.from({ length: 6 }, () => ({
          id: randomUUID(),
          nome: 'a.pdf',
          tipo: 'application/pdf',
          dimensione: 1,
        })),
      }),
      { ...richiesta(), nome: 42 },
    ];
    for (const c of campioni) {
      const zod = richiestaSchema.safeParse(c).success;
      assert.equal(valido('Richiesta', c).ok, zod, JSON.stringify(c).slice(0, 160));
    }
    for (const c of [
      nuovaRisposta(),
      nuovaRisposta({ inviatoIl: 'ieri' }),
      nuovaRisposta({ testo: 'x'.repeat(4001) }),
      nuovaRisposta({ autore: 'x' }),
    ]) {
      assert.equal(valido('Risposta', c).ok, rispostaSchema.safeParse(c).success, JSON.stringify(c).slice(0, 120));
    }
  });

  it('describes the answers the server really gives', async () => {
    const r = richiesta();
    const creata = await invia(s, r, { utente: 'mrossi' });
    assert.deepEqual(valido('RichiestaCreata', creata.json), { ok: true, errori: 'null' });
    const m = await rispondi(s, r.id, nuovaRisposta(), { utente: 'mrossi' });
    assert.ok(valido('RispostaCreata', m.json).ok, valido('RispostaCreata', m.json).errori);
    const op = await rispostaSportello(s, r.id, { testo: 'Buongiorno.', stato: 'attesa-utente' });
    assert.ok(valido('RispostaSportelloCreata', op.json).ok);
    const lista = await elenco(s, 'mrossi');
    assert.ok(valido('ElencoRichieste', lista.json).ok, valido('ElencoRichieste', lista.json).errori);
    assert.ok(valido('RichiestaUtente', lista.json.richieste[0]).ok);
    for (const r of await sportello(s))
      assert.ok(valido('RichiestaSportello', r).ok, valido('RichiestaSportello', r).errori);
    const { cookie } = await amministratore(s);
    const coda = await (await fetch(`${s.url}/api/sportello/richieste`, { headers: { Cookie: cookie } })).json();
    assert.ok(valido('CodaSportello', coda).ok, valido('CodaSportello', coda).errori);
    const chi = await (await fetch(`${s.url}/api/sportello/sessione`, { headers: { Cookie: cookie } })).json();
    assert.ok(valido('Operatore', chi).ok);
    const operatori = await (await fetch(`${s.url}/api/sportello/operatori`, { headers: { Cookie: cookie } })).json();
    assert.ok(valido('ElencoOperatori', operatori).ok, valido('ElencoOperatori', operatori).errori);
    const registro = await (await fetch(`${s.url}/api/sportello/registro`, { headers: { Cookie: cookie } })).json();
    assert.ok(valido('Registro', registro).ok, valido('Registro', registro).errori);
    const tempi = await (await fetch(`${s.url}/api/sportello/tempi-risposta`, { headers: { Cookie: cookie } })).json();
    assert.ok(valido('TempiSportello', tempi).ok, valido('TempiSportello', tempi).errori);
    assert.equal(valido('TempiSportello', { ...tempi, mesi: [{ mese: '2026-13' }] }).ok, false);
    const dati = await (
      await fetch(`${s.url}/api/richieste/esportazione`, { headers: await autorizzazione('mrossi') })
    ).json();
    assert.ok(valido('EsportazioneUtente', dati).ok, valido('EsportazioneUtente', dati).errori);
    const perSportello = await (
      await fetch(`${s.url}/api/sportello/utenti/mrossi/dati`, { headers: { Cookie: cookie } })
    ).json();
    assert.ok(valido('EsportazioneUtente', perSportello).ok, valido('EsportazioneUtente', perSportello).errori);
    const trovati = await (
      await fetch(`${s.url}/api/sportello/utenti?cerca=rossi`, { headers: { Cookie: cookie } })
    ).json();
    assert.ok(valido('UtentiTrovati', trovati).ok, valido('UtentiTrovati', trovati).errori);
    const anonimizzati = await (
      await fetch(`${s.url}/api/sportello/utenti/mrossi/anonimizza`, {
        method: 'POST',
        headers: (await amministratore(s)).intestazioni(),
      })
    ).json();
    assert.ok(valido('DatiRimossi', anonimizzati).ok, valido('DatiRimossi', anonimizzati).errori);
    const anonima = (await sportello(s))[0];
    assert.ok(valido('RichiestaSportello', anonima).ok && typeof anonima.anonimizzataIl === 'string');
    const sbagliata = await invia(s, richiesta({ email: 'x' }));
    assert.ok(valido('ErroreValidazione', sbagliata.json).ok);
    const senzaToken = await elenco(s, undefined);
    assert.ok(valido('Errore', senzaToken.json).ok);
    const salute = (await (await fetch(`${s.url}/api/salute`)).json()) as unknown;
    assert.ok(valido('Salute', salute).ok);
  });
});

// The server's settings: leggiConfigurazione's defaults and checks, and the bin refusing to start on each bad setting
// with exit 1 and one line naming the variable.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErroreConfigurazione, leggiConfigurazione } from '../src/configurazione.js';
import { segretoPostaDa } from '../src/servizi/posta.js';
import { portaLibera } from '../../scripts/postgres.mjs';
import { SEGRETO, cartellaPglite } from './aiuti.js';
import { LIMITE, avvioFallito } from './processo.js';

const buona = { ASSISTENZA_JWT_SEGRETO: SEGRETO };

/** The error leggiConfigurazione throws for `env`. */
function errore(env: Record<string, string>): ErroreConfigurazione {
  try {
    leggiConfigurazione({ ...buona, ...env }, '/srv/assistenza');
  } catch (e) {
    assert.ok(e instanceof ErroreConfigurazione, String(e));
    return e;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('leggiConfigurazione', () => {
  it('has the documented defaults: PORT 8787, HOST 127.0.0.1, PGlite in .dati beside the start folder', () => {
    assert.deepEqual(leggiConfigurazione(buona, '/srv/assistenza'), {
      porta: 8787,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dati: '/srv/assistenza/.dati',
      jwtSegreto: SEGRETO,
      origini: [],
      livelloLog: 'info',
      statisticheMinimo: 30,
      https: false,
      proxy: [],
      admin: undefined,
      conservazioneMesi: 24,
      portaSmtpIn: undefined,
      // No mail leaves; the reply addresses' key is derived from the JWT secret (posta-configurazione.test.ts).
      posta: {
        smtpUrl: undefined,
        mittente: '"Assistenza GeoTecSUE" <assistenza@localhost>',
        dominio: 'localhost',
        segreto: segretoPostaDa(SEGRETO),
      },
    });
  });

  it('reads every setting, trimmed, an empty one as unset', () => {
    const c = leggiConfigurazione(
      {
        PORT: ' 0 ',
        HOST: '0.0.0.0',
        ASSISTENZA_DATABASE_URL: 'postgresql://assistenza:segreta@db.esempio.it:5432/assistenza',
        ASSISTENZA_DATI: 'archivio/dati',
        ASSISTENZA_JWT_SEGRETO: ` ${SEGRETO} `,
        ASSISTENZA_ORIGINI: 'https://portale.esempio.it, http://localhost:5173/',
        ASSISTENZA_LOG: 'warn',
        ASSISTENZA_STATISTICHE_MINIMO: ' 50 ',
        ASSISTENZA_HTTPS: '1',
        ASSISTENZA_PROXY: '10.0.0.0/8, ::1',
        ASSISTENZA_ADMIN_UTENTE: 'Capo',
        ASSISTENZA_ADMIN_PASSWORD: 'password-del-capo',
        ASSISTENZA_CONSERVAZIONE_MESI: ' 6 ',
        ASSISTENZA_SMTP_URL: 'smtps://assistenza:segreta@posta.esempio.it:465',
        ASSISTENZA_MITTENTE: '"Assistenza GeoTecSUE" <assistenza@esempio.it>',
        ASSISTENZA_DOMINIO_POSTA: 'risposte.esempio.it',
        ASSISTENZA_SEGRETO_POSTA: 'un segreto della posta lungo almeno 32 caratteri',
        ASSISTENZA_SMTP_IN_PORTA: '2525',
      },
      '/srv/assistenza',
    );
    assert.deepEqual(c, {
      porta: 0,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://assistenza:segreta@db.esempio.it:5432/assistenza',
      dati: '/srv/assistenza/archivio/dati',
      jwtSegreto: SEGRETO,
      origini: ['https://portale.esempio.it', 'http://localhost:5173'],
      livelloLog: 'warn',
      statisticheMinimo: 50,
      https: true,
      proxy: ['10.0.0.0/8', '::1'],
      admin: { utente: 'Capo', password: 'password-del-capo' },
      conservazioneMesi: 6,
      portaSmtpIn: 2525,
      posta: {
        smtpUrl: 'smtps://assistenza:segreta@posta.esempio.it:465',
        mittente: '"Assistenza GeoTecSUE" <assistenza@esempio.it>',
        dominio: 'risposte.esempio.it',
        segreto: 'un segreto della posta lungo almeno 32 caratteri',
      },
    });
    assert.equal(
      leggiConfigurazione({ ...buona, ASSISTENZA_DATI: '/var/lib/assistenza' }, '/srv').dati,
      '/var/lib/assistenza',
    );
    assert.equal(leggiConfigurazione({ ...buona, PORT: '', ASSISTENZA_LOG: ' ' }, '/srv').porta, 8787);
    assert.equal(leggiConfigurazione({ ...buona, PORT: '65535' }, '/srv').porta, 65535);
    assert.equal(leggiConfigurazione({ ...buona, ASSISTENZA_CONSERVAZIONE_MESI: '0' }, '/srv').conservazioneMesi, 0);
    assert.equal(
      leggiConfigurazione({ ...buona, ASSISTENZA_CONSERVAZIONE_MESI: '1200' }, '/srv').conservazioneMesi,
      1200,
    );
  });

  it('uses the folder it is started in, by default the working directory', () => {
    assert.equal(leggiConfigurazione(buona).dati, join(process.cwd(), '.dati'));
  });

  const cattive: [string, Record<string, string>, RegExp][] = [
    ['ASSISTENZA_JWT_SEGRETO', { ASSISTENZA_JWT_SEGRETO: '' }, /manca/],
    ['ASSISTENZA_JWT_SEGRETO', { ASSISTENZA_JWT_SEGRETO: 'x'.repeat(31) }, /31 caratteri.*almeno 32/],
    ['PORT', { PORT: 'abc' }, /«abc» non è una porta/],
    ['PORT', { PORT: '65536' }, /non è una porta/],
    ['PORT', { PORT: '-1' }, /non è una porta/],
    ['PORT', { PORT: '80.5' }, /non è una porta/],
    ['ASSISTENZA_DATABASE_URL', { ASSISTENZA_DATABASE_URL: 'mysql://u@db/assistenza' }, /«mysql:» non è di PostgreSQL/],
    ['ASSISTENZA_DATABASE_URL', { ASSISTENZA_DATABASE_URL: 'db.esempio.it:5432' }, /PostgreSQL|non è un URL/],
    ['ASSISTENZA_DATABASE_URL', { ASSISTENZA_DATABASE_URL: 'non un url' }, /non è un URL/],
    [
      'ASSISTENZA_ORIGINI',
      { ASSISTENZA_ORIGINI: 'https://portale.esempio.it/assistenza' },
      /solo schema, host e porta/,
    ],
    ['ASSISTENZA_ORIGINI', { ASSISTENZA_ORIGINI: 'portale.esempio.it' }, /non è un'origine/],
    ['ASSISTENZA_ORIGINI', { ASSISTENZA_ORIGINI: 'https://a.esempio.it,ftp://b.esempio.it' }, /ftp:/],
    ['ASSISTENZA_ORIGINI', { ASSISTENZA_ORIGINI: '*' }, /«\*»/],
    ['ASSISTENZA_LOG', { ASSISTENZA_LOG: 'verbose' }, /«verbose» non è un livello/],
    ['ASSISTENZA_STATISTICHE_MINIMO', { ASSISTENZA_STATISTICHE_MINIMO: '0' }, /«0» non è un numero di richieste/],
    ['ASSISTENZA_HTTPS', { ASSISTENZA_HTTPS: 'si' }, /«si» non è né 1/],
    ['ASSISTENZA_PROXY', { ASSISTENZA_PROXY: '10.0.0.1, proxy.interno' }, /«proxy.interno» non è un indirizzo IP/],
    [
      'ASSISTENZA_ADMIN_UTENTE',
      { ASSISTENZA_ADMIN_PASSWORD: 'password-del-capo' },
      /manca: va data insieme ad ASSISTENZA_ADMIN_PASSWORD/,
    ],
    [
      'ASSISTENZA_ADMIN_UTENTE',
      { ASSISTENZA_ADMIN_UTENTE: 'capo con spazi', ASSISTENZA_ADMIN_PASSWORD: 'x'.repeat(12) },
      /non è un nome utente/,
    ],
    [
      'ASSISTENZA_ADMIN_PASSWORD',
      { ASSISTENZA_ADMIN_UTENTE: 'capo', ASSISTENZA_ADMIN_PASSWORD: 'corta' },
      /più corta di 12/,
    ],
    ['ASSISTENZA_ADMIN_PASSWORD', { ASSISTENZA_ADMIN_UTENTE: 'capo' }, /manca/],
    [
      'ASSISTENZA_CONSERVAZIONE_MESI',
      { ASSISTENZA_CONSERVAZIONE_MESI: 'due anni' },
      /«due anni» non è un numero di mesi/,
    ],
    ['ASSISTENZA_CONSERVAZIONE_MESI', { ASSISTENZA_CONSERVAZIONE_MESI: '-1' }, /non è un numero di mesi/],
    ['ASSISTENZA_CONSERVAZIONE_MESI', { ASSISTENZA_CONSERVAZIONE_MESI: '1.5' }, /non è un numero di mesi/],
    ['ASSISTENZA_CONSERVAZIONE_MESI', { ASSISTENZA_CONSERVAZIONE_MESI: '1201' }, /da 0 .* a 1200/],
  ];
  for (const [variabile, env, motivo] of cattive) {
    it(`refuses ${JSON.stringify(env)}, naming ${variabile}`, () => {
      const e = errore(env);
      assert.equal(e.variabile, variabile);
      assert.ok(e.message.startsWith(`${variabile}: `), e.message);
      assert.match(e.message, motivo);
    });
  }
});

describe('the bin with a bad setting', () => {
  let cartella: string;
  let occupato: Server;
  let portaOccupata: number;
  before(async () => {
    cartella = mkdtempSync(join(tmpdir(), 'assistenza-configurazione-'));
    occupato = createServer();
    await new Promise<void>((ok) => occupato.listen(0, '127.0.0.1', ok));
    portaOccupata = (occupato.address() as { port: number }).port;
  });
  after(() => {
    occupato.close();
    for (const c of [cartella, ...cartelleDati]) {
      rmSync(c, { recursive: true, force: true });
    }
  });
  // A migrated embedded database, so the start gets as far as listening.
  const cartelleDati: string[] = [];
  const dati = async () => {
    const c = await cartellaPglite();
    cartelleDati.push(c);
    return c;
  };

  const casi: [string, () => Promise<Record<string, string | undefined>>][] = [
    ['ASSISTENZA_JWT_SEGRETO', async () => ({ ASSISTENZA_JWT_SEGRETO: undefined })],
    ['ASSISTENZA_JWT_SEGRETO', async () => ({ ASSISTENZA_JWT_SEGRETO: 'corto' })],
    ['PORT', async () => ({ PORT: 'abc' })],
    ['ASSISTENZA_DATABASE_URL', async () => ({ ASSISTENZA_DATABASE_URL: 'mysql://u@127.0.0.1/assistenza' })],
    ['ASSISTENZA_ORIGINI', async () => ({ ASSISTENZA_ORIGINI: 'https://portale.esempio.it/pagina' })],
    ['ASSISTENZA_LOG', async () => ({ ASSISTENZA_LOG: 'tutto' })],
    ['ASSISTENZA_CONSERVAZIONE_MESI', async () => ({ ASSISTENZA_CONSERVAZIONE_MESI: 'sempre' })],
    // Nobody listens on a free port: PostgreSQL does not answer there.
    [
      'ASSISTENZA_DATABASE_URL',
      async () => ({ ASSISTENZA_DATABASE_URL: `postgres://postgres@127.0.0.1:${await portaLibera()}/assistenza` }),
    ],
    // A file where the embedded database's folder should be.
    [
      'ASSISTENZA_DATI',
      async () => {
        const file = join(cartella, 'un-file');
        writeFileSync(file, 'non una cartella');
        return { ASSISTENZA_DATI: file };
      },
    ],
    // The port another process listens on; an address none of this machine's interfaces has (TEST-NET-1).
    ['PORT', async () => ({ ASSISTENZA_DATI: await dati(), PORT: String(portaOccupata) })],
    ['HOST', async () => ({ ASSISTENZA_DATI: await dati(), HOST: '192.0.2.1' })],
  ];
  for (const [variabile, env] of casi) {
    it(`stops the start with exit 1 and one line naming ${variabile}`, LIMITE, async (t) => {
      const impostazioni = await env();
      const u = await avvioFallito(impostazioni);
      t.diagnostic(`${JSON.stringify(impostazioni)} → ${u.stderr.trim()}`);
      assert.deepEqual({ codice: u.codice, segnale: u.segnale }, { codice: 1, segnale: null });
      const righe = u.stderr.split('\n').filter((r) => r !== '');
      assert.equal(righe.length, 1, u.stderr);
      assert.ok(righe[0].startsWith(`assistenza-tecnica-server: ${variabile}: `), righe[0]);
      if (impostazioni.ASSISTENZA_JWT_SEGRETO === 'corto') {
        assert.doesNotMatch(u.stderr, /corto/, 'the secret is never written out');
      }
    });
  }
});

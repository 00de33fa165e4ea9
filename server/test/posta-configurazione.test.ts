// The mail's settings: defaults, a bad one named in one line, and the built server with its SMTP listener started and
// closed with the HTTP server on SIGTERM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErroreConfigurazione, leggiConfigurazione } from '../src/configurazione.js';
import { SEGRETO } from './aiuti.js';
import { invia, richiesta } from './http.js';
import { tokenRisposta } from '../src/servizi/posta.js';

const base = { ASSISTENZA_JWT_SEGRETO: SEGRETO };
const SMTP = 'smtp://utente:password-segreta@mail.esempio.it:587';
const MITTENTE = '"Assistenza GeoTecSUE" <assistenza@geotecsue.esempio.it>';

/** The variable a configuration is refused for, and the message; undefined when it is accepted. */
function rifiutata(env: Record<string, string>): { variabile: string; messaggio: string } | undefined {
  try {
    leggiConfigurazione({ ...base, ...env });
    return undefined;
  } catch (e) {
    assert.ok(e instanceof ErroreConfigurazione, String(e));
    return { variabile: e.variabile, messaggio: e.message };
  }
}

describe('the mail’s configuration', () => {
  it('sends no mail and receives none by default; the reply addresses’ key is derived, never the JWT secret', () => {
    const c = leggiConfigurazione(base);
    assert.equal(c.posta.smtpUrl, undefined);
    assert.equal(c.portaSmtpIn, undefined);
    assert.equal(c.posta.dominio, 'localhost');
    assert.notEqual(c.posta.segreto, SEGRETO);
    assert.ok(c.posta.segreto.length >= 32);
    assert.equal(leggiConfigurazione(base).posta.segreto, c.posta.segreto, 'the same on every start');
  });

  it('takes the domain of the reply addresses from the sender unless given, and its own secret', () => {
    const c = leggiConfigurazione({ ...base, ASSISTENZA_SMTP_URL: SMTP, ASSISTENZA_MITTENTE: MITTENTE });
    assert.deepEqual([c.posta.smtpUrl, c.posta.mittente, c.posta.dominio], [SMTP, MITTENTE, 'geotecsue.esempio.it']);
    const d = leggiConfigurazione({
      ...base,
      ASSISTENZA_SMTP_URL: 'smtps://mail.esempio.it',
      ASSISTENZA_MITTENTE: 'assistenza@esempio.it',
      ASSISTENZA_DOMINIO_POSTA: 'Risposte.Esempio.it',
      ASSISTENZA_SEGRETO_POSTA: 'x'.repeat(32),
      ASSISTENZA_SMTP_IN_PORTA: '2525',
    });
    assert.deepEqual([d.posta.dominio, d.posta.segreto, d.portaSmtpIn], ['risposte.esempio.it', 'x'.repeat(32), 2525]);
  });

  it('stops the start naming the variable that cannot be used', () => {
    const casi: [Record<string, string>, string, RegExp][] = [
      [{ ASSISTENZA_SMTP_URL: 'http://mail.esempio.it' }, 'ASSISTENZA_SMTP_URL', /schema «http:»/],
      [{ ASSISTENZA_SMTP_URL: 'mail.esempio.it:587' }, 'ASSISTENZA_SMTP_URL', /schema|URL/],
      [{ ASSISTENZA_SMTP_URL: SMTP }, 'ASSISTENZA_MITTENTE', /manca/],
      [{ ASSISTENZA_SMTP_URL: SMTP, ASSISTENZA_MITTENTE: 'Assistenza' }, 'ASSISTENZA_MITTENTE', /non è un mittente/],
      [{ ASSISTENZA_DOMINIO_POSTA: 'esempio..it' }, 'ASSISTENZA_DOMINIO_POSTA', /non è un nome di dominio/],
      [{ ASSISTENZA_SEGRETO_POSTA: 'corto' }, 'ASSISTENZA_SEGRETO_POSTA', /almeno 32/],
      [{ ASSISTENZA_SMTP_IN_PORTA: 'venticinque' }, 'ASSISTENZA_SMTP_IN_PORTA', /porta TCP/],
      [{ ASSISTENZA_SMTP_IN_PORTA: '70000' }, 'ASSISTENZA_SMTP_IN_PORTA', /porta TCP/],
      [{ ASSISTENZA_SMTP_IN_PORTA: '2525' }, 'ASSISTENZA_DOMINIO_POSTA', /manca/],
    ];
    for (const [env, variabile, messaggio] of casi) {
      const r = rifiutata(env);
      assert.equal(r?.variabile, variabile, JSON.stringify(env));
      assert.match(r.messaggio, messaggio);
      assert.doesNotMatch(r.messaggio, /password-segreta/, 'never the SMTP password');
    }
  });
});

const BIN = 'server/bin/assistenza-tecnica-server.js';

/** Runs the built server with these settings: its exit code and stderr, and its log line saying where it listens. */
function avvia(env: Record<string, string>) {
  const figlio = spawn(process.execPath, [BIN], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', ASSISTENZA_LOG: 'info', ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errori = '';
  figlio.stderr.on('data', (b: Buffer) => {
    errori += b.toString('utf8');
  });
  const fine = new Promise<{ codice: number | null; errori: string }>((ok) =>
    figlio.on('exit', (codice) => ok({ codice, errori })),
  );
  const inAscolto = new Promise<{ indirizzi: string[]; smtpIn?: string }>((ok, ko) => {
    let testo = '';
    figlio.stdout.on('data', (b: Buffer) => {
      testo += b.toString('utf8');
      const riga = testo.split('\n').find((r) => r.includes('"assistenza-tecnica-server in ascolto"'));
      if (riga !== undefined) {
        ok(JSON.parse(riga) as { indirizzi: string[]; smtpIn?: string });
      }
    });
    figlio.on('exit', () => ko(new Error(`the server exited: ${errori}`)));
  });
  // Awaited only by the tests that expect the server to start.
  inAscolto.catch(() => {});
  return { figlio, fine, inAscolto };
}

/** The first line an SMTP server says on a new connection, or the connection's error code. */
function saluto(porta: number): Promise<string> {
  return new Promise((ok) => {
    const c = connect(porta, '127.0.0.1');
    c.setEncoding('utf8');
    c.once('data', (d: string) => {
      c.destroy();
      ok(d.split('\r\n')[0]);
    });
    c.once('error', (e: NodeJS.ErrnoException) => ok(e.code ?? e.message));
  });
}

/** A raw SMTP session: each command answered with the server's whole reply (its last line's code first). */
async function sessioneSmtp(porta: number) {
  const c = connect(porta, '127.0.0.1');
  c.setEncoding('utf8');
  let buffer = '';
  let attesa: ((r: string) => void) | undefined;
  const completa = () => {
    // A reply ends with a line "NNN text" (a dash after the code says more lines follow).
    const m = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (m !== null && attesa !== undefined) {
      const r = buffer;
      buffer = '';
      const a = attesa;
      attesa = undefined;
      a(r);
    }
  };
  c.on('data', (d: string) => {
    buffer += d;
    completa();
  });
  const risposta = () =>
    new Promise<string>((ok, ko) => {
      const scaduta = setTimeout(() => ko(new Error(`no SMTP reply within 10 s (so far: ${buffer})`)), 10_000);
      attesa = (r) => {
        clearTimeout(scaduta);
        ok(r);
      };
      completa();
    });
  await risposta();
  return {
    comando: (riga: string) => {
      const r = risposta();
      c.write(`${riga}\r\n`);
      return r;
    },
    chiudi: () => c.destroy(),
  };
}

describe('the built server’s SMTP listener', () => {
  it('refuses a bad mail setting with one line naming it, and exit code 1', async () => {
    assert.ok(existsSync('server/dist/main.js'), 'server/dist/main.js is missing: run npm run build');
    const { fine } = avvia({ PORT: '0', ASSISTENZA_SMTP_IN_PORTA: '99999', ASSISTENZA_DATI: '/nonesiste' });
    const { codice, errori } = await fine;
    assert.equal(codice, 1);
    assert.equal(
      errori,
      'assistenza-tecnica-server: ASSISTENZA_SMTP_IN_PORTA: «99999» non è una porta TCP (un numero da 0 a 65535).\n',
    );
  });

  it('listens for SMTP with ASSISTENZA_SMTP_IN_PORTA; on SIGTERM it takes no new connection, finishes the mail under way, then exits 0', async () => {
    const cartella = mkdtempSync(join(tmpdir(), 'assistenza-smtp-in-'));
    const segretoPosta = 'il-segreto-della-posta-di-questo-test-0123';
    const { figlio, fine, inAscolto } = avvia({
      PORT: '0',
      ASSISTENZA_DATI: cartella,
      ASSISTENZA_SMTP_IN_PORTA: '0',
      ASSISTENZA_DOMINIO_POSTA: 'assistenza.esempio.it',
      ASSISTENZA_SEGRETO_POSTA: segretoPosta,
    });
    let sessione: Awaited<ReturnType<typeof sessioneSmtp>> | undefined;
    try {
      const dove = await inAscolto;
      const smtp = Number(/:(\d+)$/.exec(dove.smtpIn ?? '')?.[1]);
      assert.ok(smtp > 0, JSON.stringify(dove));
      const r = richiesta({ email: 'zoe@esempio.it', rispostaViaEmail: true });
      const creata = await invia({ url: dove.indirizzi[0] }, r, { utente: 'zdangelo' });
      assert.equal(creata.stato, 201);
      const indirizzo = `assistenza+${tokenRisposta(segretoPosta, { id: r.id, numero: creata.json.numero! })}@assistenza.esempio.it`;

      sessione = await sessioneSmtp(smtp);
      assert.match(await sessione.comando('EHLO posta.esempio.it'), /^250/);
      assert.match(await sessione.comando('MAIL FROM:<zoe@esempio.it>'), /^250/);
      assert.match(await sessione.comando(`RCPT TO:<${indirizzo}>`), /^250/);
      assert.match(await sessione.comando('DATA'), /^354/);
      figlio.kill('SIGTERM');
      // Closing: a new connection is refused, the session under way goes on.
      let nuova = '';
      for (let i = 0; i < 50 && nuova !== 'ECONNREFUSED'; i++) {
        nuova = await saluto(smtp);
        await new Promise((ok) => setTimeout(ok, 20));
      }
      assert.equal(nuova, 'ECONNREFUSED');
      const corpo = [
        'From: zoe@esempio.it',
        `To: ${indirizzo}`,
        'Subject: Re',
        'Message-ID: <chiusura@esempio.it>',
        '',
        'Grazie.',
        '.',
      ];
      assert.match(
        await sessione.comando(corpo.join('\r\n')),
        new RegExp(`^250 .*richiesta n\\. ${creata.json.numero}`),
      );
      sessione.chiudi();
      const { codice } = await fine;
      assert.equal(codice, 0);
    } finally {
      sessione?.chiudi();
      figlio.kill('SIGKILL');
      rmSync(cartella, { recursive: true, force: true });
    }
  });
});

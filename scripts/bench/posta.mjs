// Benchmark of the mail (issue 18): how many mails a second leave through the outbox to a local SMTP catcher, on PGlite
// and on PostgreSQL (a cluster with fsync on, as deployed), with one worker and, on PostgreSQL, two instances' workers
// draining one outbox; and how many replies a second are written with their mail. Every mail is counted at the
// catcher and checked to arrive once. Prints numbers; asserts nothing about time.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { SMTPServer } from 'smtp-server';
import { OPZIONI_SERVER } from '../server.mjs';
import { avviaPostgres, cartellaBinari } from '../postgres.mjs';

const MAIL = 1000;
const dir = 'node_modules/.cache/assistenza/bench';
mkdirSync(dir, { recursive: true });
await build({ ...OPZIONI_SERVER, entryPoints: ['scripts/bench/posta-server.ts'], outfile: `${dir}/posta-server.mjs` });
const s = await import(`../../${dir}/posta-server.mjs`);

/** The catcher: counts each Message-ID it accepts. */
const ricevute = new Map();
const catcher = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  closeTimeout: 500,
  onData(stream, _sessione, fatto) {
    let testa = '';
    stream.on('data', (b) => {
      if (testa.length < 8192) testa += b.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID: *(<[^>]+>)/im.exec(testa)?.[1] ?? 'senza';
      ricevute.set(id, (ricevute.get(id) ?? 0) + 1);
      fatto();
    });
  },
});
await new Promise((ok) => catcher.listen(0, '127.0.0.1', ok));
const smtpUrl = `smtp://127.0.0.1:${catcher.server.address().port}`;

const posta = {
  smtpUrl,
  mittente: '"Assistenza GeoTecSUE" <assistenza@bench.esempio.it>',
  dominio: 'bench.esempio.it',
  segreto: 'il-segreto-degli-indirizzi-del-benchmark',
};
const silenzioso = { info() {}, warn() {}, error() {} };
const ms = (t0) => performance.now() - t0;
const alSecondo = (n, durata) => Math.round((n * 1000) / durata);

/** MAIL requests that asked for the answer by mail, each answered once by an operator: the outbox, full. */
async function riempi(db) {
  const richieste = [];
  for (let i = 0; i < MAIL; i++) {
    const id = randomUUID();
    const corpo = {
      id,
      cognome: 'D’Angelo',
      nome: 'Zoë',
      email: `utente${i}@esempio.it`,
      rispostaViaEmail: true,
      descrizione: `Richiesta ${i}: il caricamento della planimetria si ferma al 90%.`,
      creataIl: new Date().toISOString(),
    };
    const esito = await s.nuovaRichiesta(db, { chiave: id, corpo, utente: `utente${i}` });
    if (esito.esito !== 'creata') throw new Error(`richiesta ${i}: ${esito.esito}`);
    richieste.push(id);
  }
  const t0 = performance.now();
  for (const richiesta of richieste) {
    await s.rispostaSportello(
      db,
      {
        richiesta,
        testo: 'Buongiorno, il file supera i 10 MB: provi a comprimerlo e a caricarlo di nuovo.',
        operatore: 'bench',
      },
      { config: posta },
    );
  }
  return ms(t0);
}

const postino = (db) =>
  new s.Postino({ db, config: posta, trasporto: s.trasportoSmtp(smtpUrl), orologio: s.orologioReale, log: silenzioso });

/** Drains the outbox with one worker per database given (instances on one PostgreSQL): mails a second, checked. */
async function svuota(dbs) {
  ricevute.clear();
  const postini = dbs.map(postino);
  const t0 = performance.now();
  await Promise.all(postini.map((p) => p.giro()));
  const durata = ms(t0);
  await Promise.all(postini.map((p) => p.ferma()));
  const [{ inviate }] = await dbs[0].query(`SELECT count(*)::int AS inviate FROM posta WHERE stato = 'inviata'`);
  const doppie = [...ricevute.values()].filter((n) => n > 1).length;
  if (inviate !== MAIL || ricevute.size !== MAIL || doppie > 0) {
    throw new Error(`${inviate} segnate inviate, ${ricevute.size} ricevute, ${doppie} ricevute più volte`);
  }
  return durata;
}

function riga(motore, scrittura, invio, istanze) {
  console.log(
    `${motore}: ${MAIL} replies written with their mail in ${Math.round(scrittura)} ms (${alSecondo(MAIL, scrittura)}/s); ` +
      `${MAIL} mails sent through the outbox in ${Math.round(invio)} ms: ${alSecondo(MAIL, invio)} mails/s ` +
      `(${istanze}; each arrived once)`,
  );
}

const cartella = mkdtempSync(join(tmpdir(), 'assistenza-bench-posta-'));
try {
  const db = await s.apriPglite(cartella);
  await s.applicaMigrazioni(db, silenzioso);
  const scrittura = await riempi(db);
  riga('PGlite', scrittura, await svuota([db]), 'one worker');
  await db.chiudi();
} finally {
  rmSync(cartella, { recursive: true, force: true });
}

if (cartellaBinari() === undefined) {
  console.log('PostgreSQL: not installed (apt-get install postgresql), skipped');
} else {
  const cluster = await avviaPostgres({ veloce: false });
  try {
    for (const istanze of [1, 2]) {
      const nome = `bench_${istanze}`;
      const admin = s.apriPostgres(cluster.url, silenzioso);
      await admin.query(`CREATE DATABASE ${nome}`);
      await admin.chiudi();
      const dbs = Array.from({ length: istanze }, () => s.apriPostgres(cluster.urlDi(nome), silenzioso));
      await s.applicaMigrazioni(dbs[0], silenzioso);
      const scrittura = await riempi(dbs[0]);
      riga(
        'PostgreSQL',
        scrittura,
        await svuota(dbs),
        istanze === 1 ? 'one worker' : 'two instances’ workers on one outbox',
      );
      await Promise.all(dbs.map((d) => d.chiudi()));
    }
  } finally {
    cluster.elimina();
  }
}
await new Promise((ok) => catcher.close(ok));

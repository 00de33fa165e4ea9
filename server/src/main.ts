// The server's entry point (the bin assistenza-tecnica-server): reads the configuration, opens the database (a
// PostgreSQL server, or the embedded one in ASSISTENZA_DATI), applies the migrations, serves HTTP (and SMTP for the
// replies by mail, with ASSISTENZA_SMTP_IN_PORTA), purges what is past its retention at the start and every hour, and
// on SIGTERM or SIGINT stops the purges, stops taking requests and mail, finishes those in flight and the mails being
// sent, closes the database and exits 0.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { leggiConfigurazione, ErroreConfigurazione, type Configurazione } from './configurazione.js';
import { apriPglite, apriPostgres } from './archivio/apri.js';
import { CartellaInUso } from './archivio/blocco.js';
import type { Database } from './archivio/database.js';
import { applicaMigrazioni } from './archivio/migrazioni.js';
import { costruisciApp } from './app.js';
import { ascoltaSmtp, type AscoltoSmtp } from './rotte/smtp.js';
import { orologioReale } from './servizi/posta.js';
import { primoAmministratore } from './servizi/operatori.js';
import { pianificaConservazione } from './servizi/conservazione.js';

/** One line on stderr and exit 1: what a person starting the server reads when it cannot start. */
function esci(messaggio: string): never {
  process.stderr.write(`assistenza-tecnica-server: ${messaggio}\n`);
  process.exit(1);
}

async function apriDatabase(config: Configurazione, log: pino.Logger): Promise<Database> {
  if (config.databaseUrl !== undefined) {
    const db = apriPostgres(config.databaseUrl, log);
    if (!(await db.risponde())) {
      await db.chiudi();
      esci(`ASSISTENZA_DATABASE_URL: PostgreSQL non risponde a ${senzaPassword(config.databaseUrl)}.`);
    }
    return db;
  }
  try {
    return await apriPglite(config.dati);
  } catch (e) {
    if (e instanceof CartellaInUso) {
      esci(`ASSISTENZA_DATI: ${e.message}`);
    }
    esci(`ASSISTENZA_DATI: il database incorporato in ${config.dati} non si apre (${(e as Error).message}).`);
  }
}

/** The first administrator on a start with no operator; with nothing configured, the log says how to create one. */
async function preparaOperatori(db: Database, config: Configurazione, log: pino.Logger): Promise<void> {
  const esito = await primoAmministratore(db, config.admin);
  if (esito.esito === 'creato') {
    log.info({ utente: esito.utente }, 'primo amministratore creato da ASSISTENZA_ADMIN_UTENTE');
  }
  if (esito.esito === 'manca') {
    log.warn(
      'nessun operatore: nessuno può accedere allo sportello. Per creare il primo amministratore avvia il server con ' +
        'ASSISTENZA_ADMIN_UTENTE e ASSISTENZA_ADMIN_PASSWORD (almeno 12 caratteri); poi si possono togliere.',
    );
  }
}

/** The URL without its password, for messages and logs. */
function senzaPassword(url: string): string {
  const u = new URL(url);
  if (u.password) {
    u.password = '***';
  }
  return u.toString();
}

/** The setting to change when listening fails: the port when it is taken or reserved, else the address. */
function variabileDiAscolto(e: unknown): 'PORT' | 'HOST' {
  const codice = (e as NodeJS.ErrnoException).code;
  if (codice === 'EADDRINUSE' || codice === 'EACCES') {
    return 'PORT';
  }
  return 'HOST';
}

/** http://host:port of a listening address. */
function indirizzoHttp(a: AddressInfo | string): string {
  if (typeof a === 'string') {
    return a;
  }
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `http://${host}:${a.port}`;
}

async function avvia(): Promise<void> {
  let config: Configurazione;
  try {
    config = leggiConfigurazione(process.env);
  } catch (e) {
    if (e instanceof ErroreConfigurazione) {
      esci(e.message);
    }
    throw e;
  }
  // Written synchronously, as Node writes to a pipe or a terminal: a line is out before the next statement, so lines
  // keep their order and none is lost at the exit. pino's default writes in the background and, at process.exit,
  // flushes what is queued while a write is still under way: the last request's line came after «chiuso».
  const log = pino({ level: config.livelloLog, base: { pid: process.pid } }, pino.destination({ dest: 1, sync: true }));
  const db = await apriDatabase(config, log);
  await applicaMigrazioni(db, log);
  await preparaOperatori(db, config, log);
  const app = await costruisciApp({
    db,
    jwtSegreto: config.jwtSegreto,
    origini: config.origini,
    https: config.https,
    proxy: config.proxy,
    posta: config.posta,
    log,
    statisticheMinimo: config.statisticheMinimo,
    // Beside this file once built (server/dist/main.js): npm run build writes the console to server/dist/sportello/.
    cartellaConsole: fileURLToPath(new URL('./sportello/', import.meta.url)),
  });
  try {
    await app.listen({ port: config.porta, host: config.host });
  } catch (e) {
    await db.chiudi();
    esci(
      `${variabileDiAscolto(e)}: non riesco ad ascoltare su ${config.host}:${config.porta} (${(e as Error).message}).`,
    );
  }
  let smtp: AscoltoSmtp | undefined;
  if (config.portaSmtpIn !== undefined) {
    try {
      smtp = await ascoltaSmtp({
        db,
        posta: config.posta,
        orologio: orologioReale,
        host: config.host,
        porta: config.portaSmtpIn,
        log,
      });
    } catch (e) {
      await app.close();
      await db.chiudi();
      esci(
        `ASSISTENZA_SMTP_IN_PORTA: non riesco ad ascoltare su ${config.host}:${config.portaSmtpIn} ` +
          `(${(e as Error).message}).`,
      );
    }
  }
  log.info(
    {
      indirizzi: app.addresses().map(indirizzoHttp),
      database: config.databaseUrl === undefined ? `PGlite in ${config.dati}` : senzaPassword(config.databaseUrl),
      posta:
        config.posta.smtpUrl === undefined
          ? 'non inviata: manca ASSISTENZA_SMTP_URL'
          : senzaPassword(config.posta.smtpUrl),
      ...(smtp && { smtpIn: `${config.host}:${smtp.porta}` }),
    },
    'assistenza-tecnica-server in ascolto',
  );
  // After listening: a long first purge does not hold the start up.
  const conservazione = pianificaConservazione(db, { mesi: config.conservazioneMesi, log });

  let chiusura: Promise<void> | undefined;
  const chiudi = (segnale: string) => {
    chiusura ??= (async () => {
      log.info({ segnale }, 'chiusura: non accetto nuove richieste né posta, finisco quelle in corso');
      // The purge under way ends after its current batch, while the requests in flight finish.
      await Promise.all([conservazione.ferma(), app.close(), smtp?.chiudi()]);
      await db.chiudi();
      log.info('chiuso');
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => chiudi('SIGTERM'));
  process.on('SIGINT', () => chiudi('SIGINT'));
}

avvia().catch((e: unknown) => esci(`errore all’avvio: ${(e as Error)?.stack ?? String(e)}`));

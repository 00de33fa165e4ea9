// Builds the Fastify app from its parts: the user's routes, the uploads, the help desk's (with a person's data), health,
// the response times, the OpenAPI document and the console's pages, with one JSON log line per request, and this instance's outbox worker
// when mail leaves (started with the app, stopped when it closes). main.ts starts it; the tests start it on a free port.
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import type { Database } from './archivio/database.js';
import { chiaveJwt } from './servizi/identita.js';
import { RETRY_AFTER_DATABASE_S, gestisciErrori, rispondiErrore } from './rotte/comuni.js';
import { rotteRichieste } from './rotte/richieste.js';
import { rotteAllegati } from './rotte/allegati.js';
import { rotteSportello } from './rotte/sportello.js';
import { rotteUtenti } from './rotte/utenti.js';
import { rotteSalute } from './rotte/salute.js';
import { rotteTempiRisposta } from './rotte/tempi-risposta.js';
import { rotteTempiSportello } from './rotte/tempi-sportello.js';
import { MINIMO_PREDEFINITO } from './servizi/statistiche.js';
import { rotteConsole } from './rotte/console.js';
import { rotteOpenApi, tracciaRotte } from './rotte/openapi.js';
import { chiudiSenzaTroncare } from './chiusura.js';
import { orologioReale, postaNonConfigurata, type ConfigurazionePosta, type Orologio } from './servizi/posta.js';
import { Postino, trasportoSmtp, type Trasporto } from './servizi/postino.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's outbox worker; undefined when no mail leaves (no ASSISTENZA_SMTP_URL). */
    postino: Postino | undefined;
  }
}

export interface OpzioniApp {
  db: Database;
  jwtSegreto: string;
  /** Origins whose pages may call the API (CORS); none by default. */
  origini?: string[];
  /** The pino logger the app writes to; none by default (the tests). */
  log?: FastifyBaseLogger;
  /** How many requests a page of a user's list holds (20). */
  perPagina?: number;
  /** ASSISTENZA_HTTPS: reached over HTTPS (the operators' cookie is Secure). */
  https?: boolean;
  /** ASSISTENZA_PROXY: the proxies whose X-Forwarded-For names the client (the login lock counts by address). */
  proxy?: string[];
  /** ASSISTENZA_STATISTICHE_MINIMO: the fewest requests the response times are published from (30). */
  statisticheMinimo?: number;
  /** The built console's folder (server/dist/sportello/), served at /sportello/; without it that page says to build. */
  cartellaConsole?: string;
  /** The mail (ASSISTENZA_SMTP_URL, ASSISTENZA_MITTENTE, …); by default none leaves, replies still go to the outbox. */
  posta?: ConfigurazionePosta;
  /** The clock of the outbox (when a mail is due, the backoff): the tests move it. */
  orologio?: Orologio;
  /** How often the outbox worker looks for due mails (5000 ms). */
  intervalloPostaMs?: number;
  /** Where mail leaves, instead of nodemailer on posta.smtpUrl (the benchmark's). */
  trasporto?: Trasporto;
}

/** Headers a page across origins may read: the list's tag and pages, the queue's retry and replay signals. */
const ESPOSTE = ['ETag', 'Link', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id'];

const idAccettabile = /^[\w.:-]{1,128}$/;
const idRichiestaDi = (dato: string | string[] | undefined): string =>
  typeof dato === 'string' && idAccettabile.test(dato) ? dato : randomUUID();

export async function costruisciApp(o: OpzioniApp): Promise<FastifyInstance> {
  const app = Fastify({
    ...(o.log ? { loggerInstance: o.log } : { logger: false }),
    // One line per request, written below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A proxy's X-Request-Id is kept when it looks like one; anything else gets an id of ours.
    requestIdHeader: false,
    genReqId: (req) => idRichiestaDi(req.headers['x-request-id']),
    // A connection that sends nothing for this long is closed: no slow client holds a socket for ever.
    requestTimeout: 120_000,
    // On close, new requests on kept-alive connections get the 503 of the hook below, in the contract's words.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    trustProxy: o.proxy && o.proxy.length > 0 ? o.proxy : false,
    // A portal user's id in a path (/api/sportello/utenti/<id>) is up to 255 characters, each up to 12 once
    // percent-encoded; Fastify's default of 100 would answer 404 to a long one.
    routerOptions: { maxParamLength: 255 * 12 },
  });
  chiudiSenzaTroncare(app.server);
  app.removeContentTypeParser('text/plain');
  // An empty JSON body is no body (a logout, a removal): the routes that need one say so (400) themselves.
  const jsonPredefinito = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, corpo, fatto) => {
    const testo = corpo.toString();
    if (testo === '') {
      fatto(null, undefined);
      return;
    }
    jsonPredefinito(req, testo, fatto);
  });
  const rotte = tracciaRotte(app);
  gestisciErrori(app);

  // Node answers "Expect: 100-continue" at once unless someone listens: here a request goes through its onRequest
  // checks first (an upload's type, size, token), and only then is the client told to send the body.
  app.server.on('checkContinue', (req, res) => app.server.emit('request', req, res));
  app.addHook('preParsing', async (req, reply, corpo) => {
    if (req.headers.expect?.toLowerCase() === '100-continue') {
      reply.raw.writeContinue();
    }
    return corpo;
  });
  // Closing (SIGTERM): what arrives now on a kept-alive connection is told to come back, as every 503 of the API.
  let inChiusura = false;
  app.addHook('preClose', async () => {
    inChiusura = true;
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
    if (inChiusura) {
      return rispondiErrore(reply, 503, 'Il servizio di assistenza si sta riavviando: riprova tra poco.', {
        'Retry-After': String(RETRY_AFTER_DATABASE_S),
        Connection: 'close',
      });
    }
    // Every answer of the API is personal or changes at once; a route that may be cached says so itself.
    reply.header('Cache-Control', 'no-store');
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        metodo: req.method,
        rotta: req.routeOptions.url ?? null,
        statoHttp: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'richiesta',
    );
  });

  if (o.origini && o.origini.length > 0) {
    await app.register(cors, {
      origin: o.origini,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ESPOSTE,
      maxAge: 600,
    });
  }

  const posta = o.posta ?? postaNonConfigurata(o.jwtSegreto);
  const orologio = o.orologio ?? orologioReale;
  const postino = postinoDi(o, posta, orologio, app.log);
  app.decorate('postino', postino);
  if (postino !== undefined) {
    app.addHook('onReady', async () => postino.avvia());
    app.addHook('onClose', async () => postino.ferma());
  }

  const chiave = chiaveJwt(o.jwtSegreto);
  rotteRichieste(app, { db: o.db, chiaveJwt: chiave, perPagina: o.perPagina ?? 20 });
  rotteAllegati(app, { db: o.db, chiaveJwt: chiave });
  const sportello = { db: o.db, https: o.https ?? false, origini: o.origini ?? [], posta, orologio, postino };
  rotteSportello(app, sportello);
  rotteUtenti(app, sportello);
  rotteSalute(app, { db: o.db });
  const minimo = o.statisticheMinimo ?? MINIMO_PREDEFINITO;
  rotteTempiRisposta(app, { db: o.db, minimo });
  rotteTempiSportello(app, { ...sportello, minimo });
  rotteConsole(app, { cartella: o.cartellaConsole });
  rotteOpenApi(app, rotte);
  return app;
}

/** The outbox worker of this instance, when mail leaves: by SMTP on ASSISTENZA_SMTP_URL, or the given transport. */
function postinoDi(o: OpzioniApp, posta: ConfigurazionePosta, orologio: Orologio, log: FastifyBaseLogger) {
  let trasporto = o.trasporto;
  if (trasporto === undefined && posta.smtpUrl !== undefined) {
    trasporto = trasportoSmtp(posta.smtpUrl);
  }
  if (trasporto === undefined) {
    return undefined;
  }
  return new Postino({ db: o.db, config: posta, trasporto, orologio, log, intervalloMs: o.intervalloPostaMs });
}

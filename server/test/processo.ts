// The built server as a process of its own, started the way it is deployed (the bin assistenza-tecnica-server with an
// environment): ready when /api/salute answers, its stdout (JSON lines) and stderr collected, stopped by a signal.
// Every process started here is killed when the test process ends, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  AMMINISTRATORE_DEL_BIN,
  SEGRETO,
  autorizzazione,
  cartellaPglite,
  databaseDiProva,
  type Motore,
} from './aiuti.js';
import { risposta, type ConUrl } from './http.js';

/** The bin as npm installs it (a link to server/bin/assistenza-tecnica-server.js, which runs server/dist/main.js). */
export const BIN = resolve('node_modules/.bin/assistenza-tecnica-server');

const vivi = new Set<ChildProcess>();
process.on('exit', () => {
  for (const figlio of vivi) {
    figlio.kill('SIGKILL');
  }
});

export interface Uscita {
  codice: number | null;
  segnale: NodeJS.Signals | null;
}

export interface ProcessoServer extends ConUrl {
  pid: number;
  /** Every line written to stdout so far. */
  righe: string[];
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves when the process has ended. */
  uscita: Promise<Uscita>;
  /** Whether it has not ended. */
  vivo(): boolean;
  /** Sends `segnale` (SIGTERM by default) and waits for the end. */
  ferma(segnale?: NodeJS.Signals): Promise<Uscita>;
}

/** The environment of a started server: nothing of this process's but PATH, the test's secret and administrator. */
function ambiente(env: Record<string, string | undefined>): Record<string, string> {
  const tutto: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    PORT: '0',
    HOST: '127.0.0.1',
    ASSISTENZA_JWT_SEGRETO: SEGRETO,
    ASSISTENZA_LOG: 'info',
    ASSISTENZA_ADMIN_UTENTE: AMMINISTRATORE_DEL_BIN.utente,
    ASSISTENZA_ADMIN_PASSWORD: AMMINISTRATORE_DEL_BIN.password,
    ...env,
  };
  const definito: Record<string, string> = {};
  for (const [k, v] of Object.entries(tutto)) {
    if (v !== undefined) {
      definito[k] = v;
    }
  }
  return definito;
}

/** What the server logs once it listens, with the addresses. */
const IN_ASCOLTO = 'assistenza-tecnica-server in ascolto';

/** Starts the bin; `pronto` resolves once /api/salute answers 200, `url` set to where it listens. */
function lancia(env: Record<string, string | undefined>, cwd: string): ProcessoServer & { pronto: Promise<void> } {
  if (!existsSync(join(dirname(realpathSync(BIN)), '../dist/main.js'))) {
    throw new Error('server/dist/main.js is missing: run the tests through scripts/test-node.mjs, which builds it');
  }
  const figlio = spawn(process.execPath, [BIN], { env: ambiente(env), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  vivi.add(figlio);
  const righe: string[] = [];
  let resto = '';
  let errori = '';
  figlio.stdout!.setEncoding('utf8');
  figlio.stdout!.on('data', (pezzo: string) => {
    const parti = (resto + pezzo).split('\n');
    resto = parti.pop() ?? '';
    righe.push(...parti);
  });
  figlio.stderr!.setEncoding('utf8');
  figlio.stderr!.on('data', (pezzo: string) => {
    errori += pezzo;
  });
  const uscita = new Promise<Uscita>((ok) => {
    figlio.on('close', (codice, segnale) => {
      vivi.delete(figlio);
      if (resto !== '') {
        righe.push(resto);
      }
      ok({ codice, segnale });
    });
  });
  let finito = false;
  void uscita.then(() => {
    finito = true;
  });
  const processo: ProcessoServer & { pronto: Promise<void> } = {
    url: '',
    pid: figlio.pid!,
    righe,
    stderr: () => errori,
    uscita,
    vivo: () => !finito,
    ferma: async (segnale: NodeJS.Signals = 'SIGTERM') => {
      if (!finito) {
        figlio.kill(segnale);
      }
      return uscita;
    },
    pronto: Promise.resolve(),
  };
  processo.pronto = (async () => {
    // PORT=0: the port is the one its "in ascolto" line names.
    await finche(() => finito || righe.some((r) => json(r)?.msg === IN_ASCOLTO), 60_000, 'the server listening');
    const ascolto = righe.map(json).find((r) => r?.msg === IN_ASCOLTO);
    if (ascolto === undefined) {
      throw new Error(`the server did not start (exit ${JSON.stringify(await uscita)}): ${errori}`);
    }
    processo.url = (ascolto.indirizzi as string[])[0];
    const res = await fetch(`${processo.url}/api/salute`);
    if (res.status !== 200) {
      throw new Error(`/api/salute answered ${res.status} at the start`);
    }
  })();
  return processo;
}

/** Starts the server and waits until it serves; stopped for good with SIGKILL if it does not. */
export async function avviaServer(env: Record<string, string | undefined>): Promise<ProcessoServer> {
  if (env.ASSISTENZA_DATI === undefined && env.ASSISTENZA_DATABASE_URL === undefined) {
    throw new Error('a test server needs ASSISTENZA_DATI or ASSISTENZA_DATABASE_URL');
  }
  const p = lancia(env, tmpdir());
  try {
    await p.pronto;
  } catch (e) {
    await p.ferma('SIGKILL');
    throw e;
  }
  return p;
}

export interface DatiDiProva {
  /** Starts a server on the data (as many times as wanted, one after another or together). */
  avvia(): Promise<ProcessoServer>;
  /** Kills every server started on it and throws the data away. */
  elimina(): Promise<void>;
}

/** Fresh, migrated data of the engine for server processes: a PGlite folder, or a database on the test cluster. */
export async function datiDiProva(motore: Motore): Promise<DatiDiProva> {
  const avviati: ProcessoServer[] = [];
  let env: Record<string, string>;
  let butta: () => Promise<void>;
  if (motore === 'pglite') {
    const cartella = await cartellaPglite();
    env = { ASSISTENZA_DATI: cartella };
    butta = async () => rmSync(cartella, { recursive: true, force: true });
  } else {
    const d = await databaseDiProva('postgresql');
    env = { ASSISTENZA_DATABASE_URL: d.dove };
    butta = d.elimina;
  }
  return {
    avvia: async () => {
      const s = await avviaServer(env);
      avviati.push(s);
      return s;
    },
    elimina: async () => {
      await Promise.all(avviati.map((p) => p.ferma('SIGKILL')));
      await butta();
    },
  };
}

export interface AvvioFallito extends Uscita {
  stderr: string;
}

/** Runs the bin where it should refuse to start, in a fresh folder of its own; waits for it to end (at most 30 s). */
export async function avvioFallito(env: Record<string, string | undefined>): Promise<AvvioFallito> {
  const cwd = mkdtempSync(join(tmpdir(), 'assistenza-avvio-'));
  let timer: NodeJS.Timeout | undefined;
  try {
    const p = lancia(env, cwd);
    p.pronto.catch(() => undefined);
    timer = setTimeout(() => void p.ferma('SIGKILL'), 30_000);
    const u = await p.uscita;
    return { ...u, stderr: p.stderr() };
  } finally {
    clearTimeout(timer);
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A line of a server's stdout, parsed; undefined for a line that is not JSON. */
export function json(riga: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(riga) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The longest a test of the processes may take: a hang fails it instead of holding the whole suite. */
export const LIMITE = { timeout: 300_000 };

export const attesa = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Waits until `condizione` holds, checking every 20 ms; throws after `ms`. */
export async function finche(condizione: () => boolean | Promise<boolean>, ms: number, cosa: string): Promise<void> {
  const scadenza = Date.now() + ms;
  while (!(await condizione())) {
    if (Date.now() > scadenza) {
      throw new Error(`not within ${ms} ms: ${cosa}`);
    }
    await attesa(20);
  }
}

/** A small PNG-signed file of `byte` bytes (the server checks the signature, not the picture). */
export function png(byte = 256): Buffer {
  const firma = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([firma, randomBytes(byte - firma.length)]);
}

export interface Caricamento {
  id: string;
  nome: string;
  tipo: 'image/png';
  dimensione: number;
  byte: Buffer;
}

export const nuovoFile = (byte = 256): Caricamento => {
  const contenuto = png(byte);
  return { id: randomUUID(), nome: `pianta ${byte}.png`, tipo: 'image/png', dimensione: byte, byte: contenuto };
};

/** The upload of a file: PUT /api/richieste/allegati/<id> with its key, type and name. */
export async function carica(s: ConUrl, f: Caricamento, utente?: string) {
  const res = await fetch(`${s.url}/api/richieste/allegati/${f.id}`, {
    method: 'PUT',
    headers: {
      'Content-Type': f.tipo,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.nome)}`,
      'Idempotency-Key': f.id,
      ...(await autorizzazione(utente)),
    },
    body: new Uint8Array(f.byte),
  });
  return risposta<{ id?: string; nome?: string; dimensione?: number; messaggio?: string }>(res);
}

/** The file as a request names it. */
export const comeAllegato = (f: Caricamento) => ({ id: f.id, nome: f.nome, tipo: f.tipo, dimensione: f.dimensione });

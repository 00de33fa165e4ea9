// WebKit for the test runner: Debian's WebKitWebDriver drives the WebKitGTK MiniBrowser (WebDriver classic, no BiDi).
// MiniBrowser has no headless mode, so without a DISPLAY this starts its own Xvfb; both are stopped with the runner.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { PACCHETTI } from './engines.mjs';

const { driver: WEBDRIVER, bin: MINIBROWSER, xvfb: XVFB } = PACCHETTI.webkit;

/** Every process started here, so that an exit, a crash or a signal takes them down too. */
const avviati = new Set();

function ferma(p, segnale = 'SIGTERM') {
  if (p.exitCode !== null || p.signalCode !== null) return;
  try {
    // Each child leads its own process group: WebKitWebDriver's MiniBrowser and web processes go with it.
    process.kill(-p.pid, segnale);
  } catch {
    p.kill(segnale);
  }
}

/** SIGTERM, then SIGKILL if it is still there after `ms`; resolves once it has ended. */
function fermaEAttendi(p, ms = 3000) {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((risolvi) => {
    const t = setTimeout(() => ferma(p, 'SIGKILL'), ms);
    p.once('exit', () => {
      clearTimeout(t);
      risolvi();
    });
    ferma(p);
  });
}

let registrato = false;
function fermaTuttiAllUscita() {
  if (registrato) return;
  registrato = true;
  // SIGTERM, not SIGKILL: the runner cannot wait for them here, and Xvfb still has its socket and lock to remove.
  process.on('exit', () => avviati.forEach((p) => ferma(p)));
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(s, () => {
      avviati.forEach((p) => ferma(p));
      // Nobody else handles it (the runner only listens to SIGINT): end the way the signal would have.
      if (!process.listenerCount(s)) process.kill(process.pid, s);
    });
  }
}

function avvia(cmd, args, env) {
  const p = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  avviati.add(p);
  p.on('exit', () => avviati.delete(p));
  let log = '';
  p.stderr.on('data', (b) => {
    log = (log + b).slice(-4000);
  });
  p.log = () => log;
  return p;
}

/** Xvfb on a display it picks itself (-displayfd): no guessing, no clash with another run. */
function xvfb() {
  return new Promise((risolvi, rifiuta) => {
    const p = avvia(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], process.env);
    let out = '';
    p.stdio[3].on('data', (b) => {
      out += b;
      if (out.includes('\n')) risolvi({ processo: p, display: `:${out.trim()}` });
    });
    p.on('error', rifiuta);
    p.on('exit', (c) => rifiuta(new Error(`Xvfb ended (${c}) before it was ready: ${p.log()}`)));
  });
}

function portaLibera() {
  return new Promise((risolvi, rifiuta) => {
    const s = createServer();
    s.on('error', rifiuta);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => risolvi(port));
    });
  });
}

async function attendiStato(url, p, ms = 15_000) {
  const fine = Date.now() + ms;
  while (Date.now() < fine) {
    if (p.exitCode !== null) throw new Error(`WebKitWebDriver ended (${p.exitCode}): ${p.log()}`);
    try {
      const r = await fetch(url);
      if (r.ok && (await r.json()).value?.ready !== false) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer ${url} within ${ms / 1000} s: ${p.log()}`);
}

class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 1, // the real one is known once the driver is started, in initialize()
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        // No back/forward cache: the runner leaves each test file's page by navigating to about:blank, and WebKit would
        // keep that page alive, frozen, with any IndexedDB transaction it had in flight still open in the database
        // server; the next file's first readwrite (pulisciArchivio's clear) then waits behind it until the page is
        // evicted. Chromium and Firefox unload the page and abort its transactions: so does this.
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--enable-page-cache=false'] },
        // The runner waits for the test page to call back over its websocket, not for the load event: a navigation
        // command that returns at once cannot still be pending when the session ends (see startSession below).
        pageLoadStrategy: 'none',
      },
    });
    this.name = 'WebKit';
  }

  /**
   * @web/test-runner-webdriver's SessionManager starts the navigation to a test page without awaiting it
   * (queueStartSession). Under load WebKitWebDriver could still be waiting for that page's load event when the page's
   * tests had all run; when it was the last file, the runner deleted the session, which aborted the pending request,
   * and that rejection, handled by nobody, stopped the whole run ("Uncaught exception … This operation was aborted when
   * running "url""). Here the navigation is the same, and its failure is reported instead of crashing the runner: a
   * page that really did not load still fails its file, on the runner's own "tests did not start" timeout.
   */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    const sessioni = this.driverManager;
    sessioni.urlMap.set(id, url);
    this.driver.navigateTo(url).catch((e) => {
      // After its session ended the page's tests have all reported: the navigation's answer no longer matters.
      if (!sessioni.isActive(id))
        console.error(`WebKit: the navigation to ${url} was still waiting when its file ended (${e.message})`);
      else console.error(`WebKit: the navigation to ${url} failed: ${e.message}`);
    });
  }

  async initialize(config, testFiles) {
    fermaTuttiAllUscita();
    let display = process.env.DISPLAY;
    if (!display) {
      this.xvfb = await xvfb();
      display = this.xvfb.display;
    }
    const port = await portaLibera();
    this.driverProcess = avvia(WEBDRIVER, [`--port=${port}`], { ...process.env, DISPLAY: display });
    await attendiStato(`http://127.0.0.1:${port}/status`, this.driverProcess);
    this.options.port = port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /**
   * The page's viewport at `larghezza` × `altezza` CSS pixels, which the runner's setViewport does not do through
   * WebDriver: the window is sized, then corrected by what the browser's own frame takes (test/helpers.ts's finestra).
   */
  async finestra(larghezza, altezza) {
    const interno = () => this.driver.execute(() => [window.innerWidth, window.innerHeight]);
    await this.driver.setWindowSize(larghezza, altezza);
    const [l, a] = await interno();
    if (l !== larghezza || a !== altezza) {
      const { width, height } = await this.driver.getWindowSize();
      await this.driver.setWindowSize(width + larghezza - l, height + altezza - a);
    }
    return interno();
  }

  async stop() {
    await super.stop();
    // Waited for, so that Xvfb removes its socket and lock before the runner exits (the exit hook would SIGKILL it).
    await Promise.all([this.driverProcess, this.xvfb?.processo].filter(Boolean).map((p) => fermaEAttendi(p)));
  }
}

export function webkitLauncher() {
  return new WebKitLauncher();
}

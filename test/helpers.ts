// Shared by the browser tests: an isolated bucket of the help desk's server (test/server/plugin.ts), and a clean archive.
import { clear, createStore } from 'idb-keyval';
import type { Guasto } from '../demo/server/guasti.js';
import type { Registro, StatoRichiesta } from './server/registro.js';
import type { RichiestaSportello } from '../server/src/servizi/sportello.js';
import type { MailRaccolta } from '../server/test/raccoglitore.js';
import type { Orologio } from '../src/orologio.js';

export type { RichiestaSportello };

export interface Secchio {
  /** The endpoint's base: POST a request here, GET the session user's list, POST <endpoint>/<id>/messaggi. */
  endpoint: string;
  /**
   * GET /api/tempi-risposta of the server, on a database that holds test/server/storico.ts alone, behind this bucket's
   * faults.
   */
  tempiRisposta: string;
  /** The faults the next requests meet, in order (`su` limits one to a route). */
  guasti(g: Guasto[]): Promise<void>;
  /** What the server stored (requests, attachments without their bytes, mail) and every attempt the proxy saw. */
  registro(): Promise<Registro>;
  /**
   * Logs this bucket in as `utente` (an HttpOnly cookie for the bucket's path only), or out with null: the proxy then
   * sends the server that user's token, as a portal's backend would.
   */
  sessione(utente: string | null): Promise<void>;
  /** The portal's token for `utente` of this bucket, for a page that hands it to `headers` itself. */
  token(utente: string): Promise<string>;
  /**
   * The endpoint's options: how many requests a page of the list holds (20 unless set); the fewest requests the
   * response times are published from (the server's 30 unless set).
   */
  opzioni(o: { perPagina?: number; statisticheMinimo?: number }): Promise<void>;
  /** The help desk's routes under the bucket as a browser calls them (the console's base: its own cookie and Origin). */
  baseSportello: string;
  /**
   * Gives the bucket a server of its own, on an empty database (call it first): the whole queue is the test's. With
   * `posta: true` its ASSISTENZA_SMTP_URL is a mail server of its own (`smtp`); without, it sends no mail.
   */
  serverProprio(o?: { posta?: boolean }): Promise<void>;
  /** The mail server of the bucket's own server, over real SMTP (serverProprio({ posta: true })). */
  smtp: {
    /** From now on it refuses every recipient at RCPT TO with this code and text (550: a permanent refusal). */
    rifiuta(codice: number, testo: string): Promise<void>;
    /** From now on it accepts every mail. */
    accetta(): Promise<void>;
    /** The mails it accepted, in order. */
    ricevute(): Promise<MailRaccolta[]>;
  };
  /** Stops the bucket's own server (an afterEach): each holds an embedded PostgreSQL in memory until then. */
  chiudiServer(): Promise<void>;
  /** An operator on the bucket's server, to log in to the console with. */
  operatore(o: {
    utente: string;
    password: string;
    nome?: string;
    ruolo?: 'operatore' | 'amministratore';
  }): Promise<void>;
  /** The help desk's side of the bucket, as the harness's own administrator: the bucket's requests only. */
  sportello: {
    elenco(): Promise<RichiestaSportello[]>;
    /** The operator's reply; `stato` as the console's state picker (without it, ricevuta → in-lavorazione, others stay). */
    rispondi(
      id: string,
      testo: string,
      stato?: StatoRichiesta,
    ): Promise<{ id: string; stato: StatoRichiesta; inviataViaMailA?: string }>;
    cambiaStato(id: string, stato: StatoRichiesta): Promise<void>;
  };
}

async function invia(url: string, metodo: string, corpo: unknown): Promise<Response> {
  const res = await fetch(url, {
    method: metodo,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(corpo),
  });
  if (!res.ok) {
    throw new Error(`${metodo} ${url}: ${res.status} ${await res.text()}`);
  }
  return res;
}

/** A fresh endpoint of its own, so no test sees another's requests. */
export function nuovoSecchio(): Secchio {
  const base = `/prova/${crypto.randomUUID()}`;
  return {
    endpoint: `${base}/richieste`,
    tempiRisposta: `${base}/tempi-risposta`,
    async guasti(g) {
      await invia(`${base}/guasti`, 'POST', g);
    },
    async registro() {
      return (await fetch(`${base}/registro`)).json();
    },
    async sessione(utente) {
      await invia(`${base}/sessione`, 'POST', { utente });
    },
    async token(utente) {
      return ((await (await invia(`${base}/token`, 'POST', { utente })).json()) as { token: string }).token;
    },
    async opzioni(o) {
      await invia(`${base}/opzioni`, 'POST', o);
    },
    baseSportello: `${base}/sportello`,
    async serverProprio(o = {}) {
      await invia(`${base}/server`, 'POST', o);
    },
    smtp: {
      async rifiuta(codice, testo) {
        await invia(`${base}/smtp`, 'POST', { rifiuto: { codice, testo } });
      },
      async accetta() {
        await invia(`${base}/smtp`, 'POST', { rifiuto: null });
      },
      async ricevute() {
        const r = await fetch(`${base}/smtp`);
        if (!r.ok) throw new Error(`GET ${base}/smtp: ${r.status} ${await r.text()}`);
        return ((await r.json()) as { mail: MailRaccolta[] }).mail;
      },
    },
    async chiudiServer() {
      const r = await fetch(`${base}/server`, { method: 'DELETE' });
      if (!r.ok) throw new Error(`DELETE ${base}/server: ${r.status} ${await r.text()}`);
    },
    async operatore(o) {
      await invia(`${base}/operatori`, 'POST', o);
    },
    sportello: {
      async elenco() {
        return ((await (await fetch(`${base}/operatore/richieste`)).json()) as { richieste: RichiestaSportello[] })
          .richieste;
      },
      async rispondi(id, testo, stato) {
        return (await invia(`${base}/operatore/richieste/${id}/messaggi`, 'POST', { testo, stato })).json();
      },
      async cambiaStato(id, stato) {
        await invia(`${base}/operatore/richieste/${id}`, 'PATCH', { stato });
      },
    },
  };
}

/**
 * `p`, or a failure after `ms` that says what was awaited: a hook that hangs then names itself and what it waited for,
 * instead of the test runner's bare "Timeout of 20000ms exceeded" with no test named.
 */
export async function entro<T>(p: Promise<T>, ms: number, cosa: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scaduto = new Promise<never>((_, rifiuta) => {
    timer = setTimeout(() => rifiuta(new Error(`${cosa}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, scaduto]);
  } finally {
    clearTimeout(timer);
  }
}

/** The test file this page runs: the test runner imports it as a module, so it is among the page's resources. */
function fileDiTest(): string {
  const url = performance
    .getEntriesByType('resource')
    .map((r) => r.name)
    .find((n) => /\.test\.ts\b/.test(n));
  const percorso = url ? /\/(test\/[^?#]+\.test\.ts)/.exec(url) : null;
  return percorso ? percorso[1] : 'this test file';
}

/** navigator.onLine false, as a browser without a network says it; returns the function that restores it. */
export function fingiOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
  };
}

/** Empties drafts and queue (IndexedDB and the session's anonymous draft); as a mocha hook, names the hook when it hangs. */
export async function pulisciArchivio(this: Mocha.Context | void): Promise<void> {
  const hook = this?.test?.fullTitle() ?? 'a hook';
  const cosa = `${fileDiTest()}, ${hook}: clearing IndexedDB "assistenza-tecnica"`;
  await entro(clear(createStore('assistenza-tecnica', 'archivio')), 10_000, cosa);
  sessionStorage.clear();
}

/** Waits until `f` holds, polling; fails with `messaggio` after `ms`. */
export async function finche(
  f: () => boolean | Promise<boolean>,
  messaggio = 'condition not met',
  ms = 8000,
): Promise<void> {
  const fine = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > fine) throw new Error(`timeout: ${messaggio}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The shadow-DOM control with this exact accessible label text. */
export function campo<T extends HTMLElement = HTMLInputElement>(el: Element, etichetta: string): T {
  const root = el.shadowRoot!;
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === etichetta);
  if (!label) throw new Error(`no label "${etichetta}"`);
  return root.getElementById(label.htmlFor) as T;
}

/** Types into a field the way a user does: value plus an input event. */
export function scrivi(el: Element, etichetta: string, testo: string): void {
  const c = campo<HTMLInputElement | HTMLTextAreaElement>(el, etichetta);
  c.value = testo;
  // The event of the element's own realm: the field may live in another tab's iframe.
  const W = c.ownerDocument.defaultView as typeof window;
  c.dispatchEvent(new W.InputEvent('input', { bubbles: true, composed: true }));
}

export function pulsante(el: Element, nome: string): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === nome);
  if (!b) throw new Error(`no button "${nome}"`);
  return b;
}

export const stato = (el: Element) =>
  el.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim();
export const allarme = (el: Element) =>
  el.shadowRoot!.querySelector('[role=alert]')!.textContent!.replace(/\s+/g, ' ').trim();

/**
 * A controlled clock, the widget's Orologio: time moves only when the test says so, and the timers that fall due fire
 * in order, each at its own time.
 */
export class OrologioFinto implements Orologio {
  // The real time by default: other tabs in a test run on the real clock and must agree on what has expired.
  constructor(public adesso = Date.now()) {}
  #timer = new Set<{ quando: number; f: () => void }>();
  ora = () => this.adesso;
  programma = (f: () => void, ms: number) => {
    const t = { quando: this.adesso + ms, f };
    this.#timer.add(t);
    return () => void this.#timer.delete(t);
  };
  /** When the pending timers are due, earliest first. */
  get scadenze(): number[] {
    return [...this.#timer].map((t) => t.quando).sort((a, b) => a - b);
  }
  /** The earliest pending timer's due time, if any. */
  get prossimo(): number | undefined {
    return this.scadenze[0];
  }
  /** Moves time forward by `ms`, firing the timers that fall due; `dopoOgni` (an element's update, say) is awaited after each. */
  async avanza(ms: number, dopoOgni?: () => Promise<unknown>): Promise<void> {
    const fine = this.adesso + ms;
    for (;;) {
      const dovuti = [...this.#timer].filter((t) => t.quando <= fine).sort((a, b) => a.quando - b.quando);
      if (!dovuti.length) break;
      const t = dovuti[0];
      this.#timer.delete(t);
      this.adesso = t.quando;
      t.f();
      if (dopoOgni) await dopoOgni();
    }
    this.adesso = fine;
  }
}

/** Runs `f` with console.warn caught; returns its result and the warnings, each as the arguments it was called with. */
export async function conAvvisi<T>(f: () => T | Promise<T>): Promise<[T, unknown[][]]> {
  const avvisi: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...a: unknown[]) => avvisi.push(a);
  try {
    return [await f(), avvisi];
  } finally {
    console.warn = warn;
  }
}

/** Another tab: a same-origin iframe with its own realm, queue and tab id over the same IndexedDB. */
export interface Scheda {
  frame: HTMLIFrameElement;
  win: Window & {
    eventi: { tipo: string; detail: Record<string, unknown> & { id: string } }[];
    errori: string[];
    consegna: import('../src/delivery/consegna.js').Consegna;
  };
  el: HTMLElement & { updateComplete: Promise<boolean> };
  chiudi(): void;
}

export async function apriScheda(parametri: Record<string, string>): Promise<Scheda> {
  const frame = document.createElement('iframe');
  frame.src = `/test/pagine/scheda.html?${new URLSearchParams(parametri)}`;
  document.body.append(frame);
  await finche(() => !!(frame.contentWindow as unknown as { pronta?: boolean })?.pronta, 'tab loaded', 15000);
  const win = frame.contentWindow as Scheda['win'];
  const el = (win as unknown as { elemento: Scheda['el'] }).elemento;
  await el.updateComplete;
  return { frame, win, el, chiudi: () => frame.remove() };
}

/**
 * The viewport at `width` × `height` CSS pixels, as near as the engine allows: the runner's setViewport (Chromium and
 * Firefox, through puppeteer), WebKit's window sized through WebDriver; MiniBrowser's window keeps its toolbar's
 * width, about 450 px, at the least. Resolves with the width the page got.
 */
export async function finestra(width: number, height = 900): Promise<number> {
  const { setViewport, executeServerCommand } = await import('@web/test-runner-commands');
  const webdriver = await executeServerCommand<[number, number] | false, { width: number; height: number }>(
    'finestra',
    {
      width,
      height,
    },
  );
  if (webdriver === false) {
    await setViewport({ width, height });
    await finche(() => innerWidth === width, `a viewport ${width} px wide (it is ${innerWidth})`, 5000);
  }
  return innerWidth;
}

// Shared by the browser tests: an isolated bucket of the real test endpoint, and a clean archive.
import { clear, createStore } from 'idb-keyval';
import type { Ricevuta, StatoRichiesta } from '../demo/server/archivio.js';
import type { Guasto, VoceRegistro } from '../demo/server/guasti.js';
import type { Mail } from '../demo/server/posta.js';
import type { RichiestaSportello } from '../demo/server/sportello.js';

export type { RichiestaSportello };

export interface Secchio {
  /** The endpoint's base: POST a request here, GET the session user's list, POST <endpoint>/<id>/messaggi. */
  endpoint: string;
  /** The faults the next requests meet, in order (`su` limits one to a route). */
  guasti(g: Guasto[]): Promise<void>;
  registro(): Promise<{ ricevute: Ricevuta[]; tentativi: VoceRegistro[]; posta: Mail[] }>;
  /** Logs this bucket in as `utente` (an HttpOnly cookie for the bucket's path only), or out with null. */
  sessione(utente: string | null): Promise<void>;
  /** The endpoint's options: how many requests a page of the list holds (20 unless set). */
  opzioni(o: { perPagina: number }): Promise<void>;
  /** The help desk's side of the bucket. */
  sportello: {
    elenco(): Promise<RichiestaSportello[]>;
    /** The operator's reply; `stato` as the back-office's select (without it, ricevuta → in-lavorazione, others stay). */
    rispondi(id: string, testo: string, stato?: StatoRichiesta): Promise<{ id: string; stato: StatoRichiesta; inviataViaMailA?: string }>;
    cambiaStato(id: string, stato: StatoRichiesta): Promise<void>;
  };
}

async function invia(url: string, metodo: string, corpo: unknown): Promise<Response> {
  const res = await fetch(url, { method: metodo, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(corpo) });
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
    async guasti(g) {
      await invia(`${base}/guasti`, 'POST', g);
    },
    async registro() {
      return (await fetch(`${base}/registro`)).json();
    },
    async sessione(utente) {
      await invia(`${base}/sessione`, 'POST', { utente });
    },
    async opzioni(o) {
      await invia(`${base}/opzioni`, 'POST', o);
    },
    sportello: {
      async elenco() {
        return ((await (await fetch(`${base}/sportello/richieste`)).json()) as { richieste: RichiestaSportello[] }).richieste;
      },
      async rispondi(id, testo, stato) {
        return (await invia(`${base}/sportello/richieste/${id}/messaggi`, 'POST', { testo, stato })).json();
      },
      async cambiaStato(id, stato) {
        await invia(`${base}/sportello/richieste/${id}`, 'PATCH', { stato });
      },
    },
  };
}

/** Empties drafts and queue (IndexedDB and the session's anonymous draft). */
export async function pulisciArchivio(): Promise<void> {
  await clear(createStore('assistenza-tecnica', 'archivio'));
  sessionStorage.clear();
}

/** Waits until `f` holds, polling; fails with `messaggio` after `ms`. */
export async function finche(f: () => boolean | Promise<boolean>, messaggio = 'condition not met', ms = 8000): Promise<void> {
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

export const stato = (el: Element) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim();
export const allarme = (el: Element) => el.shadowRoot!.querySelector('[role=alert]')!.textContent!.replace(/\s+/g, ' ').trim();

/** A controlled clock for the queue: time moves only when the test says so. */
export class OrologioFinto {
  // Starts at the real time: other tabs in a test run on the real clock and must agree on what has expired.
  adesso = Date.now();
  private timer = new Map<number, { quando: number; f: () => void }>();
  private n = 0;
  ora = () => this.adesso;
  imposta = (f: () => void, ms: number) => {
    this.timer.set(++this.n, { quando: this.adesso + ms, f });
    return this.n;
  };
  annulla = (h: unknown) => void this.timer.delete(h as number);
  /** The earliest pending timer's due time, if any. */
  get prossimo(): number | undefined {
    const q = [...this.timer.values()].map((t) => t.quando);
    return q.length ? Math.min(...q) : undefined;
  }
  /** Moves time forward, firing the timers that fall due. */
  avanza(ms: number): void {
    this.adesso += ms;
    for (const [h, t] of [...this.timer]) {
      if (t.quando <= this.adesso) {
        this.timer.delete(h);
        t.f();
      }
    }
  }
}

/** Another tab: a same-origin iframe with its own realm, queue and tab id over the same IndexedDB. */
export interface Scheda {
  frame: HTMLIFrameElement;
  win: Window & { eventi: { tipo: string; detail: any }[]; errori: string[]; consegna: import('../src/delivery/coda.js').Consegna };
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

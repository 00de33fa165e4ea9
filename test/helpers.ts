// Shared by the browser tests: an isolated bucket of the real test endpoint, and a clean archive.
import { clear, createStore } from 'idb-keyval';
import type { Guasto, Ricevuta, Tentativo } from '../demo/server/endpoint.js';

export interface Secchio {
  /** POST here to reach the endpoint. */
  endpoint: string;
  /** The faults the next requests meet, in order. */
  guasti(g: Guasto[]): Promise<void>;
  registro(): Promise<{ ricevute: Ricevuta[]; tentativi: Tentativo[] }>;
}

/** A fresh endpoint of its own, so no test sees another's requests. */
export function nuovoSecchio(): Secchio {
  const base = `/prova/${crypto.randomUUID()}`;
  return {
    endpoint: `${base}/richieste`,
    async guasti(g) {
      await fetch(`${base}/guasti`, { method: 'POST', body: JSON.stringify(g) });
    },
    async registro() {
      return (await fetch(`${base}/registro`)).json();
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
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function pulsante(el: Element, nome: string): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === nome);
  if (!b) throw new Error(`no button "${nome}"`);
  return b;
}

export const stato = (el: Element) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim();
export const allarme = (el: Element) => el.shadowRoot!.querySelector('[role=alert]')!.textContent!.replace(/\s+/g, ' ').trim();

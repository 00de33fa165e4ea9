// The help desk's console as a person finds and uses it, for the browser tests that run it against a bucket's own
// server (test/helpers.ts): elements through the shadow roots, fields by their label, buttons by their name, the focus,
// the live region; a request as the portal's form sends it; the console mounted and logged in.
import { expect, fixture, html } from '@open-wc/testing';
import type { SportelloApp } from '../../sportello/src/index.js';
import { finche, finestra, nuovoSecchio, type Secchio } from '../helpers.js';

export const ANNA = { utente: 'anna', password: 'la-password-di-anna', nome: 'Anna Bianchi' };
export const CAPO = { utente: 'capo', password: 'la-password-del-capo', nome: 'Carla Capo' };
/** Every element matching `selettore` in `radice` and in the shadow roots below it, in document order. */
export function tutti<T extends Element = HTMLElement>(radice: ParentNode, selettore: string): T[] {
  const trovati: T[] = [];
  const visita = (r: ParentNode) => {
    for (const el of r.querySelectorAll('*')) {
      if (el.matches(selettore)) trovati.push(el as T);
      if (el.shadowRoot) visita(el.shadowRoot);
    }
  };
  if (radice instanceof Element && radice.shadowRoot) visita(radice.shadowRoot);
  visita(radice);
  return trovati;
}

/** The text a person reads in a node: white space folded. */
export const testo = (n: Element | undefined | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The control a label names, found in the label's own shadow root. */
export function campo<T extends HTMLElement = HTMLInputElement>(radice: ParentNode, etichetta: string): T {
  const label = tutti<HTMLLabelElement>(radice, 'label').find((l) => testo(l) === etichetta);
  if (!label) throw new Error(`no label "${etichetta}"`);
  return (label.getRootNode() as ShadowRoot).getElementById(label.htmlFor) as T;
}

export function pulsante(radice: ParentNode, nome: string): HTMLButtonElement {
  const b = tutti<HTMLButtonElement>(radice, 'button').find((x) => testo(x) === nome);
  if (!b) throw new Error(`no button "${nome}"`);
  return b;
}

/** What matches `selettore` inside the elements `tag` (a selector does not cross a shadow root). */
export const dentro = <T extends Element = HTMLElement>(radice: ParentNode, tag: string, selettore: string) =>
  tutti(radice, tag).flatMap((el) => tutti<T>(el, selettore));

export const link = (radice: ParentNode, nome: string) =>
  tutti<HTMLAnchorElement>(radice, 'a').find((a) => testo(a) === nome);

/** Types as a person does: the value, then an input event. */
export function scrivi(c: HTMLInputElement | HTMLTextAreaElement, valore: string): void {
  c.value = valore;
  c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The element that has the focus, through the shadow roots. */
export function focalizzato(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Whether `el` has the focus. A boolean, not the element: a failing comparison of two DOM nodes makes chai describe
 * whole trees, and the run hangs instead of failing.
 */
export const haIlFocus = (el: Element) => focalizzato() === el;
/** Where the focus is, for a failure's message. */
export const dove = () => `the focus is on ${focalizzato()?.tagName} «${testo(focalizzato()).slice(0, 40)}»`;

export const annunci = (app: Element) => testo(app.shadowRoot!.querySelector('[role=status]'));
export const allarmi = (app: Element) =>
  tutti(app, '[role=alert]')
    .map((a) => testo(a))
    .filter(Boolean);

/** A request as the form sends it, by `utente` of the bucket (a token of the portal) or anonymous. */
export async function creaRichiesta(s: Secchio, corpo: Record<string, unknown>, utente?: string) {
  const id = crypto.randomUUID();
  const intestazioni: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': id };
  if (utente !== undefined) intestazioni.Authorization = `Bearer ${await s.token(utente)}`;
  const r = await fetch(s.endpoint, {
    method: 'POST',
    headers: intestazioni,
    body: JSON.stringify({
      id,
      cognome: 'Rossi',
      nome: 'Mario',
      rispostaViaEmail: false,
      creataIl: new Date().toISOString(),
      ...corpo,
    }),
  });
  expect(r.status, await r.clone().text()).to.equal(201);
  return { id, numero: ((await r.json()) as { numero: number }).numero };
}

/** The user's reply to their request, as "Le mie richieste" sends it. */
export async function rispondeUtente(s: Secchio, utente: string, richiesta: string, testoRisposta: string) {
  const id = crypto.randomUUID();
  const r = await fetch(`${s.endpoint}/${richiesta}/messaggi`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': id,
      Authorization: `Bearer ${await s.token(utente)}`,
    },
    body: JSON.stringify({ id, testo: testoRisposta, inviatoIl: new Date().toISOString() }),
  });
  expect(r.status, await r.clone().text()).to.equal(201);
}

/**
 * The console on the bucket's help desk, refreshed every `aggiornamento` seconds. With `larghezza`, in a box that wide
 * when the window could not be made as narrow (WebKit's keeps its toolbar's width): the console lays itself out by its
 * own width.
 */
export async function monta(s: Secchio, o: { aggiornamento?: number; larghezza?: number } = {}): Promise<SportelloApp> {
  const stretta = o.larghezza !== undefined && innerWidth > o.larghezza ? `width: ${o.larghezza}px` : '';
  const contenitore = await fixture<HTMLDivElement>(
    html`<div style=${stretta}>
      <sportello-app base=${s.baseSportello} aggiornamento=${o.aggiornamento ?? 1}></sportello-app>
    </div>`,
  );
  const app = contenitore.querySelector('sportello-app')!;
  await finche(() => tutti(app, 'sportello-accesso, sportello-coda').length > 0, 'the login or the queue');
  return app;
}

/** Logs in through the form; resolves once the queue shows its list. */
export async function accedi(app: SportelloApp, utente = ANNA.utente, password = ANNA.password): Promise<void> {
  await finche(() => tutti(app, 'sportello-accesso').length > 0, 'the login form');
  scrivi(campo(app, 'Nome utente'), utente);
  scrivi(campo(app, 'Password'), password);
  pulsante(app, 'Accedi').click();
  await finche(() => dentro(app, 'sportello-coda', 'p.riepilogo').length > 0, 'the queue after the login');
}

/** The queue's requests as their links read, top to bottom. */
export const coda = (app: Element) => dentro(app, 'sportello-coda', 'a.apri').map((a) => testo(a));
export const voce = (app: Element, numero: number) =>
  tutti(app, 'ol.coda > li').find((li) => testo(li.querySelector('a.apri')) === `Richiesta n. ${numero}`);

/**
 * The hooks of a describe of console tests: each test gets a bucket with a server of its own (an empty database) and
 * these operators, handed to `usa`; the address's fragment is emptied after each, the window's size put back at the end.
 */
export function secchioPerTest(operatori: Parameters<Secchio['operatore']>[0][], usa: (s: Secchio) => void): void {
  let s: Secchio;
  let larghezza: number;
  let altezza: number;
  before(() => {
    larghezza = innerWidth;
    altezza = innerHeight;
  });
  beforeEach(async () => {
    s = nuovoSecchio();
    await s.serverProprio();
    for (const o of operatori) await s.operatore(o);
    usa(s);
  });
  afterEach(async () => {
    await s.chiudiServer();
    history.replaceState(null, '', location.pathname + location.search);
  });
  after(async () => {
    await finestra(larghezza, altezza);
  });
}

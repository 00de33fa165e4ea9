// The portal's personal menu, top right: "Bentornato, Mario Rossi" as a disclosure button (WAI-ARIA APG disclosure
// navigation): Enter or Space opens it, arrows move between its items, Escape or leaving it closes it.
import { firma, profiloAttivo, scegliProfilo } from './stato.js';

const VOCI = [
  { href: '/', testo: 'Le mie pratiche' },
  { href: '/assistenza.html', testo: 'Assistenza tecnica' },
  { href: '/richieste.html', testo: 'Le mie richieste' },
];

/** The help desk's replies the user has not opened, as <assistenza-richieste> last told (assistenza-nuove-risposte). */
let nonLette = 0;

/** "Le mie richieste" with its badge: the count, and for a screen reader the words after it ("2 nuove risposte"). */
function voceRichieste(a: HTMLAnchorElement): void {
  a.replaceChildren('Le mie richieste');
  if (!nonLette) return;
  const numero = document.createElement('span');
  numero.className = 'contatore';
  numero.textContent = String(nonLette);
  const parole = document.createElement('span');
  parole.className = 'visivamente-nascosto';
  parole.textContent = nonLette === 1 ? ' nuova risposta' : ' nuove risposte';
  a.append(' ', numero, parole);
}

/**
 * A portal page without the list still wants the badge: a hidden <assistenza-richieste> reads the user's requests (it
 * is the page's list on /richieste.html) and tells the count with its event.
 */
function seguiRisposte(utente: string | undefined): void {
  const visibile = document.querySelector('assistenza-richieste:not([data-per-il-menu])');
  if (visibile) return;
  let el = document.querySelector<HTMLElement>('assistenza-richieste[data-per-il-menu]');
  if (!utente) {
    el?.remove();
    nonLette = 0;
    return;
  }
  if (!el) {
    el = document.createElement('assistenza-richieste');
    el.hidden = true;
    el.setAttribute('data-per-il-menu', '');
    el.setAttribute('aggiornamento', '30');
    firma(el);
    document.body.append(el);
  }
  el.setAttribute('utente', utente);
}

export function montaMenu(nav: HTMLElement): void {
  let chiudi = (_rifocalizza: boolean) => {};
  const disegna = () => {
    chiudi = () => {};
    const p = profiloAttivo();
    seguiRisposte(p?.id);
    nav.replaceChildren();
    if (!p) {
      const accedi = document.createElement('button');
      accedi.type = 'button';
      accedi.className = 'accedi';
      accedi.textContent = 'Accedi';
      accedi.addEventListener('click', () => scegliProfilo('mrossi'));
      const assistenza = document.createElement('a');
      assistenza.href = '/assistenza.html';
      assistenza.textContent = 'Assistenza tecnica';
      nav.append(assistenza, accedi);
      return;
    }
    const pulsante = document.createElement('button');
    pulsante.type = 'button';
    pulsante.id = 'apri-menu-personale';
    pulsante.setAttribute('aria-expanded', 'false');
    pulsante.setAttribute('aria-controls', 'voci-personali');
    const nome = document.createElement('strong');
    nome.textContent = `${p.nome} ${p.cognome}`;
    pulsante.append('Bentornato, ', nome);

    const elenco = document.createElement('ul');
    elenco.id = 'voci-personali';
    elenco.hidden = true;
    for (const v of VOCI) {
      const a = document.createElement('a');
      a.href = v.href;
      a.textContent = v.testo;
      if (v.href === '/richieste.html') voceRichieste(a);
      if (new URL(v.href, location.href).pathname === location.pathname) a.setAttribute('aria-current', 'page');
      const li = document.createElement('li');
      li.append(a);
      elenco.append(li);
    }
    const esci = document.createElement('button');
    esci.type = 'button';
    esci.textContent = 'Esci';
    esci.addEventListener('click', () => {
      scegliProfilo('');
      nav.querySelector<HTMLElement>('button')?.focus();
    });
    const li = document.createElement('li');
    li.append(esci);
    elenco.append(li);

    const voci = () => [...elenco.querySelectorAll<HTMLElement>('a, button')];
    const apri = (si: boolean) => {
      pulsante.setAttribute('aria-expanded', String(si));
      elenco.hidden = !si;
    };
    pulsante.addEventListener('click', () => apri(!!elenco.hidden));
    pulsante.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown') return;
      e.preventDefault();
      apri(true);
      voci()[0].focus();
    });
    elenco.addEventListener('keydown', (e) => {
      const v = voci();
      const i = v.indexOf(document.activeElement as HTMLElement);
      const vai = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: v.length - 1 }[e.key];
      if (vai === undefined) return;
      e.preventDefault();
      v[(vai + v.length) % v.length].focus();
    });
    chiudi = (rifocalizza) => {
      if (elenco.hidden) return;
      apri(false);
      if (rifocalizza) pulsante.focus();
    };
    nav.append(pulsante, elenco);
  };
  nav.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') chiudi(true);
  });
  // Focus or a click elsewhere closes it, as a person expects of a menu.
  nav.addEventListener('focusout', (e) => {
    if (!nav.contains(e.relatedTarget as Node)) chiudi(false);
  });
  document.addEventListener('click', (e) => {
    if (!nav.contains(e.target as Node)) chiudi(false);
  });
  document.addEventListener('demo-stato', disegna);
  // Only the badge changes: the menu stays as it is (open, with the focus where it was).
  document.addEventListener('assistenza-nuove-risposte', (e) => {
    nonLette = e.detail.n;
    const voce = nav.querySelector<HTMLAnchorElement>('a[href="/richieste.html"]');
    if (voce) voceRichieste(voce);
  });
  disegna();
}

const nav = document.querySelector<HTMLElement>('[data-menu-personale]');
if (nav) montaMenu(nav);

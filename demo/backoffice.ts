// The help desk's back-office: what GET /api/sportello/richieste holds, newest first, refreshed every few seconds.
import type { RichiestaSportello } from './server/sportello.js';

const ora = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' });
const orario = new Intl.DateTimeFormat('it-IT', { timeStyle: 'medium', timeZone: 'Europe/Rome' });
const dove = document.querySelector<HTMLElement>('[data-richieste]')!;
const conteggio = document.querySelector<HTMLElement>('[data-conteggio]')!;
const aggiornato = document.querySelector<HTMLElement>('[data-aggiornato]')!;
let ultime = -1;

function cella(tag: 'td' | 'th', ...testi: (string | undefined)[]) {
  const c = document.createElement(tag);
  if (tag === 'th') c.scope = 'row';
  for (const t of testi.filter(Boolean)) {
    if (c.childNodes.length) c.append(document.createElement('br'));
    c.append(t!);
  }
  return c;
}

function tabella(ricevute: RichiestaSportello[]) {
  const t = document.createElement('table');
  t.className = 'elenco';
  t.createCaption().textContent = 'Richieste di assistenza, dalla più recente';
  const testa = t.createTHead().insertRow();
  for (const h of ['Numero', 'Ricevuta il', 'Richiedente', 'Contatti', 'Pratica', 'Descrizione del problema']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    testa.append(th);
  }
  const corpo = t.createTBody();
  for (const r of [...ricevute].sort((a, b) => b.numero - a.numero)) {
    const q = r;
    const riga = corpo.insertRow();
    riga.append(
      cella('th', String(r.numero)),
      cella('td', ora.format(new Date(r.ricevutaIl))),
      cella('td', `${q.cognome} ${q.nome}`),
      cella('td', q.email, q.telefono, q.rispostaViaEmail ? 'Risposta anche via mail' : undefined),
      cella('td', q.pratica?.tipologia, q.pratica?.numero),
      cella('td', q.descrizione),
    );
  }
  return t;
}

async function aggiorna() {
  try {
    const ricevute = ((await (await fetch('/api/sportello/richieste')).json()) as { richieste: RichiestaSportello[] }).richieste;
    // Only a change is announced, so the polling stays silent for screen readers.
    if (ricevute.length !== ultime) {
      ultime = ricevute.length;
      conteggio.textContent = ricevute.length === 1 ? '1 richiesta ricevuta.' : `${ricevute.length} richieste ricevute.`;
      dove.replaceChildren(ricevute.length ? tabella(ricevute) : '');
    }
    aggiornato.textContent = `Aggiornato alle ${orario.format(new Date())}.`;
  } catch {
    aggiornato.textContent = 'L’endpoint non risponde.';
  }
}

document.querySelector('[data-aggiorna]')!.addEventListener('click', () => void aggiorna());
void aggiorna();
setInterval(() => void aggiorna(), 3000);

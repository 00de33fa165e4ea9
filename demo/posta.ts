// The "Posta" page: the demo's mailbox (GET /posta/messaggi), newest first, refreshed every 3 s without touching what
// the user is typing; each mail's "Rispondi" sends the reply by SMTP to the help desk's server (POST /posta/rispondi).
import type { MailDemo } from './server/posta.js';
import { crea } from './pannello.js';

const dove = document.querySelector<HTMLElement>('[data-posta]');
const annuncio = document.querySelector<HTMLElement>('[data-annuncio-posta]');
const mostrate = new Set<string>();
const lista = crea('ol', { class: 'caselle', 'aria-label': 'Mail ricevute, dalla più recente' });
const vuota = crea(
  'p',
  {},
  'Nessuna mail nella casella. Invia una richiesta con «Invia la risposta anche via mail»: la risposta dell’assistenza arriva qui.',
);

const quando = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );

/** The mail's headers, as a mail program shows them when asked. */
function intestazioni(m: MailDemo): HTMLDListElement {
  const righe: [string, string | undefined][] = [
    ['Da', m.da],
    ['A', m.a],
    ['Rispondi a', m.rispondiA],
    ['Data', m.data === undefined ? undefined : quando(m.data)],
    ['Message-ID', m.messageId],
    ['In-Reply-To', m.inReplyTo],
    ['References', m.riferimenti.length > 0 ? m.riferimenti.join(' ') : undefined],
  ];
  const dl = crea('dl', { class: 'intestazioni' });
  for (const [nome, valore] of righe) {
    if (valore !== undefined) {
      dl.append(crea('dt', {}, nome), crea('dd', {}, valore));
    }
  }
  return dl;
}

/** The reply box: the text goes back by SMTP, and the server's answer is shown under it. */
function rispondi(m: MailDemo): HTMLFormElement {
  const id = `risposta-${m.id}`;
  const testo = crea('textarea', { id, name: 'testo', required: '' });
  const esito = crea('p', { class: 'esito-invio', role: 'status' });
  const invia = crea('button', { type: 'submit', class: 'pulsante' }, 'Rispondi');
  const modulo = crea(
    'form',
    { class: 'rispondi' },
    crea('label', { for: id }, 'La tua risposta'),
    testo,
    invia,
    esito,
  );
  modulo.addEventListener('submit', async (e) => {
    e.preventDefault();
    invia.disabled = true;
    esito.classList.remove('errore');
    esito.textContent = 'Invio in corso…';
    try {
      const r = await fetch('/posta/rispondi', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: m.id, testo: testo.value }),
      });
      const corpo = (await r.json()) as { messaggio?: string };
      if (r.ok) {
        testo.value = '';
        esito.textContent = 'Risposta inviata: il server dell’assistenza l’ha aggiunta alla richiesta.';
      } else {
        esito.classList.add('errore');
        esito.textContent = corpo.messaggio ?? `Risposta non inviata (HTTP ${r.status}).`;
      }
    } catch {
      esito.classList.add('errore');
      esito.textContent = 'Risposta non inviata: la demo non risponde.';
    } finally {
      invia.disabled = false;
    }
  });
  return modulo;
}

function voce(m: MailDemo): HTMLLIElement {
  const titolo = `mail-${m.id}`;
  const risposta =
    m.rispondiA === undefined ? crea('p', {}, 'Questa mail non ha un indirizzo di risposta.') : rispondi(m);
  return crea(
    'li',
    {},
    crea(
      'article',
      { class: 'mail', 'aria-labelledby': titolo },
      crea('h2', { id: titolo }, m.oggetto || '(senza oggetto)'),
      intestazioni(m),
      crea('pre', { class: 'testo-mail' }, m.testo),
      risposta,
    ),
  );
}

/** Adds the mails not shown yet on top (the list is newest first); announces them after the first reading. */
async function aggiorna(primaVolta: boolean): Promise<void> {
  const r = await fetch('/posta/messaggi');
  if (!r.ok || dove === null) {
    return;
  }
  const { mail } = (await r.json()) as { mail: MailDemo[] };
  const nuove = mail.filter((m) => !mostrate.has(m.id));
  for (const m of [...nuove].reverse()) {
    mostrate.add(m.id);
    lista.prepend(voce(m));
  }
  // Swapped only when it changes: moving the list would take the focus out of a reply being typed.
  const contenuto = mostrate.size > 0 ? lista : vuota;
  if (contenuto.parentElement !== dove) {
    dove.replaceChildren(contenuto);
  }
  if (!primaVolta && nuove.length > 0 && annuncio !== null) {
    annuncio.textContent = nuove.length === 1 ? `Nuova mail: ${nuove[0].oggetto}` : `${nuove.length} nuove mail.`;
  }
}

if (dove !== null) {
  void aggiorna(true).finally(() => {
    setInterval(() => void aggiorna(false).catch(() => {}), 3000);
  });
}

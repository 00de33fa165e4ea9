// The help desk's back-office: every request from GET /api/sportello/richieste, newest first, each opening to its thread
// and the operator's reply; refreshed every 3 s in place, announcing only what changed.
import type { RichiestaSportello } from '../server/src/servizi/sportello.js';
import type { StatoRichiesta } from '../src/elenco.js';
import { NOMI_STATI, VoceSportello, type AzioniSportello } from './backoffice-richiesta.js';

// The help desk's own routes. A real portal protects them with the help desk's authentication.
const SPORTELLO = '/api/sportello';

const orario = new Intl.DateTimeFormat('it-IT', { timeStyle: 'medium', timeZone: 'Europe/Rome' });
const righe = document.querySelector<HTMLTableSectionElement>('[data-righe]');
const scorre = document.querySelector<HTMLElement>('[data-scorre]');
const vuoto = document.querySelector<HTMLElement>('[data-vuoto]');
const annuncio = document.querySelector<HTMLElement>('[data-annuncio]');
const aggiornato = document.querySelector<HTMLElement>('[data-aggiornato]');

const voci = new Map<string, VoceSportello>();
/** What was shown at the last refresh, to announce only what changed since: the messages by the user, by id. */
const messaggiVisti = new Set<string>();
let primaVolta = true;

const dici = (testo: string) => {
  if (annuncio) {
    annuncio.textContent = testo;
  }
};

const richiesteInNumero = (n: number) => (n === 1 ? '1 richiesta ricevuta.' : `${n} richieste ricevute.`);

/** The server's Italian messaggio, or a plain one when the answer has none. */
async function errore(res: Response): Promise<Error> {
  try {
    const corpo = (await res.json()) as { messaggio?: string };
    return new Error(corpo.messaggio ?? `Errore ${res.status}.`);
  } catch {
    return new Error(`Errore ${res.status}.`);
  }
}

async function chiedi(percorso: string, metodo: string, corpo: unknown): Promise<Record<string, string>> {
  let res: Response;
  try {
    res = await fetch(`${SPORTELLO}${percorso}`, {
      method: metodo,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(corpo),
    });
  } catch {
    throw new Error('Il server della demo non risponde: riprova.');
  }
  if (!res.ok) {
    throw await errore(res);
  }
  return (await res.json()) as Record<string, string>;
}

const azioni: AzioniSportello = {
  async rispondi(r, testo, stato) {
    const esito = await chiedi(`/richieste/${r.id}/messaggi`, 'POST', { testo, stato });
    await aggiorna();
    const perMail = esito.inviataViaMailA === undefined ? '' : `, anche via mail a ${esito.inviataViaMailA}`;
    dici(`Risposta inviata alla richiesta n. ${r.numero}${perMail}. Stato: ${NOMI_STATI[stato]}.`);
  },
  async cambiaStato(r, stato: StatoRichiesta) {
    await chiedi(`/richieste/${r.id}`, 'PATCH', { stato });
    await aggiorna();
    dici(`Richiesta n. ${r.numero}: stato cambiato in ${NOMI_STATI[stato]}.`);
  },
};

/** Adds the requests not shown yet, each before the first older one (the list is newest first), and updates the rest. */
function mostra(richieste: RichiestaSportello[]): string[] {
  const novita: string[] = [];
  for (const r of richieste) {
    const gia = voci.get(r.id);
    if (gia !== undefined) {
      gia.aggiorna(r);
      continue;
    }
    const voce = new VoceSportello(r, azioni);
    voci.set(r.id, voce);
    const successiva = [...voci.values()].filter((v) => v.numero < r.numero).sort((a, b) => b.numero - a.numero)[0];
    righe?.insertBefore(voce.dettaglio, successiva?.riga ?? null);
    righe?.insertBefore(voce.riga, voce.dettaglio);
    novita.push(`Nuova richiesta n. ${r.numero}.`);
  }
  for (const r of richieste) {
    for (const m of r.messaggi) {
      if (!messaggiVisti.has(m.id) && m.autore === 'utente') {
        novita.push(`Richiesta n. ${r.numero}: nuovo messaggio dell’utente.`);
      }
      messaggiVisti.add(m.id);
    }
  }
  return novita;
}

async function aggiorna(): Promise<void> {
  let richieste: RichiestaSportello[];
  try {
    const res = await fetch(`${SPORTELLO}/richieste`);
    richieste = ((await res.json()) as { richieste: RichiestaSportello[] }).richieste;
  } catch {
    if (aggiornato) {
      aggiornato.textContent = 'Il server della demo non risponde.';
    }
    return;
  }
  const novita = mostra(richieste);
  if (scorre) {
    scorre.hidden = richieste.length === 0;
  }
  if (vuoto) {
    vuoto.hidden = richieste.length > 0;
  }
  // Only a change is announced, so the polling stays silent for screen readers.
  if (primaVolta) {
    dici(richiesteInNumero(richieste.length));
  } else if (novita.length > 0) {
    dici(novita.join(' '));
  }
  primaVolta = false;
  if (aggiornato) {
    aggiornato.textContent = `Aggiornato alle ${orario.format(new Date())}.`;
  }
}

document.querySelector('[data-aggiorna]')?.addEventListener('click', () => void aggiorna());
void aggiorna();
setInterval(() => void aggiorna(), 3000);

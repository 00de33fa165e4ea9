// One request in the back-office: its row in the list and, below it, the disclosure with its thread and the operator's
// reply form. Updated in place at every refresh, so what the operator types and which request is open are never lost.
import type { MessaggioSportello as Messaggio, RichiestaSportello } from '../server/src/servizi/sportello.js';
import type { StatoRichiesta } from '../src/elenco.js';

const ora = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Rome' });
const quando = (iso: string) => ora.format(new Date(iso));

/** The states in Italian, as the help desk reads them; an unknown one is shown as it comes. */
export const NOMI_STATI: Record<StatoRichiesta, string> = {
  ricevuta: 'Ricevuta',
  'in-lavorazione': 'In lavorazione',
  'attesa-utente': 'In attesa dell’utente',
  risolta: 'Risolta',
  chiusa: 'Chiusa',
};
const nomeStato = (s: string) => NOMI_STATI[s as StatoRichiesta] ?? s;

/** The states the operator may give with a reply or alone (a request is "ricevuta" only until someone looks at it). */
const STATI_SCELTI: StatoRichiesta[] = ['in-lavorazione', 'attesa-utente', 'risolta', 'chiusa'];

/** The select's choice before the operator touches it: what the server does without one (see sportello.ts). */
function statoProposto(stato: StatoRichiesta): StatoRichiesta {
  if (stato === 'ricevuta') {
    return 'in-lavorazione';
  }
  return stato;
}

const kb = (byte: number) => `${Math.max(1, Math.round(byte / 1024)).toLocaleString('it-IT')} KB`;

function crea<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributi: Record<string, string> = {},
  ...figli: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributi)) {
    el.setAttribute(k, v);
  }
  el.append(...figli);
  return el;
}

/** Sets a cell's lines (the ones present), only when they changed: an unchanged cell is not touched. */
function righe(cella: HTMLElement, testi: (string | undefined)[]): void {
  const presenti = testi.filter((t): t is string => t !== undefined && t !== '');
  const firma = JSON.stringify(presenti);
  if (cella.dataset.firma === firma) {
    return;
  }
  cella.dataset.firma = firma;
  cella.replaceChildren();
  for (const t of presenti) {
    if (cella.childNodes.length > 0) {
      cella.append(document.createElement('br'));
    }
    cella.append(t);
  }
}

/** What the operator did from the form; the page sends it and refreshes. */
export interface AzioniSportello {
  /** Each rejects with an Error whose message, in Italian, says what went wrong. */
  rispondi(r: RichiestaSportello, testo: string, stato: StatoRichiesta): Promise<void>;
  cambiaStato(r: RichiestaSportello, stato: StatoRichiesta): Promise<void>;
}

export class VoceSportello {
  readonly riga: HTMLTableRowElement;
  readonly dettaglio: HTMLTableRowElement;
  private celle: HTMLTableCellElement[];
  private apri: HTMLButtonElement;
  private conteggio: HTMLSpanElement;
  private titolo: HTMLHeadingElement;
  private allegati: HTMLUListElement;
  private messaggi: HTMLOListElement;
  private nessunMessaggio: HTMLParagraphElement;
  private testo: HTMLTextAreaElement;
  private stato: HTMLSelectElement;
  private errore: HTMLParagraphElement;
  private invia: HTMLButtonElement;
  private soloStato: HTMLButtonElement;
  private mostrati = new Set<string>();
  /** The operator chose a state: later refreshes leave the select alone. */
  private statoToccato = false;
  private attuale: RichiestaSportello;

  constructor(r: RichiestaSportello, azioni: AzioniSportello) {
    this.attuale = r;
    const id = r.id;
    this.riga = crea('tr');
    this.riga.dataset.id = id;
    this.celle = [crea('th', { scope: 'row' }), ...Array.from({ length: 7 }, () => crea('td'))];
    this.celle[3].className = 'contatti';
    this.celle[5].className = 'descrizione';
    this.conteggio = crea('span', { class: 'nota-cella' });
    this.apri = crea(
      'button',
      {
        type: 'button',
        class: 'pulsante-secondario',
        'aria-expanded': 'false',
        'aria-controls': `conversazione-${id}`,
      },
      'Conversazione',
      crea('span', { class: 'visivamente-nascosto' }, ` della richiesta n. ${r.numero}`),
    );
    this.celle[7].append(this.apri, this.conteggio);
    this.riga.append(...this.celle);

    this.titolo = crea('h2', { id: `titolo-conversazione-${id}` });
    this.allegati = crea('ul', { class: 'allegati-richiesta' });
    this.messaggi = crea('ol', { class: 'messaggi' });
    this.nessunMessaggio = crea('p', {}, 'Nessun messaggio dopo la richiesta.');
    this.testo = crea('textarea', { id: `risposta-${id}`, maxlength: '4000', rows: '4' });
    this.stato = crea(
      'select',
      { id: `stato-${id}` },
      ...STATI_SCELTI.map((s) => crea('option', { value: s }, nomeStato(s))),
    );
    this.errore = crea('p', { class: 'errore', id: `errore-${id}`, role: 'alert' });
    this.invia = crea('button', { type: 'submit', class: 'pulsante' }, 'Invia risposta');
    this.soloStato = crea('button', { type: 'button', class: 'pulsante-secondario' }, 'Cambia solo lo stato');
    const modulo = crea(
      'form',
      { class: 'risposta', 'aria-labelledby': `titolo-conversazione-${id}` },
      crea('label', { for: this.testo.id }, `Risposta alla richiesta n. ${r.numero}`),
      this.testo,
      crea('label', { for: this.stato.id }, `Stato della richiesta n. ${r.numero}`),
      this.stato,
      this.errore,
      crea('div', { class: 'azioni' }, this.invia, this.soloStato),
    );
    const conversazione = crea(
      'div',
      { class: 'conversazione' },
      this.titolo,
      this.allegati,
      this.messaggi,
      this.nessunMessaggio,
      modulo,
    );
    this.dettaglio = crea(
      'tr',
      { class: 'riga-conversazione', id: `conversazione-${id}` },
      crea('td', { colspan: '8' }, conversazione),
    );
    this.dettaglio.hidden = true;

    this.apri.addEventListener('click', () => this.espandi(this.apri.getAttribute('aria-expanded') !== 'true'));
    this.stato.addEventListener('change', () => {
      this.statoToccato = true;
    });
    modulo.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.inviaRisposta(azioni);
    });
    this.soloStato.addEventListener(
      'click',
      () => void this.esegui(() => azioni.cambiaStato(this.attuale, this.stato.value as StatoRichiesta)),
    );
    this.aggiorna(r);
  }

  get numero(): number {
    return this.attuale.numero;
  }

  espandi(aperta: boolean): void {
    this.dettaglio.hidden = !aperta;
    this.apri.setAttribute('aria-expanded', String(aperta));
  }

  /** Shows the request as it is now; appends only the messages not shown yet. */
  aggiorna(r: RichiestaSportello): void {
    this.attuale = r;
    const chi = r.utente === null ? 'non collegato al portale' : `utente ${r.utente}`;
    const viaMail = r.rispostaViaEmail ? 'Risposta anche via mail' : undefined;
    righe(this.celle[0], [String(r.numero)]);
    righe(this.celle[1], [quando(r.ricevutaIl)]);
    righe(this.celle[2], [`${r.cognome} ${r.nome}`, chi]);
    righe(this.celle[3], [r.email, r.telefono, viaMail]);
    righe(this.celle[4], [r.pratica?.tipologia, r.pratica?.numero]);
    righe(this.celle[5], [r.descrizione]);
    righe(this.celle[6], [nomeStato(r.stato)]);
    righe(this.conteggio, [messaggiInNumero(r.messaggi.length)]);
    righe(this.titolo, [`Richiesta n. ${r.numero}: conversazione`]);
    this.mostraAllegati(r);
    for (const m of r.messaggi) {
      if (!this.mostrati.has(m.id)) {
        this.mostrati.add(m.id);
        this.messaggi.append(this.messaggio(r, m));
      }
    }
    this.messaggi.hidden = r.messaggi.length === 0;
    this.nessunMessaggio.hidden = r.messaggi.length > 0;
    if (!this.statoToccato) {
      this.stato.value = statoProposto(r.stato);
    }
  }

  private mostraAllegati(r: RichiestaSportello): void {
    const firma = JSON.stringify(r.allegati);
    if (this.allegati.dataset.firma === firma) {
      return;
    }
    this.allegati.dataset.firma = firma;
    this.allegati.hidden = r.allegati.length === 0;
    this.allegati.setAttribute('aria-label', 'Allegati');
    this.allegati.replaceChildren(
      ...r.allegati.map((a) =>
        crea('li', {}, crea('a', { href: a.indirizzo, download: a.nome }, a.nome), ` (${kb(a.dimensione)})`),
      ),
    );
  }

  private messaggio(r: RichiestaSportello, m: Messaggio): HTMLLIElement {
    const autore = m.autore === 'assistenza' ? 'Assistenza' : `${r.nome} ${r.cognome} (utente)`;
    const voce = crea(
      'li',
      { class: `messaggio messaggio-${m.autore}` },
      crea('p', {}, crea('strong', {}, autore), ' · ', crea('time', { datetime: m.inviatoIl }, quando(m.inviatoIl))),
      crea('p', { class: 'testo' }, m.testo),
    );
    if (m.inviataViaMailA !== undefined) {
      voce.append(crea('p', { class: 'via-mail' }, `Inviata anche via mail a ${m.inviataViaMailA}`));
    }
    return voce;
  }

  private async inviaRisposta(azioni: AzioniSportello): Promise<void> {
    if (this.testo.value.trim() === '') {
      this.segnala('Scrivi il testo della risposta.');
      this.testo.setAttribute('aria-invalid', 'true');
      this.testo.setAttribute('aria-describedby', this.errore.id);
      this.testo.focus();
      return;
    }
    const inviata = await this.esegui(() =>
      azioni.rispondi(this.attuale, this.testo.value, this.stato.value as StatoRichiesta),
    );
    if (inviata) {
      this.testo.value = '';
      this.statoToccato = false;
    }
  }

  /** Runs one of the operator's actions with the buttons disabled (no double send); true when it went through. */
  private async esegui(azione: () => Promise<void>): Promise<boolean> {
    this.segnala('');
    this.testo.removeAttribute('aria-invalid');
    this.testo.removeAttribute('aria-describedby');
    this.invia.disabled = true;
    this.soloStato.disabled = true;
    try {
      await azione();
      return true;
    } catch (e) {
      this.segnala((e as Error).message);
      return false;
    } finally {
      this.invia.disabled = false;
      this.soloStato.disabled = false;
    }
  }

  /** What went wrong, right under the form (an alert: it is read out at once). */
  private segnala(messaggio: string): void {
    this.errore.textContent = messaggio;
  }
}

function messaggiInNumero(n: number): string {
  if (n === 0) {
    return 'nessun messaggio';
  }
  if (n === 1) {
    return '1 messaggio';
  }
  return `${n} messaggi`;
}

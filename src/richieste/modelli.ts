// The templates of <assistenza-richieste>: a request as a disclosure, its thread, the reply box, the requests still in
// this browser's queue. Rendering only: the element owns the state and what a click or a keystroke does.
import { html, nothing } from 'lit';
import { STATI_RICHIESTA, type RichiestaUtente, type MessaggioRichiesta } from '../elenco.js';
import type { VoceRichiesta, VoceRisposta } from '../delivery/consegna.js';
import { formatta, type Testi } from '../i18n/index.js';
import { primaRiga, quando, ultimaAttivita, type Filtro } from './riepilogo.js';

type T = Testi['richieste'];

/** Dates and times in Europe/Rome, whatever the visitor's zone, in the element's language. */
export function formatoOrario(locale: string) {
  const dataEOra = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' });
  const ora = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Rome' });
  return {
    dataEOra: (istante: string | number) => dataEOra.format(new Date(istante)),
    ora: (istante: number) => ora.format(new Date(istante)),
  };
}

export type Orari = ReturnType<typeof formatoOrario>;

/** A state by its label; an unknown key as it comes. */
export const etichettaStato = (stato: string, t: T) => t.stati[stato] ?? stato;

/** Why a request or reply still waits: offline, or the service not answering and when it is tried again. */
export function motivoAttesa(v: VoceRichiesta | VoceRisposta, t: T, orari: Orari): string {
  if (v.tentativi === 0) return '';
  if (v.ultimoErrore === 'offline') return t.motivoOffline;
  return formatta(t.motivoServizio, { ora: orari.ora(v.prossimoTentativo) });
}

/** The practice as the portal writes it: "SCIA 123/2026"; empty when the request names none. */
const praticaDi = (r: RichiestaUtente) => [r.pratica?.tipologia, r.pratica?.numero].filter(Boolean).join(' ');

export interface Riga {
  r: RichiestaUtente;
  /** Whether the help desk replied since the user last opened it. */
  nuove: boolean;
  /** Now (ms), for "oggi" and "ieri". */
  ora: number;
  t: T;
}

/** What a closed row says, in the order it shows it; an absent first line, reply or practice is empty. */
export interface PartiRiga {
  numero: string;
  stato: string;
  riga: string;
  nuova: string;
  pratica: string;
  aggiornamento: string;
}

/** A row's texts, worked out once for its name and its content (at every render: refreshes included). */
export function partiRiga({ r, nuove, ora, t }: Riga): PartiRiga {
  return {
    numero: formatta(t.numero, { numero: r.numero }),
    stato: etichettaStato(r.stato, t),
    riga: primaRiga(r.descrizione),
    nuova: nuove ? t.nuovaRisposta : '',
    pratica: praticaDi(r),
    aggiornamento: quando(ultimaAttivita(r), ora, t),
  };
}

/**
 * The accessible name of a closed row's disclosure: every text it shows, in its order, with the pauses a screen reader
 * needs ("Richiesta n. 12, In lavorazione, Non riesco…, Nuova risposta, SCIA 123/2026, Ultimo aggiornamento: …").
 */
export function nomeRiga(p: PartiRiga, t: T): string {
  const aggiornamento = formatta(t.ultimoAggiornamento, { quando: p.aggiornamento });
  return [p.numero, p.stato, p.riga, p.nuova, p.pratica, aggiornamento].filter(Boolean).join(', ');
}

/**
 * What a closed row shows inside its disclosure button: the number and the state's badge; the description's first
 * line; "Nuova risposta" as a badge of its own, the practice and the last update.
 */
export function riga(p: PartiRiga, r: RichiestaUtente, t: T) {
  // A state the widget does not know keeps its text, in a neutral badge.
  const noto = (STATI_RICHIESTA as readonly string[]).includes(r.stato);
  // "Ultimo aggiornamento: {quando}" around a <time> that carries the instant itself.
  const [prima, dopo = ''] = t.ultimoAggiornamento.split('{quando}');
  return html`<span class="testata">
      <span class="numero">${p.numero}</span>
      <span part="badge" class="badge" data-stato=${noto ? r.stato : 'altro'}>${p.stato}</span>
    </span>
    ${p.riga ? html`<span part="summary" class="oggetto">${p.riga}</span>` : nothing}
    <span class="meta">
      ${p.nuova ? html`<span part="badge" class="badge nuova">${p.nuova}</span>` : nothing}
      ${p.pratica ? html`<span class="pratica">${p.pratica}</span>` : nothing}
      <span class="aggiornamento">${prima}<time datetime=${r.aggiornataIl}>${p.aggiornamento}</time>${dopo}</span>
    </span>`;
}

export interface SceltaFiltro {
  valore: Filtro;
  aperte: number;
  tutte: number;
  t: T;
  scegli: (f: Filtro) => void;
}

/** "Mostra: Aperte 2 · Tutte 5" as a radio group: one choice, and arrows move between them as in any radio group. */
export function filtro(f: SceltaFiltro) {
  const scelta = (valore: Filtro, etichetta: string, quante: number) =>
    html`<label class="scelta">
      <input
        type="radio"
        name="filtro"
        value=${valore}
        .checked=${f.valore === valore}
        @change=${() => f.scegli(valore)}
      />
      ${etichetta} <span class="conteggio">${quante}</span>
    </label>`;
  return html`<div part="filter" role="radiogroup" aria-labelledby="filtro-titolo">
    <span id="filtro-titolo" class="filtro-titolo">${f.t.mostra}</span>
    ${scelta('aperte', f.t.aperte, f.aperte)} ${scelta('tutte', f.t.tutte, f.tutte)}
  </div>`;
}

/**
 * The requests of this user that have not reached the server yet: first in the list. `inviabiliQui` false: this page
 * reports another user too, and does not send them (each says so).
 */
export function richiesteInAttesa(voci: VoceRichiesta[], t: T, orari: Orari, inviabiliQui: boolean) {
  if (!voci.length) return nothing;
  const motivo = (v: VoceRichiesta) => (inviabiliQui ? motivoAttesa(v, t, orari) : t.motivoAltroUtente);
  return html`<ul part="waiting">
    ${voci.map(
      (v) =>
        html`<li>
          <strong>${t.inAttesaDiInvio}</strong>${motivo(v) ? html`: ${motivo(v)}` : nothing}
          <p class="testo">${v.richiesta.descrizione}</p>
        </li>`,
    )}
  </ul>`;
}

export interface Filo {
  r: RichiestaUtente;
  /** This user's replies to `r` still in the queue, not yet in the server's thread. */
  inCoda: VoceRisposta[];
  t: T;
  orari: Orari;
}

function messaggio(m: MessaggioRichiesta, { t, orari }: Filo, segno?: string) {
  return html`<li part="message" class=${m.autore}>
    <p class="intestazione-messaggio">
      <strong>${m.autore === 'assistenza' ? t.assistenza : t.tu}</strong>
      <time datetime=${m.inviatoIl}>${orari.dataEOra(m.inviatoIl)}</time>
      ${segno ? html`<span class="segno">${segno}</span>` : nothing}
    </p>
    <p class="testo">${m.testo}</p>
  </li>`;
}

/** The thread after the request: the server's messages, then the user's replies still on their way. */
export function filo(f: Filo) {
  const { r, inCoda, t } = f;
  const inViaggio = inCoda.filter((v) => v.stato === 'in-coda');
  if (!r.messaggi.length && !inViaggio.length) return nothing;
  return html`<ol part="thread" aria-label=${t.conversazione}>
    ${r.messaggi.map((m) => messaggio(m, f))}
    ${inViaggio.map((v) => messaggio({ id: v.id, autore: 'utente', testo: v.risposta.testo, inviatoIl: v.risposta.inviatoIl }, f, v.tentativi ? t.inCoda : t.inInvio))}
  </ol>`;
}

/** The description, the practice, the date and the attachments' names. */
export function dettagli(r: RichiestaUtente, t: T, orari: Orari) {
  const pratica = praticaDi(r);
  const allegati = r.allegati ?? [];
  return html`<p>${formatta(t.inviataIl, { data: orari.dataEOra(r.creataIl) })}</p>
    <p class="testo" part="description">${r.descrizione}</p>
    ${pratica ? html`<p><strong>${t.pratica}</strong> ${pratica}</p>` : nothing}
    ${allegati.length ? html`<p><strong>${t.allegati}</strong> ${allegati.map((a) => a.nome).join(', ')}</p>` : nothing}`;
}

export interface BoxRisposta {
  id: string;
  valore: string;
  errore?: string;
  t: T;
  alCambio: (testo: string) => void;
  invia: (e: Event) => void;
}

/** The reply box of an open request that is not closed. */
export function boxRisposta(b: BoxRisposta) {
  const campo = `risposta-${b.id}`;
  return html`<form part="reply" novalidate @submit=${b.invia}>
    <label part="label" for=${campo}>${b.t.tuaRisposta}</label>
    <textarea
      part="input"
      id=${campo}
      rows="4"
      aria-invalid=${!!b.errore}
      aria-describedby=${b.errore ? `errore-${campo}` : nothing}
      .value=${b.valore}
      @input=${(e: Event) => b.alCambio((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${b.errore ? html`<p part="error" id="errore-${campo}">${b.errore}</p>` : nothing}
    <button part="button" type="submit">${b.t.inviaRisposta}</button>
  </form>`;
}

/** A reply that will not be sent any more (refused while a new draft was there, or past the retention): its text to copy. */
export function risposteFerme(voci: VoceRisposta[], t: T, giorni: number, elimina: (id: string) => void) {
  return voci.map((v) => {
    const perche =
      v.stato === 'scaduta'
        ? formatta(t.rispostaScaduta, { giorni })
        : formatta(t.rispostaRespinta, { messaggio: v.messaggio ?? '' });
    return html`<div part="notice" role="group" aria-label=${perche}>
      <p>${perche}</p>
      <p class="testo">${v.risposta.testo}</p>
      <button part="button" type="button" @click=${() => navigator.clipboard?.writeText(v.risposta.testo)}>
        ${t.copia}
      </button>
      <button part="button" type="button" @click=${() => elimina(v.id)}>${t.elimina}</button>
    </div>`;
  });
}

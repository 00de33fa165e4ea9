// The queue's plain logic: the filters with their counts, what the list says about itself, and what changed between
// two reads (new requests, new replies from users) in the words a screen reader announces.
import { STATI_RICHIESTA, type StatoRichiesta } from '../../src/stati.js';
import type { CodaSportello, VoceCoda } from './api.js';
import { STATI, testi } from './testi.js';
import { aggiornata, inAttesaDa } from './tempo.js';

/** A filter of the queue: every request, or one state. */
export type Filtro = 'tutte' | StatoRichiesta;

export interface OpzioneFiltro {
  valore: Filtro;
  etichetta: string;
  n: number;
}

/** "Tutte" then each state, in the order a request goes through them, each with how many requests are in it. */
export function opzioniFiltro(conteggi: CodaSportello['conteggi'] | undefined): OpzioneFiltro[] {
  const n = (s: StatoRichiesta) => conteggi?.[s] ?? 0;
  const tutte = STATI_RICHIESTA.reduce((somma, s) => somma + n(s), 0);
  return [
    { valore: 'tutte', etichetta: testi.coda.tutte, n: tutte },
    ...STATI_RICHIESTA.map((s) => ({ valore: s, etichetta: STATI[s], n: n(s) })),
  ];
}

/** A filter read from a radio button's value; anything else is every request. */
export const filtroDa = (valore: string): Filtro =>
  (STATI_RICHIESTA as readonly string[]).includes(valore) ? (valore as StatoRichiesta) : 'tutte';

/** What the list holds: "12 richieste", "3 richieste trovate per «rossi»", and when the list is cut. */
export function riepilogo(coda: CodaSportello, cerca: string): string {
  const quante = cerca === '' ? testi.coda.quante(coda.totale) : testi.coda.trovate(coda.totale, cerca);
  if (coda.richieste.length < coda.totale) {
    return `${quante}. ${testi.coda.prime(coda.richieste.length, coda.totale)}`;
  }
  return `${quante}.`;
}

/** States in which a request waits for nobody at the help desk: solved, closed, or waiting for the user. */
const NON_ATTENDONO: readonly string[] = ['risolta', 'chiusa', 'attesa-utente'];

/** The request waits for the help desk (the server's order puts these first): since `inAttesaDal`. */
export const attendeLoSportello = (r: Pick<VoceCoda, 'stato' | 'inAttesaDal'>) =>
  r.inAttesaDal !== undefined && !NON_ATTENDONO.includes(r.stato);

/** "in attesa da 2 ore" for a request waiting for the help desk, "aggiornata 3 giorni fa" for any other; and since when. */
export function attesa(r: Pick<VoceCoda, 'stato' | 'inAttesaDal' | 'aggiornataIl'>, ora: number) {
  if (attendeLoSportello(r) && r.inAttesaDal !== undefined) {
    return { dal: r.inAttesaDal, testo: inAttesaDa(r.inAttesaDal, ora) };
  }
  return { dal: r.aggiornataIl, testo: aggiornata(r.aggiornataIl, ora) };
}

/** Something to say once: its key tells the same news from two places apart from two pieces of news. */
export interface Novita {
  chiave: string;
  testo: string;
}

/** The key of "the user wrote in this request, which now has this many messages". */
export const chiaveRispostaUtente = (id: string, messaggi: number) => `risposta:${id}:${messaggi}`;

/** More pieces of news than this at once are said as a count. */
const MASSIMO_DETTAGLIATO = 3;

/**
 * What arrived between two reads of the same list: requests not there before, and requests whose user wrote again
 * (more messages, the last one theirs). Requests that left the list (answered by someone, filtered out) say nothing.
 */
export function novita(prima: VoceCoda[], dopo: VoceCoda[]): Novita[] {
  const viste = new Map(prima.map((r) => [r.id, r]));
  const nuove: Novita[] = [];
  for (const r of dopo) {
    const gia = viste.get(r.id);
    if (gia === undefined) {
      nuove.push({ chiave: `richiesta:${r.id}`, testo: testi.annunci.nuovaRichiesta(r.numero) });
      continue;
    }
    if (r.nuovaRispostaUtente && r.messaggi > gia.messaggi) {
      nuove.push({
        chiave: chiaveRispostaUtente(r.id, r.messaggi),
        testo: testi.annunci.nuovaRisposta(r.numero),
      });
    }
  }
  if (nuove.length > MASSIMO_DETTAGLIATO) {
    return [{ chiave: nuove.map((n) => n.chiave).join(' '), testo: testi.annunci.molte(nuove.length) }];
  }
  return nuove;
}

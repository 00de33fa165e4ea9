// What a closed row of "Le mie richieste" says about a request, and the order and filter of the rows: plain functions,
// no DOM, so that the cut of a description, a date in Rome and the order are tested without an element.
import type { RichiestaUtente } from '../elenco.js';
import { formatta, type Testi } from '../i18n/index.js';
import { GIORNO, dueCifre, inRoma } from '../orari/roma.js';

/** "Aperte": the requests that are neither solved nor closed; "Tutte": every one. */
export type Filtro = 'aperte' | 'tutte';

/** How long the description's first line may be in a closed row, about (a cut falls on the word boundary before). */
export const LUNGHEZZA_RIGA = 80;

const STATI_CHIUSI = ['risolta', 'chiusa'];

/** Open: not solved and not closed; a state the widget does not know counts as open, since nobody said it is over. */
export const aperta = (r: RichiestaUtente) => !STATI_CHIUSI.includes(r.stato);

/** The help desk is waiting for the user: such a request needs them before any other. */
export const attendeUtente = (r: RichiestaUtente) => r.stato === 'attesa-utente';

/** When the request last moved, as the server counts it (its state, a message of either side). */
export const ultimaAttivita = (r: RichiestaUtente) => Date.parse(r.aggiornataIl);

/**
 * The first line of the description that has any text, whole when it fits in `massimo` characters; otherwise cut on
 * the last word boundary within them and ended with "…". A word that would leave less than half of it (a long address
 * or file name) is cut inside instead, so the row still says something.
 */
export function primaRiga(descrizione: string, massimo = LUNGHEZZA_RIGA): string {
  const riga = descrizione
    .split(/\r\n|\r|\n/)
    .map((r) => r.trim())
    .find((r) => r !== '');
  if (riga === undefined) return '';
  // By code points, so that an emoji or an accented letter written in two is never split in half.
  const caratteri = [...riga];
  if (caratteri.length <= massimo) return riga;
  const testa = caratteri.slice(0, massimo).join('');
  // The character after the cut is a space: the cut already falls between two words.
  const traDueParole = /\s/u.test(caratteri[massimo]);
  const ultimoSpazio = testa.search(/\s\S*$/u);
  const confineUtile = ultimoSpazio >= massimo / 2;
  let taglio = testa;
  if (!traDueParole && confineUtile) taglio = testa.slice(0, ultimoSpazio);
  // A comma or colon left before the "…" reads as a typo.
  return `${taglio.replace(/[\s,;:]+$/u, '')}…`;
}

/** The texts a date of a row is written with. */
type TestiData = Pick<Testi['richieste'], 'oggiAlle' | 'ieriAlle' | 'giornoMese' | 'giornoMeseAnno' | 'mesi'>;

/**
 * An instant as a person reads it in Rome, whatever the visitor's zone: "oggi alle 10:01" and "ieri alle 18:30" for the
 * last two calendar days, else "3 dic, 10:01", with the year when it is not this year's ("3 dic 2025, 10:01").
 */
export function quando(istante: number, ora: number, t: TestiData): string {
  // Rome's wall clocks, then and now, written as UTC times: their UTC fields are Rome's date and time.
  const allora = inRoma(istante);
  const adesso = inRoma(ora);
  const giorno = Math.floor(allora / GIORNO);
  const oggi = Math.floor(adesso / GIORNO);
  const data = new Date(allora);
  const orario = `${dueCifre(data.getUTCHours())}:${dueCifre(data.getUTCMinutes())}`;
  if (giorno === oggi) return formatta(t.oggiAlle, { ora: orario });
  if (giorno === oggi - 1) return formatta(t.ieriAlle, { ora: orario });
  const anno = data.getUTCFullYear();
  const valori = { giorno: data.getUTCDate(), mese: t.mesi[data.getUTCMonth()], anno, ora: orario };
  const questAnno = anno === new Date(adesso).getUTCFullYear();
  return formatta(questAnno ? t.giornoMese : t.giornoMeseAnno, valori);
}

/**
 * The rows' order: the requests waiting for the user's reply first, then by last activity, newest first; requests
 * that moved at the same instant keep the server's order (the sort is stable).
 */
export function ordina(richieste: RichiestaUtente[]): RichiestaUtente[] {
  // Each date read once, not at every comparison: the list is sorted at every render, refreshes included.
  const voci = richieste.map((r) => ({ r, attesa: Number(attendeUtente(r)), istante: ultimaAttivita(r) }));
  voci.sort((a, b) => {
    if (a.attesa !== b.attesa) return b.attesa - a.attesa;
    return b.istante - a.istante;
  });
  return voci.map((v) => v.r);
}

/** The requests the filter shows. */
export const filtrate = (richieste: RichiestaUtente[], filtro: Filtro) =>
  filtro === 'aperte' ? richieste.filter(aperta) : richieste;

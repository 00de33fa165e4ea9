// How the console says time: how long a request has waited ("in attesa da 2 ore"), when a locked login may try again,
// when a mail left or will be tried ("3 dic, 10:01", "alle 10:15"), dates and times in Europe/Rome whatever the
// operator's computer says.
import { testi } from './testi.js';

const MINUTO = 60_000;
const ORA = 60 * MINUTO;
const GIORNO = 24 * ORA;

/** A span of time in whole units, rounded down: "meno di un minuto", "1 minuto", "5 ore", "3 giorni". */
export function durata(ms: number): string {
  if (ms < MINUTO) {
    return testi.tempo.meno;
  }
  if (ms < ORA) {
    return testi.tempo.minuti(Math.floor(ms / MINUTO));
  }
  if (ms < GIORNO) {
    return testi.tempo.ore(Math.floor(ms / ORA));
  }
  return testi.tempo.giorni(Math.floor(ms / GIORNO));
}

/** Milliseconds from an ISO instant to `ora`; a date ahead of the clock (a skewed computer) counts as now. */
const trascorsi = (istante: string, ora: number) => Math.max(0, ora - Date.parse(istante));

/** "in attesa da 2 ore": how long a request has waited for the help desk. */
export const inAttesaDa = (dal: string, ora: number) => testi.tempo.inAttesaDa(durata(trascorsi(dal, ora)));

/** "aggiornata 3 giorni fa": a request that waits for nobody at the help desk. */
export function aggiornata(il: string, ora: number): string {
  const ms = trascorsi(il, ora);
  if (ms < MINUTO) {
    return testi.tempo.adesso;
  }
  return testi.tempo.aggiornata(durata(ms));
}

/** "tra 15 minuti": a wait in seconds (Retry-After), rounded up to the minute, never "tra 0 minuti". */
export function traQuanto(secondi: number): string {
  const minuti = Math.max(1, Math.ceil(secondi / 60));
  if (minuti < 60) {
    return `tra ${testi.tempo.minuti(minuti)}`;
  }
  return `tra ${durata(minuti * MINUTO)}`;
}

const dataEOra = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' });
const soloOra = new Intl.DateTimeFormat('it-IT', { timeStyle: 'short', timeZone: 'Europe/Rome' });

/** "12/03/26, 10:42" in Rome. */
export const quando = (istante: string | number) => dataEOra.format(new Date(istante));
/** "10:42" in Rome. */
export const alle = (istante: number) => soloOra.format(new Date(istante));

const ROMA = 'Europe/Rome';
const giornoDellAnno = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeZone: ROMA });
const anno = new Intl.DateTimeFormat('it-IT', { year: 'numeric', timeZone: ROMA });
const giornoEMese = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', timeZone: ROMA });
const giornoMeseEAnno = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: ROMA,
});

/** "3 dic" in Rome; "3 dic 2025" when that is not `ora`'s year. */
export function giorno(istante: string | number, ora: number): string {
  const d = new Date(istante);
  const stessoAnno = anno.format(d) === anno.format(ora);
  return stessoAnno ? giornoEMese.format(d) : giornoMeseEAnno.format(d);
}

/** "3 dic, 10:01" in Rome (with the year when it is not `ora`'s). */
export const giornoEOra = (istante: string | number, ora: number) =>
  `${giorno(istante, ora)}, ${alle(new Date(istante).getTime())}`;

/** "alle 10:15" on `ora`'s day in Rome, "il 4 dic alle 10:15" on another. */
export function alleOIl(istante: string | number, ora: number): string {
  const d = new Date(istante);
  if (giornoDellAnno.format(d) === giornoDellAnno.format(ora)) {
    return testi.tempo.alle(alle(d.getTime()));
  }
  return testi.tempo.ilAlle(giorno(istante, ora), alle(d.getTime()));
}

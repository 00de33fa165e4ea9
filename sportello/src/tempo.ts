// How the console says time: how long a request has waited ("in attesa da 2 ore"), when a locked login may try again,
// dates and times in Europe/Rome whatever the operator's computer says.
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

// How the console says the response times: a month in words ("dicembre 2026"), a share with the Italian comma
// ("23,5%"), a median in hours and minutes ("2 h 5 min"), a limit as a column's name ("entro 1 ora").
import { testi } from './testi.js';

const mesi = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const unDecimale = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "2026-12" as "dicembre 2026". */
export function nomeMese(mese: string): string {
  const [anno, numero] = mese.split('-').map(Number);
  return mesi.format(Date.UTC(anno, numero - 1, 15));
}

/** A share of 0 to 100 with one decimal: "23,5%", "100,0%". */
export const percento = (percentuale: number) => `${unDecimale.format(percentuale)}%`;

/**
 * A median in minutes, to the nearest minute: "meno di 1 min", "45 min", "2 h 5 min", "3 h", "1 giorno 4 h". Under a
 * minute is said as such rather than "0 min".
 */
export function durataBreve(minuti: number): string {
  const m = Math.round(minuti);
  if (m < 1) {
    return testi.tempi.menoDiUnMinuto;
  }
  if (m < 60) {
    return `${m} min`;
  }
  const ore = Math.floor(m / 60);
  if (ore < 24) {
    const resto = m % 60;
    return resto === 0 ? `${ore} h` : `${ore} h ${resto} min`;
  }
  const giorni = testi.tempo.giorni(Math.floor(ore / 24));
  const oreResto = ore % 24;
  return oreResto === 0 ? giorni : `${giorni} ${oreResto} h`;
}

/** A limit in minutes as a span: "10 minuti", "1 ora", "24 ore". */
export function limite(minuti: number): string {
  if (minuti % 60 === 0) {
    return testi.tempo.ore(minuti / 60);
  }
  return testi.tempo.minuti(minuti);
}

/** Whether a month's requests are too few for its shares to say much: some, but fewer than the published minimum. */
export const pochiDati = (richieste: number, minimo: number) => richieste > 0 && richieste < minimo;

// What every element does with a call that did not go well: a 401 tells the page the session ended (it shows the
// login), any other failure is the element's own message to show.
import type { Esito } from './api.js';
import { emetti } from './eventi.js';

/** Whether the call went well; otherwise the session's end told to the page, or the message handed to `errore`. */
export function riuscito<T>(
  host: HTMLElement,
  esito: Esito<T>,
  errore: (messaggio: string) => void,
): esito is { esito: 'ok'; dati: T } {
  if (esito.esito === 'non-autenticato') {
    emetti(host, 'sportello-sessione-scaduta', {});
    return false;
  }
  if (esito.esito === 'errore') {
    errore(esito.messaggio);
    return false;
  }
  return true;
}

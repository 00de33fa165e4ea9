// The one table of what happens to a request's state, used by the user's routes and the help desk's alike.
import { STATI_RICHIESTA, type StatoRichiesta } from '../../../src/stati.js';

export { STATI_RICHIESTA, type StatoRichiesta };

/**
 * What moves a request: the user's reply (from "Le mie richieste"), the user's reply by mail (to a mail of the help
 * desk's), the help desk's reply (without a state of its own).
 */
export type Evento = 'risposta-utente' | 'risposta-utente-posta' | 'risposta-assistenza';

/**
 * For each event, the state each state goes to; `null` means the event is refused in that state. A reply from the
 * user puts back in the help desk's hands a request that waited for them or was solved; a closed request takes no
 * more messages. The help desk's reply starts the work on a request just received; otherwise the operator says when
 * it waits for the user or is solved.
 */
export const TRANSIZIONI: Record<Evento, Record<StatoRichiesta, StatoRichiesta | null>> = {
  'risposta-utente': {
    ricevuta: 'ricevuta',
    'in-lavorazione': 'in-lavorazione',
    'attesa-utente': 'in-lavorazione',
    risolta: 'in-lavorazione',
    chiusa: null,
  },
  // A reply by mail answers a mail of the help desk's, so the work has started: every open request goes (back) to it.
  'risposta-utente-posta': {
    ricevuta: 'in-lavorazione',
    'in-lavorazione': 'in-lavorazione',
    'attesa-utente': 'in-lavorazione',
    risolta: 'in-lavorazione',
    chiusa: null,
  },
  'risposta-assistenza': {
    ricevuta: 'in-lavorazione',
    'in-lavorazione': 'in-lavorazione',
    'attesa-utente': 'attesa-utente',
    risolta: 'risolta',
    chiusa: 'chiusa',
  },
};

/** The state after `evento`, or null when the event is refused in the current state. */
export function statoDopo(evento: Evento, attuale: StatoRichiesta): StatoRichiesta | null {
  return TRANSIZIONI[evento][attuale];
}

/** The states that count as resolved (the statistics, the queue's open requests). */
export const STATI_RISOLTI: readonly StatoRichiesta[] = ['risolta', 'chiusa'];

// A request's states, apart from the list's schema: the help desk's console and the server's transition table name
// them without bringing zod along.

/** The states the help desk gives a request, in the order a request usually goes through them. */
export const STATI_RICHIESTA = ['ricevuta', 'in-lavorazione', 'attesa-utente', 'risolta', 'chiusa'] as const;
/** A state the UI has words for; the list may carry others, shown as they come. */
export type StatoRichiesta = (typeof STATI_RICHIESTA)[number];

// The events the elements fire: all bubble and cross shadow roots.

/** detail of `assistenza-inviata`: the request was delivered. */
export interface InviataDetail {
  id: string;
  /** The ticket number, when the endpoint's JSON answer has `numero`. */
  numero?: string | number;
}

/** detail of `assistenza-errore`: the endpoint refused the request (a 4xx other than 408 and 429). */
export interface ErroreDetail {
  id: string;
  /** The HTTP status. */
  stato: number;
  /** The server's `messaggio`, or a generic text. */
  messaggio: string;
}

/** detail of `assistenza-in-coda`: delivery is postponed, the request waits in the queue. */
export interface InCodaDetail {
  id: string;
}

/** detail of `assistenza-nuove-risposte`: how many of the help desk's replies the user has not opened yet. */
export interface NuoveRisposteDetail {
  n: number;
}

export interface EventiAssistenza {
  'assistenza-inviata': CustomEvent<InviataDetail>;
  'assistenza-errore': CustomEvent<ErroreDetail>;
  'assistenza-in-coda': CustomEvent<InCodaDetail>;
  'assistenza-nuove-risposte': CustomEvent<NuoveRisposteDetail>;
}

/** Dispatches one of the events above from `el`. */
export function emetti<K extends keyof EventiAssistenza>(
  el: EventTarget,
  tipo: K,
  detail: EventiAssistenza[K]['detail'],
): void {
  el.dispatchEvent(new CustomEvent(tipo, { detail, bubbles: true, composed: true }));
}

declare global {
  // Declaration merging: the empty body adds the events to the DOM's own map, which is the point.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends EventiAssistenza {}
}

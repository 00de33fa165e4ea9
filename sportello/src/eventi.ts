// The events the console's elements fire for the page around them: all bubble and cross shadow roots.

/** detail of `sportello-annuncio`: something to say in the page's polite live region (once per `chiave`). */
export interface AnnuncioDetail {
  testo: string;
  /** The same news told by two elements (the queue and the open request) has one key, and is said once. */
  chiave?: string;
}

/** detail of `sportello-modificata`: this operator changed a request (a reply, a state); the queue reads again. */
export interface ModificataDetail {
  id: string;
}

export interface EventiSportello {
  /** The operator logged in: the session cookie is set. */
  'sportello-entrato': CustomEvent<Record<string, never>>;
  'sportello-annuncio': CustomEvent<AnnuncioDetail>;
  /** The server answered 401: the session ended (expired, logged out elsewhere, operator removed). */
  'sportello-sessione-scaduta': CustomEvent<Record<string, never>>;
  'sportello-modificata': CustomEvent<ModificataDetail>;
}

/** Dispatches one of the events above from `el`. */
export function emetti<K extends keyof EventiSportello>(
  el: EventTarget,
  tipo: K,
  detail: EventiSportello[K]['detail'],
): void {
  el.dispatchEvent(new CustomEvent(tipo, { detail, bubbles: true, composed: true }));
}

declare global {
  // Declaration merging: the empty body adds the events to the DOM's own map, which is the point.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends EventiSportello {}
}

// The one time source of the widget: the queue's backoff, the drafts' autosave and the phone line's open/closed state
// all read it, so a test or the demo moves them all with one clock of its own.

export interface Orologio {
  /** Now, in ms since the epoch. */
  ora(): number;
  /** Calls `f` once after `ms`; the returned function cancels the call. */
  programma(f: () => void, ms: number): () => void;
}

/**
 * The longest delay setTimeout keeps: it holds a signed 32-bit integer, and a longer one (25 days and more) fires at
 * once. A timer capped to it fires early, and its caller, which reads the time again, sets the next one.
 */
export const TIMER_MASSIMO_MS = 2 ** 31 - 1;

export const orologioDiSistema: Orologio = {
  ora: () => Date.now(),
  programma(f, ms) {
    const id = setTimeout(f, Math.min(ms, TIMER_MASSIMO_MS));
    return () => clearTimeout(id);
  },
};

// The one time source of the widget: the queue's backoff, the drafts' autosave and the phone line's open/closed state
// all read it, so a test or the demo moves them all with one clock of its own.

export interface Orologio {
  /** Now, in ms since the epoch. */
  ora(): number;
  /** Calls `f` once after `ms`; the returned function cancels the call. */
  programma(f: () => void, ms: number): () => void;
}

export const orologioDiSistema: Orologio = {
  ora: () => Date.now(),
  programma(f, ms) {
    const id = setTimeout(f, ms);
    return () => clearTimeout(id);
  },
};

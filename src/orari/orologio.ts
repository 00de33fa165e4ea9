// The time source of the phone line's open/closed state: the real clock, or one that a test or a demo moves by hand.

export interface Orologio {
  /** Now, in ms since the epoch. */
  ora(): number;
  /** Calls `f` once after `ms`; the returned function cancels the call. */
  programma(f: () => void, ms: number): () => void;
}

export const orologioDiSistema: Orologio = {
  ora: Date.now,
  programma(f, ms) {
    const id = setTimeout(f, ms);
    return () => clearTimeout(id);
  },
};

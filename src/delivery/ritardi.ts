// When to try again: exponential backoff with jitter, and the server's Retry-After.

/** First retry within about 5 s, doubling, never more than about 5 minutes apart. */
export const PRIMO_RITARDO_MS = 5_000;
export const RITARDO_MASSIMO_MS = 5 * 60_000;
/**
 * The longest any wait may be, a server's Retry-After too: one of 30 days once held requests for a month, and made
 * pages spin (a timer of more than 2^31 - 1 ms fires at once).
 */
export const ATTESA_MASSIMA_MS = 60 * 60_000;

/**
 * The wait before attempt number `tentativi + 1`, after `tentativi` failures: "equal jitter", between half and all of
 * the exponential step, so that many tabs or users coming back online at once do not retry in lockstep.
 */
export function ritardo(tentativi: number, casuale: number = Math.random()): number {
  const mezzo = Math.min(RITARDO_MASSIMO_MS, PRIMO_RITARDO_MS * 2 ** Math.max(0, tentativi - 1)) / 2;
  return Math.round(mezzo + mezzo * casuale);
}

/** Retry-After as seconds or an HTTP date, in ms from `ora`, an hour at most; undefined when absent or unreadable. */
export function leggiRetryAfter(valore: string | null, ora: number): number | undefined {
  const v = valore?.trim() ?? '';
  if (/^\d+$/.test(v)) return Math.min(ATTESA_MASSIMA_MS, Number(v) * 1000);
  // An HTTP date ends in GMT (RFC 9110); Date.parse alone would take "-5" for a year.
  if (!/ GMT$/.test(v)) return undefined;
  const quando = Date.parse(v);
  if (Number.isNaN(quando)) return undefined;
  return Math.min(ATTESA_MASSIMA_MS, Math.max(0, quando - ora));
}

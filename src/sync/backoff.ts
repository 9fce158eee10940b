// When to try again after a failed sync: capped exponential backoff with full jitter, so a
// store's tablets that lost Wi-Fi together do not all hammer the server the moment it returns.
export type Backoff = { baseMs: number; capMs: number };

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Delay before attempt `attempt + 1` (attempt 0 = the first retry): uniform in [0, min(cap, base·2^attempt)]. */
export function backoffDelay(attempt: number, random: () => number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

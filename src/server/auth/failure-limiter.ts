// Slows down guessing: after `maxFailures` failed attempts for one key (a username on a
// device, an IP address) within `windowMs`, further attempts are refused until the window
// has passed. Successful attempts cost nothing; in memory, so a restart forgets (acceptable
// for one store's server: a restart is rarer than the window).
export type FailureLimiter = {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
};

export function createFailureLimiter(maxFailures: number, windowMs: number): FailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((at) => now - at < windowMs);
  return {
    retryAfterMs(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length === 0) failures.delete(key);
      else failures.set(key, times);
      return times.length >= maxFailures ? windowMs - (now - (times[0] ?? now)) : 0;
    },
    recordFailure(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

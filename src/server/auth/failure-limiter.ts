// Slows down guessing: after `maxFailures` failed attempts for one key (a username on a
// device, an IP address) within `windowMs`, further attempts are refused until the window
// has passed. In memory, so a restart forgets (acceptable for one store's server: a restart
// is rarer than the window).
export type FailureLimiter = {
  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  /**
   * Counts an attempt as a failure before it is judged, so that attempts running in
   * parallel cannot all pass the check while none has failed yet. Refused at the limit.
   */
  begin(key: string, now?: number): BegunAttempt;
  /** Counts an attempt as a failure whatever the limit; returns what takes exactly it back. */
  count(key: string, now?: number): () => void;
  reset(key: string): void;
};

export type BegunAttempt =
  | { allowed: true; /** A success takes its attempt back; the other failures stay. */ giveBack(): void }
  | { allowed: false; retryAfterMs: number };

/** One failure; an object, so that giving back an attempt removes exactly that one. */
type Failure = { at: number };

/** Keys (addresses) that never come back would stay for good: past this many, stale ones are swept. */
const MAX_REMEMBERED = 10_000;

export function createFailureLimiter(maxFailures: number, windowMs: number): FailureLimiter {
  const failures = new Map<string, Failure[]>();
  // Drops what has left the window, so the map holds only keys with recent failures.
  const recent = (key: string, now: number): Failure[] => {
    const kept = (failures.get(key) ?? []).filter((failure) => now - failure.at < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const waitMs = (times: Failure[], now: number) => (times.length >= maxFailures ? windowMs - (now - (times[0]?.at ?? now)) : 0);
  const count = (key: string, now: number) => {
    if (failures.size > MAX_REMEMBERED) for (const stale of [...failures.keys()]) recent(stale, now);
    const failure: Failure = { at: now };
    failures.set(key, [...recent(key, now), failure]);
    return () => {
      const current = failures.get(key);
      const index = current?.indexOf(failure) ?? -1;
      if (!current || index < 0) return;
      current.splice(index, 1);
      if (current.length === 0) failures.delete(key);
    };
  };
  return {
    retryAfterMs(key, now = Date.now()) {
      return waitMs(recent(key, now), now);
    },
    recordFailure(key, now = Date.now()) {
      count(key, now);
    },
    begin(key, now = Date.now()) {
      const retryAfterMs = waitMs(recent(key, now), now);
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      return { allowed: true, giveBack: count(key, now) };
    },
    count(key, now = Date.now()) {
      return count(key, now);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

// Sign-in and enrollment guessing is slowed: after the allowed failures within the window,
// attempts wait until the oldest failure leaves the window; a success clears the count.
import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from '../../src/server/auth/failure-limiter.ts';

describe('failure limiter', () => {
  it('refuses after max failures, until the window passes', () => {
    const limiter = createFailureLimiter(3, 60_000);
    for (const at of [0, 10_000, 20_000]) {
      expect(limiter.retryAfterMs('zhang', at)).toBe(0);
      limiter.recordFailure('zhang', at);
    }
    expect(limiter.retryAfterMs('zhang', 30_000)).toBe(30_000);
    expect(limiter.retryAfterMs('li', 30_000)).toBe(0);
    expect(limiter.retryAfterMs('zhang', 60_001)).toBe(0);
  });

  it('forgets failures on reset (a successful sign-in)', () => {
    const limiter = createFailureLimiter(2, 60_000);
    limiter.recordFailure('zhang', 0);
    limiter.recordFailure('zhang', 1);
    expect(limiter.retryAfterMs('zhang', 2)).toBeGreaterThan(0);
    limiter.reset('zhang');
    expect(limiter.retryAfterMs('zhang', 3)).toBe(0);
  });
});

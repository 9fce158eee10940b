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

describe('failure limiter, attempts counted before they are judged', () => {
  it('allows attempts below the limit and counts each as a failure at once', () => {
    const limiter = createFailureLimiter(3, 60_000);
    const first = limiter.begin('zhang', 0);
    const second = limiter.begin('zhang', 1);
    expect(first.allowed && second.allowed).toBe(true);
    // Neither is judged yet, and both already count: one more fits, then none.
    expect(limiter.retryAfterMs('zhang', 2)).toBe(0);
    expect(limiter.begin('zhang', 2).allowed).toBe(true);
    expect(limiter.retryAfterMs('zhang', 3)).toBe(59_997);
  });

  it('refuses at the limit, with the wait until the oldest attempt leaves the window', () => {
    const limiter = createFailureLimiter(2, 60_000);
    limiter.recordFailure('zhang', 0);
    expect(limiter.begin('zhang', 10_000).allowed).toBe(true);
    const refused = limiter.begin('zhang', 20_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 40_000 });
    // A refused attempt is not counted: the wait does not grow with the refusals.
    expect(limiter.begin('zhang', 20_001)).toEqual({ allowed: false, retryAfterMs: 39_999 });
    expect(limiter.begin('zhang', 60_000).allowed).toBe(true);
    expect(limiter.begin('li', 20_000).allowed).toBe(true);
  });

  it('lets parallel attempts through only up to the limit', () => {
    const limiter = createFailureLimiter(5, 15 * 60_000);
    for (let i = 0; i < 4; i++) limiter.recordFailure('tablet A zhang', i);
    const burst = Array.from({ length: 60 }, (_, i) => limiter.begin('tablet A zhang', 100 + i));
    expect(burst.filter((attempt) => attempt.allowed)).toHaveLength(1);
    expect(burst[0]?.allowed).toBe(true);
  });

  it('takes back the attempt of a success, and only that one', () => {
    const limiter = createFailureLimiter(2, 60_000);
    limiter.recordFailure('ip', 0);
    const attempt = limiter.begin('ip', 1);
    if (!attempt.allowed) throw new Error('the second attempt should be allowed');
    expect(limiter.retryAfterMs('ip', 2)).toBeGreaterThan(0);
    attempt.giveBack();
    expect(limiter.retryAfterMs('ip', 3)).toBe(0);
    // The earlier failure stays; giving back twice does not remove it.
    attempt.giveBack();
    expect(limiter.begin('ip', 4).allowed).toBe(true);
    expect(limiter.begin('ip', 5).allowed).toBe(false);
  });

  it('gives back nothing after a reset cleared the attempt', () => {
    const limiter = createFailureLimiter(1, 60_000);
    const attempt = limiter.begin('zhang', 0);
    if (!attempt.allowed) throw new Error('the first attempt should be allowed');
    limiter.reset('zhang');
    const next = limiter.begin('zhang', 1);
    expect(next.allowed).toBe(true);
    attempt.giveBack();
    expect(limiter.begin('zhang', 2).allowed).toBe(false);
  });
});

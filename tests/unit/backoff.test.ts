// Retry delays: exponential up to the cap, jittered over the whole range so tablets that
// failed together spread out.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/sync/backoff.ts';

const backoff = { baseMs: 1000, capMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt until the cap', () => {
    const ceilings = [0, 1, 2, 3, 6, 7, 40].map((attempt) => backoffDelay(attempt, () => 1, backoff));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('spreads delays over the whole range with the random source', () => {
    expect(backoffDelay(3, () => 0, backoff)).toBe(0);
    expect(backoffDelay(3, () => 0.25, backoff)).toBe(2000);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 200 }, () => backoffDelay(4, random, backoff));
    expect(Math.min(...delays)).toBeLessThan(2000);
    expect(Math.max(...delays)).toBeGreaterThan(14_000);
    expect(delays.every((d) => d >= 0 && d <= 16_000)).toBe(true);
  });
});

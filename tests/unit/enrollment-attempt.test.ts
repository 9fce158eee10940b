// When an enrollment attempt is taken back: only once it was judged right (or broke) and its
// answer closed, in either order. A tablet that hangs up while its code is being looked up
// (a slow database) keeps its failure. With no room to wait (maxWaiting 0), a slowed address
// is answered 429 at once, so "still counted" shows without any timing.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createEnrollmentGuard } from '../../src/server/auth/enrollment-guard.ts';

type Step = 'close' | 'failed' | 'settled';

const cases: { steps: Step[]; counted: boolean }[] = [
  { steps: ['close', 'failed', 'settled'], counted: true },
  { steps: ['failed', 'settled', 'close'], counted: true },
  { steps: ['close'], counted: true },
  { steps: ['settled'], counted: true },
  { steps: ['close', 'settled'], counted: false },
  { steps: ['settled', 'close'], counted: false },
];

describe('an enrollment attempt', () => {
  it.each(cases)('$steps: still counted $counted', async ({ steps, counted }) => {
    const guard = createEnrollmentGuard({ freeFailures: 1, windowMs: 60_000, delayMs: 1, maxWaiting: 0 });
    const answer = new EventEmitter();
    const attempt = await guard.admit('10.0.0.1', answer);
    for (const step of steps) {
      if (step === 'close') answer.emit('close');
      else attempt[step]();
    }
    const next = guard.admit('10.0.0.1', new EventEmitter());
    if (counted) await expect(next).rejects.toMatchObject({ statusCode: 429 });
    else await expect(next).resolves.toBeDefined();
  });
});

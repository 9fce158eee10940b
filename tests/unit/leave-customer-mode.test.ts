// Customer mode ends where the tablet was handed over from, by either way back (顾问解锁 in the
// header, or the PIN under the thanks for 追加项目): one mapping for both.
import { describe, expect, it } from 'vitest';
import { returnPath } from '../../src/features/signing/leave-customer-mode.ts';
import type { SignatureKind } from '../../src/shared/signature.ts';

const JOB = '0192f3a0-0000-7000-8000-000000000001';

describe('the way back from customer mode', () => {
  it.each([
    ['checkin', 'signing'],
    ['estimate', 'signing'],
    ['additional', 'additions'],
    ['delivery', 'bill'],
  ] satisfies [SignatureKind, string][])('after %s: the card’s %s', (kind, section) => {
    expect(returnPath(JOB, kind)).toBe(`/jobs/${JOB}/${section}`);
  });
});

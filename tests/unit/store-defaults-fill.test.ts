// "使用本店默认" on the estimate step: only the terms still empty are filled, and 交车时间 is the
// store's hours from now rounded up to the next half hour on the shop's clock.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_DEFAULTS, type StoreDefaults } from '../../src/db/store-profile.ts';
import { emptyEstimate, type Estimate } from '../../src/shared/estimate.ts';
import { defaultPromisedAt, fillEmptyTerms } from '../../src/features/estimate/store-defaults.ts';

const LINE = '0192f3a0-0000-7000-8000-0000000000f1';
const withLine = (over: Partial<Estimate> = {}): Estimate => ({
  ...emptyEstimate(),
  lines: { [LINE]: { id: LINE, kind: 'part', code: '', description: '机油', quantityMilli: 1000, unitPriceFen: 100, discountBp: 0, createdAt: '2026-12-07T09:00:00.000+08:00', deletedAt: null } },
  ...over,
});
const STORE: StoreDefaults = { oldParts: 'dispose', payment: 'card', carWash: false, promisedInHours: 3 };

describe('defaultPromisedAt', () => {
  it.each([
    ['2026-12-07T10:07:00+08:00', 4, '2026-12-07T14:30:00.000+08:00'],
    ['2026-12-07T10:00:00+08:00', 4, '2026-12-07T14:00:00.000+08:00'],
    ['2026-12-07T10:30:01+08:00', 2, '2026-12-07T13:00:00.000+08:00'],
    ['2026-12-07T22:40:00+08:00', 3, '2026-12-08T02:00:00.000+08:00'],
  ])('%s + %i h → %s', (now, hours, expected) => {
    expect(defaultPromisedAt(new Date(now), hours)).toBe(expected);
  });
});

describe('fillEmptyTerms', () => {
  const now = new Date('2026-12-07T09:10:00+08:00');

  it('fills every empty term of an estimate with lines from the store defaults', () => {
    expect(fillEmptyTerms(withLine(), STORE, now)).toEqual({
      promisedAt: '2026-12-07T12:30:00.000+08:00',
      oldParts: 'dispose',
      payment: 'card',
      carWash: false,
    });
  });

  it('never overwrites a term already chosen (洗车 = 否 included)', () => {
    const chosen = withLine({ oldParts: 'take', carWash: false, promisedAt: '2026-12-08T17:00:00.000+08:00' });
    expect(fillEmptyTerms(chosen, { ...BUILT_IN_STORE_DEFAULTS, carWash: true }, now)).toEqual({ payment: 'wechat' });
  });

  it('fills nothing on an estimate without lines', () => {
    expect(fillEmptyTerms(emptyEstimate(), STORE, now)).toEqual({});
  });
});

// 下次保养 defaults: after a maintenance 6 months or 5,000 km, after other work 12 months or
// 10,000 km; calendar months clamped to the month's last day; no mileage without a reading.
import { describe, expect, it } from 'vitest';
import { addMonths, nextServiceDefaults } from '../../src/shared/next-service.ts';

describe('nextServiceDefaults', () => {
  it.each([
    ['maintenance', { maintenance: true }, { date: '2027-06-07', km: 47_000 }],
    ['maintenance with a repair', { maintenance: true, repair: true }, { date: '2027-06-07', km: 47_000 }],
    ['a repair', { repair: true }, { date: '2027-12-07', km: 52_000 }],
    ['body and paint', { bodyPaint: true }, { date: '2027-12-07', km: 52_000 }],
    ['maintenance ticked off again', { maintenance: false, warranty: true }, { date: '2027-12-07', km: 52_000 }],
    ['no service type', {}, { date: '2027-12-07', km: 52_000 }],
  ])('after %s', (_what, serviceTypes, expected) => {
    expect(nextServiceDefaults(serviceTypes, '2026-12-07', 42_000)).toEqual(expected);
  });

  it('gives no mileage when none was read', () => {
    expect(nextServiceDefaults({ maintenance: true }, '2026-12-07', null)).toEqual({ date: '2027-06-07', km: null });
  });

  it('counts from zero kilometres', () => {
    expect(nextServiceDefaults({ repair: true }, '2026-12-07', 0).km).toBe(10_000);
  });

  it('clamps to the end of a shorter month: 31 Aug + 6 months is the last day of February', () => {
    expect(nextServiceDefaults({ maintenance: true }, '2026-08-31', 1).date).toBe('2027-02-28');
    expect(nextServiceDefaults({ maintenance: true }, '2027-08-31', 1).date).toBe('2028-02-29');
  });

  it('keeps 29 February a year later only in a leap year', () => {
    expect(nextServiceDefaults({ repair: true }, '2028-02-29', 1).date).toBe('2029-02-28');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 6, '2026-11-30'],
    ['2026-07-15', 6, '2027-01-15'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-12-01', 1, '2027-01-01'],
    ['2026-11-30', 14, '2028-01-30'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-31', -2, '2025-11-30'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it.each(['2026-1-5', '07/12/2026', '', '2026-12-07T00:00:00Z'])('refuses %j, which is not a day', (day) => {
    expect(() => addMonths(day, 6)).toThrow(RangeError);
  });
});

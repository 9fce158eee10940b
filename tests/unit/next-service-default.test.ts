// 下次保养 as first written: the service type's default from the shop's day (Asia/Shanghai,
// whatever the tablet's zone) and the mileage at handover, else at check-in; written on the
// first view with the car ready (待交车) or handed back, only while nothing was ever set, and
// then through the reducer like any change.
import { describe, expect, it } from 'vitest';
import { firstViewPatch, nextServiceDefaultPatch, shopDay, writesNextServiceDefault } from '../../src/features/handover/next-service-default.ts';
import { emptyHandover, type Handover } from '../../src/shared/handover.ts';
import { emptyCard, type Card } from '../../src/shared/job.ts';
import type { JobStatus } from '../../src/shared/job-status.ts';

function cardWith(serviceTypes: Card['serviceTypes'], odometerKm: number | null): Card {
  return { ...emptyCard(), serviceTypes, odometerKm };
}

// 2026-12-06 17:30 UTC is already 7 December in Shanghai.
const LATE_EVENING_UTC = new Date('2026-12-06T17:30:00Z');

describe('next service default', () => {
  it('takes the shop’s calendar day, not UTC’s', () => {
    expect(shopDay(LATE_EVENING_UTC)).toBe('2026-12-07');
    expect(shopDay(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
  });

  it('after a maintenance: 6 months and 5,000 km from the handover mileage', () => {
    const handover: Handover = { ...emptyHandover(), odometerKm: 42_010 };
    expect(nextServiceDefaultPatch({ card: cardWith({ maintenance: true }, 42_000), handover }, LATE_EVENING_UTC)).toEqual({
      nextServiceDate: '2027-06-07',
      nextServiceKm: 47_010,
    });
  });

  it('after other work: 12 months and 10,000 km from the check-in mileage when none was read at handover', () => {
    expect(nextServiceDefaultPatch({ card: cardWith({ repair: true }, 42_000), handover: emptyHandover() }, LATE_EVENING_UTC)).toEqual({
      nextServiceDate: '2027-12-07',
      nextServiceKm: 52_000,
    });
  });

  it('with no mileage known: the date, and the mileage left untold', () => {
    expect(nextServiceDefaultPatch({ card: cardWith({}, null), handover: emptyHandover() }, LATE_EVENING_UTC)).toEqual({
      nextServiceDate: '2027-12-07',
      nextServiceKm: null,
    });
  });

  it('is written on the first view only: never over what the advisor set, even one field', () => {
    const card = cardWith({ maintenance: true }, 10_000);
    const status = 'ready';
    expect(firstViewPatch({ status, card, handover: emptyHandover() }, LATE_EVENING_UTC)).toEqual({ nextServiceDate: '2027-06-07', nextServiceKm: 15_000 });
    expect(firstViewPatch({ status, card, handover: { ...emptyHandover(), nextServiceDate: '2027-03-01' } }, LATE_EVENING_UTC)).toBeNull();
    expect(firstViewPatch({ status, card, handover: { ...emptyHandover(), nextServiceKm: 14_000 } }, LATE_EVENING_UTC)).toBeNull();
  });

  it('is written only once the car is ready or handed back: before that it is only a suggestion', () => {
    const card = cardWith({ maintenance: true }, 10_000);
    const cases: [JobStatus, boolean][] = [
      ['checked-in', false],
      ['in-repair', false],
      ['quality-check', false],
      ['ready', true],
      ['delivered', true],
    ];
    for (const [status, written] of cases) {
      expect(writesNextServiceDefault(status), status).toBe(written);
      expect(firstViewPatch({ status, card, handover: emptyHandover() }, LATE_EVENING_UTC) !== null, status).toBe(written);
    }
  });
});

// The console's reports, each computed from the facts of cards made through the shared reducer,
// against figures this test works out from the cards' specs by itself: hand-made cards for the
// edges (the local day at midnight, removed photos, undecided lines, a closed complaint) and 400
// seeded random cards for the sums.
import { describe, expect, it } from 'vitest';
import { NO_ADVISOR, reportQuerySchema } from '../../src/shared/console/report-api.ts';
import { jobFacts, type JobFacts } from '../../src/server/console/job-facts.ts';
import { additionsReport } from '../../src/server/reports/additions.ts';
import { checkInTimeReport } from '../../src/server/reports/check-in-time.ts';
import { checkInsReport } from '../../src/server/reports/check-ins.ts';
import { damageMapReport } from '../../src/server/reports/damage-map.ts';
import { estimateVsBillReport } from '../../src/server/reports/estimate-vs-bill.ts';
import { followUpsReport } from '../../src/server/reports/follow-ups.ts';
import { overdueReport } from '../../src/server/reports/overdue.ts';
import { bucketsOf, isoWeek, localDay } from '../../src/server/reports/period.ts';
import { ADVISOR_LI, ADVISOR_WANG, advisorOf, cardOf, checkedInAt, dayOf, expectedFollowUp, finalOf, inMonth, numberOf, randomSpecs, sum, type CardSpec } from './support/report-cards.ts';

const inNov = (iso: string | null | undefined) => inMonth(iso, '2026-11');

const ADVISORS = [
  { id: ADVISOR_WANG, name: '王磊' },
  { id: ADVISOR_LI, name: '李娜' },
];
const NOV = { from: '2026-11-01', to: '2026-11-30', advisorId: null };
const NOW = new Date('2026-12-05T12:00:00.000+08:00');
const FORMULA_NAME = '=HYPERLINK("http://example.com","点我")';

const base: Pick<CardSpec, 'advisorId' | 'serviceTypes' | 'photos' | 'marks' | 'estimateFen' | 'additions' | 'promisedAt'> = {
  advisorId: ADVISOR_WANG, serviceTypes: [], photos: 0, marks: [], estimateFen: [], additions: [], promisedAt: null,
};
/** Hand-made cards, each for an edge of a report. */
const HAND: CardSpec[] = [
  {
    ...base, n: 1, createdAt: '2026-11-02T09:00:00.000+08:00', checkInAfter: 12, serviceTypes: ['maintenance'], photos: 8, removedPhotos: 2,
    marks: [{ view: 'top', x: 0.1, y: 0.5, type: 'scratch' }, { view: 'left', x: 0.5, y: 0.5, type: 'dent' }],
    estimateFen: [39_800, 6_000], additions: [{ fen: 48_000, decision: 'approved' }, { fen: 13_000, decision: 'declined' }, { fen: 8_000, decision: null }],
    promisedAt: '2026-11-02T17:00:00.000+08:00', status: 'delivered', deliveredAt: '2026-11-02T16:30:00.000+08:00', discountFen: 200,
    calls: [{ outcome: 'satisfied', at: '2026-11-04T10:00:00.000+08:00' }],
  },
  {
    // Checked in at 23:55 on 2 November in the store: 15:55 UTC, still the 2nd.
    ...base, n: 2, advisorId: ADVISOR_LI, createdAt: '2026-11-02T23:50:00.000+08:00', checkInAfter: 5, serviceTypes: ['repair', 'bodyPaint'], photos: 20,
    marks: [{ view: 'front', x: 0.5, y: 0.2, type: 'crack' }, { view: 'left', x: 1, y: 0, type: 'chip' }],
    estimateFen: [100_000], additions: [{ fen: 20_000, decision: 'approved' }], promisedAt: '2026-11-03T18:00:00.000+08:00',
    status: 'delivered', deliveredAt: '2026-11-05T11:00:00.000+08:00',
    calls: [{ outcome: 'noAnswer', at: '2026-11-07T10:00:00.000+08:00' }, { outcome: 'dissatisfied', at: '2026-11-07T15:00:00.000+08:00' }],
  },
  // Opened on 31 October, checked in at 00:10 on 1 November: a November check-in. Late now.
  { ...base, n: 3, createdAt: '2026-10-31T23:30:00.000+08:00', checkInAfter: 40, serviceTypes: ['warranty'], promisedAt: '2026-11-01T12:00:00.000+08:00', status: 'checked-in' },
  // No advisor signed in, no service type ticked; promised long after now.
  { ...base, n: 4, advisorId: null, createdAt: '2026-11-30T23:00:00.000+08:00', checkInAfter: 20, photos: 3, promisedAt: '2026-12-20T12:00:00.000+08:00', status: 'in-repair' },
  // Checked in at 00:05 on 1 December: not November's. Late now.
  { ...base, n: 5, createdAt: '2026-11-30T23:55:00.000+08:00', checkInAfter: 10, promisedAt: '2026-12-01T02:00:00.000+08:00', status: 'checked-in' },
  { ...base, n: 6, createdAt: '2026-11-10T10:00:00.000+08:00', checkInAfter: null, photos: 4, status: 'draft' },
  {
    // Ready: past its time, but a ready car is not late.
    ...base, n: 7, advisorId: ADVISOR_LI, createdAt: '2026-11-16T10:00:00.000+08:00', checkInAfter: 65, serviceTypes: ['maintenance', 'insurance'], photos: 45,
    marks: [{ view: 'rear', x: 0.5, y: 0.9, type: 'rust' }, { view: 'top', x: 0.11, y: 0.55, type: 'scratch' }],
    additions: [{ fen: 30_000, decision: 'declined' }], promisedAt: '2026-11-16T12:00:00.000+08:00', status: 'ready',
  },
  {
    // Delivered on 3 December at 10:00, 50 h before now: due. A mark found at handover.
    ...base, n: 8, createdAt: '2026-11-20T14:00:00.000+08:00', checkInAfter: 30, serviceTypes: ['repair'], photos: 5, estimateFen: [50_000, 25_000],
    marks: [{ view: 'right', x: 0.3, y: 0.6, type: 'dent', stage: 'handover' }], status: 'delivered', deliveredAt: '2026-12-03T10:00:00.000+08:00',
  },
  {
    ...base, n: 9, advisorId: ADVISOR_LI, customerName: FORMULA_NAME, createdAt: '2026-11-25T09:00:00.000+08:00', checkInAfter: 15, serviceTypes: ['maintenance'],
    photos: 6, estimateFen: [30_000], status: 'delivered', deliveredAt: '2026-11-26T17:00:00.000+08:00',
  },
  {
    ...base, n: 10, createdAt: '2026-11-26T09:00:00.000+08:00', checkInAfter: 8, estimateFen: [20_000], status: 'delivered', deliveredAt: '2026-11-27T10:00:00.000+08:00',
    calls: [{ outcome: 'dissatisfied', at: '2026-11-28T10:00:00.000+08:00' }], resolvedAt: '2026-11-28T16:00:00.000+08:00',
  },
  {
    ...base, n: 11, advisorId: null, createdAt: '2026-11-27T09:00:00.000+08:00', checkInAfter: 9, estimateFen: [10_000], status: 'delivered',
    deliveredAt: '2026-11-28T10:00:00.000+08:00', calls: [{ outcome: 'neutral', at: '2026-11-30T10:00:00.000+08:00' }],
  },
  {
    ...base, n: 12, createdAt: '2026-11-28T09:00:00.000+08:00', checkInAfter: 11, estimateFen: [10_000], status: 'delivered', deliveredAt: '2026-11-29T10:00:00.000+08:00',
    calls: [{ outcome: 'noAnswer', at: '2026-12-01T10:00:00.000+08:00' }],
  },
];

const factsOf = (specs: readonly CardSpec[]): JobFacts[] => specs.map((spec) => jobFacts(cardOf(spec)));
const hand = factsOf(HAND);

describe('the period', () => {
  it.each([
    ['2026-11-27T23:50:00.000+08:00', '2026-11-27'],
    ['2026-11-27T00:10:00.000+08:00', '2026-11-27'],
    ['2026-11-27T15:50:00.000Z', '2026-11-27'], // UTC: read on the store's default clock (23:50 in Shanghai)
    ['2026-11-27T16:10:00.000Z', '2026-11-28'],
    ['2026-11-27T09:00:00-05:00', '2026-11-27'],
  ])('%s is the local day %s', (iso, day) => expect(localDay(iso)).toBe(day));

  it.each([
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-11-01', '2026-W44'],
    ['2026-11-02', '2026-W45'],
    ['2026-11-30', '2026-W49'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
  ])('%s is in ISO week %s (Monday first)', (day, week) => expect(isoWeek(day)).toBe(week));

  it('cuts November into 30 days, 6 weeks touched, 1 month; a year into 12 months', () => {
    const days = bucketsOf('2026-11-01', '2026-11-30', 'day');
    expect(days).toHaveLength(30);
    expect([days[0], days[29]]).toEqual(['2026-11-01', '2026-11-30']);
    expect(bucketsOf('2026-11-01', '2026-11-30', 'week')).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(bucketsOf('2026-11-01', '2026-11-30', 'month')).toEqual(['2026-11']);
    expect(bucketsOf('2026-01-31', '2026-12-01', 'month')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, null],
    [{ from: '2026-11-30', to: '2026-11-01' }, 'to (2026-11-01) must be on or after from (2026-11-30)'],
    [{ from: '2023-01-01', to: '2026-01-01' }, 'the period is 1097 days; choose at most 1096 days (about three years)'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from must be a date like 2026-11-01 (year-month-day, a day that exists)'],
    [{ from: '2026-11-01', to: '2026-11-30', by: 'year' }, 'by must be day, week or month'],
    [{ from: '2026-11-01', to: '2026-11-30', advisor: 'wang' }, 'advisor must be an advisor id from the advisors list'],
    [{ to: '2026-11-30' }, 'from is required, as a date like 2026-11-01'],
  ])('query %j: %s', (query, message) => {
    const parsed = reportQuerySchema.safeParse(query);
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(message);
  });
});

describe('进厂台次', () => {
  it('counts the hand-made cards on their check-in day, per advisor and service type', () => {
    const report = checkInsReport(hand, ADVISORS, { ...NOV, by: 'day' });
    // Checked in in November: 1, 2, 3 (00:10 on the 1st), 4 (23:20 on the 30th), 7, 8, 9, 10, 11, 12; not 5 (1 Dec) nor 6 (draft).
    expect(report.total).toBe(10);
    const byDay = Object.fromEntries(report.buckets.filter((b) => b.total > 0).map((b) => [b.key, b.total]));
    expect(byDay).toEqual({ '2026-11-01': 1, '2026-11-02': 2, '2026-11-16': 1, '2026-11-20': 1, '2026-11-25': 1, '2026-11-26': 1, '2026-11-27': 1, '2026-11-28': 1, '2026-11-30': 1 });
    expect(report.buckets).toHaveLength(30);
    expect(report.byAdvisor).toEqual([
      { advisorId: ADVISOR_WANG, count: 5 },
      { advisorId: ADVISOR_LI, count: 3 },
      { advisorId: NO_ADVISOR, count: 2 },
    ]);
    expect(Object.fromEntries(report.byService.map((row) => [row.type, row.count]))).toEqual({
      maintenance: 3, repair: 2, bodyPaint: 1, warranty: 1, insurance: 1, none: 4,
    });
  });

  it('counts one advisor only when one is chosen, and by week and month', () => {
    expect(checkInsReport(hand, ADVISORS, { ...NOV, advisorId: ADVISOR_LI, by: 'day' }).total).toBe(3);
    const weeks = checkInsReport(hand, ADVISORS, { ...NOV, by: 'week' });
    expect(weeks.buckets.map((b) => [b.key, b.total])).toEqual([['2026-W44', 1], ['2026-W45', 2], ['2026-W46', 0], ['2026-W47', 2], ['2026-W48', 4], ['2026-W49', 1]]);
    expect(checkInsReport(hand, ADVISORS, { ...NOV, by: 'month' }).buckets).toEqual([
      { key: '2026-11', total: 10, byAdvisor: { [ADVISOR_WANG]: 5, [ADVISOR_LI]: 3, [NO_ADVISOR]: 2 }, byService: { maintenance: 3, repair: 2, bodyPaint: 1, warranty: 1, insurance: 1, none: 4 } },
    ]);
  });

  it('adds up over 400 random cards: per day, advisor and service type', () => {
    const specs = randomSpecs(14, 400);
    const report = checkInsReport(factsOf(specs), ADVISORS, { ...NOV, by: 'day' });
    const counted = specs.filter((spec) => inNov(checkedInAt(spec)));
    expect(report.total).toBe(counted.length);
    for (const bucket of report.buckets) {
      const those = counted.filter((spec) => dayOf(checkedInAt(spec)) === bucket.key);
      expect(bucket.total).toBe(those.length);
      for (const advisor of [ADVISOR_WANG, ADVISOR_LI, NO_ADVISOR]) expect(bucket.byAdvisor[advisor] ?? 0).toBe(those.filter((s) => advisorOf(s) === advisor).length);
      expect(bucket.byService.repair ?? 0).toBe(those.filter((s) => s.serviceTypes.includes('repair')).length);
      expect(bucket.byService.none ?? 0).toBe(those.filter((s) => s.serviceTypes.length === 0).length);
    }
  });
});

describe('接车用时 and photos per card', () => {
  it('gives the median, p90 and histogram of the hand-made cards', () => {
    const report = checkInTimeReport(hand, ADVISORS, NOV);
    // Minutes of the ten November check-ins, sorted: 5 8 9 11 12 15 20 30 40 65.
    expect(report.cards).toBe(10);
    expect(report.minutes).toEqual({ median: 13.5, p90: 40, mean: 21.5 });
    expect(report.minutesHistogram.map((b) => b.count)).toEqual([0, 3, 2, 1, 1, 2, 0, 1]);
    // Photos (removed ones not counted): 8 20 0 3 45 5 6 0 0 0 → sorted 0 0 0 0 3 5 6 8 20 45.
    expect(report.photos).toEqual({ median: 4, p90: 20, mean: 8.7 });
    expect(report.photosTotal).toBe(87);
    expect(report.photosHistogram.map((b) => b.count)).toEqual([4, 1, 3, 0, 1, 1]);
    expect(report.byAdvisor.find((row) => row.advisorId === ADVISOR_LI)).toEqual({ advisorId: ADVISOR_LI, cards: 3, medianMinutes: 15, p90Minutes: 65, photosMean: 23.7 });
  });

  it('has no spread for a period without check-ins', () => {
    const report = checkInTimeReport(hand, ADVISORS, { from: '2026-06-01', to: '2026-06-30', advisorId: null });
    expect([report.cards, report.minutes, report.photos]).toEqual([0, null, null]);
  });

  it('matches random cards: p90 by nearest rank, photos total', () => {
    const specs = randomSpecs(15, 400);
    const report = checkInTimeReport(factsOf(specs), ADVISORS, NOV);
    const counted = specs.filter((spec) => inNov(checkedInAt(spec)));
    const minutes = counted.map((spec) => spec.checkInAfter ?? 0).sort((a, b) => a - b);
    expect(report.minutes?.p90).toBe(minutes[Math.ceil(minutes.length * 0.9) - 1]);
    expect(report.photosTotal).toBe(sum(counted.map((spec) => spec.photos)));
  });
});

describe('追加项目 offered against approved', () => {
  it('counts lines and 分 of the hand-made cards, undecided lines as offered', () => {
    const report = additionsReport(hand, ADVISORS, NOV);
    expect(report.total).toEqual({ advisorId: 'all', cards: 10, cardsWithAdditions: 3, offered: 5, offeredFen: 119_000, approved: 2, approvedFen: 68_000 });
    expect(report.byAdvisor.find((row) => row.advisorId === ADVISOR_LI)).toEqual({ advisorId: ADVISOR_LI, cards: 3, cardsWithAdditions: 2, offered: 2, offeredFen: 50_000, approved: 1, approvedFen: 20_000 });
  });

  it('adds up over random cards per advisor', () => {
    const specs = randomSpecs(16, 400);
    const report = additionsReport(factsOf(specs), ADVISORS, NOV);
    for (const advisor of [ADVISOR_WANG, ADVISOR_LI, NO_ADVISOR]) {
      const mine = specs.filter((spec) => inNov(checkedInAt(spec)) && advisorOf(spec) === advisor);
      const row = report.byAdvisor.find((r) => r.advisorId === advisor);
      expect(row?.offeredFen).toBe(sum(mine.flatMap((spec) => spec.additions.map((a) => a.fen))));
      expect(row?.approved).toBe(mine.flatMap((spec) => spec.additions.filter((a) => a.decision === 'approved')).length);
    }
  });
});

describe('估价 against 结算', () => {
  it('compares the estimate and the bill of the cars delivered in the period', () => {
    const report = estimateVsBillReport(hand, ADVISORS, NOV);
    // Delivered in November: 1, 2, 9, 10, 11, 12 (8 was delivered in December).
    // 1: 45,800 → 45,800 + 48,000 − 200 = 93,600; 2: 100,000 → 120,000; the others as estimated.
    expect(report.total).toEqual({ advisorId: 'all', cards: 6, estimateFen: 215_800, finalFen: 283_600, cardsOver: 2, cardsUnder: 0 });
  });

  it('adds up over random cards', () => {
    const specs = randomSpecs(17, 400);
    const report = estimateVsBillReport(factsOf(specs), ADVISORS, NOV);
    const delivered = specs.filter((spec) => spec.status === 'delivered' && inNov(spec.deliveredAt));
    expect(report.total.cards).toBe(delivered.length);
    expect(report.total.estimateFen).toBe(sum(delivered.map((spec) => sum(spec.estimateFen))));
    expect(report.total.finalFen).toBe(sum(delivered.map(finalOf)));
  });
});

describe('超时车辆 now', () => {
  it('lists the cars past their time and not ready, most late first', () => {
    const report = overdueReport(hand, ADVISORS, NOV, NOW);
    // 3: promised 1 Nov 12:00 → 34 days late; 5: promised 1 Dec 02:00 → 4 days 10 h late. 7 is ready, 4 is not due yet.
    expect(report.cars.map((car) => [car.number, car.lateMinutes])).toEqual([
      ['WK-TEST-0003', 34 * 24 * 60],
      ['WK-TEST-0005', 4 * 24 * 60 + 10 * 60],
    ]);
    expect(report.byLateness.map((b) => b.count)).toEqual([0, 0, 0, 2]);
  });

  it('matches random cards', () => {
    const specs = randomSpecs(18, 400);
    const late = specs.filter((spec) => ['checked-in', 'in-repair', 'quality-check'].includes(spec.status) && spec.promisedAt !== null && Date.parse(spec.promisedAt) < NOW.getTime());
    expect(overdueReport(factsOf(specs), ADVISORS, NOV, NOW).cars.map((car) => car.number).sort()).toEqual(late.map(numberOf).sort());
  });
});

describe('72 小时回访', () => {
  it('gives outcomes, states now and the calls to make', () => {
    const report = followUpsReport(hand, hand, ADVISORS, { from: '2026-11-01', to: '2026-12-05', advisorId: null }, NOW);
    expect(report.delivered).toBe(7);
    expect(report.outcomes).toEqual({ satisfied: 1, neutral: 1, dissatisfied: 2, noAnswer: 1, notCalled: 2 });
    expect(report.states).toEqual({ done: 3, open: 1, overdue: 2, due: 1, notYet: 0 });
    expect(report.toCall.map((row) => [row.number, row.state])).toEqual([
      ['WK-TEST-0009', 'overdue'],
      ['WK-TEST-0012', 'overdue'],
      ['WK-TEST-0002', 'open'],
      ['WK-TEST-0008', 'due'],
    ]);
    expect(report.toCall[0]?.customerName).toBe(FORMULA_NAME);
  });

  it('lists the calls to make now whatever the period: delivered in the last 90 days, of the advisor chosen', () => {
    const june = { from: '2026-06-01', to: '2026-06-30', advisorId: null };
    expect(followUpsReport(hand, hand, ADVISORS, june, NOW).toCall.map((row) => row.number)).toEqual(['WK-TEST-0009', 'WK-TEST-0012', 'WK-TEST-0002', 'WK-TEST-0008']);
    expect(followUpsReport(hand, hand, ADVISORS, { ...june, advisorId: ADVISOR_LI }, NOW).toCall.map((row) => row.number)).toEqual(['WK-TEST-0009', 'WK-TEST-0002']);
    // 91 days after card 9's handover (26 November 17:00) it has left the list.
    const later = new Date(Date.parse('2026-11-26T17:00:00.000+08:00') + 91 * 86_400_000);
    expect(followUpsReport(hand, hand, ADVISORS, june, later).toCall.map((row) => row.number)).not.toContain('WK-TEST-0009');
  });

  it('matches random cards', () => {
    const specs = randomSpecs(19, 400);
    const report = followUpsReport(factsOf(specs), [], ADVISORS, NOV, NOW);
    const delivered = specs.filter((spec) => spec.status === 'delivered' && inNov(spec.deliveredAt));
    const expected = delivered.map((spec) => expectedFollowUp(spec, NOW));
    for (const result of ['satisfied', 'neutral', 'dissatisfied', 'noAnswer', 'notCalled'] as const)
      expect(report.outcomes[result]).toBe(expected.filter((e) => e.result === result).length);
    for (const state of ['done', 'open', 'overdue', 'due', 'notYet'] as const) expect(report.states[state]).toBe(expected.filter((e) => e.state === state).length);
  });
});

describe('损伤热力图', () => {
  it('puts each mark of the period in its cell of its view', () => {
    const report = damageMapReport(hand, ADVISORS, NOV);
    const view = (name: string) => report.views.find((v) => v.view === name);
    // top is 26 × 10: (0.1, 0.5) → column 2, row 5; (0.11, 0.55) → column 2, row 5 as well.
    expect(view('top')?.cells).toEqual([[2, 5, 2]]);
    // left: (0.5, 0.5) → column 13, row 5; (1, 0) at the very edge → the last column, row 0.
    expect(view('left')?.cells).toEqual([[25, 0, 1], [13, 5, 1]]);
    expect(view('front')?.cells).toEqual([[6, 2, 1]]);
    expect(view('rear')?.cells).toEqual([[6, 9, 1]]);
    expect(view('right')).toMatchObject({ cells: [[7, 6, 1]], checkin: 0, handover: 1 });
    expect(report.cards).toBe(10);
    expect(report.cardsWithMarks).toBe(4);
    expect(view('top')?.byType.scratch).toBe(2);
  });

  it('counts every random mark once, in the right view', () => {
    const specs = randomSpecs(20, 400);
    const report = damageMapReport(factsOf(specs), ADVISORS, NOV);
    const marks = specs.filter((spec) => inNov(checkedInAt(spec))).flatMap((spec) => spec.marks);
    for (const view of report.views) {
      expect(view.total).toBe(marks.filter((mark) => mark.view === view.view).length);
      expect(sum(view.cells.map(([, , n]) => n))).toBe(view.total);
    }
  });
});

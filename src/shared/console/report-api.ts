// The console's reports as the server sends them and the reports page reads them: the query
// (a period of local days, optionally one advisor, and how to cut it) and one schema per report.
// Money in 分, durations in minutes, days as "YYYY-MM-DD" of the store's clock.
import { z } from 'zod';
import { CALL_OUTCOMES } from '../follow-up.ts';
import { JOB_STATUSES } from '../job-status.ts';
import { SERVICE_TYPES } from '../job.ts';
import { DAMAGE_TYPES, VEHICLE_VIEWS } from '../walkaround.ts';
import { daysFromTo, isCalendarDay, storeDaySchema } from './store-day.ts';

export const REPORT_NAMES = ['check-ins', 'check-in-time', 'additions', 'estimate-vs-bill', 'overdue', 'follow-ups', 'damage-map'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const GRANULARITIES = ['day', 'week', 'month'] as const;
/** About three years: a period longer than that is almost always a typo in a year. */
export const MAX_REPORT_DAYS = 1096;

/** The key of cards checked in by no signed-in advisor (an unenrolled tablet, an old card). */
export const NO_ADVISOR = 'none';

export const reportQuerySchema = z
  .object({
    from: storeDaySchema('from'),
    to: storeDaySchema('to'),
    advisor: z.uuid({ message: 'advisor must be an advisor id from the advisors list' }).optional(),
    by: z.enum(GRANULARITIES, { message: 'by must be day, week or month' }).default('day'),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!isCalendarDay(query.from) || !isCalendarDay(query.to)) return;
    const days = daysFromTo(query.from, query.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `to (${query.to}) must be on or after from (${query.from})` });
    else if (days > MAX_REPORT_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period is ${days} days; choose at most ${MAX_REPORT_DAYS} days (about three years)` });
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const count = z.number().int().nonnegative();
const fen = z.number().int();
const advisorKey = z.string();

const reportBase = {
  from: z.string(),
  to: z.string(),
  advisorId: z.string().nullable(),
  /** Names for the advisor keys (disabled advisors included, as long as the store knows them). */
  advisors: z.array(z.object({ id: z.string(), name: z.string() })),
};

export const checkInsReportSchema = z.object({
  ...reportBase,
  by: z.enum(GRANULARITIES),
  total: count,
  buckets: z.array(
    z.object({
      /** "2026-11-27", "2026-W48" or "2026-11". */
      key: z.string(),
      total: count,
      byAdvisor: z.record(advisorKey, count),
      /** A card may have several service types; "none" counts cards with none ticked. */
      byService: z.record(z.string(), count),
    }),
  ),
  byAdvisor: z.array(z.object({ advisorId: advisorKey, count })),
  byService: z.array(z.object({ type: z.enum([...SERVICE_TYPES, 'none']), count })),
});
export type CheckInsReport = z.infer<typeof checkInsReportSchema>;

const spread = z.object({ median: z.number(), p90: z.number(), mean: z.number() }).nullable();
const histogram = z.array(z.object({ from: z.number(), to: z.number().nullable(), count }));

export const checkInTimeReportSchema = z.object({
  ...reportBase,
  cards: count,
  /** Minutes from card created to checked in. */
  minutes: spread,
  /** Buckets [from, to) in minutes; the last has no end. */
  minutesHistogram: histogram,
  photos: spread,
  photosTotal: count,
  /** Buckets [from, to) in photos per card. */
  photosHistogram: histogram,
  byAdvisor: z.array(z.object({ advisorId: advisorKey, cards: count, medianMinutes: z.number(), p90Minutes: z.number(), photosMean: z.number() })),
});
export type CheckInTimeReport = z.infer<typeof checkInTimeReportSchema>;

const additionsRow = z.object({
  advisorId: advisorKey,
  cards: count,
  cardsWithAdditions: count,
  offered: count,
  offeredFen: fen,
  approved: count,
  approvedFen: fen,
});
export type AdditionsRow = z.infer<typeof additionsRow>;

export const additionsReportSchema = z.object({ ...reportBase, total: additionsRow, byAdvisor: z.array(additionsRow) });
export type AdditionsReport = z.infer<typeof additionsReportSchema>;

const billRow = z.object({ advisorId: advisorKey, cards: count, estimateFen: fen, finalFen: fen, cardsOver: count, cardsUnder: count });
export type BillRow = z.infer<typeof billRow>;

export const estimateVsBillReportSchema = z.object({ ...reportBase, total: billRow, byAdvisor: z.array(billRow) });
export type EstimateVsBillReport = z.infer<typeof estimateVsBillReportSchema>;

export const LATENESS_BUCKETS = [
  { key: 'under1h', fromMinutes: 0 },
  { key: 'hours1to4', fromMinutes: 60 },
  { key: 'hours4to24', fromMinutes: 240 },
  { key: 'over1day', fromMinutes: 1440 },
] as const;

export const overdueReportSchema = z.object({
  ...reportBase,
  now: z.string(),
  cars: z.array(
    z.object({
      jobId: z.string(),
      number: z.string(),
      plate: z.string(),
      customerName: z.string(),
      advisorId: advisorKey,
      status: z.enum(JOB_STATUSES),
      promisedAt: z.string(),
      lateMinutes: count,
    }),
  ),
  byLateness: z.array(z.object({ key: z.enum(LATENESS_BUCKETS.map((bucket) => bucket.key)), count })),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;

export const FOLLOW_UP_RESULTS = [...CALL_OUTCOMES, 'notCalled'] as const;
export const FOLLOW_UP_STATES = ['done', 'open', 'overdue', 'due', 'notYet'] as const;

export const followUpsReportSchema = z.object({
  ...reportBase,
  now: z.string(),
  delivered: count,
  /** Per card: the answered call's outcome, else noAnswer if only unanswered calls, else notCalled. */
  outcomes: z.record(z.enum(FOLLOW_UP_RESULTS), count),
  /** Where each card's follow-up stands now (the tablets' rule). */
  states: z.record(z.enum(FOLLOW_UP_STATES), count),
  /** The calls to make now: overdue first, then open complaints, then due; longest waiting first. */
  toCall: z.array(
    z.object({
      jobId: z.string(),
      number: z.string(),
      plate: z.string(),
      customerName: z.string(),
      customerPhone: z.string(),
      advisorId: advisorKey,
      deliveredAt: z.string(),
      state: z.enum(['overdue', 'open', 'due']),
    }),
  ),
});
export type FollowUpsReport = z.infer<typeof followUpsReportSchema>;

/**
 * The heat map's grid per view: about 20 × 20 diagram units (0.2 m) a cell on the tablets'
 * diagrams (520 × 200 plan, 520 × 190 sides, 240 × 190 ends). Marks are stored as fractions of
 * the view, so the grid is too: column = floor(x × cols), row = floor(y × rows).
 */
export const HEAT_GRID: Record<(typeof VEHICLE_VIEWS)[number], { cols: number; rows: number }> = {
  top: { cols: 26, rows: 10 },
  left: { cols: 26, rows: 10 },
  right: { cols: 26, rows: 10 },
  front: { cols: 12, rows: 10 },
  rear: { cols: 12, rows: 10 },
};

export const damageMapReportSchema = z.object({
  ...reportBase,
  cards: count,
  cardsWithMarks: count,
  views: z.array(
    z.object({
      view: z.enum(VEHICLE_VIEWS),
      cols: count,
      rows: count,
      total: count,
      checkin: count,
      handover: count,
      /** [column, row, marks] of each cell with marks, column 0 at the diagram's left, row 0 at its top. */
      cells: z.array(z.tuple([count, count, count])),
      byType: z.record(z.enum(DAMAGE_TYPES), count),
    }),
  ),
});
export type DamageMapReport = z.infer<typeof damageMapReportSchema>;

export const REPORT_SCHEMAS = {
  'check-ins': checkInsReportSchema,
  'check-in-time': checkInTimeReportSchema,
  additions: additionsReportSchema,
  'estimate-vs-bill': estimateVsBillReportSchema,
  overdue: overdueReportSchema,
  'follow-ups': followUpsReportSchema,
  'damage-map': damageMapReportSchema,
} as const satisfies Record<ReportName, z.ZodType>;

export type ReportOf = {
  'check-ins': CheckInsReport;
  'check-in-time': CheckInTimeReport;
  additions: AdditionsReport;
  'estimate-vs-bill': EstimateVsBillReport;
  overdue: OverdueReport;
  'follow-ups': FollowUpsReport;
  'damage-map': DamageMapReport;
};

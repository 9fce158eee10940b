// Each report as the tables the page shows beside its chart and the files it exports: one model
// per table (columns with a kind, rows of raw values), so the screen, the CSV and the XLSX hold
// the same numbers. Money stays in 分 here and becomes ¥ text on screen, yuan in the files.
import type {
  AdditionsReport,
  CheckInsReport,
  CheckInTimeReport,
  DamageMapReport,
  EstimateVsBillReport,
  FollowUpsReport,
  OverdueReport,
} from '../../shared/console/report-api.ts';
import { FOLLOW_UP_RESULTS, FOLLOW_UP_STATES, NO_ADVISOR } from '../../shared/console/report-api.ts';
import { SERVICE_TYPES } from '../../shared/job.ts';
import { DAMAGE_TYPES } from '../../shared/walkaround.ts';
import type { ConsoleLanguage, Words } from '../language.tsx';
import { LATENESS_WORDS, NO_SERVICE, NOT_CALLED, tabletWord, W } from './messages.ts';

export type ColumnKind = 'text' | 'int' | 'fen' | 'decimal' | 'percent' | 'time';
export type Column = { label: string; kind: ColumnKind };
export type Cell = string | number | null;
export type Table = { title: string; columns: Column[]; rows: Cell[][] };

export type Speaker = { say: (words: Words, values?: Record<string, string | number>) => string; language: ConsoleLanguage };

const col = (label: string, kind: ColumnKind = 'int'): Column => ({ label, kind });
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The advisor's name for a key of the reports (an id, or NO_ADVISOR). */
export function advisorName(report: { advisors: { id: string; name: string }[] }, key: string, { say }: Speaker): string {
  if (key === NO_ADVISOR) return say(W.noAdvisor);
  if (key === 'all') return say(W.total);
  return report.advisors.find((advisor) => advisor.id === key)?.name ?? say(W.unknownAdvisor);
}

export const serviceWord = (type: string, s: Speaker) => (type === 'none' ? s.say(NO_SERVICE) : tabletWord(s.language, `service.${type as (typeof SERVICE_TYPES)[number]}`));

/** Advisors that appear anywhere in the report's buckets, in the report's order. */
export function advisorKeysOf(report: CheckInsReport): string[] {
  return report.byAdvisor.map((row) => row.advisorId);
}

export function checkInsTables(report: CheckInsReport, s: Speaker): Table[] {
  const advisors = advisorKeysOf(report);
  const services = [...SERVICE_TYPES, 'none'].filter((type) => type !== 'none' || report.byService.some((row) => row.type === 'none'));
  return [
    {
      title: s.say(W.checkIns),
      columns: [col(s.say(W.period), 'text'), col(s.say(W.cars)), ...advisors.map((key) => col(advisorName(report, key, s))), ...services.map((type) => col(serviceWord(type, s)))],
      rows: [
        ...report.buckets.map((bucket) => [bucket.key, bucket.total, ...advisors.map((key) => bucket.byAdvisor[key] ?? 0), ...services.map((type) => bucket.byService[type] ?? 0)]),
        [s.say(W.total), report.total, ...report.byAdvisor.map((row) => row.count), ...services.map((type) => report.byService.find((row) => row.type === type)?.count ?? 0)],
      ],
    },
  ];
}

type Bucket = { from: number; to: number | null };
/** Minutes are continuous: 5–10 means from 5 up to 10. */
export const minutesLabel = (bucket: Bucket) => (bucket.to === null ? `≥${bucket.from}` : `${bucket.from}–${bucket.to}`);
/** Photos are whole: 1–4, or 0 alone. */
export const photosLabel = (bucket: Bucket) => (bucket.to === null ? `≥${bucket.from}` : bucket.to - 1 === bucket.from ? `${bucket.from}` : `${bucket.from}–${bucket.to - 1}`);

export function checkInTimeTables(report: CheckInTimeReport, s: Speaker): Table[] {
  return [
    {
      title: s.say(W.checkInTime),
      columns: [col(s.say(W.measure), 'text'), col(s.say(W.value), 'decimal')],
      rows: [
        [s.say(W.cards), report.cards],
        [s.say(W.medianMinutes), report.minutes?.median ?? null],
        [s.say(W.p90Minutes), report.minutes?.p90 ?? null],
        [s.say(W.meanMinutes), report.minutes?.mean ?? null],
        [s.say(W.photosMedian), report.photos?.median ?? null],
        [s.say(W.photosP90), report.photos?.p90 ?? null],
        [s.say(W.photosMean), report.photos?.mean ?? null],
        [s.say(W.photosTotal), report.photosTotal],
      ],
    },
    { title: s.say(W.minutes), columns: [col(s.say(W.minutes), 'text'), col(s.say(W.cards))], rows: report.minutesHistogram.map((b) => [minutesLabel(b), b.count]) },
    { title: s.say(W.photos), columns: [col(s.say(W.photos), 'text'), col(s.say(W.cards))], rows: report.photosHistogram.map((b) => [photosLabel(b), b.count]) },
    {
      title: s.say(W.advisor),
      columns: [col(s.say(W.advisor), 'text'), col(s.say(W.cards)), col(s.say(W.medianMinutes), 'decimal'), col(s.say(W.p90Minutes), 'decimal'), col(s.say(W.photosMean), 'decimal')],
      rows: report.byAdvisor.map((row) => [advisorName(report, row.advisorId, s), row.cards, row.medianMinutes, row.p90Minutes, row.photosMean]),
    },
  ];
}

export function additionsTables(report: AdditionsReport, s: Speaker): Table[] {
  const line = (name: string, row: AdditionsReport['total']): Cell[] => [
    name,
    row.cards,
    row.cardsWithAdditions,
    row.offered,
    row.approved,
    row.offeredFen,
    row.approvedFen,
    ratio(row.approvedFen, row.offeredFen),
  ];
  return [
    {
      title: s.say(W.additions),
      columns: [
        col(s.say(W.advisor), 'text'),
        col(s.say(W.cars)),
        col(s.say(W.cardsWithAdditions)),
        col(s.say(W.offered)),
        col(s.say(W.approved)),
        col(s.say(W.offeredAmount), 'fen'),
        col(s.say(W.approvedAmount), 'fen'),
        col(s.say(W.approvalRate), 'percent'),
      ],
      rows: [...report.byAdvisor.map((row) => line(advisorName(report, row.advisorId, s), row)), line(s.say(W.total), report.total)],
    },
  ];
}

export function estimateVsBillTables(report: EstimateVsBillReport, s: Speaker): Table[] {
  const line = (name: string, row: EstimateVsBillReport['total']): Cell[] => [
    name,
    row.cards,
    row.estimateFen,
    row.finalFen,
    row.finalFen - row.estimateFen,
    ratio(row.finalFen - row.estimateFen, row.estimateFen),
    row.cardsOver,
    row.cardsUnder,
  ];
  return [
    {
      title: s.say(W.estimateVsBill),
      columns: [
        col(s.say(W.advisor), 'text'),
        col(s.say(W.cars)),
        col(s.say(W.estimate), 'fen'),
        col(s.say(W.bill), 'fen'),
        col(s.say(W.difference), 'fen'),
        col(`${s.say(W.difference)} %`, 'percent'),
        col(s.say(W.over)),
        col(s.say(W.under)),
      ],
      rows: [...report.byAdvisor.map((row) => line(advisorName(report, row.advisorId, s), row)), line(s.say(W.total), report.total)],
    },
  ];
}

export function overdueTables(report: OverdueReport, s: Speaker): Table[] {
  return [
    {
      title: s.say(W.overdue),
      columns: [
        col(s.say(W.number), 'text'),
        col(s.say(W.plate), 'text'),
        col(s.say(W.customer), 'text'),
        col(s.say(W.advisor), 'text'),
        col(s.say(W.status), 'text'),
        col(s.say(W.promisedAt), 'time'),
        col(s.say(W.lateHours), 'decimal'),
      ],
      rows: report.cars.map((car) => [
        car.number,
        car.plate,
        car.customerName,
        advisorName(report, car.advisorId, s),
        tabletWord(s.language, `status.${car.status}`),
        car.promisedAt,
        Math.round(car.lateMinutes / 6) / 10,
      ]),
    },
    { title: s.say(W.lateness), columns: [col(s.say(W.lateness), 'text'), col(s.say(W.cars))], rows: report.byLateness.map((row) => [s.say(LATENESS_WORDS[row.key]), row.count]) },
  ];
}

export const resultWord = (result: (typeof FOLLOW_UP_RESULTS)[number], s: Speaker) => (result === 'notCalled' ? s.say(NOT_CALLED) : tabletWord(s.language, `followUp.outcome.${result}`));
export const stateWord = (state: (typeof FOLLOW_UP_STATES)[number], s: Speaker) => tabletWord(s.language, `followUp.state.${state}`);

export function followUpsTables(report: FollowUpsReport, s: Speaker): Table[] {
  return [
    { title: s.say(W.outcome), columns: [col(s.say(W.outcome), 'text'), col(s.say(W.cars))], rows: FOLLOW_UP_RESULTS.map((result) => [resultWord(result, s), report.outcomes[result]]) },
    { title: s.say(W.state), columns: [col(s.say(W.state), 'text'), col(s.say(W.cars))], rows: FOLLOW_UP_STATES.map((state) => [stateWord(state, s), report.states[state]]) },
    {
      title: s.say(W.toCall),
      columns: [
        col(s.say(W.state), 'text'),
        col(s.say(W.number), 'text'),
        col(s.say(W.plate), 'text'),
        col(s.say(W.customer), 'text'),
        col(s.say(W.phone), 'text'),
        col(s.say(W.advisor), 'text'),
        col(s.say(W.deliveredAt), 'time'),
      ],
      rows: report.toCall.map((row) => [stateWord(row.state, s), row.number, row.plate, row.customerName, row.customerPhone, advisorName(report, row.advisorId, s), row.deliveredAt]),
    },
  ];
}

export function damageMapTables(report: DamageMapReport, s: Speaker): Table[] {
  return [
    {
      title: s.say(W.damageMap),
      columns: [
        col(s.say(W.view), 'text'),
        col(s.say(W.marks)),
        col(s.say(W.atCheckIn)),
        col(s.say(W.atHandover)),
        ...DAMAGE_TYPES.map((type) => col(tabletWord(s.language, `damage.type.${type}`))),
      ],
      rows: report.views.map((view) => [tabletWord(s.language, `view.${view.view}`), view.total, view.checkin, view.handover, ...DAMAGE_TYPES.map((type) => view.byType[type])]),
    },
  ];
}

// 超时车辆, now: cars checked in, not ready, and past their promised time (交车时间 as it stands
// after any round moved it), most late first, with how late in buckets for the chart.
import { LATENESS_BUCKETS, type OverdueReport } from '../../shared/console/report-api.ts';
import { isOverdue, type JobFacts } from '../console/job-facts.ts';
import { advisorKeyOf, base, type AdvisorName, type ReportParams } from './selection.ts';

export function overdueReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams, now: Date): OverdueReport {
  const cars = facts
    .filter((card) => isOverdue(card, now) && (params.advisorId === null || card.advisorId === params.advisorId))
    .map((card) => ({
      jobId: card.jobId,
      number: card.number,
      plate: card.plate,
      customerName: card.customerName,
      advisorId: advisorKeyOf(card),
      status: card.status,
      promisedAt: card.promisedAt ?? '',
      lateMinutes: Math.floor((now.getTime() - Date.parse(card.promisedAt ?? '')) / 60_000),
    }))
    .sort((a, b) => b.lateMinutes - a.lateMinutes || (a.number < b.number ? -1 : 1));
  const bucketOf = (minutes: number) => [...LATENESS_BUCKETS].reverse().find((bucket) => minutes >= bucket.fromMinutes)?.key ?? 'under1h';
  return {
    ...base(params, advisors),
    now: now.toISOString(),
    cars,
    byLateness: LATENESS_BUCKETS.map(({ key }) => ({ key, count: cars.filter((car) => bucketOf(car.lateMinutes) === key).length })),
  };
}

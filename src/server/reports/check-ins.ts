// 进厂台次: cars checked in per day, ISO week or month of the period, per advisor and per
// service type. A card counts once in the total and once under each service type ticked on it.
import { NO_ADVISOR, type CheckInsReport } from '../../shared/console/report-api.ts';
import { SERVICE_TYPES } from '../../shared/job.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { bucketOf, bucketsOf, localDay, type Granularity } from './period.ts';
import { advisorKeyOf, base, byAdvisor, selected, type AdvisorName, type ReportParams } from './selection.ts';

export const serviceKeysOf = (card: JobFacts): string[] => (card.serviceTypes.length > 0 ? card.serviceTypes : ['none']);

export function checkInsReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams & { by: Granularity }): CheckInsReport {
  const cards = selected(facts, params, (card) => card.checkedInAt);
  const buckets = new Map(bucketsOf(params.from, params.to, params.by).map((key) => [key, { key, total: 0, byAdvisor: {} as Record<string, number>, byService: {} as Record<string, number> }]));
  for (const card of cards) {
    const bucket = buckets.get(bucketOf(localDay(card.checkedInAt ?? ''), params.by));
    if (!bucket) continue;
    bucket.total += 1;
    const advisor = advisorKeyOf(card);
    bucket.byAdvisor[advisor] = (bucket.byAdvisor[advisor] ?? 0) + 1;
    for (const type of serviceKeysOf(card)) bucket.byService[type] = (bucket.byService[type] ?? 0) + 1;
  }
  const services = [...SERVICE_TYPES, 'none'] as const;
  return {
    ...base(params, advisors),
    by: params.by,
    total: cards.length,
    buckets: [...buckets.values()],
    byAdvisor: byAdvisor(cards, advisors, (advisorId, group) => ({ advisorId, count: group.length })),
    byService: services
      .map((type) => ({ type, count: cards.filter((card) => serviceKeysOf(card).includes(type)).length }))
      .filter((row) => row.count > 0 || row.type !== 'none'),
  };
}

export { NO_ADVISOR };

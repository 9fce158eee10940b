// Which cards a report counts: those whose event (check-in, delivery) fell on a local day of
// the period, of the chosen advisor if one was chosen. Cards nobody signed in for are kept
// under NO_ADVISOR, so the totals add up with or without the advisors' split.
import { NO_ADVISOR } from '../../shared/console/report-api.ts';
import type { JobFacts } from '../console/job-facts.ts';
import { inPeriod } from './period.ts';

export type ReportParams = { from: string; to: string; advisorId: string | null };
export type AdvisorName = { id: string; name: string };

export const advisorKeyOf = (facts: Pick<JobFacts, 'advisorId'>) => facts.advisorId ?? NO_ADVISOR;

export function selected(
  facts: readonly JobFacts[],
  params: ReportParams,
  when: (card: JobFacts) => string | null,
): JobFacts[] {
  return facts.filter((card) => inPeriod(when(card), params.from, params.to) && (params.advisorId === null || card.advisorId === params.advisorId));
}

/** Rows per advisor in the order of the store's advisors list, then any other keys (disabled, none). */
export function byAdvisor<R>(cards: readonly JobFacts[], advisors: readonly AdvisorName[], row: (key: string, cards: JobFacts[]) => R): R[] {
  const groups = new Map<string, JobFacts[]>();
  for (const card of cards) {
    const key = advisorKeyOf(card);
    const group = groups.get(key);
    if (group) group.push(card);
    else groups.set(key, [card]);
  }
  const order = advisors.map((advisor) => advisor.id);
  const keys = [...groups.keys()].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1));
  return keys.map((key) => row(key, groups.get(key) ?? []));
}

const rank = (order: readonly string[], key: string) => {
  const at = order.indexOf(key);
  return at === -1 ? order.length + (key === NO_ADVISOR ? 1 : 0) : at;
};

export const base = (params: ReportParams, advisors: readonly AdvisorName[]) => ({
  from: params.from,
  to: params.to,
  advisorId: params.advisorId,
  advisors: advisors.map(({ id, name }) => ({ id, name })),
});

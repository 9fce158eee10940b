// 72 小时回访 of the cars delivered in the period: what each call found (the answered call's
// outcome, else 未接通 if every call went unanswered, else not called yet), where each card's
// follow-up stands now by the tablets' rule, and the calls to make now.
import { FOLLOW_UP_RESULTS, FOLLOW_UP_STATES, type FollowUpsReport } from '../../shared/console/report-api.ts';
import { followUpStateOfFacts, type JobFacts } from '../console/job-facts.ts';
import { advisorKeyOf, base, selected, type AdvisorName, type ReportParams } from './selection.ts';

export const followUpResultOf = (card: JobFacts): (typeof FOLLOW_UP_RESULTS)[number] =>
  card.followUpOutcome ?? (card.followUpNoAnswer > 0 ? 'noAnswer' : 'notCalled');

const CALL_ORDER = ['overdue', 'open', 'due'] as const;

export function followUpsReport(facts: readonly JobFacts[], advisors: readonly AdvisorName[], params: ReportParams, now: Date): FollowUpsReport {
  const cards = selected(facts, params, (card) => card.deliveredAt);
  const outcomes = Object.fromEntries(FOLLOW_UP_RESULTS.map((key) => [key, 0])) as Record<(typeof FOLLOW_UP_RESULTS)[number], number>;
  const states = Object.fromEntries(FOLLOW_UP_STATES.map((key) => [key, 0])) as Record<(typeof FOLLOW_UP_STATES)[number], number>;
  const toCall: FollowUpsReport['toCall'] = [];
  for (const card of cards) {
    outcomes[followUpResultOf(card)] += 1;
    const state = followUpStateOfFacts(card, now);
    states[state] += 1;
    if (state === 'overdue' || state === 'open' || state === 'due')
      toCall.push({
        jobId: card.jobId,
        number: card.number,
        plate: card.plate,
        customerName: card.customerName,
        customerPhone: card.customerPhone,
        advisorId: advisorKeyOf(card),
        deliveredAt: card.deliveredAt ?? '',
        state,
      });
  }
  toCall.sort((a, b) => CALL_ORDER.indexOf(a.state) - CALL_ORDER.indexOf(b.state) || Date.parse(a.deliveredAt) - Date.parse(b.deliveredAt));
  return { ...base(params, advisors), now: now.toISOString(), delivered: cards.length, outcomes, states, toCall };
}

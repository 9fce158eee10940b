// 72 小时回访: for the cars delivered in the period, what each call found (the answered call's
// outcome, else 未接通 if every call went unanswered, else not called yet) and where each
// card's follow-up stands now by the tablets' rule; and, whatever the period, the calls to make
// now: the cars delivered in the last FOLLOW_UP_LIST_DAYS whose call is due, overdue or whose
// complaint is still open (the tablets' follow-up list, for the desk).
import { FOLLOW_UP_RESULTS, FOLLOW_UP_STATES, type FollowUpsReport } from '../../shared/console/report-api.ts';
import { followUpStateOfFacts, type JobFacts } from '../console/job-facts.ts';
import { advisorKeyOf, base, selected, type AdvisorName, type ReportParams } from './selection.ts';

/** How far back the list of calls to make reaches: a call not made in three months is history, not a task. */
export const FOLLOW_UP_LIST_DAYS = 90;

export const followUpResultOf = (card: JobFacts): (typeof FOLLOW_UP_RESULTS)[number] =>
  card.followUpOutcome ?? (card.followUpNoAnswer > 0 ? 'noAnswer' : 'notCalled');

const CALL_ORDER = ['overdue', 'open', 'due'] as const;

/**
 * `facts`: the cards delivered in (about) the period; `recent`: those delivered in (about) the
 * last FOLLOW_UP_LIST_DAYS up to `now`. Both are narrowed here exactly.
 */
export function followUpsReport(
  facts: readonly JobFacts[],
  recent: readonly JobFacts[],
  advisors: readonly AdvisorName[],
  params: ReportParams,
  now: Date,
): FollowUpsReport {
  const cards = selected(facts, params, (card) => card.deliveredAt);
  const outcomes = Object.fromEntries(FOLLOW_UP_RESULTS.map((key) => [key, 0])) as Record<(typeof FOLLOW_UP_RESULTS)[number], number>;
  const states = Object.fromEntries(FOLLOW_UP_STATES.map((key) => [key, 0])) as Record<(typeof FOLLOW_UP_STATES)[number], number>;
  for (const card of cards) {
    outcomes[followUpResultOf(card)] += 1;
    states[followUpStateOfFacts(card, now)] += 1;
  }
  const since = now.getTime() - FOLLOW_UP_LIST_DAYS * 86_400_000;
  const toCall: FollowUpsReport['toCall'] = [];
  for (const card of recent) {
    if (card.deliveredAt === null || Date.parse(card.deliveredAt) < since || Date.parse(card.deliveredAt) > now.getTime()) continue;
    if (params.advisorId !== null && card.advisorId !== params.advisorId) continue;
    const state = followUpStateOfFacts(card, now);
    if (state === 'overdue' || state === 'open' || state === 'due')
      toCall.push({
        jobId: card.jobId,
        number: card.number,
        plate: card.plate,
        customerName: card.customerName,
        customerPhone: card.customerPhone,
        advisorId: advisorKeyOf(card),
        deliveredAt: card.deliveredAt,
        state,
      });
  }
  toCall.sort((a, b) => CALL_ORDER.indexOf(a.state) - CALL_ORDER.indexOf(b.state) || Date.parse(a.deliveredAt) - Date.parse(b.deliveredAt));
  return { ...base(params, advisors), now: now.toISOString(), delivered: cards.length, outcomes, states, toCall };
}

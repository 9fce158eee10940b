// Where a delivered card stands with its 72 小时回访, as plain functions: the job list reads
// them at start, so they load without the schemas of follow-up.ts (whose zod would otherwise
// be built before the first screen).
import type { FollowUp, FollowUpCall } from './follow-up.ts';

export const FOLLOW_UP_DUE_HOURS = 48;
export const FOLLOW_UP_OVERDUE_HOURS = 72;
const HOUR_MS = 3_600_000;

export type FollowUpState =
  /** Not delivered, or delivered less than 48 h ago. */
  | 'notYet'
  | 'due'
  | 'overdue'
  /** A call reached the customer and they were content (or neutral). */
  | 'done'
  /** The customer was dissatisfied and nobody has closed it yet. */
  | 'open';

function callsInOrder(followUp: FollowUp): FollowUpCall[] {
  return Object.values(followUp.calls).sort((a, b) => Date.parse(a.calledAt) - Date.parse(b.calledAt) || (a.id < b.id ? -1 : 1));
}

/** The call that reached the customer, if any (the latest one that was answered). */
export function answeredCall(followUp: FollowUp): FollowUpCall | undefined {
  return callsInOrder(followUp)
    .filter((call) => call.outcome !== 'noAnswer')
    .at(-1);
}

export function followUpState(deliveredAt: string | null, followUp: FollowUp, now: Date): FollowUpState {
  if (!deliveredAt) return 'notYet';
  const answered = answeredCall(followUp);
  // A resolution closes the complaints made before it; a dissatisfied call after it is a new one.
  const closedAt = followUp.resolution ? Date.parse(followUp.resolution.at) : -Infinity;
  const open = Object.values(followUp.calls).some((call) => call.outcome === 'dissatisfied' && Date.parse(call.calledAt) > closedAt);
  if (open) return 'open';
  if (answered) return 'done';
  const hours = (now.getTime() - Date.parse(deliveredAt)) / HOUR_MS;
  if (hours >= FOLLOW_UP_OVERDUE_HOURS) return 'overdue';
  if (hours >= FOLLOW_UP_DUE_HOURS) return 'due';
  return 'notYet';
}

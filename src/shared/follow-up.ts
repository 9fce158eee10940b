// 72 小时回访: the follow-up call after handover. A delivered card joins the list 48 hours
// after handover and is overdue after 72. Each call is recorded with its outcome; 未接通 keeps
// the card on the list to try again. A dissatisfied customer opens an item that stays on the
// list until someone closes it with what was done.
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';

export const CALL_OUTCOMES = ['satisfied', 'neutral', 'dissatisfied', 'noAnswer'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const followUpCallFieldsSchema = z.object({
  id: z.uuid(),
  outcome: z.enum(CALL_OUTCOMES),
  note: text(500),
});
export const followUpCallSchema = followUpCallFieldsSchema.extend({
  calledAt: isoDateTime,
  advisorId: z.uuid().nullable(),
});
export type FollowUpCall = z.infer<typeof followUpCallSchema>;

export const followUpSchema = z.object({
  calls: z.record(z.uuid(), followUpCallSchema),
  /** What was done about a dissatisfied call; null while it is open (or none was). */
  resolution: z
    .object({ note: text(500).min(1, { message: 'required' }), at: isoDateTime, advisorId: z.uuid().nullable() })
    .nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export function emptyFollowUp(): FollowUp {
  return { calls: {}, resolution: null };
}

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

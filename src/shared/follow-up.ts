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

// The state of a card's follow-up is plain functions in follow-up-state.ts, so the job list
// loads them without this module's schemas; importers of follow-up.ts keep finding them here.
export { FOLLOW_UP_DUE_HOURS, FOLLOW_UP_OVERDUE_HOURS, answeredCall, followUpState } from './follow-up-state.ts';
export type { FollowUpState } from './follow-up-state.ts';

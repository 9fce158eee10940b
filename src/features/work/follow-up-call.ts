// The rules of the follow-up form before anything is saved: an outcome must be chosen, a
// dissatisfied customer's words are required (someone must act on them), and closing the
// item needs what was done. Also the call's window: from 48 h after handover, before 72 h.
import { FOLLOW_UP_DUE_HOURS, FOLLOW_UP_OVERDUE_HOURS, type CallOutcome } from '../../shared/follow-up.ts';

export type CallProblem = 'followUp.chooseOutcome' | 'followUp.noteRequired';

export function callProblem(outcome: CallOutcome | null, note: string): CallProblem | null {
  if (!outcome) return 'followUp.chooseOutcome';
  if (outcome === 'dissatisfied' && note.trim() === '') return 'followUp.noteRequired';
  return null;
}

export function resolutionProblem(note: string): 'followUp.resolutionRequired' | null {
  return note.trim() === '' ? 'followUp.resolutionRequired' : null;
}

const HOUR_MS = 3_600_000;

/** When the call becomes due and when it is overdue, as ISO instants. */
export function callWindow(deliveredAt: string): { from: string; until: string } {
  const at = Date.parse(deliveredAt);
  return { from: new Date(at + FOLLOW_UP_DUE_HOURS * HOUR_MS).toISOString(), until: new Date(at + FOLLOW_UP_OVERDUE_HOURS * HOUR_MS).toISOString() };
}

// The 72 小时回访 list: delivered cards whose call is due (48 h after handover), overdue (72 h)
// or whose dissatisfied customer's item is still open. Overdue first, then open items, then
// the due ones; within each, the car handed back longest ago first.
import { followUpState, type FollowUpState } from './follow-up-state.ts';
import type { Job } from './job.ts';
import { enteredAt } from './status-moves.ts';

export type FollowUpListState = Extract<FollowUpState, 'due' | 'overdue' | 'open'>;
export type FollowUpEntry<J> = { job: J; state: FollowUpListState; deliveredAt: string };

const ORDER: readonly FollowUpListState[] = ['overdue', 'open', 'due'];

type FollowUpInput = Pick<Job, 'status' | 'moves' | 'followUp'>;

/** When the car was handed back: the newest move into 已交车, or null while it was not. */
export function deliveredAt(job: Pick<Job, 'status' | 'moves'>): string | null {
  return job.status === 'delivered' ? enteredAt(job.moves, 'delivered') : null;
}

export function followUpList<J extends FollowUpInput>(jobs: readonly J[], now: Date): FollowUpEntry<J>[] {
  const entries: FollowUpEntry<J>[] = [];
  for (const job of jobs) {
    const at = deliveredAt(job);
    if (!at) continue;
    const state = followUpState(at, job.followUp, now);
    if (state === 'due' || state === 'overdue' || state === 'open') entries.push({ job, state, deliveredAt: at });
  }
  return entries.sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || Date.parse(a.deliveredAt) - Date.parse(b.deliveredAt));
}

// Which cards the advisor must look at first: those past their promised time (交车时间) that are
// not ready yet (超时), then those due within 30 minutes (即将到期), so the customer is called
// before the delay, not after. Pure, so the list and its tests ask the same question.
import { promisedAt, type SignatureRef } from './addition-rounds.ts';
import type { Job } from './job.ts';
import type { JobStatus } from './status-moves.ts';

export type Urgency = 'overdue' | 'dueSoon' | 'none';

export const DUE_SOON_MINUTES = 30;
const MINUTE_MS = 60_000;

/**
 * Statuses whose promise still runs: the car is checked in and not ready. A draft promises
 * nothing yet (the customer has not handed the car over); a ready or delivered car kept it.
 */
const PROMISE_RUNS: ReadonlySet<JobStatus> = new Set<JobStatus>(['checked-in', 'in-repair', 'quality-check']);

// Signatures only as far as the rounds need them (kind and round): the list passes whole cards,
// its tests no more than that.
type UrgencyInput = Pick<Job, 'status' | 'estimate' | 'additions' | 'approvals'> & { signatures: Record<string, SignatureRef> };

/** Past the promised time (strictly), due within 30 minutes (inclusive), or neither. */
export function jobUrgency(job: UrgencyInput, now: Date): Urgency {
  if (!PROMISE_RUNS.has(job.status)) return 'none';
  const promised = promisedAt(job);
  if (!promised) return 'none';
  const left = Date.parse(promised) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MINUTES * MINUTE_MS ? 'dueSoon' : 'none';
}

export type UrgencyGroups<J> = { overdue: J[]; dueSoon: J[]; rest: J[] };

/**
 * The list's order: overdue cards (longest overdue first), then those due soon (soonest
 * first), then the rest in the order given.
 */
export function groupByUrgency<J extends UrgencyInput>(jobs: readonly J[], now: Date): UrgencyGroups<J> {
  const groups: UrgencyGroups<J> = { overdue: [], dueSoon: [], rest: [] };
  for (const job of jobs) {
    const urgency = jobUrgency(job, now);
    (urgency === 'none' ? groups.rest : groups[urgency]).push(job);
  }
  const byPromise = (a: J, b: J) => Date.parse(promisedAt(a) ?? '') - Date.parse(promisedAt(b) ?? '');
  groups.overdue.sort(byPromise);
  groups.dueSoon.sort(byPromise);
  return groups;
}

// The statuses of a card and the moves between them, as plain data and functions: the job
// list reads them at start, so they load without the schemas of job-status.ts (whose zod
// would otherwise be built before the first screen).
import type { StatusMove } from './job-status.ts';

export const JOB_STATUSES = ['draft', 'checked-in', 'in-repair', 'quality-check', 'ready', 'delivered'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The statuses after check-in, in order: the job list's filter and the card's progress bar. */
export const WORK_STATUSES = ['checked-in', 'in-repair', 'quality-check', 'ready', 'delivered'] as const satisfies readonly JobStatus[];

/**
 * The moves a tablet may make. Forward one step at a time; back from 质检 to 维修中 (the
 * check found more to do) and from 待交车 to 维修中 (the customer asked for more before
 * collecting). A draft is checked in by `job.checkIn` with its own rules, never moved.
 */
export const STATUS_MOVES: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  draft: [],
  'checked-in': ['in-repair'],
  'in-repair': ['quality-check'],
  'quality-check': ['ready', 'in-repair'],
  ready: ['delivered', 'in-repair'],
  delivered: [],
};

/** The forward move from a status, if any: the one big button on the card. */
export function nextStatus(status: JobStatus): JobStatus | undefined {
  const forward = STATUS_MOVES[status][0];
  return forward && JOB_STATUSES.indexOf(forward) > JOB_STATUSES.indexOf(status) ? forward : undefined;
}

export function isAllowedMove(from: JobStatus, to: JobStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}

/** When the card last entered `status`, from its moves (check-in for 已接车). */
export function enteredAt(moves: readonly StatusMove[], status: JobStatus): string | null {
  for (let i = moves.length - 1; i >= 0; i--) if (moves[i]?.to === status) return moves[i]?.at ?? null;
  return null;
}

// Where a card is in its life: 草稿 → 已接车 → 维修中 → 质检 → 待交车 → 已交车. Each move is a
// `job.move` mutation naming the status it leaves, so a move made twice (two tablets, a
// replay) applies once, and the reducer refuses a move out of order by leaving the job as it
// was. The gates that need the rest of the card (质检 passed, 交车 signed) are here too, so
// the reducer, the repo and the button that offers the move ask the same question.
import { z } from 'zod';
import { isoDateTime } from './primitives.ts';

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

export const statusMoveSchema = z.object({
  from: z.enum(JOB_STATUSES),
  to: z.enum(JOB_STATUSES),
  at: isoDateTime,
  /** The advisor signed in when the move was made; null on a tablet not connected to a store. */
  advisorId: z.uuid().nullable(),
});
export type StatusMove = z.infer<typeof statusMoveSchema>;

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

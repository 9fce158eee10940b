// Where a card is in its life: 草稿 → 已接车 → 维修中 → 质检 → 待交车 → 已交车. Each move is a
// `job.move` mutation naming the status it leaves, so a move made twice (two tablets, a
// replay) applies once, and the reducer refuses a move out of order by leaving the job as it
// was. The gates that need the rest of the card (质检 passed, 交车 signed) are here too, so
// the reducer, the repo and the button that offers the move ask the same question.
import { z } from 'zod';
import { isoDateTime } from './primitives.ts';
import { JOB_STATUSES } from './status-moves.ts';

// The statuses and moves themselves are plain data in status-moves.ts, so the job list loads
// them without this module's schema; importers of job-status.ts keep finding them here.
export { JOB_STATUSES, WORK_STATUSES, STATUS_MOVES, nextStatus, isAllowedMove, enteredAt } from './status-moves.ts';
export type { JobStatus } from './status-moves.ts';

export const statusMoveSchema = z.object({
  from: z.enum(JOB_STATUSES),
  to: z.enum(JOB_STATUSES),
  at: isoDateTime,
  /** The advisor signed in when the move was made; null on a tablet not connected to a store. */
  advisorId: z.uuid().nullable(),
});
export type StatusMove = z.infer<typeof statusMoveSchema>;

// Each job card's sync state, as the advisor sees it: saved on this tablet (waiting to be
// sent), sending, on the server, or needing attention (with the server's reason).
import type { AttentionRow } from '../db/database.ts';
import type { SyncStateIndex } from '../db/sync-state-repo.ts';

export type JobSyncState =
  | { kind: 'local' }
  | { kind: 'sending' }
  | { kind: 'synced' }
  | { kind: 'attention'; reasons: AttentionRow['reason'][] };

/** Read by db/sync-state-repo's readSyncStateIndex (one read for a whole list of cards). */
export type { SyncStateIndex };

export function jobSyncState(index: SyncStateIndex, sendingJobIds: ReadonlySet<string>, jobId: string): JobSyncState {
  const reasons = index.attention.get(jobId);
  if (reasons) return { kind: 'attention', reasons };
  if (sendingJobIds.has(jobId)) return { kind: 'sending' };
  if (index.pending.has(jobId)) return { kind: 'local' };
  return { kind: 'synced' };
}

// Each job card's sync state, as the advisor sees it: saved on this tablet (waiting to be
// sent), sending, on the server, or needing attention (with the server's reason).
import type { AttentionRow, WalkaroundDb } from '../db/database.ts';

export type JobSyncState =
  | { kind: 'local' }
  | { kind: 'sending' }
  | { kind: 'synced' }
  | { kind: 'attention'; reasons: AttentionRow['reason'][] };

export type SyncStateIndex = {
  /** Jobs with changes not yet on the server. */
  pending: ReadonlySet<string>;
  attention: ReadonlyMap<string, AttentionRow['reason'][]>;
};

/** One read for a whole list of cards: which jobs have pending or refused changes. */
export async function readSyncStateIndex(db: WalkaroundDb): Promise<SyncStateIndex> {
  const [pendingKeys, attentionRows] = await Promise.all([db.outbox.orderBy('jobId').uniqueKeys(), db.attention.toArray()]);
  const attention = new Map<string, AttentionRow['reason'][]>();
  for (const row of attentionRows) attention.set(row.jobId, [...(attention.get(row.jobId) ?? []), row.reason]);
  return { pending: new Set(pendingKeys.map(String)), attention };
}

export function jobSyncState(index: SyncStateIndex, sendingJobIds: ReadonlySet<string>, jobId: string): JobSyncState {
  const reasons = index.attention.get(jobId);
  if (reasons) return { kind: 'attention', reasons };
  if (sendingJobIds.has(jobId)) return { kind: 'sending' };
  if (index.pending.has(jobId)) return { kind: 'local' };
  return { kind: 'synced' };
}

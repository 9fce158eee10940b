// What the cards show of sync: which jobs have changes not yet on the server, and which have
// refused changes. Apart from sync-repo.ts (the writer, which loads the job reducer and the
// schemas) so the job list reads it at start without loading any of that.
import type { AttentionRow, WalkaroundDb } from './database.ts';

/** Which jobs have changes not yet on the server, and which have refused changes, with why. */
export type SyncStateIndex = {
  pending: ReadonlySet<string>;
  attention: ReadonlyMap<string, AttentionRow['reason'][]>;
};

/** One read for a whole list of cards. */
export async function readSyncStateIndex(db: WalkaroundDb): Promise<SyncStateIndex> {
  const [pendingKeys, attentionRows] = await Promise.all([db.outbox.orderBy('jobId').uniqueKeys(), db.attention.toArray()]);
  const attention = new Map<string, AttentionRow['reason'][]>();
  for (const row of attentionRows) attention.set(row.jobId, [...(attention.get(row.jobId) ?? []), row.reason]);
  return { pending: new Set(pendingKeys.map(String)), attention };
}

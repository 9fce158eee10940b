// What a card's sync badge says, and the counts the sync bar and the end of shift report.
// Pure: the hooks in use-sync-state.ts feed them the live index and the engine's status.
import type { AttentionRow } from '../../db/database.ts';
import { jobSyncState, type JobSyncState, type SyncStateIndex } from '../../sync/job-sync-state.ts';

/**
 * A card's state as shown. On a tablet not connected to a store nothing ever leaves it, so
 * every card is "on this tablet only", whatever the outbox says.
 */
export function shownSyncState(index: SyncStateIndex, sendingJobIds: ReadonlySet<string>, jobId: string, enrolled: boolean): JobSyncState {
  return enrolled ? jobSyncState(index, sendingJobIds, jobId) : { kind: 'local' };
}

export type SyncCounts = {
  /** Cards with changes not yet on the server. */
  pendingCards: number;
  /** Cards with a change the server refused. */
  attentionCards: number;
  /** Every refusal reason among them, once each. */
  reasons: AttentionRow['reason'][];
};

export function syncCounts(index: SyncStateIndex): SyncCounts {
  const reasons = new Set([...index.attention.values()].flat());
  return { pendingCards: index.pending.size, attentionCards: index.attention.size, reasons: [...reasons].sort() };
}

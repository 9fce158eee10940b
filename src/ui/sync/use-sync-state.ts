// Live sync state for the screen: the tablet's session (enrolled? who works on it?), the
// per-card index of pending and refused changes, and one card's state. Read with
// useLiveQuery, so a badge changes the moment the outbox or the server's answer does.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/instance.ts';
import { readTabletSession, type TabletSession } from '../../db/tablet-session.ts';
import { readSyncStateIndex, type SyncStateIndex } from '../../db/sync-state-repo.ts';
import type { JobSyncState } from '../../sync/job-sync-state.ts';
import { useSyncStatus } from './engine.ts';
import { shownSyncState } from './shown-state.ts';

/** The tablet's store enrollment and current advisor; undefined while loading. */
export function useTabletSession(): TabletSession | undefined {
  return useLiveQuery(() => readTabletSession(db), []);
}

export function useSyncStateIndex(): SyncStateIndex | undefined {
  return useLiveQuery(() => readSyncStateIndex(db), []);
}

const NOTHING_SENDING: ReadonlySet<string> = new Set();

/** A function from job id to its shown state, for a list of cards (one read for them all). */
export function useSyncStates(): ((jobId: string) => JobSyncState) | undefined {
  const session = useTabletSession();
  const index = useSyncStateIndex();
  const sending = useSyncStatus()?.sendingJobIds ?? NOTHING_SENDING;
  if (!session || !index) return undefined;
  return (jobId) => shownSyncState(index, sending, jobId, session.enrollment !== null);
}

/** One card's shown state; undefined while loading. */
export function useJobSyncState(jobId: string): JobSyncState | undefined {
  return useSyncStates()?.(jobId);
}

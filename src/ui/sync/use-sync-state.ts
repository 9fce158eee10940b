// Live sync state for the screen: the tablet's session (enrolled? who works on it?), the
// per-card index of pending and refused changes, and one card's state. Read with
// useLiveQuery, so a badge changes the moment the outbox or the server's answer does. At start
// the session comes from first-read.ts (IndexedDB's own API) and Dexie's reads begin only once
// that read is done: Dexie itself loads then (use-deferred-live-query.ts), after the first screen.
import { useRef, useSyncExternalStore } from 'react';
import { firstReadSnapshot, subscribeFirstRead, type FirstScreen } from '../../db/first-read.ts';
import { readTabletSession, type TabletSession } from '../../db/tablet-session.ts';
import { readSyncStateIndex, type SyncStateIndex } from '../../db/sync-state-repo.ts';
import type { JobSyncState } from '../../sync/job-sync-state.ts';
import { useSyncStatus } from './engine.ts';
import { shownSyncState } from './shown-state.ts';
import { useDeferredLiveQuery } from './use-deferred-live-query.ts';

/** The start's raw read: undefined while it runs, null when there was none or it gave up. */
export function useFirstRead(): FirstScreen | null | undefined {
  return useSyncExternalStore(subscribeFirstRead, firstReadSnapshot, firstReadSnapshot);
}

/**
 * A live query's answer once it has one; until then `early` (what the raw first read found).
 * Once the live query has answered, only its answers count, even while it re-runs.
 */
export function useLiveOrEarly<T>(live: T | undefined, early: T | undefined): T | undefined {
  const answered = useRef(false);
  if (live !== undefined) answered.current = true;
  return answered.current ? live : early;
}

/** The tablet's store enrollment and current advisor; undefined while loading. */
export function useTabletSession(): TabletSession | undefined {
  const first = useFirstRead();
  const live = useDeferredLiveQuery(first === undefined ? null : readTabletSession);
  return useLiveOrEarly(live, first?.session);
}

/** Pending and refused changes per card: read once the first screen's own read is done. */
export function useSyncStateIndex(): SyncStateIndex | undefined {
  return useDeferredLiveQuery(useFirstRead() === undefined ? null : readSyncStateIndex);
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

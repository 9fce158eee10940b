// Live sync state for the screen: the tablet's session (enrolled? who works on it?), the
// per-card index of pending and refused changes, and one card's state. Read with
// useLiveQuery, so a badge changes the moment the outbox or the server's answer does. At start
// the session comes from first-read.ts (IndexedDB's own API) and Dexie's reads begin only once
// that read is done, so Dexie's open is not on the way to the first screen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useSyncExternalStore } from 'react';
import { firstReadSnapshot, subscribeFirstRead, type FirstScreen } from '../../db/first-read.ts';
import { db } from '../../db/instance.ts';
import { readTabletSession, type TabletSession } from '../../db/tablet-session.ts';
import { readSyncStateIndex, type SyncStateIndex } from '../../db/sync-state-repo.ts';
import type { JobSyncState } from '../../sync/job-sync-state.ts';
import { useSyncStatus } from './engine.ts';
import { shownSyncState } from './shown-state.ts';

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
  const waiting = first === undefined;
  const live = useLiveQuery(() => (waiting ? undefined : readTabletSession(db)), [waiting]);
  return useLiveOrEarly(live, first?.session);
}

/** Pending and refused changes per card: read once the first screen's own read is done. */
export function useSyncStateIndex(): SyncStateIndex | undefined {
  const waiting = useFirstRead() === undefined;
  return useLiveQuery(() => (waiting ? undefined : readSyncStateIndex(db)), [waiting]);
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

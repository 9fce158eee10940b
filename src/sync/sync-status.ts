// What the sync engine is doing, for the screen: a tiny observable store that React reads
// with useSyncExternalStore. No React here (DESIGN.md: src/sync has no UI).
import type { FailureKind } from './api-client.ts';
import type { LocalStopReason } from './sync-failure.ts';

export type SyncPhase = 'idle' | 'uploading' | 'pushing' | 'pulling' | 'downloading';

export type SyncProgress = { itemsDone: number; itemsTotal: number; bytesDone: number; bytesTotal: number };

export type SyncStatus = {
  phase: SyncPhase;
  /** Over photos and changes still to send in this run. */
  progress: SyncProgress;
  /** Jobs whose changes are on their way right now. */
  sendingJobIds: ReadonlySet<string>;
  /** Why the last run stopped short, if it did; cleared by a run that completes. */
  problem: SyncProblem | null;
  /** When the next automatic retry is due, after a failure. */
  retryAt: number | null;
  lastCompleteAt: string | null;
};

/**
 * Why a run stopped short: the server's answer or the network's silence (a FailureKind, with
 * the server's words for logs), or a problem on this tablet the server never saw ('local',
 * with its reason; the screen shows its own message for it, never the server's).
 */
export type SyncProblem =
  | { kind: FailureKind; message: string }
  | { kind: 'local'; reason: LocalStopReason; params: Record<string, string | number>; message: string };

export const IDLE_PROGRESS: SyncProgress = { itemsDone: 0, itemsTotal: 0, bytesDone: 0, bytesTotal: 0 };

export type SyncStatusStore = {
  get(): SyncStatus;
  subscribe(listener: () => void): () => void;
  update(changes: Partial<SyncStatus>): void;
};

export function createSyncStatusStore(): SyncStatusStore {
  let status: SyncStatus = {
    phase: 'idle',
    progress: IDLE_PROGRESS,
    sendingJobIds: new Set(),
    problem: null,
    retryAt: null,
    lastCompleteAt: null,
  };
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(changes) {
      status = { ...status, ...changes };
      for (const listener of listeners) listener();
    },
  };
}

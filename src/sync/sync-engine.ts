// The sync engine: one run sends the outbox, pulls the store's changes and fetches missing
// bytes; runs never overlap (a trigger during a run asks for one more run after it). A
// failure worth retrying (no network, a 5xx, a timeout) schedules the next run with capped
// exponential backoff and jitter; one a person must fix (not enrolled, revoked, outdated
// app or server) stops until they do. Nothing local is deleted unless the server confirmed it.
import type { WalkaroundDb } from '../db/database.ts';
import { getDevice } from '../db/job-repo.ts';
import { getSyncRow, updateSyncRow } from '../db/meta-repo.ts';
import { syncCounts } from '../db/sync-repo.ts';
import { ApiFailure, createApiClient, type ApiClient, type ApiClientOptions } from './api-client.ts';
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff.ts';
import { downloadBlobs, pullAll } from './receive.ts';
import { sendOutbox } from './send.ts';
import { refreshStoreProfile } from './store-profile-sync.ts';
import { LocalSyncStop, unexpectedStop } from './sync-failure.ts';
import { createSyncStatusStore, IDLE_PROGRESS, type SyncProblem, type SyncStatusStore } from './sync-status.ts';

export type SyncEngineOptions = {
  db: WalkaroundDb;
  api?: Omit<ApiClientOptions, 'token'>;
  now?: () => Date;
  random?: () => number;
  backoff?: Backoff;
  /** Automatic retries are skipped while this says offline; a manual run still tries. */
  isOnline?: () => boolean;
};

/** What a run achieved: `complete` means every change made on this tablet is on the server. */
export type SyncResult = { complete: boolean; outboxLeft: number; needsAttention: number };

export type SyncEngine = {
  status: SyncStatusStore;
  api: ApiClient;
  /** Runs now (or right after the current run) and resolves when that run has finished. */
  syncNow(): Promise<SyncResult>;
  /** An automatic trigger: like syncNow, but not while a retry is waiting out its backoff. */
  trigger(): void;
  /**
   * No more automatic runs; resolves once the run in flight (and one queued behind it) has
   * settled, so the caller may close the database after it without cutting a run in half.
   */
  stop(): Promise<void>;
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => true);
  const status = createSyncStatusStore();
  let token: string | undefined;
  // Requests made through `api` before the first run (an earlier-visits look-up at start)
  // load the token themselves; each run reads it afresh (the tablet may have been re-enrolled).
  const api = createApiClient({ ...options.api, token: async () => (token ??= (await getDevice(db)).enrollment?.deviceToken) });

  let running: Promise<SyncResult> | null = null;
  let again: Promise<SyncResult> | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const attempted = new Set<string>();

  async function runOnce(): Promise<SyncResult> {
    const device = await getDevice(db);
    token = device.enrollment?.deviceToken;
    if (!token) {
      status.update({ problem: problemOf(new LocalSyncStop('notEnrolled')) });
      return result();
    }
    const ctx = { db, api, status, now, attempted };
    try {
      await sendOutbox(ctx);
      await pullAll(ctx);
      await downloadBlobs(ctx);
      attempt = 0;
      const outcome = await result();
      const lastCompleteAt = outcome.outboxLeft === 0 ? now().toISOString() : (await getSyncRow(db)).lastCompleteAt;
      if (outcome.outboxLeft === 0) {
        await updateSyncRow(db, { lastCompleteAt });
        await refreshStoreProfile(db, api, now());
      }
      status.update({ phase: 'idle', progress: IDLE_PROGRESS, sendingJobIds: new Set(), problem: null, retryAt: null, lastCompleteAt });
      return outcome;
    } catch (error) {
      const failure = error instanceof ApiFailure || error instanceof LocalSyncStop ? error : unexpectedStop(error);
      const retry = failure instanceof ApiFailure ? failure.kind === 'retry' : failure.retry;
      let retryAt: number | null = null;
      if (retry && !stopped) {
        const retryAfterMs = failure instanceof ApiFailure ? (failure.retryAfterMs ?? 0) : 0;
        const delay = Math.max(backoffDelay(attempt, random, options.backoff ?? DEFAULT_BACKOFF), retryAfterMs);
        attempt += 1;
        retryAt = now().getTime() + delay;
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          if (!stopped && isOnline()) void syncNow();
        }, delay);
      }
      status.update({ phase: 'idle', sendingJobIds: new Set(), problem: problemOf(failure), retryAt });
      return result();
    }
  }

  async function result(): Promise<SyncResult> {
    const { outboxLeft, needsAttention } = await syncCounts(db);
    return { complete: outboxLeft === 0 && needsAttention === 0, outboxLeft, needsAttention };
  }

  function syncNow(): Promise<SyncResult> {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (!running) {
      running = runOnce().finally(() => {
        running = null;
      });
      return running;
    }
    // A change made during the run may have missed it: one more run after this one.
    again ??= running.then(() => {
      again = null;
      return syncNow();
    });
    return again;
  }

  return {
    status,
    api,
    syncNow,
    trigger() {
      if (stopped || retryTimer !== undefined || !isOnline()) return;
      void syncNow();
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      // A run that fails now reports through its own caller; stopping only waits for it.
      await (again ?? running)?.catch(() => undefined);
    },
  };
}

/** What the sync bar is told: the server's or the network's failure, or this tablet's own. */
function problemOf(failure: ApiFailure | LocalSyncStop): SyncProblem {
  if (failure instanceof ApiFailure) return { kind: failure.kind, message: failure.message };
  return { kind: 'local', reason: failure.reason, params: failure.params, message: failure.message };
}

// The app's sync engine, loaded after the first screen: the engine brings the protocol's zod
// schemas and the reducer, which the job list does not need to appear. Until it has loaded,
// hooks see no engine (no card is "sending", nothing has failed yet).
import { useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../sync/sync-engine.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';

let engine: SyncEngine | null = null;
let loading: Promise<SyncEngine> | null = null;
const listeners = new Set<() => void>();

export function loadSyncEngine(): Promise<SyncEngine> {
  loading ??= import('../../sync/instance.ts').then((m) => {
    engine = m.syncEngine;
    for (const listener of listeners) listener();
    return m.syncEngine;
  });
  return loading;
}

function subscribeEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The engine once it has loaded; null before. */
export function useSyncEngine(): SyncEngine | null {
  return useSyncExternalStore(subscribeEngine, () => engine);
}

const noSubscription = () => () => undefined;
const noStatus = () => null;

/** What the engine is doing now (syncEngine.status), or null before it has loaded. */
export function useSyncStatus(): SyncStatus | null {
  const current = useSyncEngine();
  return useSyncExternalStore(current?.status.subscribe ?? noSubscription, current?.status.get ?? noStatus);
}

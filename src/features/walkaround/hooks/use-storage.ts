import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { storageVerdict, type StorageVerdict } from '../../../shared/storage-floor.ts';

export type StorageEstimate = { usage: number; quota: number };
export type StorageState = { estimate: StorageEstimate | null; persisted: boolean | null };

// One snapshot for the whole page: a refresh after a photo batch updates every place that
// shows storage, not only the component that took the photos.
let snapshot: StorageState = { estimate: null, persisted: null };
const listeners = new Set<() => void>();
let persistAsked: Promise<unknown> | null = null;
let reading: Promise<StorageState> | null = null;

/**
 * Reads the Storage API afresh and publishes the result. Asks for persistent storage once per
 * page (best effort: Chrome grants it to an installed app without a prompt; refusal only means
 * the browser may evict data under pressure, which the UI says). Never rejects.
 */
export function refreshStorage(): Promise<StorageState> {
  // A card shows several pickers; their mounts share one read instead of one each.
  reading ??= readStorage().finally(() => {
    reading = null;
  });
  return reading;
}

async function readStorage(): Promise<StorageState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage) return snapshot;
  persistAsked ??= storage.persist?.().catch(() => false) ?? Promise.resolve(false);
  await persistAsked;
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => null) ?? null,
    storage.persisted?.().catch(() => null) ?? null,
  ]);
  snapshot = {
    estimate: typeof estimate?.usage === 'number' && typeof estimate.quota === 'number' ? { usage: estimate.usage, quota: estimate.quota } : null,
    persisted,
  };
  for (const listener of listeners) listener();
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => snapshot;

/** Local storage use, persistence and the photo verdict; read on mount, refresh() after a batch. */
export function useStorage(): StorageState & { verdict: StorageVerdict; refresh: () => Promise<void> } {
  const state = useSyncExternalStore(subscribe, current, current);
  useEffect(() => {
    void refreshStorage();
  }, []);
  const verdict = useMemo(() => storageVerdict(state.estimate), [state.estimate]);
  return { ...state, verdict, refresh };
}

async function refresh(): Promise<void> {
  await refreshStorage();
}

// Dexie for the first screen's modules, loaded on first use: the job list, the top bar and the
// sync bar start from the raw first read (db/first-read.ts) and reach Dexie (its ~100 KB and its
// set-up, about a third of a 4x-throttled start) only once the list is shown, through here.
import type { liveQuery as LiveQuery } from 'dexie';
import type { WalkaroundDb } from '../../db/database.ts';

export type DeferredDb = { db: WalkaroundDb; liveQuery: typeof LiveQuery };

let loading: Promise<DeferredDb> | null = null;

/** The app's database connection (db/instance.ts) and Dexie's liveQuery, loaded once. */
export function loadDb(): Promise<DeferredDb> {
  loading ??= Promise.all([import('../../db/instance.ts'), import('dexie')]).then(([instance, dexie]) => ({ db: instance.db, liveQuery: dexie.liveQuery }));
  // A failed load (a chunk missing from a broken precache) is tried again by the next caller.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

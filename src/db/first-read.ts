// The first screen's data read with IndexedDB's own API, before Dexie has opened: the tablet's
// session (does it open to the lock screen?) and the job list's first page. Read-only, from the
// database Dexie made; anything unexpected (no database yet, another version, a missing store,
// any error) gives up, and the screen waits for Dexie as it did before.
import type { Job, JobStatus } from '../shared/job.ts';
// Types only from database.ts: its Dexie stays off the first route (first-read.test.ts checks
// the name and version below against it).
import type { AdvisorRow, DeviceRow, JobRow, SessionRow } from './database.ts';
import { cardsNewestFirst, newestKeys, newestThenRunning, PROMISE_RUNS } from './job-queries.ts';
import type { TabletSession } from './tablet-session.ts';

/** database.ts's DB_NAME. */
export const DB_NAME = 'walkaround';
/** database.ts's highest version; Dexie opens IndexedDB at ten times it (first-read.test.ts checks). */
export const DEXIE_VERSION = 5;
/** The limits of searchJobs('') and jobsWithStatus, so the first page is the page Dexie reads. */
const NEWEST_LIMIT = 200;
const STATUS_LIMIT = 500;

export type FirstScreen = {
  session: TabletSession;
  /** The list's statuses this page was read for (null: every card), and its cards. */
  statuses: readonly JobStatus[] | null;
  jobs: Job[];
};

type State = { status: 'idle' } | { status: 'pending' } | { status: 'settled'; screen: FirstScreen | null };

let state: State = { status: 'idle' };
const listeners = new Set<() => void>();

function settle(screen: FirstScreen | null): void {
  state = { status: 'settled', screen };
  for (const listener of listeners) listener();
}

/**
 * Starts the read once, for the list filtered to these statuses (null: every card). Called by
 * the app's entry before its first render; never called (tests, other entries), the screens
 * read through Dexie at once.
 */
export function startFirstRead(statuses: readonly JobStatus[] | null, name = DB_NAME): Promise<FirstScreen | null> {
  if (state.status !== 'idle') return Promise.resolve(state.status === 'settled' ? state.screen : null);
  state = { status: 'pending' };
  const read = readFirstScreen(name, statuses).catch(() => null);
  void read.then(settle);
  return read;
}

export function subscribeFirstRead(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** undefined while the read is running; null when there was none or it gave up. */
export function firstReadSnapshot(): FirstScreen | null | undefined {
  if (state.status === 'pending') return undefined;
  return state.status === 'settled' ? state.screen : null;
}

/** Resolves with the database, or null when it does not exist (then it is not created here). */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    // Only a database that does not exist yet upgrades when opened without a version: abort,
    // so Dexie creates it with its schema instead of finding an empty one.
    request.onupgradeneeded = () => {
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
    request.onblocked = () => resolve(null);
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The newest `limit` primary keys of the jobs store, walking back from the highest id. */
function newestIds(store: IDBObjectStore, limit: number): Promise<IDBValidKey[]> {
  return new Promise((resolve, reject) => {
    const keys: IDBValidKey[] = [];
    const request = store.openKeyCursor(null, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || keys.length >= limit) return resolve(keys);
      keys.push(cursor.primaryKey);
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}

async function withStatus(store: IDBObjectStore, statuses: readonly JobStatus[]): Promise<Job[]> {
  const index = store.index('status');
  const keys = (await Promise.all(statuses.map((s) => result(index.getAllKeys(IDBKeyRange.only(s)))))).flat();
  return rows(store, newestKeys(keys, STATUS_LIMIT));
}

/**
 * The unfiltered page: the newest cards, then running ones older than those. A tablet with no
 * more cards than the page holds (most of them) has them read in one request, every one of them
 * newest first, the running ones included; a bigger one walks back from the newest id.
 */
async function everyStatus(store: IDBObjectStore): Promise<Job[]> {
  if ((await result(store.count())) <= NEWEST_LIMIT) return cardsNewestFirst(await result(store.getAll() as IDBRequest<JobRow[]>));
  const [newest, running] = await Promise.all([newestIds(store, NEWEST_LIMIT).then((keys) => rows(store, newestKeys(keys, NEWEST_LIMIT))), withStatus(store, PROMISE_RUNS)]);
  return newestThenRunning(newest, running);
}

async function rows(store: IDBObjectStore, keys: IDBValidKey[]): Promise<Job[]> {
  const found = await Promise.all(keys.map((key) => result(store.get(key) as IDBRequest<JobRow | undefined>)));
  return cardsNewestFirst(found);
}

/** The read itself (startFirstRead runs it once for the app; tests call it on their own database). */
export async function readFirstScreen(name: string, statuses: readonly JobStatus[] | null): Promise<FirstScreen | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await openExisting(name);
  if (!db) return null;
  // Dexie opening at a newer version (an upgrade) must not wait for this connection.
  db.onversionchange = () => db.close();
  try {
    const stores = db.objectStoreNames;
    if (db.version !== DEXIE_VERSION * 10 || !stores.contains('jobs') || !stores.contains('meta') || !stores.contains('advisors')) return null;
    const tx = db.transaction(['jobs', 'meta', 'advisors'], 'readonly');
    const jobsStore = tx.objectStore('jobs');
    if (!jobsStore.indexNames.contains('status')) return null;
    const meta = tx.objectStore('meta');
    // Each read starts from the one before it, inside the transaction (no await in between).
    const [device, advisor, jobs] = await Promise.all([
      result(meta.get('device') as IDBRequest<DeviceRow | undefined>),
      result(meta.get('session') as IDBRequest<SessionRow | undefined>).then((current) =>
        current?.advisorId ? result(tx.objectStore('advisors').get(current.advisorId) as IDBRequest<AdvisorRow | undefined>) : undefined,
      ),
      statuses ? withStatus(jobsStore, statuses) : everyStatus(jobsStore),
    ]);
    return {
      session: {
        enrollment: device?.enrollment ?? null,
        storeCode: device?.storeCode ?? null,
        deviceCode: device?.deviceCode ?? null,
        advisor: advisor ?? null,
      },
      statuses,
      jobs,
    };
  } finally {
    db.close();
  }
}

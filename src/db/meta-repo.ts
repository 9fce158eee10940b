// The small rows of the `meta` table: the device (job-repo.ts), where sync got to, who is
// working on the tablet, and the device PIN (pin-repo.ts). The table is keyed by 'key' and
// holds one row per key, each key with its own shape: readMeta and writeMeta keep them apart.
import type { MetaRow, SyncRow, WalkaroundDb } from './database.ts';

export type MetaKey = MetaRow['key'];
export type MetaRowOf<K extends MetaKey> = Extract<MetaRow, { key: K }>;

/**
 * The row under `key`, typed by its key. Not an async function on purpose: it hands back
 * Dexie's own promise, so a live query that reads through it (the app shell's session) keeps
 * its Dexie zone for the reads after it; one more native `await` layer here lost the zone, and
 * the lock screen never heard that a PIN was set.
 */
export function readMeta<K extends MetaKey>(db: WalkaroundDb, key: K): Promise<MetaRowOf<K> | undefined> {
  // Sound because writeMeta is the only writer: each row is stored under its own `key`.
  return db.meta.get(key) as Promise<MetaRowOf<K> | undefined>;
}

export async function writeMeta(db: WalkaroundDb, row: MetaRow): Promise<void> {
  await db.meta.put(row);
}

export async function deleteMeta(db: WalkaroundDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

const EMPTY_SYNC: SyncRow = { key: 'sync', cursor: 0, catalogueVersion: 0, lastCompleteAt: null };

export async function getSyncRow(db: WalkaroundDb): Promise<SyncRow> {
  return (await readMeta(db, 'sync')) ?? EMPTY_SYNC;
}

export async function updateSyncRow(db: WalkaroundDb, changes: Partial<Omit<SyncRow, 'key'>>): Promise<void> {
  await writeMeta(db, { ...(await getSyncRow(db)), ...changes });
}

/** The advisor whose changes the tablet records now, if one is signed in. */
export async function currentAdvisorId(db: WalkaroundDb): Promise<string | undefined> {
  return (await readMeta(db, 'session'))?.advisorId;
}

export async function setCurrentAdvisor(db: WalkaroundDb, advisorId: string | null, now = new Date()): Promise<void> {
  if (advisorId === null) await deleteMeta(db, 'session');
  else await writeMeta(db, { key: 'session', advisorId, since: now.toISOString() });
}

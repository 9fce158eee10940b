// The small rows of the `meta` table besides the device: where sync got to, and who is
// working on the tablet. The table is keyed by 'key' and holds rows of several shapes.
import type { SessionRow, SyncRow, WalkaroundDb } from './database.ts';

const EMPTY_SYNC: SyncRow = { key: 'sync', cursor: 0, catalogueVersion: 0, lastCompleteAt: null };

export function syncRows(db: WalkaroundDb) {
  return db.table<SyncRow, string>('meta');
}

export async function getSyncRow(db: WalkaroundDb): Promise<SyncRow> {
  return (await syncRows(db).get('sync')) ?? EMPTY_SYNC;
}

export async function updateSyncRow(db: WalkaroundDb, changes: Partial<Omit<SyncRow, 'key'>>): Promise<void> {
  await syncRows(db).put({ ...(await getSyncRow(db)), ...changes });
}

function sessions(db: WalkaroundDb) {
  return db.table<SessionRow, string>('meta');
}

/** The advisor whose changes the tablet records now, if one is signed in. */
export async function currentAdvisorId(db: WalkaroundDb): Promise<string | undefined> {
  return (await sessions(db).get('session'))?.advisorId;
}

export async function setCurrentAdvisor(db: WalkaroundDb, advisorId: string | null, now = new Date()): Promise<void> {
  if (advisorId === null) await sessions(db).delete('session');
  else await sessions(db).put({ key: 'session', advisorId, since: now.toISOString() });
}

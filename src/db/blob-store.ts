// The local content-addressed store of photo, thumbnail and signature bytes. A blob is written
// inside the caller's transaction, next to the record that references it, and is never
// deleted here: only after the server has it and a retention period has passed (sync issue).
import type { BlobRow, WalkaroundDb } from './database.ts';

/** Stores bytes under their hash; a row that exists already holds these very bytes. */
export async function putBlob(db: WalkaroundDb, row: BlobRow): Promise<void> {
  // A key-only count: reading the row would load its bytes just to drop them.
  if ((await db.blobs.where('sha256').equals(row.sha256).count()) > 0) return;
  await db.blobs.add(row);
}

export function getBlob(db: WalkaroundDb, sha256: string): Promise<BlobRow | undefined> {
  return db.blobs.get(sha256);
}

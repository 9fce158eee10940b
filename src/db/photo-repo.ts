// Photos of the walk-around: the bytes (content-addressed in `blobs`), the photo on its job
// and the outbox entry, written together in one transaction, so a quota error or a crash
// leaves either all of it or none. Works offline; blob rows stay until the sync client has
// had them acknowledged and a retention period has passed (DESIGN.md, sync point 7).
import { v7 as uuidv7 } from 'uuid';
import { nowIso } from '../shared/local-time.ts';
import type { Photo, PhotoSlot } from '../shared/walkaround.ts';
import { putBlob } from './blob-store.ts';
import type { BlobRow, WalkaroundDb } from './database.ts';
import { commitMutation } from './job-repo.ts';

/** Image bytes ready to store, with the hash and size taken from exactly these bytes. */
export type ImageBytes = {
  bytes: ArrayBuffer;
  sha256: string;
  width: number;
  height: number;
  mime: Photo['mime'];
};

export type PhotoMeta = {
  damageId: string | null;
  slot: PhotoSlot | null;
  annotatedFromId: string | null;
  /** The additional line (追加项目) the photo shows, e.g. the worn part. */
  additionId?: string;
};

/**
 * Stores a photo and its thumbnail and adds the photo to the job, atomically. The caller
 * hashes the bytes (off the main thread); the `photo.add` payload is validated against the
 * shared schema inside the transaction, so a malformed hash aborts everything.
 */
export async function addPhoto(
  db: WalkaroundDb,
  jobId: string,
  image: { photo: ImageBytes; thumb: ImageBytes },
  meta: PhotoMeta,
  now = new Date(),
): Promise<Photo> {
  const { photo, thumb } = image;
  const id = uuidv7();
  const createdAt = nowIso(now);
  return db.transaction('rw', [db.jobs, db.outbox, db.meta, db.blobs], async () => {
    // In sequence, not in parallel: a thumbnail identical to its photo is one row.
    await putBlob(db, blobRow(photo, createdAt));
    await putBlob(db, blobRow(thumb, createdAt));
    const job = await commitMutation(
      db,
      jobId,
      {
        op: 'photo.add',
        payload: {
          id,
          sha256: photo.sha256,
          thumbSha256: thumb.sha256,
          mime: photo.mime,
          width: photo.width,
          height: photo.height,
          byteLength: photo.bytes.byteLength,
          damageId: meta.damageId,
          slot: meta.slot,
          annotatedFromId: meta.annotatedFromId,
          ...(meta.additionId ? { additionId: meta.additionId } : {}),
          takenAt: createdAt,
        },
      },
      now,
    );
    const added = job.photos[id];
    if (!added) throw new Error(`Photo ${id} was not added to job ${jobId}`);
    return added;
  });
}

/** Deletes a photo by tombstone; its bytes stay, so undo (restorePhoto) is instant. */
export async function removePhoto(db: WalkaroundDb, jobId: string, photoId: string, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'photo.remove', payload: { id: photoId } }, now);
}

/** Undo of removePhoto: the tombstone is lifted. */
export async function restorePhoto(db: WalkaroundDb, jobId: string, photoId: string, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'photo.restore', payload: { id: photoId } }, now);
}

/**
 * A storage-full failure, however it reaches us: the DOMException itself, Dexie's
 * QuotaExceededError, or an AbortError/transaction error that carries it as `inner` or `cause`.
 */
export function isQuotaError(e: unknown): boolean {
  for (let error = e, depth = 0; depth < 5 && typeof error === 'object' && error !== null; depth++) {
    const { name, code } = error as { name?: unknown; code?: unknown };
    // code 22 is the legacy DOMException code; Firefox used its own name for the same thing.
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22) return true;
    const wrapper = error as { inner?: unknown; cause?: unknown };
    error = wrapper.inner ?? wrapper.cause;
  }
  return false;
}

function blobRow(image: ImageBytes, createdAt: string): BlobRow {
  return { sha256: image.sha256, bytes: image.bytes, mime: image.mime, byteLength: image.bytes.byteLength, createdAt };
}

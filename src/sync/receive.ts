// Receiving (DESIGN.md "Sync protocol" 4): pull the store's changed jobs page by page and
// rebase: the server's copy, with this tablet's still-unacknowledged changes re-applied on
// top by the shared reducer. Each page, its cursor and the reference data are stored in one
// transaction (db/sync-repo), so an interrupted pull resumes where it stopped. Then the bytes
// of photos and signatures the tablet lacks are fetched, thumbnails first.
import type { WalkaroundDb } from '../db/database.ts';
import { getSyncRow } from '../db/meta-repo.ts';
import { storeDownload, storePulledPage, wantedBlobs, type Download } from '../db/sync-repo.ts';
import { blobMimeOf, SNIFF_BYTES } from '../shared/blob-kind.ts';
import { MAX_PULL_PAGE } from '../shared/protocol.ts';
import { sha256Hex } from '../shared/sha256.ts';
import { ApiFailure, type ApiClient } from './api-client.ts';
import type { SyncStatusStore } from './sync-status.ts';

export type ReceiveContext = { db: WalkaroundDb; api: ApiClient; status: SyncStatusStore; now: () => Date };

/** Pulls until the server has nothing newer. */
export async function pullAll(ctx: ReceiveContext): Promise<void> {
  const { db, api, status } = ctx;
  status.update({ phase: 'pulling' });
  for (;;) {
    const { cursor, catalogueVersion } = await getSyncRow(db);
    const page = await api.pull({ cursor, limit: MAX_PULL_PAGE, catalogueVersion });
    await storePulledPage(db, page);
    if (!page.more) return;
  }
}

/**
 * Fetches the blobs pulled jobs show that the tablet lacks: thumbnails and signatures first
 * (the list and the customer's copy need them), then the full photos. Every download is
 * re-hashed; a damaged one stays wanted and is fetched again next time.
 */
export async function downloadBlobs(ctx: ReceiveContext): Promise<void> {
  const { db, api, status } = ctx;
  const wanted = await wantedBlobs(db);
  if (wanted.length === 0) return;
  const progress = { itemsDone: 0, itemsTotal: wanted.length, bytesDone: 0, bytesTotal: 0 };
  status.update({ phase: 'downloading', progress: { ...progress } });
  for (const sha256 of wanted) {
    const bytes = await fetchBlob(api, sha256);
    await storeDownload(db, sha256, await checked(sha256, bytes), ctx.now().toISOString());
    progress.itemsDone += 1;
    progress.bytesDone += bytes?.byteLength ?? 0;
    status.update({ progress: { ...progress } });
  }
}

/** Intact only when the bytes are an image or stroke data and hash to their name. */
async function checked(sha256: string, bytes: ArrayBuffer | null): Promise<Download> {
  if (!bytes) return { kind: 'gone' };
  const mime = blobMimeOf(new Uint8Array(bytes, 0, Math.min(SNIFF_BYTES, bytes.byteLength)));
  if (!mime || (await sha256Hex(bytes)) !== sha256) return { kind: 'damaged' };
  return { kind: 'intact', bytes, mime };
}

/** The bytes, or null when the server has no such blob for this store. */
async function fetchBlob(api: ApiClient, sha256: string): Promise<ArrayBuffer | null> {
  try {
    return await api.getBlob(sha256);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
}

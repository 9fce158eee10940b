// Receiving (DESIGN.md "Sync protocol" 4): pull the store's changed jobs page by page and
// rebase: the server's copy, with this tablet's still-unacknowledged changes re-applied on
// top by the shared reducer. Each page, its cursor and the reference data are written in one
// transaction, so an interrupted pull resumes where it stopped. Then the bytes of photos and
// signatures the tablet lacks are fetched, thumbnails first.
import type { AdvisorRow, WalkaroundDb } from '../db/database.ts';
import { toRow } from '../db/job-repo.ts';
import { getSyncRow, updateSyncRow } from '../db/meta-repo.ts';
import { applyMutation } from '../shared/apply-mutation.ts';
import { blobMimeOf, SNIFF_BYTES } from '../shared/blob-kind.ts';
import type { Job } from '../shared/job.ts';
import { MAX_PULL_PAGE, type PullResponse } from '../shared/protocol.ts';
import { sha256Hex } from '../shared/sha256.ts';
import { live } from '../shared/walkaround.ts';
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
    await storePage(db, page);
    if (!page.more) return;
  }
}

async function storePage(db: WalkaroundDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.jobs, db.outbox, db.meta, db.advisors, db.catalogue, db.blobs], async () => {
    for (const server of page.jobs) {
      // Entries up to page.lastSeq are in the server's copy already; later ones are not yet.
      const pending = await db.outbox
        .where('jobId')
        .equals(server.id)
        .filter((m) => m.seq > page.lastSeq)
        .sortBy('seq');
      const job = pending.reduce((current: Job | undefined, m) => applyMutation(current, m), server);
      if (job) await db.jobs.put(toRow(job));
    }
    await mergeAdvisors(db, page);
    if (page.catalogue) {
      await db.catalogue.clear();
      await db.catalogue.bulkPut(page.catalogue.items);
    }
    const sync = await getSyncRow(db);
    const shown = page.jobs.flatMap(blobsShownBy);
    // All keys, not anyOf(shown): one key scan is far cheaper than a cursor jump per hash.
    const have = new Set(await db.blobs.toCollection().primaryKeys());
    const wantedBlobs = [...new Set([...(sync.wantedBlobs ?? []), ...shown.filter((sha256) => !have.has(sha256))])];
    await updateSyncRow(db, { cursor: page.cursor, wantedBlobs, ...(page.catalogue ? { catalogueVersion: page.catalogue.version } : {}) });
  });
}

/** The server's advisor list, keeping the PINs advisors set on this tablet. */
async function mergeAdvisors(db: WalkaroundDb, page: PullResponse): Promise<void> {
  const local = new Map((await db.advisors.toArray()).map((a) => [a.id, a]));
  const rows: AdvisorRow[] = page.advisors.map((a) => ({ ...local.get(a.id), ...a }));
  const gone = [...local.keys()].filter((id) => !page.advisors.some((a) => a.id === id));
  await db.advisors.bulkDelete(gone);
  await db.advisors.bulkPut(rows);
}

/**
 * Fetches the blobs pulled jobs show that the tablet lacks: thumbnails and signatures first
 * (the list and the customer's copy need them), then the full photos. Every download is
 * re-hashed; a damaged one stays wanted and is fetched again next time.
 */
export async function downloadBlobs(ctx: ReceiveContext): Promise<void> {
  const { db, api, status } = ctx;
  const wanted = (await getSyncRow(db)).wantedBlobs ?? [];
  if (wanted.length === 0) return;
  const progress = { itemsDone: 0, itemsTotal: wanted.length, bytesDone: 0, bytesTotal: 0 };
  status.update({ phase: 'downloading', progress: { ...progress } });
  for (const sha256 of wanted) {
    const bytes = await fetchBlob(api, sha256);
    const mime = bytes && blobMimeOf(new Uint8Array(bytes, 0, Math.min(SNIFF_BYTES, bytes.byteLength)));
    const intact = bytes && mime && (await sha256Hex(bytes)) === sha256;
    await db.transaction('rw', [db.blobs, db.blobReceipts, db.meta], async () => {
      if (bytes && mime && intact) {
        const at = ctx.now().toISOString();
        await db.blobs.put({ sha256, bytes, mime, byteLength: bytes.byteLength, createdAt: at });
        await db.blobReceipts.put({ sha256, onServerAt: at });
      }
      // Gone from the server (404) or stored now: no longer wanted. Damaged: try again later.
      if (!bytes || intact) {
        const sync = await getSyncRow(db);
        await updateSyncRow(db, { wantedBlobs: (sync.wantedBlobs ?? []).filter((h) => h !== sha256) });
      }
    });
    progress.itemsDone += 1;
    progress.bytesDone += bytes?.byteLength ?? 0;
    status.update({ progress: { ...progress } });
  }
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

function blobsShownBy(job: Job): string[] {
  const photos = live(job.photos);
  const signatures = Object.values(job.signatures);
  return [
    ...photos.map((p) => p.thumbSha256),
    ...signatures.flatMap((s) => [s.pngSha256, s.strokesSha256]),
    ...photos.map((p) => p.sha256),
  ];
}

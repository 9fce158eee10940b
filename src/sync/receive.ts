// Receiving (DESIGN.md "Sync protocol" 4): pull the store's changed jobs page by page and
// rebase: the server's copy, with this tablet's still-unacknowledged changes re-applied on
// top by the shared reducer. Each page, its cursor and the reference data are written in one
// transaction, so an interrupted pull resumes where it stopped. Then the bytes of photos and
// signatures the tablet lacks are fetched, thumbnails first.
import type { AdvisorRow, WalkaroundDb } from '../db/database.ts';
import { toRow } from '../db/job-repo.ts';
import { getSyncRow, updateSyncRow } from '../db/meta-repo.ts';
import { applyMutation } from '../shared/apply-mutation.ts';
import { blobMimeOf } from '../shared/blob-kind.ts';
import type { Job } from '../shared/job.ts';
import { MAX_PULL_PAGE, type PullResponse } from '../shared/protocol.ts';
import { sha256Hex } from '../shared/sha256.ts';
import { live } from '../shared/walkaround.ts';
import type { ApiClient } from './api-client.ts';
import type { SyncStatusStore } from './sync-status.ts';

export type ReceiveContext = { db: WalkaroundDb; api: ApiClient; status: SyncStatusStore; now: () => Date };

/** Pulls until the server has nothing newer; returns the jobs that arrived. */
export async function pullAll(ctx: ReceiveContext): Promise<Job[]> {
  const { db, api, status } = ctx;
  status.update({ phase: 'pulling' });
  const arrived: Job[] = [];
  for (;;) {
    const { cursor, catalogueVersion } = await getSyncRow(db);
    const page = await api.pull({ cursor, limit: MAX_PULL_PAGE, catalogueVersion });
    await storePage(db, page);
    arrived.push(...page.jobs);
    if (!page.more) return arrived;
  }
}

async function storePage(db: WalkaroundDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.jobs, db.outbox, db.meta, db.advisors, db.catalogue], async () => {
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
    await updateSyncRow(db, { cursor: page.cursor, ...(page.catalogue ? { catalogueVersion: page.catalogue.version } : {}) });
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
 * Fetches the blobs these jobs show that the tablet lacks: thumbnails and signatures first
 * (the list and the customer's copy need them), then the full photos. Every download is
 * re-hashed; a damaged one is dropped and fetched again next time.
 */
export async function downloadBlobs(ctx: ReceiveContext, jobs: Job[]): Promise<void> {
  const { db, api, status } = ctx;
  const wanted = [...new Set(jobs.flatMap(blobsShownBy))];
  const have = await db.blobs.bulkGet(wanted);
  const missing = wanted.filter((_, i) => !have[i]);
  if (missing.length === 0) return;
  status.update({ phase: 'downloading', progress: { itemsDone: 0, itemsTotal: missing.length, bytesDone: 0, bytesTotal: 0 } });
  let done = 0;
  for (const sha256 of missing) {
    const bytes = await api.getBlob(sha256);
    const mime = blobMimeOf(new Uint8Array(bytes, 0, Math.min(16, bytes.byteLength)));
    if (mime && (await sha256Hex(bytes)) === sha256) {
      const at = ctx.now().toISOString();
      await db.blobs.put({ sha256, bytes, mime, byteLength: bytes.byteLength, createdAt: at, onServerAt: at });
    }
    done += 1;
    status.update({ progress: { itemsDone: done, itemsTotal: missing.length, bytesDone: 0, bytesTotal: 0 } });
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

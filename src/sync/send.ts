// Sending the outbox (DESIGN.md "Sync protocol" 2 and 3): blobs first, then the mutations in
// seq order in batches. An entry leaves the outbox only once the server has acknowledged
// its seq; one the server refused moves to `attention` with the reason, never silently away.
// This module talks to the network; what it reads and writes on the tablet is in db/sync-repo.
import type { OutboxRow, WalkaroundDb } from '../db/database.ts';
import { fileAttention } from '../db/attention-repo.ts';
import {
  acknowledgePush,
  blobToSend,
  confirmedBlobs,
  outboxBatch,
  outboxCount,
  pendingBlobBytes,
  recordBlobReceipts,
  refusedEntries,
} from '../db/sync-repo.ts';
import type { Job } from '../shared/job.ts';
import { blobsOf } from '../shared/mutation-blobs.ts';
import { MAX_PUSH_BATCH, type PushResponse } from '../shared/protocol.ts';
import type { ApiClient } from './api-client.ts';
import { LocalSyncStop } from './sync-failure.ts';
import type { SyncProgress, SyncStatusStore } from './sync-status.ts';

export type SendContext = {
  db: WalkaroundDb;
  api: ApiClient;
  status: SyncStatusStore;
  now: () => Date;
  /** Blobs this engine has tried to upload: only those are asked about (HEAD) before a PUT. */
  attempted: Set<string>;
};

/** Parallel blob uploads: enough to fill the link, few enough for a tablet's memory. */
const UPLOAD_CONCURRENCY = 4;

export async function sendOutbox(ctx: SendContext): Promise<void> {
  const { db, api, status } = ctx;
  const progress: SyncProgress = { itemsDone: 0, itemsTotal: await outboxCount(db), bytesDone: 0, bytesTotal: 0 };
  progress.bytesTotal = await pendingBlobBytes(db);
  status.update({ phase: 'uploading', progress: { ...progress } });

  for (;;) {
    const batch = await outboxBatch(db, MAX_PUSH_BATCH);
    if (batch.length === 0) break;
    await uploadBlobs(ctx, batch, progress, false);
    status.update({ phase: 'pushing', sendingJobIds: new Set(batch.map((m) => m.jobId)) });
    const response = await api.push(batch);
    const acknowledged = await acknowledge(ctx, batch, response);
    progress.itemsDone += acknowledged;
    status.update({ progress: { ...progress } });
    if (response.missingBlobs.length > 0) {
      // The server lacks a blob we thought it had (its store was restored, say): send it.
      await uploadBlobs(ctx, batch, progress, true, response.missingBlobs);
    } else if (acknowledged === 0) {
      throw new LocalSyncStop('seqGap', { serverSeq: response.lastSeq, nextSeq: batch[0]?.seq ?? 0 });
    }
  }
  status.update({ sendingJobIds: new Set() });
}

/**
 * Drops acknowledged entries and files refused ones under attention (db/sync-repo). The
 * server's copies of refused cards are fetched first: if that fails, nothing has changed
 * here, the refused entries are still in the outbox and the next push hears the refusal again.
 * Once the entries are gone, nothing would bring the card back if the tablet had already
 * pulled its latest version.
 */
async function acknowledge(ctx: SendContext, batch: OutboxRow[], response: PushResponse): Promise<number> {
  const refusals = await refusedEntries(ctx.db, response.rejected);
  const serverCopies = new Map<string, Job | undefined>();
  for (const { mutation } of refusals) {
    if (!serverCopies.has(mutation.jobId)) serverCopies.set(mutation.jobId, await ctx.api.job(mutation.jobId));
  }
  await acknowledgePush(ctx.db, { lastSeq: response.lastSeq, refusals, serverCopies, at: ctx.now().toISOString() });
  return batch.filter((m) => m.seq <= response.lastSeq).length;
}

/**
 * Makes sure the server has the blobs of this batch (or just `only` of them). A blob the
 * server has confirmed is skipped unless `force`. A new blob is PUT straight away: the server
 * has never seen a photo just taken, and a PUT of bytes it has is a no-op success, so asking
 * first (HEAD) would cost a round trip per photo for nothing. Only a blob this engine tried
 * before (its answer may have been lost) is asked about first, so a retry does not send the
 * bytes twice. Bytes are read one blob at a time per lane, so a shift of photos never sits in
 * memory at once.
 */
async function uploadBlobs(ctx: SendContext, batch: OutboxRow[], progress: SyncProgress, force: boolean, only?: string[]): Promise<void> {
  const { db, api, status, attempted } = ctx;
  const hashes = only ?? [...new Set(batch.flatMap(blobsOf))];
  const onServer = force ? new Set<string>() : await confirmedBlobs(db);
  const queue = hashes.filter((sha256) => !onServer.has(sha256));
  const confirmed: string[] = [];
  // One failed upload stops the other lanes from starting new ones: the run is failing and
  // will be retried whole, so more requests on a bad line would only be wasted.
  let failed = false;
  const next = () => (failed ? undefined : queue.shift());
  const lane = async () => {
    for (let sha256 = next(); sha256 !== undefined; sha256 = next()) {
      const row = await blobToSend(db, sha256);
      if (!row) throw await blobMissing(ctx, batch, sha256);
      const askFirst = !force && attempted.has(sha256);
      attempted.add(sha256);
      if (!(askFirst && (await api.hasBlob(sha256)))) await api.putBlob(sha256, row.bytes, row.mime);
      confirmed.push(sha256);
      progress.bytesDone += row.byteLength;
      status.update({ progress: { ...progress } });
    }
  };
  try {
    await Promise.all(
      Array.from({ length: UPLOAD_CONCURRENCY }, () =>
        lane().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
  } finally {
    // One write for the receipts of the batch, also when a later upload failed.
    await recordBlobReceipts(db, confirmed, ctx.now().toISOString());
  }
}

/**
 * A change refers to bytes this tablet does not have (storage lost them): it can never be
 * sent, and the changes after it wait behind it. The card says so (attention), and sync stops
 * with a message of its own: the server never saw this.
 */
async function blobMissing(ctx: SendContext, batch: OutboxRow[], sha256: string): Promise<LocalSyncStop> {
  const stuck = batch.find((m) => blobsOf(m).includes(sha256));
  if (stuck) await fileAttention(ctx.db, stuck, 'blob_missing', ctx.now().toISOString());
  return new LocalSyncStop('blobMissing', { blob: sha256.slice(0, 8) });
}

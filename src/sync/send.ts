// Sending the outbox (DESIGN.md "Sync protocol" 2 and 3): blobs first, then the mutations in
// seq order in batches. An entry leaves the outbox only once the server has acknowledged
// its seq; one the server refused moves to `attention` with the reason, never silently away.
import type { OutboxRow, WalkaroundDb } from '../db/database.ts';
import { toRow } from '../db/job-repo.ts';
import { applyMutation } from '../shared/apply-mutation.ts';
import type { Job } from '../shared/job.ts';
import { blobsOf } from '../shared/mutation-blobs.ts';
import { MAX_PUSH_BATCH, type PushResponse } from '../shared/protocol.ts';
import { ApiFailure, type ApiClient } from './api-client.ts';
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
  const progress: SyncProgress = { itemsDone: 0, itemsTotal: await db.outbox.count(), bytesDone: 0, bytesTotal: 0 };
  progress.bytesTotal = await pendingBlobBytes(db);
  status.update({ phase: 'uploading', progress: { ...progress } });

  for (;;) {
    const batch = await db.outbox.orderBy('seq').limit(MAX_PUSH_BATCH).toArray();
    if (batch.length === 0) break;
    await uploadBlobs(ctx, unique(batch.flatMap(blobsOf)), progress, false);
    status.update({ phase: 'pushing', sendingJobIds: new Set(batch.map((m) => m.jobId)) });
    const response = await api.push(batch);
    const acknowledged = await acknowledge(ctx, batch, response);
    progress.itemsDone += acknowledged;
    status.update({ progress: { ...progress } });
    if (response.missingBlobs.length > 0) {
      // The server lacks a blob we thought it had (its store was restored, say): send it.
      await uploadBlobs(ctx, response.missingBlobs, progress, true);
    } else if (acknowledged === 0) {
      const first = batch[0]?.seq ?? 0;
      throw new ApiFailure(
        'refused',
        200,
        'seq_gap',
        `The server has this tablet's changes only up to number ${response.lastSeq}, but the next one here is ${first}. Contact support before resetting the tablet.`,
      );
    }
  }
  status.update({ sendingJobIds: new Set() });
}

/**
 * Drops acknowledged entries and files refused ones under attention, in one transaction. A
 * refused change was applied here but not on the server, so its card goes back to the
 * server's copy (with this tablet's later changes on top) in that same transaction. The
 * copies are fetched first: if that fails, nothing has changed here, the refused entries are
 * still in the outbox and the next push hears the refusal again. Once the entries are gone,
 * nothing would bring the card back if the tablet had already pulled its latest version.
 */
async function acknowledge(ctx: SendContext, batch: OutboxRow[], response: PushResponse): Promise<number> {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const refusals: { mutation: OutboxRow; reason: PushResponse['rejected'][number]['reason'] }[] = [];
  for (const refusal of response.rejected) {
    const mutation = await db.outbox.get(refusal.seq);
    if (mutation?.mutationId === refusal.mutationId) refusals.push({ mutation, reason: refusal.reason });
  }
  const serverCopies = new Map<string, Job | undefined>();
  for (const { mutation } of refusals) {
    if (!serverCopies.has(mutation.jobId)) serverCopies.set(mutation.jobId, await ctx.api.job(mutation.jobId));
  }
  await db.transaction('rw', [db.outbox, db.attention, db.jobs], async () => {
    for (const { mutation, reason } of refusals) {
      await db.attention.put({ mutationId: mutation.mutationId, jobId: mutation.jobId, mutation, reason, at });
    }
    await db.outbox.where('seq').belowOrEqual(response.lastSeq).delete();
    for (const [jobId, server] of serverCopies) {
      if (!server) continue; // The server has no such job: the local card stays, marked for attention.
      const pending = await db.outbox.where('jobId').equals(jobId).sortBy('seq');
      const job = pending.reduce((current: Job | undefined, m) => applyMutation(current, m), server);
      if (job) await db.jobs.put(toRow(job));
    }
  });
  return batch.filter((m) => m.seq <= response.lastSeq).length;
}

/** Bytes of the blobs the outbox refers to that the server is not known to have. Reads keys only. */
async function pendingBlobBytes(db: WalkaroundDb): Promise<number> {
  const wanted = unique((await db.outbox.toArray()).flatMap(blobsOf));
  const onServer = await receipts(db);
  const sizes = new Map((await db.blobs.orderBy('[sha256+byteLength]').keys()) as unknown as [string, number][]);
  return wanted.reduce((sum, sha256) => sum + (onServer.has(sha256) ? 0 : (sizes.get(sha256) ?? 0)), 0);
}

/**
 * Makes sure the server has these blobs. A blob the server has confirmed is skipped unless
 * `force`. A new blob is PUT straight away: the server has never seen a photo just taken, and
 * a PUT of bytes it has is a no-op success, so asking first (HEAD) would cost a round trip per
 * photo for nothing. Only a blob this engine tried before (its answer may have been lost) is
 * asked about first, so a retry does not send the bytes twice. Bytes are read one blob at a
 * time per lane, so a shift of photos never sits in memory at once.
 */
async function uploadBlobs(ctx: SendContext, hashes: string[], progress: SyncProgress, force: boolean): Promise<void> {
  const { db, api, status, attempted } = ctx;
  const onServer = force ? new Set<string>() : await receipts(db);
  const queue = hashes.filter((sha256) => !onServer.has(sha256));
  const confirmed: string[] = [];
  // One failed upload stops the other lanes from starting new ones: the run is failing and
  // will be retried whole, so more requests on a bad line would only be wasted.
  let failed = false;
  const next = () => (failed ? undefined : queue.shift());
  const lane = async () => {
    for (let sha256 = next(); sha256 !== undefined; sha256 = next()) {
      const row = await db.blobs.get(sha256);
      if (!row) {
        throw new ApiFailure('refused', 0, 'blob_missing', `A photo or signature (${sha256.slice(0, 8)}…) is missing on this tablet, so its change cannot be sent.`);
      }
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
    const onServerAt = ctx.now().toISOString();
    await db.blobReceipts.bulkPut(confirmed.map((sha256) => ({ sha256, onServerAt })));
  }
}

/** Every blob the server confirmed: one key scan, far cheaper than a cursor jump per hash (anyOf). */
async function receipts(db: WalkaroundDb): Promise<Set<string>> {
  return new Set(await db.blobReceipts.toCollection().primaryKeys());
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// What the sync client keeps on the tablet: which outbox entries the server acknowledged or
// refused, the pulled pages of the store's cards with the pull cursor, which blobs the server
// confirmed, and which it still has to send us. src/sync talks to the network and calls these;
// every IndexedDB read and write of sync is here, each in the transaction that keeps it whole.
// Offline nothing here runs: the outbox and the cursor simply wait.
import { blobsOf } from '../shared/mutation-blobs.ts';
import type { Job } from '../shared/job.ts';
import type { PullResponse, RejectReason } from '../shared/protocol.ts';
import { live } from '../shared/walkaround.ts';
import { replaceAdvisorsFromServer } from './advisor-repo.ts';
import { fileAttention } from './attention-repo.ts';
import { replaceCatalogue } from './catalogue-repo.ts';
import type { BlobRow, OutboxRow, WalkaroundDb } from './database.ts';
import { rebaseJob } from './job-repo.ts';
import { getSyncRow, updateSyncRow } from './meta-repo.ts';

// ---- sending ----

/** The oldest outbox entries, in seq order: the next push. */
export function outboxBatch(db: WalkaroundDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').limit(limit).toArray();
}

export function outboxCount(db: WalkaroundDb): Promise<number> {
  return db.outbox.count();
}

/** What keeps a run from being complete: changes not on the server, refusals not dealt with. */
export async function syncCounts(db: WalkaroundDb): Promise<{ outboxLeft: number; needsAttention: number }> {
  const [outboxLeft, needsAttention] = await Promise.all([db.outbox.count(), db.attention.count()]);
  return { outboxLeft, needsAttention };
}

/** Refused entries of this push that are still in the outbox (a retried push may name gone ones). */
export async function refusedEntries(
  db: WalkaroundDb,
  rejected: readonly { mutationId: string; seq: number; reason: RejectReason }[],
): Promise<{ mutation: OutboxRow; reason: RejectReason }[]> {
  const found: { mutation: OutboxRow; reason: RejectReason }[] = [];
  for (const refusal of rejected) {
    const mutation = await db.outbox.get(refusal.seq);
    if (mutation?.mutationId === refusal.mutationId) found.push({ mutation, reason: refusal.reason });
  }
  return found;
}

/**
 * Drops the entries the server acknowledged (up to `lastSeq`) and files the refused ones under
 * attention, in one transaction. A refused change was applied here but not on the server, so
 * its card goes back to the server's copy (fetched by the caller beforehand) with this tablet's
 * later changes on top, in that same transaction.
 */
export async function acknowledgePush(
  db: WalkaroundDb,
  input: { lastSeq: number; refusals: { mutation: OutboxRow; reason: RejectReason }[]; serverCopies: ReadonlyMap<string, Job | undefined>; at: string },
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.attention, db.jobs], async () => {
    for (const { mutation, reason } of input.refusals) await fileAttention(db, mutation, reason, input.at);
    await db.outbox.where('seq').belowOrEqual(input.lastSeq).delete();
    for (const server of input.serverCopies.values()) {
      // No server copy: the server has no such job; the local card stays, marked for attention.
      if (server) await rebaseJob(db, server, input.lastSeq);
    }
  });
}

/** Bytes of the blobs the outbox refers to that the server is not known to have. Reads keys only. */
export async function pendingBlobBytes(db: WalkaroundDb): Promise<number> {
  const wanted = [...new Set((await db.outbox.toArray()).flatMap(blobsOf))];
  const onServer = await confirmedBlobs(db);
  const sizes = new Map((await db.blobs.orderBy('[sha256+byteLength]').keys()) as unknown as [string, number][]);
  return wanted.reduce((sum, sha256) => sum + (onServer.has(sha256) ? 0 : (sizes.get(sha256) ?? 0)), 0);
}

/** Every blob the server confirmed: one key scan, far cheaper than a cursor jump per hash (anyOf). */
export async function confirmedBlobs(db: WalkaroundDb): Promise<Set<string>> {
  return new Set(await db.blobReceipts.toCollection().primaryKeys());
}

/** The server confirmed these blobs: one write for a whole batch of uploads. */
export async function recordBlobReceipts(db: WalkaroundDb, hashes: readonly string[], at: string): Promise<void> {
  await db.blobReceipts.bulkPut(hashes.map((sha256) => ({ sha256, onServerAt: at })));
}

export function blobToSend(db: WalkaroundDb, sha256: string): Promise<BlobRow | undefined> {
  return db.blobs.get(sha256);
}

// ---- receiving ----

/**
 * Stores one pulled page: each job as the server has it with this tablet's changes after
 * `page.lastSeq` on top, the advisors, the catalogue when newer, the cursor and the blobs the
 * page shows that the tablet lacks, in one transaction: an interrupted pull resumes here.
 */
export async function storePulledPage(db: WalkaroundDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', [db.jobs, db.outbox, db.meta, db.advisors, db.catalogue, db.blobs], async () => {
    for (const server of page.jobs) await rebaseJob(db, server, page.lastSeq);
    await replaceAdvisorsFromServer(db, page.advisors);
    if (page.catalogue) await replaceCatalogue(db, page.catalogue.items);
    const sync = await getSyncRow(db);
    const shown = page.jobs.flatMap(blobsShownBy);
    // All keys, not anyOf(shown): one key scan is far cheaper than a cursor jump per hash.
    const have = new Set(await db.blobs.toCollection().primaryKeys());
    const wantedBlobs = [...new Set([...(sync.wantedBlobs ?? []), ...shown.filter((sha256) => !have.has(sha256))])];
    await updateSyncRow(db, { cursor: page.cursor, wantedBlobs, ...(page.catalogue ? { catalogueVersion: page.catalogue.version } : {}) });
  });
}

/** Blobs pulled cards show that the tablet still has to fetch, thumbnails and signatures first. */
export async function wantedBlobs(db: WalkaroundDb): Promise<string[]> {
  return (await getSyncRow(db)).wantedBlobs ?? [];
}

/**
 * The outcome of one download: stored (intact bytes, and the server has them), gone (the
 * server has no such blob for this store) or damaged (kept wanted, fetched again next time).
 */
export type Download = { kind: 'intact'; bytes: ArrayBuffer; mime: string } | { kind: 'gone' } | { kind: 'damaged' };

export async function storeDownload(db: WalkaroundDb, sha256: string, download: Download, at: string): Promise<void> {
  await db.transaction('rw', [db.blobs, db.blobReceipts, db.meta], async () => {
    if (download.kind === 'intact') {
      const { bytes, mime } = download;
      await db.blobs.put({ sha256, bytes, mime, byteLength: bytes.byteLength, createdAt: at });
      await db.blobReceipts.put({ sha256, onServerAt: at });
    }
    if (download.kind !== 'damaged') {
      const sync = await getSyncRow(db);
      await updateSyncRow(db, { wantedBlobs: (sync.wantedBlobs ?? []).filter((h) => h !== sha256) });
    }
  });
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

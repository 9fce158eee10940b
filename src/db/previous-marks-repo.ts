// The last visit's marks (上次记录) on a returning car's card: confirmed still there (a mark of
// this visit linked to the earlier one, with its photos by hash) or cleared, one mark or all at
// once, each decision with its outbox entries in one transaction. Works offline; bytes this
// tablet lacks (a visit read from the server) are fetched by the next sync, never copied here.
import type { Job } from '../shared/job.ts';
import {
  linkedDamage,
  linkedId,
  linkedPhotos,
  photoBlobs,
  previousMarks,
  previousMarkState,
  type PreviousMark,
} from '../shared/previous-visit.ts';
import type { WalkaroundDb } from './database.ts';
import { getJob } from './job-queries.ts';
import { commitMutation } from './job-repo.ts';
import { getSyncRow, updateSyncRow } from './meta-repo.ts';

/**
 * Confirms the given marks of `visit` (all of them when `damageIds` is omitted: 全部无变化) as
 * still on the car: each becomes a mark of this card linked to it, with its photos. Marks
 * already confirmed or cleared on this card are left alone, so a double tap or another tablet's
 * decision never makes a second mark. Returns the new marks' ids, in the visit's order.
 */
export async function confirmPreviousMarks(
  db: WalkaroundDb,
  jobId: string,
  visit: Job,
  damageIds?: readonly string[],
  now = new Date(),
): Promise<string[]> {
  return db.transaction('rw', [db.jobs, db.outbox, db.meta, db.blobs, db.blobReceipts], async () => {
    const marks = await undecided(db, jobId, visit, damageIds);
    const added: string[] = [];
    for (const mark of marks) {
      const id = linkedId(jobId, mark.damage.id);
      await commitMutation(db, jobId, { op: 'damage.add', payload: linkedDamage(visit.id, mark, id) }, now);
      for (const photo of linkedPhotos(jobId, mark, id)) await commitMutation(db, jobId, { op: 'photo.add', payload: photo }, now);
      added.push(id);
    }
    await expectBlobs(db, photoBlobs(marks.flatMap((mark) => mark.photos)), now);
    return added;
  });
}

/**
 * Clears a mark of `visit` for this card (gone, or not to be carried forward): a linked mark
 * made and removed at once, so the decision is on the card itself and every tablet agrees.
 */
export async function clearPreviousMark(db: WalkaroundDb, jobId: string, visit: Job, damageId: string, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.jobs, db.outbox, db.meta], async () => {
    const [mark] = await undecided(db, jobId, visit, [damageId]);
    if (!mark) return;
    const id = linkedId(jobId, mark.damage.id);
    await commitMutation(db, jobId, { op: 'damage.add', payload: linkedDamage(visit.id, mark, id) }, now);
    await commitMutation(db, jobId, { op: 'damage.remove', payload: { id } }, now);
  });
}

/**
 * Bytes of a visit read from the server that this tablet does not hold (its thumbnails, to show
 * the 上次记录): the next sync fetches them. Nothing when they are all here.
 */
export async function wantPreviousBlobs(db: WalkaroundDb, hashes: readonly string[]): Promise<boolean> {
  return db.transaction('rw', [db.blobs, db.meta], async () => {
    const missing = await missingBlobs(db, hashes);
    if (missing.length > 0) await want(db, missing);
    return missing.length > 0;
  });
}

async function undecided(db: WalkaroundDb, jobId: string, visit: Job, damageIds?: readonly string[]): Promise<PreviousMark[]> {
  const job = await getJob(db, jobId);
  if (!job) throw new Error(`Job ${jobId} does not exist on this device`);
  return previousMarks(visit).filter(
    (mark) => (!damageIds || damageIds.includes(mark.damage.id)) && previousMarkState(job, visit.id, mark.damage.id).kind === 'open',
  );
}

/**
 * The new photos refer to bytes by hash. Those not on this tablet came with a card the server
 * sent (pulled, or read by the visits route), and the server takes a photo only with its bytes:
 * so they are on the server. Recorded as such, sending this card never tries to upload bytes it
 * does not have; and they are wanted, so the next sync brings them here to be shown.
 */
async function expectBlobs(db: WalkaroundDb, hashes: readonly string[], now: Date): Promise<void> {
  const missing = await missingBlobs(db, hashes);
  if (missing.length === 0) return;
  await db.blobReceipts.bulkPut(missing.map((sha256) => ({ sha256, onServerAt: now.toISOString() })));
  await want(db, missing);
}

async function missingBlobs(db: WalkaroundDb, hashes: readonly string[]): Promise<string[]> {
  // Keys only: reading the rows would load every photo's bytes just to see they are here.
  const have = new Set((await db.blobs.where('sha256').anyOf([...hashes]).primaryKeys()).map(String));
  return [...new Set(hashes)].filter((sha256) => !have.has(sha256));
}

async function want(db: WalkaroundDb, hashes: readonly string[]): Promise<void> {
  const sync = await getSyncRow(db);
  await updateSyncRow(db, { wantedBlobs: [...new Set([...(sync.wantedBlobs ?? []), ...hashes])] });
}

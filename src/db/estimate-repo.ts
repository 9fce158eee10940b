// The estimate (估价单) of a job card: lines of labour and parts, and the promised time,
// old-parts choice, payment and car wash. Each change is one mutation with its outbox entry
// via commitMutation, so an estimate built offline syncs like every other change.
import { v7 as uuidv7 } from 'uuid';
import type { EstimateFields, LineFields } from '../shared/estimate.ts';
import type { WalkaroundDb } from './database.ts';
import { commitMutation, inOneChange } from './job-repo.ts';

/** Adds a line (from the catalogue or typed free); returns its id. */
export async function addLine(db: WalkaroundDb, jobId: string, fields: LineFields, now = new Date()): Promise<string> {
  const id = uuidv7();
  await commitMutation(db, jobId, { op: 'line.add', payload: { id, ...fields } }, now);
  return id;
}

/**
 * Adds several lines as one pick (a labour item with its parts): one transaction, one mutation
 * and outbox entry per line, all or none. Returns their ids in order.
 */
export async function addLines(db: WalkaroundDb, jobId: string, lines: readonly LineFields[], now = new Date()): Promise<string[]> {
  return inOneChange(db, async () => {
    const ids: string[] = [];
    for (const fields of lines) ids.push(await addLine(db, jobId, fields, now));
    return ids;
  });
}

/** Removes several lines at once (undo of a pick): one transaction, all or none. */
export async function removeLines(db: WalkaroundDb, jobId: string, ids: readonly string[], now = new Date()): Promise<void> {
  await inOneChange(db, async () => {
    for (const id of ids) await removeLine(db, jobId, id, now);
  });
}

/** Edits a line; only the fields given change. An edit of a removed line is ignored. */
export async function updateLine(
  db: WalkaroundDb,
  jobId: string,
  id: string,
  fields: Partial<LineFields>,
  now = new Date(),
): Promise<void> {
  await commitMutation(db, jobId, { op: 'line.update', payload: { id, fields } }, now);
}

/** Removes a line by tombstone: it leaves the estimate and its totals but stays in the history. */
export async function removeLine(db: WalkaroundDb, jobId: string, id: string, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'line.remove', payload: { id } }, now);
}

/** Sets the promised time, old-parts choice, payment method or car wash; only those given. */
export async function updateEstimate(db: WalkaroundDb, jobId: string, fields: Partial<EstimateFields>, now = new Date()): Promise<void> {
  await commitMutation(db, jobId, { op: 'estimate.update', payload: { fields } }, now);
}

// A database of its own for each repo test (a unique name, so on fake-indexeddb no test sees
// another's rows) holding one job, deleted after the test; and the snapshot that proves a
// refused or interrupted write left every table as it was.
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { createJob } from '../../src/db/job-repo.ts';
import type { CardPatch, Job } from '../../src/shared/job.ts';

export type JobDb = { db: WalkaroundDb; job: Job };

/**
 * Before each test: a new database with one job, made by createJob(card) at `at`, handed to
 * `ready` (which may add more); after each test the database is deleted.
 */
export function useJobDb(at: Date, card: CardPatch, ready: (fresh: JobDb) => unknown): void {
  let db: WalkaroundDb | undefined;
  beforeEach(async () => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    await ready({ db, job: await createJob(db, card, at) });
  });
  afterEach(async () => {
    await db?.delete();
  });
}

/** Every row of the tables a repo write touches: jobs, outbox, meta and blobs. */
export async function snapshotDb(db: WalkaroundDb) {
  return { jobs: await db.jobs.toArray(), outbox: await db.outbox.toArray(), meta: await db.meta.toArray(), blobs: await db.blobs.toArray() };
}

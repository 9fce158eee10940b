// The job list the start benchmark opens: 20 realistic cards made in Node by the app's own
// repos (fake-indexeddb), two in three checked in over the last days, as a desk's list holds.
// Imported lazily by tti.ts: it points Dexie at fake-indexeddb in this process.
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type JobRow } from '../../src/db/database.ts';
import { checkIn, createJob } from '../../src/db/job-repo.ts';
import { realisticCard, seededRng } from './cards.ts';

export async function startListRows(count: number, now = Date.now()): Promise<JobRow[]> {
  // Dexie picks its IndexedDB when first loaded, which in `npm run bench` is before this module
  // (there is no IndexedDB in Node): hand it fake-indexeddb now.
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const rng = seededRng(20261207);
  const db = openDatabase(`tti-seed-${crypto.randomUUID()}`);
  try {
    for (let i = 0; i < count; i++) {
      // Spread over the last three days, a few hours apart, the newest first on the list.
      const at = new Date(now - (i + 1) * 3.5 * 60 * 60 * 1000);
      const job = await createJob(db, { ...realisticCard(rng).card, valuablesConfirmedAt: at.toISOString() }, at);
      if (i % 3 !== 2) await checkIn(db, job.id, at);
    }
    return await db.jobs.toArray();
  } finally {
    await db.delete();
  }
}

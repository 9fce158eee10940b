// The job list's first page and the tablet's session, read with IndexedDB's own API before
// Dexie opens (first-read.ts), must be exactly what Dexie's reads give: same cards, same order,
// same filters, same session (the lock screen depends on it). Without the database, or at
// another version, it gives up and creates nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSignIn, setAdvisorPin } from '../../src/db/advisor-repo.ts';
import { DB_NAME, openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { DB_NAME as FIRST_READ_DB_NAME, DEXIE_VERSION, readFirstScreen } from '../../src/db/first-read.ts';
import { jobsWithStatus, newestThenRunning, PROMISE_RUNS, searchJobs } from '../../src/db/job-queries.ts';
import { createJob, saveEnrollment } from '../../src/db/job-repo.ts';
import { readTabletSession } from '../../src/db/tablet-session.ts';
import type { JobStatus } from '../../src/shared/job.ts';

let name: string;
let db: WalkaroundDb;
beforeEach(() => {
  name = `first-read-${crypto.randomUUID()}`;
  db = openDatabase(name);
});
afterEach(() => db.delete());

const zhang = { id: '01930000-0000-7000-8000-000000000001', username: 'zhang', name: '张顾问', role: 'advisor' as const };
const enrolled = {
  deviceToken: 'token',
  device: { id: 'dev-1', name: '前台 1', code: 'A' },
  store: { id: 'store-1', code: 'SZ01', name: '深圳一店' },
} as Parameters<typeof saveEnrollment>[1];

/** Cards over several days (not in id order) in several statuses. */
async function seedCards(): Promise<void> {
  const statuses: (JobStatus | null)[] = [null, 'in-repair', null, 'quality-check', 'delivered', null, 'ready', 'checked-in'];
  for (const [i, status] of statuses.entries()) {
    const at = new Date(Date.UTC(2026, 11, 1 + (i % 4), 2 + i));
    const job = await createJob(db, { vehicle: { plate: `粤B1234${i}` } } as Parameters<typeof createJob>[1], at);
    // The status alone: what the list reads, without the check-in's required fields.
    if (status !== null) await db.jobs.update(job.id, { status });
  }
}

async function dexieList(statuses: readonly JobStatus[] | null) {
  if (statuses) return jobsWithStatus(db, statuses);
  return newestThenRunning(await searchJobs(db, ''), await jobsWithStatus(db, PROMISE_RUNS));
}

describe('the first screen read without Dexie', () => {
  it('lists the cards Dexie lists, in its order, for every filter', async () => {
    await seedCards();
    for (const statuses of [null, ['checked-in'], ['delivered'], ['draft'], ['in-repair']] as const) {
      const first = await readFirstScreen(name, statuses);
      expect(first?.jobs.map((j) => j.id), `statuses ${String(statuses)}`).toEqual((await dexieList(statuses)).map((j) => j.id));
      expect(first?.jobs).toEqual(await dexieList(statuses));
    }
  });

  it('lists what Dexie lists on a tablet with more cards than one page, running ones older than the page included', async () => {
    await seedCards();
    const model = await db.jobs.toCollection().first();
    if (!model) throw new Error('no card seeded');
    // 200 more, all older by id than the seeded ones (UUIDv7 ids sort by time), every tenth running.
    const older = Array.from({ length: 200 }, (_, i) => ({
      ...model,
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      status: i % 10 === 0 ? ('in-repair' as const) : ('delivered' as const),
    }));
    await db.jobs.bulkAdd(older);
    const first = await readFirstScreen(name, null);
    const dexie = await dexieList(null);
    expect(dexie.length).toBeGreaterThan(200);
    expect(first?.jobs.map((j) => j.id)).toEqual(dexie.map((j) => j.id));
  });

  it('reads the session Dexie reads: not connected, then connected with a signed-in advisor and PIN', async () => {
    await createJob(db);
    expect((await readFirstScreen(name, null))?.session).toEqual(await readTabletSession(db));
    await saveEnrollment(db, enrolled);
    await recordSignIn(db, zhang);
    await setAdvisorPin(db, zhang.id, '2580');
    const session = (await readFirstScreen(name, null))?.session;
    expect(session?.enrollment?.storeName).toBe('深圳一店');
    expect(session?.advisor?.pin).toBeDefined();
    expect(session).toEqual(await readTabletSession(db));
  });

  it('gives up without creating a database that does not exist, and Dexie then makes it', async () => {
    db.close();
    await db.delete();
    expect(await readFirstScreen(name, null)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    db = openDatabase(name);
    await createJob(db);
    expect(await db.jobs.count()).toBe(1);
  });

  it('reads the database Dexie opens: its name, kept apart so Dexie stays off the first route', () => {
    expect(FIRST_READ_DB_NAME).toBe(DB_NAME);
  });

  it('gives up on a database at another version', async () => {
    await createJob(db);
    expect(db.verno).toBe(DEXIE_VERSION);
    db.close();
    await db.delete();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 10 * DEXIE_VERSION - 10);
      request.onupgradeneeded = () => {
        for (const store of ['jobs', 'meta', 'advisors']) request.result.createObjectStore(store).createIndex?.('status', 'status');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    expect(await readFirstScreen(name, null)).toBeNull();
  });
});

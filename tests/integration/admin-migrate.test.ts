// Moving a store up (`npm run admin -- migrate`): a store made on an embedded server (SQLite
// file, photo folder) by a simulated tablet is copied into a real PostgreSQL database and an
// S3-compatible bucket (s3rver). The copy matches the source, the source is unchanged, a run
// cut short finishes when run again, and a photo the copy cannot vouch for is reported.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob } from '../../src/db/job-repo.ts';
import { migrateStore } from '../../src/server/admin/migrate-store.ts';
import { fsBlobPath } from '../../src/server/blobs/fs-blob-store.ts';
import { s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import { openPostgresStorage } from '../../src/server/storage/postgres/postgres-storage.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { pullPage } from '../../src/server/sync-rules/pull-rules.ts';
import { live } from '../../src/shared/walkaround.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { startS3Peer, type S3Peer } from '../support/s3-peer.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { addFakePhoto, createTablet, sign } from '../support/tablet.ts';
import { startTestServer } from '../support/test-server.ts';

let sourceDir: string;
let peer: S3Peer;
const databases: TestDatabase[] = [];
let m1: TestStore;
const jobIds: string[] = [];
let photoShas: string[] = [];

beforeAll(async () => {
  // The embedded server a store runs today, with a second store that must stay behind.
  const server = await startTestServer('migrate-source', {}, {});
  try {
    m1 = await seedTestStore(server.data.storage, 'M1');
    const m2 = await seedTestStore(server.data.storage, 'M2');
    for (const [store, name] of [[m1, 'M1-A'], [m2, 'M2-A']] as const) {
      const tablet = await createTablet(name, { baseUrl: server.baseUrl }, store.enrollmentCode);
      for (let i = 0; i < 3; i += 1) {
        const job = await createJob(tablet.db, { customer: { name: `客户${i}`, phone: '13800000000' }, vehicle: { plate: `粤B1234${i}`, vin: '' }, odometerKm: 1000 + i });
        await addFakePhoto(tablet.db, job.id, 100 * i + (store === m1 ? 1 : 2));
        if (i === 0) await sign(tablet.db, job.id, 'checkin', i + 1);
        if (store === m1) jobIds.push(job.id);
      }
      expect(await tablet.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    }
    const jobs = await Promise.all(jobIds.map((id) => server.data.storage.getJob(m1.storeId, id)));
    photoShas = jobs.flatMap((job) => [
      ...live(job!.photos).flatMap((p) => [p.sha256, p.thumbSha256]),
      ...Object.values(job!.signatures).flatMap((s) => [s.pngSha256, s.strokesSha256]),
    ]);
    // A consistent copy of the live folder: SQLite's own backup, then the photo files.
    sourceDir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'migrate-from-'));
    const live_ = new Database(join(server.data.dir, 'walkaround.sqlite'), { readonly: true });
    await live_.backup(join(sourceDir, 'walkaround.sqlite'));
    live_.close();
    cpSync(join(server.data.dir, 'blobs'), join(sourceDir, 'blobs'), { recursive: true });
  } finally {
    await server.close();
  }
  peer = await startS3Peer('migrate-test');
}, 60_000);

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await peer?.close();
  rmSync(sourceDir, { recursive: true, force: true });
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

/** Every file of the folder with its hash: the source must come out of a migration as it went in. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

async function migrate(database: TestDatabase, from = sourceDir) {
  const lines: string[] = [];
  const report = await migrateStore('M1', from, { ...peer.env, DATABASE_URL: database.url }, (line) => lines.push(line));
  return { ...report, progress: lines };
}

/** What a tablet and an administrator can read of the store. */
async function storeView(storage: Storage, storeId: string) {
  const jobs = await Promise.all(jobIds.map((id) => storage.getJob(storeId, id)));
  const histories = await Promise.all(jobIds.map((id) => storage.jobHistory(storeId, id)));
  const devices = await storage.listDevices(storeId);
  const page = await pullPage(storage.records, devices[0]!, 0, 100);
  return {
    jobs,
    histories: histories.map((entries) => entries.map(({ serverOrder: _order, ...entry }) => entry)),
    devices,
    advisors: await storage.listAdvisors(storeId),
    page: { cursor: page.cursor, ids: page.jobs.map((job) => job.id), lastSeq: page.lastSeq },
    profile: await storage.storeProfile(storeId),
  };
}

describe('admin migrate', () => {
  it('copies the store into PostgreSQL and S3, checks it, and leaves the source as it was', async () => {
    const before = fingerprint(sourceDir);
    const database = await freshDatabase();
    const report = await migrate(database);
    expect(report.lines.join('\n')).toMatch(/M1 copied and checked/);
    expect(report.ok).toBe(true);
    // Every file is as it was; SQLite may add its -wal and -shm companions beside the database
    // to read it (a reader needs them), and they hold nothing of the source's.
    const after = fingerprint(sourceDir);
    expect(Object.fromEntries(Object.keys(before).map((name) => [name, after[name]]))).toEqual(before);
    for (const added of Object.keys(after).filter((name) => !(name in before))) expect(added).toMatch(/walkaround\.sqlite-(wal|shm)$/);

    const source = openSqliteStorage(join(sourceDir, 'walkaround.sqlite'));
    const target = await openPostgresStorage(database.url);
    try {
      expect(await storeView(target, m1.storeId)).toEqual(await storeView(source, m1.storeId));
      expect(await target.findStoreByCode('M2')).toBeUndefined();
      for (const sha of photoShas) expect(await target.storeHasBlob(m1.storeId, sha)).toBe(true);
    } finally {
      await target.close();
      await source.close();
    }
    expect(photoShas.length).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('finishes a copy cut short when run again, copying only what is missing', async () => {
    const database = await freshDatabase();
    expect((await migrate(database)).ok).toBe(true);
    // As if the first run had stopped midway: half the log and one photo never arrived.
    const pool = database.pool({ max: 1 });
    await pool.query("DELETE FROM mutations WHERE server_order > (SELECT min(server_order) FROM mutations)");
    await s3ClientFor(peer.config).send(new DeleteObjectCommand({ Bucket: peer.config.bucket, Key: `blobs/${photoShas[0]}` }));

    const again = await migrate(database);
    expect(again.ok).toBe(true);
    expect(again.progress.find((line) => line.includes('mutations:'))).toMatch(/mutations: [1-9]\d* rows copied/);
    expect(again.progress.find((line) => line.includes('jobs:'))).toMatch(/jobs: 0 rows copied/);
    expect(again.progress.join('\n')).toMatch(/1 uploaded/);
  }, 60_000);

  it('reports a photo it cannot vouch for, and a store code another store holds, without copying over it', async () => {
    const broken = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'migrate-broken-'));
    try {
      cpSync(sourceDir, broken, { recursive: true });
      const missing = photoShas[1]!;
      rmSync(fsBlobPath(join(broken, 'blobs'), missing));
      // The bucket is shared with the earlier runs: this photo must not be found there either.
      await s3ClientFor(peer.config).send(new DeleteObjectCommand({ Bucket: peer.config.bucket, Key: `blobs/${missing}` }));
      const report = await migrate(await freshDatabase(), broken);
      expect(report.ok).toBe(false);
      expect(report.lines.join('\n')).toContain(`photo ${missing} is missing`);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }

    const taken = await freshDatabase();
    const other = await openPostgresStorage(taken.url);
    await other.createStore({ code: 'M1', name: 'another M1' });
    await other.close();
    await expect(migrate(taken)).rejects.toThrow(/already has another store with the code M1: nothing was copied/);
  }, 60_000);
});

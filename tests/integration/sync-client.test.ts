// The real sync client (fake-indexeddb) against the real server (SQLite, HTTP on loopback):
// a card with photos and a signature made on one tablet arrives, bytes and all, on another
// tablet of the same store; nothing is sent twice; a refused signature is kept for attention.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createJob, updateCard } from '../../src/db/job-repo.ts';
import { withoutSearch } from '../../src/db/job-queries.ts';
import type { DataDir } from '../../src/server/data-dir.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { useSeededServer } from '../support/seeded-server.ts';
import type { TestStore } from '../support/store-fixture.ts';
import { addFakePhoto, createTablet, sign } from '../support/tablet.ts';

let data: DataDir;
let baseUrl: string;
let store: TestStore;

useSeededServer('sync-client', (started) => ({ data, baseUrl, store } = started));

describe('sync client', () => {
  it('brings a card with photos and a signature from one tablet to another', async () => {
    const a = await createTablet('A', { baseUrl }, store.enrollmentCode);
    const b = await createTablet('B', { baseUrl }, store.enrollmentCode);
    const job = await createJob(a.db, { customer: { name: '张伟', phone: '13812345678' }, vehicle: { plate: '粤B12345' }, odometerKm: 42_000 });
    expect(job.number).toMatch(/^T1-\d{8}-A001$/);
    await addFakePhoto(a.db, job.id, 1);
    await addFakePhoto(a.db, job.id, 2);
    await sign(a.db, job.id, 'checkin', 1);

    expect(await a.engine.syncNow()).toEqual({ complete: true, outboxLeft: 0, needsAttention: 0 });
    expect(await b.engine.syncNow()).toMatchObject({ complete: true });

    const onA = withoutSearch((await a.db.jobs.get(job.id))!);
    const onB = withoutSearch((await b.db.jobs.get(job.id))!);
    expect(onB).toEqual(onA);
    expect(Object.keys(onB.photos)).toHaveLength(2);
    expect(Object.keys(onB.signatures)).toHaveLength(1);
    for (const blob of await a.db.blobs.toArray()) {
      const copy = await b.db.blobs.get(blob.sha256);
      expect(copy, blob.sha256).toBeDefined();
      expect(await sha256Hex(copy!.bytes)).toBe(blob.sha256);
    }
    // B edits, A pulls the edit; a second sync sends nothing again.
    await updateCard(b.db, job.id, { odometerKm: 42_100 });
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect((await a.db.jobs.get(job.id))?.card.odometerKm).toBe(42_100);
    expect((await data.storage.getJob(store.storeId, job.id))?.card.odometerKm).toBe(42_100);
  });
});

// Group commit: pushes that arrive together are handed to the records as one group of write
// units (one SQLite transaction, a savepoint each), so one that fails undoes only itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPushQueue } from '../../src/server/sync-rules/push-queue.ts';
import { pullPage } from '../../src/server/sync-rules/pull-rules.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import type { DeviceRecord, Storage } from '../../src/server/storage/storage.ts';
import { mutationSchema, type Mutation } from '../../src/shared/mutation.ts';
import { seedTestStore } from '../support/store-fixture.ts';

let dir: string;
let storage: Storage;
let devices: DeviceRecord[];

beforeAll(async () => {
  dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'push-queue-'));
  storage = openSqliteStorage(join(dir, 'db.sqlite'));
  const store = await seedTestStore(storage);
  devices = [];
  for (const i of [1, 2, 3]) {
    const outcome = await storage.enrollDevice({ code: store.enrollmentCode, clientId: uuidv7(), name: `平板 ${i}`, tokenHash: String(i).repeat(64), secretHash: null, now: new Date().toISOString() });
    if (!('device' in outcome)) throw new Error(`not enrolled: ${outcome.refused}`);
    devices.push(outcome.device);
  }
});

afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

function create(clientId: string, jobId = uuidv7()): Mutation {
  return mutationSchema.parse({
    mutationId: uuidv7(),
    clientId,
    seq: 1,
    jobId,
    createdAt: '2026-11-27T10:00:00.000+08:00',
    op: 'job.create',
    payload: { number: `T1-${jobId.slice(-4)}`, card: {} },
  });
}

describe('push queue', () => {
  it('commits pushes that arrive together, and a failing one undoes only itself', async () => {
    const [a, b, c] = devices as [DeviceRecord, DeviceRecord, DeviceRecord];
    const queue = createPushQueue(storage.records);
    const fromA = create(a.clientId);
    const fromC = create(c.clientId);
    const fromB = create(b.clientId);
    const results = await Promise.allSettled([
      queue.push(a, [fromA]),
      // B's own change, then one of A's: the push rules throw at the second, after the first
      // was written; the savepoint must undo that first one too.
      queue.push(b, [fromB, { ...create(a.clientId), seq: 2 }]),
      queue.push(c, [fromC]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: { lastSeq: 1, applied: 1 } });
    expect(await storage.getJob(a.storeId, fromA.jobId)).toBeDefined();
    expect(await storage.getJob(c.storeId, fromC.jobId)).toBeDefined();
    expect(await storage.getJob(b.storeId, fromB.jobId)).toBeUndefined();
    expect((await pullPage(storage.records, b, 0, 100)).lastSeq).toBe(0);
    expect((await pullPage(storage.records, a, 0, 100)).jobs.map((j) => j.id).sort()).toEqual([fromA.jobId, fromC.jobId].sort());
  });
});

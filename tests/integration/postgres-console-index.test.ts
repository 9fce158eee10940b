// The console's index on PostgreSQL, where several server processes catch up at once: a row is
// replaced only by a newer change of its card. A process that read a card before another one
// indexed a later change of it writes its older facts last; they must not win. Real server.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobFacts } from '../../src/server/console/job-facts.ts';
import { cardRow } from '../../src/server/storage/console-index-rows.ts';
import { upsertIndexRows } from '../../src/server/storage/postgres/postgres-console-index.ts';
import { openPostgresStorage } from '../../src/server/storage/postgres/postgres-storage.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import type { Job } from '../../src/shared/job.ts';
import { consoleCards } from '../bench/console-cards.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';

let database: TestDatabase;
let storage: Storage;
beforeAll(async () => {
  database = await createTestDatabase();
  storage = await openPostgresStorage(database.url, { maxConnections: 4 });
});
afterAll(async () => {
  await storage?.close();
  await database?.drop();
});

describe("the console's index on PostgreSQL", () => {
  it('keeps the newer facts of a card when older ones are written after them, and takes newer ones', async () => {
    const store = await storage.createStore({ code: 'PG01', name: 'PG' });
    const [job] = [...consoleCards({ storeCode: 'PG01', advisorIds: [uuidv7()], count: 1, now: Date.now(), seed: 3 })] as Job[];
    if (!job) throw new Error('no card');
    const [written] = await storage.records.writeEach([{ storeId: store.id, work: (tx) => tx.writePush({ clientId: uuidv7(), lastSeq: 1, log: [], jobs: [job] }) }]);
    if (!written || 'error' in written) throw new Error('card not written');
    // Indexed as stored, at its change number.
    const [indexed] = await storage.consoleFacts(store.id, { kind: 'created', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(indexed?.customerName).toBe(job.card.customer.name);

    const pool = database.pool({ max: 1 });
    try {
      const older = { ...job, card: { ...job.card, customer: { ...job.card.customer, name: '旧的名字' } } };
      const newer = { ...job, card: { ...job.card, customer: { ...job.card.customer, name: '新的名字' } } };
      // A later change (number 1,000) indexed by one process, then an earlier one (number 0) written late by another.
      await upsertIndexRows(pool, store.id, [cardRow(jobFacts(newer), 1_000)]);
      await upsertIndexRows(pool, store.id, [cardRow(jobFacts(older), 0)]);
      const read = async () => (await storage.consoleFacts(store.id, { kind: 'created', from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }))[0]?.customerName;
      expect(await read()).toBe('新的名字');
      await upsertIndexRows(pool, store.id, [cardRow(jobFacts({ ...newer, card: { ...newer.card, customer: { ...newer.card.customer, name: '更新的名字' } } }), 1_001)]);
      expect(await read()).toBe('更新的名字');
    } finally {
      await pool.end();
    }
  });
});

// The storage contract on the PostgreSQL adapter (openPostgresStorage), on a real server: a
// database of this file's own (tests/support/postgres-test-db.ts), emptied before each test.
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStorage } from '../../src/server/storage/postgres/postgres-storage.ts';
import { emptyTables } from '../support/postgres-records-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { defineStorageContract } from './storage-contract.ts';

let database: TestDatabase | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

defineStorageContract('PostgreSQL', async () => {
  if (!database) throw new Error('the test database was not made: see the error of beforeAll');
  const cleaner = database.pool({ max: 1 });
  await emptyTables(cleaner);
  const storage = await openPostgresStorage(database.url, { maxConnections: 4 });
  return { storage, discard: () => storage.close() };
});

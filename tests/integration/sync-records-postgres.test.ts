// The sync records contract on the PostgreSQL adapter, on a real server (a database of this
// file's own: tests/support/postgres-test-db.ts).
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { openPostgresRecordsFixture } from '../support/postgres-records-fixture.ts';
import { defineSyncRecordsContract } from './sync-records-contract.ts';

let database: TestDatabase | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

defineSyncRecordsContract('PostgreSQL', () => {
  if (!database) throw new Error('the test database was not made: see the error of beforeAll');
  return openPostgresRecordsFixture(database);
});

// The sync records contract on the embedded SQLite adapter.
import { openSqliteRecordsFixture } from '../support/sqlite-records-fixture.ts';
import { defineSyncRecordsContract } from './sync-records-contract.ts';

defineSyncRecordsContract('SQLite', openSqliteRecordsFixture);

// A sync-records fixture on the real PostgreSQL test database of the file (postgres-test-db.ts).
// The rest of the Storage interface is not on PostgreSQL yet, so the stores, tablets and blob
// links the contract needs are written here with plain SQL. Each fixture starts from empty tables.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { postgresSyncRecords } from '../../src/server/storage/postgres/postgres-sync-records.ts';
import type { SyncRecordsFixture } from '../integration/sync-records-contract.ts';
import type { TestDatabase } from './postgres-test-db.ts';

const NOW = '2026-11-27T09:00:00.000+08:00';

// Every table but schema_migrations: the next test sees a freshly migrated database.
const TABLES = [
  'stores', 'advisors', 'enrollment_codes', 'devices', 'retired_tokens', 'device_advisors', 'client_seqs',
  'store_change_counters', 'jobs', 'mutations', 'catalogues', 'store_blobs', 'store_profiles',
  'console_sessions', 'console_cards', 'console_index_cursors',
];

/** Empties every table, so the next test sees a freshly migrated database. */
export async function emptyTables(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY`);
}

/** The fixture, with its pool for the tests' own queries beside the records under test. */
export type PostgresRecordsFixture = SyncRecordsFixture & { pool: pg.Pool };

export async function openPostgresRecordsFixture(database: TestDatabase): Promise<PostgresRecordsFixture> {
  const pool = database.pool();
  await emptyTables(pool);
  return {
    pool,
    records: postgresSyncRecords(pool),
    async addTablet(storeCode) {
      await pool.query('INSERT INTO stores (id, code, name, created_at) VALUES ($1, $2, $2, $3) ON CONFLICT (code) DO NOTHING', [
        uuidv7(),
        storeCode,
        NOW,
      ]);
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM stores WHERE code = $1', [storeCode]);
      const storeId = rows[0]!.id;
      const device = { id: uuidv7(), storeId, clientId: uuidv7() };
      await pool.query(
        `INSERT INTO devices (id, store_id, client_id, code, name, token_hash, enrolled_at)
         VALUES ($1, $2, $3, $4, 'Tablet', $5, $6)`,
        [device.id, storeId, device.clientId, device.id.slice(-8), uuidv7(), NOW],
      );
      return device;
    },
    async linkBlob(storeId, sha256) {
      await pool.query('INSERT INTO store_blobs (store_id, sha256, byte_length, linked_at) VALUES ($1, $2, 3, $3)', [storeId, sha256, NOW]);
    },
    async loggedCount() {
      const { rows } = await pool.query<{ count: number }>('SELECT count(*)::integer AS count FROM mutations');
      return rows[0]!.count;
    },
    close: () => pool.end(),
  };
}

// The records of a dealer group in PostgreSQL: every store's people, tablets, job cards,
// catalogue and mutation log in one database that several server processes share. Selected by
// DATABASE_URL (data-dir.ts); the embedded default stays SQLite.
import pg from 'pg';
import type { Storage } from '../storage.ts';
import { postgresDevices } from './postgres-devices.ts';
import { postgresDirectory } from './postgres-directory.ts';
import { postgresJobs } from './postgres-jobs.ts';
import { postgresReference } from './postgres-reference.ts';
import { migratePostgres } from './postgres-schema.ts';
import { postgresSyncRecords } from './postgres-sync-records.ts';

/** Connects, migrates (safely from several processes at once) and returns the records. */
export async function openPostgresStorage(connectionString: string, options: { maxConnections?: number } = {}): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Nothing waits for ever: not for a connection, not on a statement (a store's lock
    // included), and no transaction left open by a stuck process keeps a store locked. The
    // tablet hears an error and sends again; what it sent is still on the tablet.
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection the server dropped must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: 'postgres',
    async reachable() {
      try {
        return (await pool.query('SELECT 1 AS one')).rows.length === 1;
      } catch {
        return false;
      }
    },
    records: postgresSyncRecords(pool),
    ...postgresDirectory(pool),
    ...postgresDevices(pool),
    ...postgresJobs(pool),
    ...postgresReference(pool),
    close: () => pool.end(),
  };
}

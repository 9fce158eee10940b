// The records of a dealer group in PostgreSQL: every store's people, tablets, job cards,
// catalogue and mutation log in one database that several server processes share. Selected by
// DATABASE_URL (data-dir.ts); the embedded default stays SQLite.
import pg from 'pg';
import type { SyncRecords } from '../../sync-rules/sync-records.ts';
import type { Storage } from '../storage.ts';
import { postgresConsoleIndex } from './postgres-console-index.ts';
import { postgresConsoleSessions } from './postgres-console-sessions.ts';
import { postgresDevices } from './postgres-devices.ts';
import { postgresDirectory } from './postgres-directory.ts';
import { postgresJobs } from './postgres-jobs.ts';
import { postgresReference } from './postgres-reference.ts';
import { migratePostgres } from './postgres-schema.ts';
import { postgresSyncRecords } from './postgres-sync-records.ts';
import { recordsError, reportingUnavailable } from './postgres-unavailable.ts';

export type PostgresOptions = {
  maxConnections?: number;
  /** How long a request waits for a connection of the pool (10 s). */
  connectionTimeoutMs?: number;
  /** How long one statement may run or wait for a lock, a store's lock included (30 s). */
  statementTimeoutMs?: number;
  /** How long a transaction may sit idle before PostgreSQL ends it and frees its locks (60 s). */
  idleInTransactionTimeoutMs?: number;
};

/** Connects, migrates (safely from several processes at once) and returns the records. */
export async function openPostgresStorage(connectionString: string, options: PostgresOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Nothing waits for ever: not for a connection, not on a statement (a store's lock
    // included), and no transaction left open by a stuck process keeps a store locked. The
    // tablet hears 503 (RecordsUnavailable) and sends again; what it sent is still on it.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
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
    records: reportingUnavailableRecords(postgresSyncRecords(pool)),
    ...reportingUnavailable({ ...postgresDirectory(pool), ...postgresDevices(pool), ...postgresJobs(pool), ...postgresReference(pool), ...postgresConsoleSessions(pool), ...postgresConsoleIndex(pool) }),
    close: () => pool.end(),
  };
}

/** The sync records, with a failure of availability reported as RecordsUnavailable, per unit too. */
function reportingUnavailableRecords(records: SyncRecords): SyncRecords {
  return {
    async writeEach(units) {
      return (await records.writeEach(units)).map((result) => ('error' in result ? { error: recordsError(result.error) } : result));
    },
    read: (work) =>
      records.read(work).catch((error: unknown) => {
        throw recordsError(error);
      }),
  };
}

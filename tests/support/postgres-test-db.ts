// A database of its own for one test file, on the real PostgreSQL that
// tests/support/start-postgres.sh starts: made fresh and migrated before the file's tests, and
// dropped after them. The server comes from TEST_DATABASE_URL; a missing server fails the tests
// with how to start it, never skips them.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from '../../src/server/storage/postgres/postgres-schema.ts';

const DEFAULT_URL = 'postgres://walkaround:walkaround@127.0.0.1:5432/postgres';

export type TestDatabase = {
  name: string;
  /** The test database's connection string, for code that opens its own pool. */
  url: string;
  /** A new pool on the test database, as one server process would open; ended by drop(). */
  pool(config?: pg.PoolConfig): pg.Pool;
  drop(): Promise<void>;
};

/** Connects as TEST_DATABASE_URL's role (it needs CREATEDB), with a message that says what to do if it cannot. */
export async function adminClient(): Promise<pg.Client> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const shown = new URL(url);
    shown.password = shown.password && '***';
    throw new Error(
      `PostgreSQL is not reachable at ${shown.href} (${String(error)}). The PostgreSQL tests need a real server: ` +
        'run `bash tests/support/start-postgres.sh` as root (it installs, starts and sets up Debian\'s PostgreSQL), ' +
        'or set TEST_DATABASE_URL to a server where the role may CREATE DATABASE.',
      { cause: error },
    );
  }
  return client;
}

/** `migrated: false` leaves the database empty, for tests of the migrations themselves. */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const name = `walkaround_test_${randomBytes(6).toString('hex')}`;
  const admin = await adminClient();
  const url = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_URL);
  url.pathname = `/${name}`;
  const pools: pg.Pool[] = [];
  const pool = (config: pg.PoolConfig = {}) => {
    const opened = new pg.Pool({ ...config, connectionString: url.href });
    // An idle connection that the server ends (the drop below) is not a failure of any test;
    // without a listener the pool's 'error' event would crash the test runner.
    opened.on('error', () => undefined);
    pools.push(opened);
    return opened;
  };
  async function drop(): Promise<void> {
    // A pool still lending a client (a test that failed with a unit held open) would wait for
    // it for ever: it is ended without waiting, and its connection is terminated below.
    const open = pools.filter((opened) => !opened.ending);
    const idle = open.filter((opened) => opened.totalCount === opened.idleCount);
    for (const lending of open.filter((opened) => !idle.includes(opened))) void lending.end().catch(() => undefined);
    await Promise.all(idle.map((opened) => opened.end()));
    try {
      // A test that failed midway may have left a connection open (a pool it never ended).
      // Client connections only: an autovacuum worker busy in the database after a heavy run
      // belongs to the superuser and may not be signalled by this role (DROP DATABASE ends it).
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [name],
      );
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    } finally {
      await admin.end();
    }
  }
  try {
    // The name is ours, made of hex digits: safe to write into the statement.
    await admin.query(`CREATE DATABASE ${name}`);
    if (migrated) await migratePostgres(pool({ max: 1 }));
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url: url.href, pool, drop };
}

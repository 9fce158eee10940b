// When the records are out of reach, the API says so (503 records_unavailable, Retry-After)
// instead of failing with a 500 or hanging: PostgreSQL down or cut off, a statement stuck on a
// store's lock past its time limit, no pool connection in time. Nothing is stored by the
// refused request, and the tablet's resend applies exactly once. The real server (in process,
// HTTP on loopback) on a real PostgreSQL, reached through a TCP relay the test can cut.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openFsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { openPostgresStorage, type PostgresOptions } from '../../src/server/storage/postgres/postgres-storage.ts';
import { RecordsUnavailable, type Storage } from '../../src/server/storage/storage.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { seedTestStore } from '../support/store-fixture.ts';

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and mended. */
async function startRelay(target: URL): Promise<{ url: string; cut(): Promise<void>; mend(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const listen = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const open = () =>
    createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
  let server = open();
  await listen(server, 0);
  const port = (server.address() as { port: number }).port;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  const url = new URL(target.href);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.href,
    cut: close,
    async mend() {
      server = open();
      await listen(server, port);
    },
    close: () => (server.listening ? close() : Promise.resolve()),
  };
}

describe('the records out of reach (PostgreSQL)', () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let storage: Storage | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let dir: string;

  beforeEach(async () => {
    database = await createTestDatabase({ migrated: true });
    relay = await startRelay(new URL(database.url));
    dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'pg-unavailable-'));
  });
  afterEach(async () => {
    await app?.close();
    await storage?.close().catch(() => undefined);
    [app, storage] = [undefined, undefined];
    await relay.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The server on the relay with these time limits, a store, and one enrolled tablet. */
  async function serve(options: PostgresOptions) {
    storage = await openPostgresStorage(relay.url, options);
    const store = await seedTestStore(storage, 'GZ01');
    app = await buildApp({ logger: false, staticDir: dir, storage, blobs: openFsBlobStore(join(dir, 'blobs')) });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' };
    const clientId = uuidv4();
    const enrolled = await fetch(`${base}/api/v1/auth/enroll`, { method: 'POST', headers, body: JSON.stringify({ code: store.enrollmentCode, clientId, deviceName: 'A' }) });
    expect(enrolled.status).toBe(200);
    const token = ((await enrolled.json()) as { deviceToken: string }).deviceToken;
    const authed = { ...headers, authorization: `Bearer ${token}` };
    let seq = 0;
    const create = () => ({
      mutationId: uuidv7(),
      clientId,
      seq: (seq += 1),
      jobId: uuidv7(),
      createdAt: new Date().toISOString(),
      op: 'job.create',
      payload: { number: `GZ01-20261207-A${String(seq).padStart(3, '0')}`, card: {} },
    });
    const push = async (mutations: unknown[]) => {
      const reply = await fetch(`${base}/api/v1/push`, { method: 'POST', headers: authed, body: JSON.stringify({ mutations }) });
      return { status: reply.status, retryAfter: reply.headers.get('retry-after'), body: (await reply.json()) as Record<string, unknown> };
    };
    const pull = async () => (await fetch(`${base}/api/v1/pull?cursor=0`, { headers: authed })).status;
    const health = async () => (await fetch(`${base}/api/v1/health`)).status;
    return { store, create, push, pull, health };
  }

  /** Holds the store's write lock from another connection until released. */
  async function holdStoreLock(storeId: string) {
    const holder = database.pool({ max: 1 });
    const client = await holder.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO store_change_counters (store_id) VALUES ($1) ON CONFLICT DO NOTHING', [storeId]);
    await client.query('SELECT 1 FROM store_change_counters WHERE store_id = $1 FOR UPDATE', [storeId]);
    return async () => {
      await client.query('ROLLBACK');
      client.release();
    };
  }

  const loggedCount = async () => Number((await database.pool({ max: 1 }).query<{ n: string }>('SELECT count(*) AS n FROM mutations')).rows[0]?.n);

  it('a push stuck on its store lock past the statement limit answers 503; once free, the resend applies once', { timeout: 30_000 }, async () => {
    const server = await serve({ statementTimeoutMs: 400 });
    const mutation = server.create();
    const release = await holdStoreLock(server.store.storeId);
    try {
      const refused = await server.push([mutation]);
      expect(refused).toMatchObject({ status: 503, retryAfter: '5', body: { error: 'records_unavailable' } });
      expect(String(refused.body.message)).toMatch(/Nothing is lost/);
    } finally {
      await release();
    }
    expect(await loggedCount()).toBe(0);
    expect(await server.push([mutation])).toMatchObject({ status: 200, body: { lastSeq: 1 } });
    expect(await server.push([mutation])).toMatchObject({ status: 200, body: { lastSeq: 1 } });
    expect(await loggedCount()).toBe(1);
  });

  it('a request that gets no pool connection in time answers 503, and the next one is served', { timeout: 30_000 }, async () => {
    const server = await serve({ maxConnections: 1, connectionTimeoutMs: 300, statementTimeoutMs: 10_000 });
    const release = await holdStoreLock(server.store.storeId);
    // The push waits on the lock holding the pool's only connection; the pull cannot get one.
    const waiting = server.push([server.create()]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await server.pull()).toBe(503);
    } finally {
      await release();
    }
    expect((await waiting).status).toBe(200);
    expect(await server.pull()).toBe(200);
  });

  it('a transaction left idle past its limit is ended, freeing its store for the next push; the stuck one hears records_unavailable', { timeout: 30_000 }, async () => {
    const server = await serve({});
    // Another server process on the same database, stuck after taking the store's lock.
    const other = await openPostgresStorage(relay.url, { idleInTransactionTimeoutMs: 300 });
    try {
      const events: string[] = [];
      const stuck = other.records
        .writeEach([{ storeId: server.store.storeId, work: () => new Promise((resolve) => setTimeout(resolve, 3_000)) }])
        .then(([result]) => {
          events.push('stuck unit settled');
          return result;
        });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const push = await server.push([server.create()]);
      events.push('push answered');
      expect(push).toMatchObject({ status: 200, body: { lastSeq: 1 } });
      const result = await stuck;
      expect(events).toEqual(['push answered', 'stuck unit settled']);
      expect(result && 'error' in result && result.error).toBeInstanceOf(RecordsUnavailable);
      // That process goes on: its next unit gets a working connection.
      expect(await other.records.writeEach([{ storeId: server.store.storeId, work: async () => 'done' }])).toEqual([{ value: 'done' }]);
    } finally {
      await other.close();
    }
  });

  it('PostgreSQL cut off: pushes and pulls answer 503 and health says unavailable; back, the resend applies once', { timeout: 30_000 }, async () => {
    const server = await serve({ connectionTimeoutMs: 1_000 });
    const [first, second] = [server.create(), server.create()];
    expect(await server.push([first])).toMatchObject({ status: 200, body: { lastSeq: 1 } });
    await relay.cut();
    expect(await server.push([second])).toMatchObject({ status: 503, body: { error: 'records_unavailable' } });
    expect(await server.pull()).toBe(503);
    expect(await server.health()).toBe(503);
    await relay.mend();
    expect(await server.push([first, second])).toMatchObject({ status: 200, body: { lastSeq: 2 } });
    expect(await server.health()).toBe(200);
    expect(await loggedCount()).toBe(2);
  });
});

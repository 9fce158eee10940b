// What the PostgreSQL adapter promises when several server processes share one database, shown
// on a real server: three pools stand for three processes. Exactly once holds however many
// processes take the same pushes at once; a pull cursor never steps over a change that commits
// late; one store's writes never wait for another's; a unit PostgreSQL undoes for a deadlock runs
// again; a duplicate no lock can stop fails on a unique key; and processes that start together
// migrate the schema once. Where a test must know that a unit is waiting for a lock, it asks
// pg_stat_activity instead of sleeping.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../../src/server/storage/postgres/postgres-schema.ts';
import { postgresSyncRecords } from '../../src/server/storage/postgres/postgres-sync-records.ts';
import { sqlState } from '../../src/server/storage/postgres/postgres-transaction.ts';
import { pullPage } from '../../src/server/sync-rules/pull-rules.ts';
import { pushMutations, type PushOutcome, type Pusher } from '../../src/server/sync-rules/push-rules.ts';
import type { LoggedMutation, SyncRecords, SyncWrites, UnitResult } from '../../src/server/sync-rules/sync-records.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { openPostgresRecordsFixture, type PostgresRecordsFixture } from '../support/postgres-records-fixture.ts';
import { pushAlone, tabletIn } from './sync-records-contract.ts';

const NOW = '2026-11-27T09:00:00.000+08:00';
const PROCESSES = ['walkaround-1', 'walkaround-2', 'walkaround-3'] as const;

/** One push in a unit of its own through one process; its error is its result. */
async function push(records: SyncRecords, device: Pusher, mutations: Mutation[]): Promise<UnitResult<PushOutcome>> {
  const [result] = await records.writeEach([{ storeId: device.storeId, work: (tx) => pushMutations(tx, device, mutations, async () => null, NOW) }]);
  return result!;
}

/** Every job of the store a puller sees, paging on from `cursor` until the end. */
async function pullFrom(records: SyncRecords, device: Pusher, cursor: number): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let more = true; more; ) {
    const page = await pullPage(records, device, cursor, 2);
    jobs.push(...page.jobs);
    ({ cursor, more } = page);
  }
  return jobs;
}

/**
 * Whether the process's transaction waits for a lock another session holds before `unit`
 * settles: asks the server until one or the other happens, instead of guessing how long either
 * takes.
 */
async function waitsForLock(monitor: pg.Pool, process: string, unit: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void unit.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = Date.now() + 10_000;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`${process}'s unit neither finished nor waited for a lock in 10 s`);
    const { rows } = await monitor.query<{ waiting: boolean }>(
      `SELECT count(*) > 0 AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND cardinality(pg_blocking_pids(pid)) > 0`,
      [process],
    );
    if (rows[0]!.waiting) return true;
  }
  return false;
}

/** The log row the push rules would write for this mutation, applied. */
function loggedRow(device: Pusher, m: Mutation): LoggedMutation {
  return {
    ...{ mutationId: m.mutationId, clientId: m.clientId, seq: m.seq, jobId: m.jobId, storeId: device.storeId, deviceId: device.id },
    ...{ advisorId: null, op: m.op, payload: JSON.stringify(m.payload), createdAt: m.createdAt, receivedAt: NOW },
    ...{ status: 'applied', reason: null },
  };
}

/** A promise and the function that settles it, for a unit to wait on inside its transaction. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * A push that takes its change number, then holds its transaction (and its store's lock) open
 * until `release` opens; `tookNumber` resolves once its job is written, uncommitted.
 */
function heldPush(records: SyncRecords, device: Pusher, mutations: Mutation[], release: Promise<void>) {
  const took = gate();
  const unit = records.writeEach([
    {
      storeId: device.storeId,
      work: async (tx) => {
        try {
          return await pushMutations(tx, device, mutations, async () => null, NOW);
        } finally {
          took.open();
          await release;
        }
      },
    },
  ]);
  return { tookNumber: took.opened, unit };
}

describe('PostgreSQL sync records under concurrency', () => {
  let database: TestDatabase | undefined;
  let fixture: PostgresRecordsFixture;
  let processes: SyncRecords[];
  let pools: pg.Pool[];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());
  beforeEach(async () => {
    if (!database) throw new Error('the test database was not made: see the error of beforeAll');
    fixture = await openPostgresRecordsFixture(database);
    // application_name tells each process's sessions apart in pg_stat_activity.
    pools = PROCESSES.map((name) => database!.pool({ max: 4, application_name: name }));
    processes = pools.map((pool) => postgresSyncRecords(pool));
  });
  afterEach(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await fixture.close();
  });

  it('1. three processes taking the same and overlapping pushes of one store at once apply each mutation exactly once', { timeout: 60_000 }, async () => {
    // Two tablets of one store, both adding marks to one card: a push applied twice would log
    // twice or fail; two pushes applied side by side would lose one's marks.
    const tablets = [await tabletIn(fixture, 'SH01'), await tabletIn(fixture, 'SH01')];
    const jobId = uuidv7();
    const outboxes: Mutation[][] = [[tablets[0]!.create(jobId)], []];
    const outcomes: PushOutcome[] = [];
    const failures: unknown[] = [];
    const record = (result: UnitResult<PushOutcome>) => ('value' in result ? outcomes.push(result.value) : failures.push(result.error));
    record(await push(processes[0]!, tablets[0]!.device, outboxes[0]!));

    for (let round = 0; round < 20; round += 1) {
      const pushes = tablets.flatMap((tablet, t) => {
        const outbox = outboxes[t]!;
        const acknowledged = outbox.length;
        const fresh = Array.from({ length: 4 }, (_, i) =>
          tablet.mutation(jobId, {
            op: 'damage.add',
            payload: { id: uuidv7(), view: 'left', x: 0.5, y: 0.5, type: 'scratch', severity: 'minor', note: `${t}-${round}-${i}` },
          }),
        );
        outbox.push(...fresh);
        // The same batch through two processes (a retry that raced its own first try) and one
        // overlapping it, resent from before what the server already acknowledged.
        const batches = [fresh, fresh, [...outbox.slice(Math.max(0, acknowledged - 2), acknowledged), ...fresh.slice(0, 2)]];
        return batches.map((batch, b) => push(processes[(b + round + t) % 3]!, tablet.device, batch));
      });
      (await Promise.all(pushes)).forEach(record);
      // Each tablet then does what a tablet does: resends from its lastSeq until all is taken.
      for (const [t, tablet] of tablets.entries()) {
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const lastSeq = await processes[round % 3]!.read((tx) => tx.lastSeq(tablet.device.clientId));
          if (lastSeq === outboxes[t]!.length) break;
          record(await push(processes[round % 3]!, tablet.device, outboxes[t]!.slice(lastSeq)));
        }
      }
    }

    const all = outboxes.flat();
    const { rows: logged } = await fixture.pool.query<{ client_id: string; seq: number; mutation_id: string }>(
      'SELECT client_id, seq::integer, mutation_id FROM mutations ORDER BY client_id, seq',
    );
    for (const [t, tablet] of tablets.entries()) {
      const mine = logged.filter((row) => row.client_id === tablet.device.clientId).map((row) => [row.seq, row.mutation_id]);
      expect(mine).toEqual(outboxes[t]!.map((m) => [m.seq, m.mutationId]));
      expect(await processes[1]!.read((tx) => tx.lastSeq(tablet.device.clientId))).toBe(outboxes[t]!.length);
    }
    expect(outcomes.reduce((sum, outcome) => sum + outcome.applied, 0)).toBe(all.length);
    const [stored] = await pullFrom(processes[2]!, tablets[0]!.device, 0);
    expect(stored).toEqual(all.reduce<Job | undefined>(applyMutation, undefined));
    // The store lock makes a racing duplicate wait and then hear it is one: no push failed.
    expect(failures).toEqual([]);
  });

  it('2. a pull cursor never steps over a change that took its number first and commits last', { timeout: 30_000 }, async () => {
    const a = await tabletIn(fixture, 'SH01');
    const b = await tabletIn(fixture, 'SH01');
    const [p1, p2, p3] = processes as [SyncRecords, SyncRecords, SyncRecords];
    const first = a.create(uuidv7());
    await pushAlone(p1, a.device, [first]);

    const release = gate();
    const held = a.create(uuidv7());
    const late = b.create(uuidv7());
    const slow = heldPush(p1, a.device, [held], release.opened);
    try {
      await slow.tookNumber;
      const fast = push(p2, b.device, [late]);
      // The later change has either committed or is waiting for the store: pull now.
      await waitsForLock(fixture.pool, PROCESSES[1], fast);
      const between = await pullPage(p3, a.device, 0, 10);
      expect(between.jobs.map((job) => job.id)).toContain(first.jobId);
      release.open();
      const results = [...(await slow.unit), await fast];
      expect(results.map((result) => 'value' in result)).toEqual([true, true]);

      // The puller goes on from where it stood, and has then seen every change of the store.
      const seen = [...between.jobs, ...(await pullFrom(p3, a.device, between.cursor))].map((job) => job.id);
      expect(new Set(seen)).toEqual(new Set([first.jobId, held.jobId, late.jobId]));
    } finally {
      release.open();
    }
  });

  it("3. a store's write unit does not wait while another store's unit holds its lock", { timeout: 30_000 }, async () => {
    const a = await tabletIn(fixture, 'SH01');
    const c = await tabletIn(fixture, 'BJ01');
    const [p1, p2] = processes as [SyncRecords, SyncRecords];
    const release = gate();
    const held = a.create(uuidv7());
    const slow = heldPush(p1, a.device, [held], release.opened);
    try {
      await slow.tookNumber;
      const other = c.create(uuidv7());
      const fast = push(p2, c.device, [other]);
      expect(await waitsForLock(fixture.pool, PROCESSES[1], fast)).toBe(false);
      expect(await fast).toMatchObject({ value: { lastSeq: 1, applied: 1 } });
      // Committed and pulled while the first store's unit is still open.
      expect((await pullFrom(p2, c.device, 0)).map((job) => job.id)).toEqual([other.jobId]);
      expect(await pullFrom(p2, a.device, 0)).toEqual([]);
      release.open();
      expect((await slow.unit)[0]).toMatchObject({ value: { applied: 1 } });
    } finally {
      release.open();
    }
  });

  it('5. a unit that PostgreSQL undoes to break a deadlock runs again and commits', { timeout: 30_000 }, async () => {
    // Units of two stores each save their tablet's lastSeq, then, once the other has too, the
    // other's: each waits for the other's row, and PostgreSQL ends one of them (40P01). Its
    // rerun waits for the survivor's commit and then writes the same rows again.
    const tablets = [await tabletIn(fixture, 'SH01'), await tabletIn(fixture, 'BJ01')];
    const clientIds = tablets.map((tablet) => tablet.device.clientId);
    const saved = tablets.map(() => gate());
    let attempts = 0;
    const results = await Promise.all(
      tablets.map((tablet, t) =>
        processes[t]!.writeEach([
          {
            storeId: tablet.device.storeId,
            work: async (tx) => {
              attempts += 1;
              await tx.writePush({ clientId: clientIds[t]!, lastSeq: 7, log: [], jobs: [] });
              saved[t]!.open();
              await saved[1 - t]!.opened;
              await tx.writePush({ clientId: clientIds[1 - t]!, lastSeq: 7, log: [], jobs: [] });
            },
          },
        ]),
      ),
    );
    expect(results.flat()).toEqual([{ value: undefined }, { value: undefined }]);
    expect(attempts).toBe(3);
    expect(await processes[2]!.read(async (tx) => [await tx.lastSeq(clientIds[0]!), await tx.lastSeq(clientIds[1]!)])).toEqual([7, 7]);
  });

  it('6. a duplicate that gets past the store lock fails its unit on the unique key and is then found logged', { timeout: 30_000 }, async () => {
    // The store lock cannot help here: one mutation logged by units of two stores (a copied
    // tablet identity), the second while the first is still uncommitted.
    const [a, b] = [await tabletIn(fixture, 'SH01'), await tabletIn(fixture, 'BJ01')];
    const row = loggedRow(a.device, a.create(uuidv7()));
    const logOnce = async (tx: SyncWrites) => {
      if ((await tx.readForPush(row.clientId, [row])).logged.has(row.mutationId)) return 'duplicate';
      await tx.writePush({ clientId: row.clientId, lastSeq: row.seq, log: [row], jobs: [] });
      return 'logged';
    };
    const [logged, release] = [gate(), gate()];
    const held = async (tx: SyncWrites) => {
      const outcome = await logOnce(tx);
      logged.open();
      await release.opened;
      return outcome;
    };
    const first = processes[0]!.writeEach([{ storeId: a.device.storeId, work: held }]);
    try {
      await logged.opened;
      const second = processes[1]!.writeEach([{ storeId: b.device.storeId, work: logOnce }]);
      expect(await waitsForLock(fixture.pool, PROCESSES[1], second)).toBe(true);
      release.open();
      expect(await first).toEqual([{ value: 'logged' }]);
      const [failed] = await second;
      expect(failed && 'error' in failed && sqlState(failed.error)).toBe('23505');
      // The tablet's retry finds it logged: nothing applies twice.
      expect(await processes[1]!.writeEach([{ storeId: b.device.storeId, work: logOnce }])).toEqual([{ value: 'duplicate' }]);
      expect(await fixture.loggedCount()).toBe(1);
    } finally {
      release.open();
    }
  });
});

describe('PostgreSQL schema under concurrency', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database?.drop());

  it('4. processes starting together on a new database migrate it once; a newer database is refused', async () => {
    if (!database) throw new Error('the test database was not made: see the error of beforeAll');
    const pools = PROCESSES.map(() => database!.pool({ max: 1 }));
    expect(await Promise.all(pools.map((pool) => migratePostgres(pool)))).toEqual(PROCESSES.map(() => POSTGRES_MIGRATIONS.length));
    const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));

    // A server of an older build meets a database a newer one migrated.
    await pools[0]!.query('INSERT INTO schema_migrations (version) VALUES ($1)', [POSTGRES_MIGRATIONS.length + 1]);
    await expect(migratePostgres(pools[1]!)).rejects.toThrow(/newer than this server .*update the server/);
  });
});

// The sync records (../../sync-rules/sync-records.ts) in PostgreSQL, for a dealer group whose
// stores share one database and several server processes. A store's write units run in
// transactions that first lock its row of store_change_counters and hold it to commit (the
// units that arrive together in one transaction, a savepoint each), so one store's writes run
// one at a time across every process while other stores go on; and a change number taken
// under that lock commits before any later one, so a pull cursor never steps over a change
// that commits late.
import type pg from 'pg';
import type { Job } from '../../../shared/job.ts';
import type { RejectReason } from '../../../shared/protocol.ts';
import type { LoggedMutation, SyncReads, SyncRecords, SyncWrites, UnitResult, WriteUnit } from '../../sync-rules/sync-records.ts';
import { jobRow, type JobRow } from '../record-rows.ts';
import { pgText } from './postgres-query.ts';
import { inTransaction, sqlState } from './postgres-transaction.ts';

// serialization_failure and deadlock_detected: PostgreSQL undid the whole transaction and asks
// for it again. A unit reads everything through its transaction, so running it again is safe.
const RETRIED_STATES = new Set(['40001', '40P01']);
const ATTEMPTS = 4;
/** The most units one transaction takes: a group holds its store's lock until it commits. */
const GROUP_LIMIT = 32;

const retried = (error: unknown) => RETRIED_STATES.has(sqlState(error) ?? '');

type Queued<T> = { unit: WriteUnit<T>; settle: (result: UnitResult<T>) => void };

export function postgresSyncRecords(pool: pg.Pool): SyncRecords {
  /**
   * Group commit, per store, in this process: while a transaction of a store is out, that
   * store's next units wait here and then go together, in one transaction that takes the lock
   * once and commits once, a savepoint each so that one unit's failure undoes only that unit.
   * The busier a store, the larger its groups, and the fewer times its lock changes hands.
   * A unit awaits only its statements (each under statement_timeout): one that hung would hold
   * its store's lane here, though PostgreSQL's idle-in-transaction limit frees the lock for the
   * other processes.
   */
  const lanes = new Map<string, Array<Queued<unknown>>>();

  async function drain(storeId: string, lane: Array<Queued<unknown>>): Promise<void> {
    while (lane.length > 0) {
      const group = lane.splice(0, GROUP_LIMIT);
      const results = await writeGroup(storeId, group.map((queued) => queued.unit));
      group.forEach((queued, i) => queued.settle(results[i] as UnitResult<unknown>));
    }
    lanes.delete(storeId);
  }

  function enqueue<T>(unit: WriteUnit<T>): Promise<UnitResult<T>> {
    return new Promise((settle) => {
      const waiting = lanes.get(unit.storeId);
      const queued = { unit, settle } as Queued<unknown>;
      if (waiting) waiting.push(queued);
      else {
        const lane = [queued];
        lanes.set(unit.storeId, lane);
        // After this turn's other units have joined (a writeEach's units arrive together).
        queueMicrotask(() => void drain(unit.storeId, lane));
      }
    });
  }

  async function writeGroup(storeId: string, units: Array<WriteUnit<unknown>>): Promise<Array<UnitResult<unknown>>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(pool, 'BEGIN', async (client) => {
          await run(client, LOCK_STORE, [storeId]);
          const tx = writesOn(client, storeId);
          // A lone unit needs no savepoint: its failure undoes the transaction, which is only its own.
          if (units.length === 1) return [{ value: await units[0]!.work(tx) }];
          const results: Array<UnitResult<unknown>> = [];
          for (const unit of units) {
            await client.query(results.length === 0 ? 'SAVEPOINT unit' : 'RELEASE SAVEPOINT unit; SAVEPOINT unit');
            try {
              results.push({ value: await unit.work(tx) });
            } catch (error) {
              // A deadlock or serialization failure is the transaction's: all of it runs again.
              if (retried(error)) throw error;
              await client.query('ROLLBACK TO SAVEPOINT unit');
              results.push({ error });
            }
          }
          return results;
        });
      } catch (error) {
        if (attempt < ATTEMPTS && retried(error)) continue;
        // Nothing of the group committed (or, after a broken COMMIT, nobody knows): each
        // tablet hears the failure and retries, and a retry never applies anything twice.
        return units.map(() => ({ error }));
      }
    }
  }

  return {
    // Units of different stores run at once, each store's in the order given (so they also take
    // their change numbers in that order). A transaction never locks two stores: processes
    // that locked the same stores in different orders would deadlock.
    writeEach<T>(units: Array<WriteUnit<T>>): Promise<Array<UnitResult<T>>> {
      return Promise.all(units.map((unit) => enqueue(unit)));
    },
    // One snapshot for the whole read: lastSeq and the page describe the same moment.
    read<T>(work: (tx: SyncReads) => Promise<T>): Promise<T> {
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (client) => work(readsOn(client)));
    },
  };
}

/** A statement prepared once per connection under its name (a push runs the same few again and again). */
type Statement = { name: string; text: string };

function run<Row extends pg.QueryResultRow>(client: pg.PoolClient, statement: Statement, values: unknown[]): Promise<pg.QueryResult<Row>> {
  return client.query<Row>({ ...statement, values });
}

/**
 * Takes the store's write lock for the rest of the transaction, making its row on the store's
 * first write: the upsert locks the row it finds as an UPDATE would. Every write unit of the
 * store, in any process, waits here first.
 */
const LOCK_STORE: Statement = {
  name: 'sync_lock_store',
  text: `INSERT INTO store_change_counters (store_id) VALUES ($1)
         ON CONFLICT (store_id) DO UPDATE SET value = store_change_counters.value`,
};
const LAST_SEQ: Statement = { name: 'sync_last_seq', text: 'SELECT last_seq FROM client_seqs WHERE client_id = $1' };
const CHANGED_SINCE: Statement = {
  name: 'sync_changed_since',
  text: 'SELECT change_seq, body FROM jobs WHERE store_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3',
};
// A push's reads in one statement: the tablet's lastSeq, what is logged under its seqs and
// mutation ids, and its jobs (as parallel arrays: one aggregate query keeps them in one order).
const READ_FOR_PUSH: Statement = {
  name: 'sync_read_for_push',
  text: `SELECT c.last_seq, at_seq.seqs, at_seq.ids AS seq_ids, logged.ids AS logged_ids, j.ids AS job_ids, j.stores AS job_stores, j.bodies AS job_bodies
         FROM (SELECT 1) AS one
         LEFT JOIN client_seqs c ON c.client_id = $1
         CROSS JOIN LATERAL (SELECT array_agg(seq) AS seqs, array_agg(mutation_id) AS ids
                             FROM mutations WHERE client_id = $1 AND seq = ANY ($2::bigint[])) AS at_seq
         CROSS JOIN LATERAL (SELECT array_agg(mutation_id) AS ids FROM mutations WHERE mutation_id = ANY ($3::text[])) AS logged
         CROSS JOIN LATERAL (SELECT array_agg(id) AS ids, array_agg(store_id) AS stores, array_agg(body) AS bodies
                             FROM jobs WHERE id = ANY ($4::text[])) AS j`,
};
// A push's writes in one statement: the log rows in the order given (ORDER BY keeps
// server_order in it too), the jobs with the store's next change numbers in the order given
// (the WHERE keeps another store's card out of reach even if a caller got this far), and the
// tablet's lastSeq. Every part of a statement commits or fails together.
const WRITE_PUSH: Statement = {
  name: 'sync_write_push',
  text: `WITH logged AS (
           INSERT INTO mutations (mutation_id, client_id, seq, job_id, store_id, device_id, advisor_id, op, payload,
             created_at, received_at, status, reason)
           SELECT m.mutation_id, m.client_id, m.seq, m.job_id, m.store_id, m.device_id, m.advisor_id, m.op, m.payload,
             m.created_at, m.received_at, m.status, m.reason
           FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
             $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) WITH ORDINALITY
             AS m (mutation_id, client_id, seq, job_id, store_id, device_id, advisor_id, op, payload, created_at, received_at, status, reason, n)
           ORDER BY m.n
         ), next AS (
           UPDATE store_change_counters SET value = value + $15::bigint WHERE store_id = $14 AND $15::bigint > 0 RETURNING value
         ), saved AS (
           INSERT INTO jobs (id, store_id, number, plate, vin, created_ms, updated_at, change_seq, body)
           SELECT j.id, $14, j.number, j.plate, j.vin, j.created_ms, j.updated_at, next.value - $15::bigint + j.n, j.body
           FROM next, unnest($16::text[], $17::text[], $18::text[], $19::text[], $20::bigint[], $21::text[], $22::text[]) WITH ORDINALITY
             AS j (id, number, plate, vin, created_ms, updated_at, body, n)
           ORDER BY j.n
           ON CONFLICT (id) DO UPDATE SET number = excluded.number, plate = excluded.plate, vin = excluded.vin,
             updated_at = excluded.updated_at, change_seq = excluded.change_seq, body = excluded.body
           WHERE jobs.store_id = excluded.store_id
           RETURNING 1
         ), seqs AS (
           INSERT INTO client_seqs (client_id, last_seq) VALUES ($23, $24)
           ON CONFLICT (client_id) DO UPDATE SET last_seq = excluded.last_seq
         )
         SELECT count(*)::int AS jobs_saved FROM saved`,
};
const REJECTED_FROM: Statement = {
  name: 'sync_rejected_from',
  text: `SELECT mutation_id, seq, reason FROM mutations WHERE client_id = $1 AND seq >= $2 AND status = 'rejected' ORDER BY seq`,
};
const STORE_HAS_BLOB: Statement = { name: 'sync_store_has_blob', text: 'SELECT 1 FROM store_blobs WHERE store_id = $1 AND sha256 = $2' };

/** The fields of a logged mutation in WRITE_PUSH's order of columns. */
const LOGGED_FIELDS: Array<keyof LoggedMutation> = [
  ...['mutationId', 'clientId', 'seq', 'jobId', 'storeId', 'deviceId', 'advisorId', 'op', 'payload'] as const,
  ...['createdAt', 'receivedAt', 'status', 'reason'] as const,
];

/** The fields of a job's row in WRITE_PUSH's order of columns. */
const JOB_FIELDS: Array<keyof JobRow> = ['id', 'number', 'plate', 'vin', 'createdMs', 'updatedAt', 'body'];

/** A job's row with its look-up copies as PostgreSQL's text takes them (the body is JSON, where a NUL is escaped). */
function postgresJobRow(job: Job): JobRow {
  const row = jobRow(job);
  return { ...row, number: pgText(row.number), plate: pgText(row.plate), vin: pgText(row.vin) };
}

/** Column arrays for unnest: one array per field, rows in order. */
function columns<Row, K extends keyof Row>(rows: Row[], keys: K[]): Array<Array<Row[K]>> {
  return keys.map((key) => rows.map((row) => row[key]));
}

// pg hands bigint columns over as strings (they may exceed 2^53); seqs and change numbers never will.
function readsOn(client: pg.PoolClient): SyncReads {
  return {
    async lastSeq(clientId) {
      const { rows } = await run<{ last_seq: string }>(client, LAST_SEQ, [clientId]);
      return Number(rows[0]?.last_seq ?? 0);
    },
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    async changedSince(storeId, cursor, limit) {
      const { rows } = await run<{ change_seq: string; body: string }>(client, CHANGED_SINCE, [storeId, cursor, limit]);
      return rows.map((row) => ({ changeSeq: Number(row.change_seq), job: JSON.parse(row.body) as Job }));
    },
  };
}

type PushRow = {
  last_seq: string | null;
  seqs: string[] | null;
  seq_ids: string[] | null;
  logged_ids: string[] | null;
  job_ids: string[] | null;
  job_stores: string[] | null;
  job_bodies: string[] | null;
};

function writesOn(client: pg.PoolClient, storeId: string): SyncWrites {
  return {
    ...readsOn(client),
    // No row lock on the jobs: a job of this store changes only under the store lock this unit
    // holds, and of another store's job the rules use no more than that it exists.
    async readForPush(clientId, mutations) {
      const { rows } = await run<PushRow>(client, READ_FOR_PUSH, [
        ...[clientId, mutations.map((m) => m.seq), mutations.map((m) => m.mutationId)],
        [...new Set(mutations.map((m) => m.jobId))],
      ]);
      const row = rows[0];
      if (!row) throw new Error('the push read returned no row');
      const seqIds = row.seq_ids ?? [];
      const [jobStores, jobBodies] = [row.job_stores ?? [], row.job_bodies ?? []];
      return {
        lastSeq: Number(row.last_seq ?? 0),
        loggedAtSeq: new Map((row.seqs ?? []).map((seq, i) => [Number(seq), seqIds[i]!])),
        logged: new Set(row.logged_ids ?? []),
        // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
        jobs: new Map((row.job_ids ?? []).map((id, i) => [id, { storeId: jobStores[i]!, job: JSON.parse(jobBodies[i]!) as Job }])),
      };
    },
    // A racing duplicate that got this far fails here on a unique key (23505), and with it the
    // whole unit: the tablet retries and then hears it is a duplicate. Nothing applies twice.
    async writePush({ clientId, lastSeq, log, jobs }) {
      const { rows } = await run<{ jobs_saved: number }>(client, WRITE_PUSH, [
        ...columns(log, LOGGED_FIELDS),
        ...[storeId, jobs.length],
        ...columns(jobs.map(postgresJobRow), JOB_FIELDS),
        ...[clientId, lastSeq],
      ]);
      // Another store created one of these ids after readForPush looked (only a forged id can):
      // the unit fails, and the tablet's retry finds the id taken and is refused it.
      const saved = rows[0]?.jobs_saved ?? 0;
      if (saved !== jobs.length) throw new Error(`${jobs.length - saved} of ${jobs.length} jobs are held by another store`);
    },
    async rejectedFrom(clientId, fromSeq) {
      const { rows } = await run<{ mutation_id: string; seq: string; reason: RejectReason }>(client, REJECTED_FROM, [clientId, fromSeq]);
      return rows.map((row) => ({ mutationId: row.mutation_id, seq: Number(row.seq), reason: row.reason }));
    },
    async storeHasBlob(sha256) {
      return (await run(client, STORE_HAS_BLOB, [storeId, sha256])).rows.length > 0;
    },
  };
}

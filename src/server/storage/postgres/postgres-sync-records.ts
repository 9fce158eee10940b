// The sync records (../../sync-rules/sync-records.ts) in PostgreSQL, for a dealer group whose
// stores share one database and several server processes. Each write unit is a transaction of
// its own that first locks its store's row of store_change_counters and holds it to commit, so
// one store's writes run one at a time across every process while other stores go on; and a
// change number taken under that lock commits before any later one, so a pull cursor never
// steps over a change that commits late.
import type pg from 'pg';
import type { Job } from '../../../shared/job.ts';
import { normalizePlate } from '../../../shared/plate.ts';
import type { RejectReason } from '../../../shared/protocol.ts';
import { normalizeVin } from '../../../shared/vin.ts';
import type { SyncReads, SyncRecords, SyncWrites, UnitResult, WriteUnit } from '../../sync-rules/sync-records.ts';
import { pgText } from './postgres-query.ts';
import { inTransaction, sqlState } from './postgres-transaction.ts';

// serialization_failure and deadlock_detected: PostgreSQL undid the whole transaction and asks
// for it again. A unit reads everything through its transaction, so running it again is safe.
const RETRIED_STATES = new Set(['40001', '40P01']);
const ATTEMPTS = 4;

export function postgresSyncRecords(pool: pg.Pool): SyncRecords {
  async function writeUnit<T>(unit: WriteUnit<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(pool, 'BEGIN', async (client) => {
          await lockStore(client, unit.storeId);
          return unit.work(writesOn(client, unit.storeId));
        });
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRIED_STATES.has(sqlState(error) ?? '')) throw error;
      }
    }
  }

  return {
    // A transaction each, the stores' units all at once: batching several into one transaction
    // would make processes that lock the same stores in different orders deadlock, and
    // PostgreSQL already flushes commits that arrive together with one write to disk. Units of
    // one store would only queue for its lock: they run one after the other, in the order
    // given, so they also take their change numbers in that order.
    async writeEach<T>(units: Array<WriteUnit<T>>): Promise<Array<UnitResult<T>>> {
      const results: Array<UnitResult<T>> = [];
      const queues = new Map<string, number[]>();
      units.forEach((unit, index) => queues.set(unit.storeId, [...(queues.get(unit.storeId) ?? []), index]));
      await Promise.all(
        [...queues.values()].map(async (queue) => {
          for (const index of queue) {
            results[index] = await writeUnit(units[index]!).then(
              (value): UnitResult<T> => ({ value }),
              (error: unknown): UnitResult<T> => ({ error }),
            );
          }
        }),
      );
      return results;
    },
    // One snapshot for the whole read: lastSeq and the page describe the same moment.
    read<T>(work: (tx: SyncReads) => Promise<T>): Promise<T> {
      return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (client) => work(readsOn(client)));
    },
  };
}

/**
 * Takes the store's write lock for the rest of the transaction: the row is made on the store's
 * first write, then locked. Every write unit of the store, in any process, waits here first.
 */
async function lockStore(client: pg.PoolClient, storeId: string): Promise<void> {
  await client.query('INSERT INTO store_change_counters (store_id) VALUES ($1) ON CONFLICT (store_id) DO NOTHING', [storeId]);
  await client.query('SELECT 1 FROM store_change_counters WHERE store_id = $1 FOR UPDATE', [storeId]);
}

async function firstValue<T>(client: pg.PoolClient, sql: string, params: unknown[]): Promise<T | undefined> {
  const { rows } = await client.query<{ value: T }>(sql, params);
  return rows[0]?.value;
}

// pg hands bigint columns over as strings (they may exceed 2^53); seqs and change numbers never will.
function readsOn(client: pg.PoolClient): SyncReads {
  return {
    async lastSeq(clientId) {
      return Number((await firstValue<string>(client, 'SELECT last_seq AS value FROM client_seqs WHERE client_id = $1', [clientId])) ?? 0);
    },
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    async changedSince(storeId, cursor, limit) {
      const { rows } = await client.query<{ change_seq: string; body: string }>(
        'SELECT change_seq, body FROM jobs WHERE store_id = $1 AND change_seq > $2 ORDER BY change_seq LIMIT $3',
        [storeId, cursor, limit],
      );
      return rows.map((row) => ({ changeSeq: Number(row.change_seq), job: JSON.parse(row.body) as Job }));
    },
  };
}

function writesOn(client: pg.PoolClient, storeId: string): SyncWrites {
  return {
    ...readsOn(client),
    async saveLastSeq(clientId, lastSeq) {
      await client.query(
        `INSERT INTO client_seqs (client_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (client_id) DO UPDATE SET last_seq = excluded.last_seq`,
        [clientId, lastSeq],
      );
    },
    mutationAt: (clientId, seq) => firstValue<string>(client, 'SELECT mutation_id AS value FROM mutations WHERE client_id = $1 AND seq = $2', [clientId, seq]),
    async mutationLogged(mutationId) {
      return (await firstValue<number>(client, 'SELECT 1 AS value FROM mutations WHERE mutation_id = $1', [mutationId])) !== undefined;
    },
    // A racing duplicate that got this far fails here on a unique key (23505), and with it the
    // whole unit: the tablet retries and then hears it is a duplicate. Nothing applies twice.
    async logMutation(row) {
      await client.query(
        `INSERT INTO mutations (mutation_id, client_id, seq, job_id, store_id, device_id, advisor_id, op, payload,
           created_at, received_at, status, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          ...[row.mutationId, row.clientId, row.seq, row.jobId, row.storeId, row.deviceId, row.advisorId, row.op, row.payload],
          ...[row.createdAt, row.receivedAt, row.status, row.reason],
        ],
      );
    },
    async rejectedFrom(clientId, fromSeq) {
      const { rows } = await client.query<{ mutation_id: string; seq: string; reason: RejectReason }>(
        `SELECT mutation_id, seq, reason FROM mutations WHERE client_id = $1 AND seq >= $2 AND status = 'rejected' ORDER BY seq`,
        [clientId, fromSeq],
      );
      return rows.map((row) => ({ mutationId: row.mutation_id, seq: Number(row.seq), reason: row.reason }));
    },
    // No row lock needed: a job of this store changes only under the store lock this unit holds,
    // and of another store's job the rules use no more than that it exists.
    async loadJob(jobId) {
      const { rows } = await client.query<{ store_id: string; body: string }>('SELECT store_id, body FROM jobs WHERE id = $1', [jobId]);
      const row = rows[0];
      return row && { storeId: row.store_id, job: JSON.parse(row.body) as Job };
    },
    async saveJob(job) {
      // The next change number and the write in one statement; the WHERE keeps another store's
      // card out of reach even if a caller got this far.
      const { rowCount } = await client.query(
        `WITH next AS (UPDATE store_change_counters SET value = value + 1 WHERE store_id = $2 RETURNING value)
         INSERT INTO jobs (id, store_id, number, plate, vin, created_ms, updated_at, change_seq, body)
         SELECT $1, $2, $3, $4, $5, $6::bigint, $7, next.value, $8 FROM next
         ON CONFLICT (id) DO UPDATE SET number = excluded.number, plate = excluded.plate, vin = excluded.vin,
           updated_at = excluded.updated_at, change_seq = excluded.change_seq, body = excluded.body
         WHERE jobs.store_id = excluded.store_id`,
        [
          ...[job.id, storeId, pgText(job.number)],
          // Look-up keys, normalised as the visits query is: the same vehicle matches however typed.
          ...[pgText(normalizePlate(job.card.vehicle.plate) || null), pgText(normalizeVin(job.card.vehicle.vin) || null)],
          ...[Date.parse(job.createdAt), job.updatedAt, JSON.stringify(job)],
        ],
      );
      // Another store created this id after loadJob looked (only a forged id can): the unit
      // fails, and the tablet's retry finds the id taken and is refused it.
      if (rowCount !== 1) throw new Error(`job ${job.id} is held by another store`);
    },
    async storeHasBlob(sha256) {
      return (await firstValue<number>(client, 'SELECT 1 AS value FROM store_blobs WHERE store_id = $1 AND sha256 = $2', [storeId, sha256])) !== undefined;
    },
  };
}

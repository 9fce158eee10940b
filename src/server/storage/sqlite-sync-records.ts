// The sync records (../sync-rules/sync-records.ts) in SQLite: job cards, each tablet's lastSeq and
// the mutation log. SQLite has one writer at a time, so a write unit needs no lock of its
// own; a group of units is one IMMEDIATE transaction with a savepoint each, so the pushes
// that arrive together cost one flush to disk (synchronous=FULL) instead of one each.
import type Database from 'better-sqlite3';
import type { Job } from '../../shared/job.ts';
import { jobRow } from './record-rows.ts';
import type { LoggedMutation, PushContext, RejectedMutation, SyncReads, SyncRecords, SyncWrites, UnitResult } from '../sync-rules/sync-records.ts';

export function sqliteSyncRecords(db: Database.Database): SyncRecords {
  const lastSeqOf = db.prepare<[string], number>('SELECT last_seq FROM client_seqs WHERE client_id = ?').pluck();
  const saveLastSeq = db.prepare<[string, number]>(
    `INSERT INTO client_seqs (client_id, last_seq) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );
  const mutationLogged = db.prepare<[string], number>('SELECT 1 FROM mutations WHERE mutation_id = ?').pluck();
  const mutationAt = db
    .prepare<[string, number], string>('SELECT mutation_id FROM mutations WHERE client_id = ? AND seq = ?')
    .pluck();
  const jobAnyStore = db.prepare<[string], { storeId: string; body: string }>('SELECT store_id AS storeId, body FROM jobs WHERE id = ?');
  // One counter for every store: a single writer makes its order the commit order.
  const nextChangeSeq = db
    .prepare<[], number>('UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value')
    .pluck();
  // The WHERE keeps another store's card out of reach even if a caller got this far.
  const upsertJob = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO jobs (id, store_id, number, plate, vin, created_ms, updated_at, change_seq, body)
     VALUES (@id, @storeId, @number, @plate, @vin, @createdMs, @updatedAt, @changeSeq, @body)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, plate = excluded.plate, vin = excluded.vin,
       updated_at = excluded.updated_at, change_seq = excluded.change_seq, body = excluded.body
     WHERE jobs.store_id = excluded.store_id`,
  );
  const logMutation = db.prepare<[LoggedMutation]>(
    `INSERT INTO mutations (mutation_id, client_id, seq, job_id, store_id, device_id, advisor_id, op, payload,
       created_at, received_at, status, reason)
     VALUES (@mutationId, @clientId, @seq, @jobId, @storeId, @deviceId, @advisorId, @op, @payload,
       @createdAt, @receivedAt, @status, @reason)`,
  );
  const rejectedFrom = db.prepare<[string, number], RejectedMutation>(
    `SELECT mutation_id AS mutationId, seq, reason FROM mutations
     WHERE client_id = ? AND seq >= ? AND status = 'rejected' ORDER BY seq`,
  );
  const changedSince = db.prepare<[string, number, number], { changeSeq: number; body: string }>(
    'SELECT change_seq AS changeSeq, body FROM jobs WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?',
  );
  const blobLinked = db.prepare<[string, string], number>('SELECT 1 FROM store_blobs WHERE store_id = ? AND sha256 = ?').pluck();

  const reads: SyncReads = {
    lastSeq: async (clientId) => lastSeqOf.get(clientId) ?? 0,
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    changedSince: async (storeId, cursor, limit) =>
      changedSince.all(storeId, cursor, limit).map((row) => ({ changeSeq: row.changeSeq, job: JSON.parse(row.body) as Job })),
  };
  const writesFor = (storeId: string): SyncWrites => ({
    ...reads,
    // In-process statements cost no round trip: the push's reads and writes just loop.
    async readForPush(clientId, mutations) {
      const context: PushContext = { lastSeq: lastSeqOf.get(clientId) ?? 0, loggedAtSeq: new Map(), logged: new Set(), jobs: new Map() };
      for (const { seq, mutationId, jobId } of mutations) {
        const atSeq = mutationAt.get(clientId, seq);
        if (atSeq !== undefined) context.loggedAtSeq.set(seq, atSeq);
        if (mutationLogged.get(mutationId) !== undefined) context.logged.add(mutationId);
        const row = context.jobs.has(jobId) ? undefined : jobAnyStore.get(jobId);
        if (row) context.jobs.set(jobId, { storeId: row.storeId, job: JSON.parse(row.body) as Job });
      }
      return context;
    },
    async writePush({ clientId, lastSeq, log, jobs }) {
      for (const row of log) logMutation.run(row);
      for (const job of jobs) upsertJob.run({ ...jobRow(job), storeId, changeSeq: nextChangeSeq.get() as number });
      saveLastSeq.run(clientId, lastSeq);
    },
    rejectedFrom: async (clientId, fromSeq) => rejectedFrom.all(clientId, fromSeq),
    storeHasBlob: async (sha256) => blobLinked.get(storeId, sha256) !== undefined,
  });

  // The connection holds one transaction at a time: units and reads queue here. (Between
  // BEGIN and COMMIT the work awaits only these statements, which answer at once, so no other
  // request's statement can land inside the transaction.)
  let queue: Promise<unknown> = Promise.resolve();
  function exclusively<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    writeEach<T>(units: Array<{ storeId: string; work: (tx: SyncWrites) => Promise<T> }>) {
      return exclusively(async () => {
        // Immediate: take the write lock up front instead of failing to upgrade a read midway.
        db.exec('BEGIN IMMEDIATE');
        const results: Array<UnitResult<T>> = [];
        try {
          for (const unit of units) {
            db.exec('SAVEPOINT unit');
            try {
              results.push({ value: await unit.work(writesFor(unit.storeId)) });
              db.exec('RELEASE unit');
            } catch (error) {
              db.exec('ROLLBACK TO unit');
              db.exec('RELEASE unit');
              results.push({ error });
            }
          }
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
        return results;
      });
    },
    read<T>(work: (tx: SyncReads) => Promise<T>) {
      return exclusively(async () => {
        db.exec('BEGIN');
        try {
          const value = await work(reads);
          db.exec('COMMIT');
          return value;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },
  };
}

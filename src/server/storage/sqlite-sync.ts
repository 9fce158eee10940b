// Push and pull in SQLite: the job cards, the per-client lastSeq, and the log of every
// mutation. A push is one write transaction, so its mutations, their log rows and the new
// lastSeq commit together or not at all; a tablet whose reply got lost offline simply pushes
// again and nothing is applied twice.
import type Database from 'better-sqlite3';
import { applyMutation } from '../../shared/apply-mutation.ts';
import type { Job } from '../../shared/job.ts';
import { normalizePlate } from '../../shared/plate.ts';
import { normalizeVin } from '../../shared/vin.ts';
import type { Mutation } from '../../shared/mutation.ts';
import type { PushResponse, RejectReason } from '../../shared/protocol.ts';
import type { DeviceRecord, MutationCheck, PushOutcome, Storage } from './storage.ts';

type SyncMethods = 'push' | 'pull' | 'getJob' | 'jobsForVehicle';

type JobRow = { storeId: string; body: string };
type LoggedMutation = {
  mutationId: string;
  clientId: string;
  seq: number;
  jobId: string;
  storeId: string;
  deviceId: string;
  advisorId: string | null;
  op: string;
  payload: string;
  createdAt: string;
  receivedAt: string;
  status: 'applied' | 'rejected';
  reason: RejectReason | null;
};
type Rejected = PushResponse['rejected'][number];

export function sqliteSync(db: Database.Database): Pick<Storage, SyncMethods> {
  const lastSeqOf = db.prepare<[string], number>('SELECT last_seq FROM client_seqs WHERE client_id = ?').pluck();
  const saveLastSeq = db.prepare<[string, number]>(
    `INSERT INTO client_seqs (client_id, last_seq) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );
  const mutationIdSeen = db.prepare<[string], number>('SELECT 1 FROM mutations WHERE mutation_id = ?').pluck();
  const mutationIdAt = db
    .prepare<[string, number], string>('SELECT mutation_id FROM mutations WHERE client_id = ? AND seq = ?')
    .pluck();
  const jobAnyStore = db.prepare<[string], JobRow>('SELECT store_id AS storeId, body FROM jobs WHERE id = ?');
  const jobOfStore = db.prepare<[string, string], string>('SELECT body FROM jobs WHERE store_id = ? AND id = ?').pluck();
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
  const rejectedFrom = db.prepare<[string, number], Rejected>(
    `SELECT mutation_id AS mutationId, seq, reason FROM mutations
     WHERE client_id = ? AND seq >= ? AND status = 'rejected' ORDER BY seq`,
  );
  const changedSince = db.prepare<[string, number, number], { changeSeq: number; body: string }>(
    'SELECT change_seq AS changeSeq, body FROM jobs WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?',
  );
  const byVehicle = db
    .prepare<[{ storeId: string; plate: string | null; vin: string | null; limit: number }], string>(
      `SELECT body FROM jobs WHERE store_id = @storeId AND (plate = @plate OR vin = @vin)
       ORDER BY created_ms DESC LIMIT @limit`,
    )
    .pluck();

  function saveJob(storeId: string, job: Job): void {
    upsertJob.run({
      id: job.id,
      storeId,
      number: job.number,
      // Look-up keys, normalised as the visits query is: the same vehicle matches however typed.
      plate: normalizePlate(job.card.vehicle.plate) || null,
      vin: normalizeVin(job.card.vehicle.vin) || null,
      createdMs: Date.parse(job.createdAt),
      updatedAt: job.updatedAt,
      changeSeq: nextChangeSeq.get() as number,
      body: JSON.stringify(job),
    });
  }

  /** A job as this push sees it: read once, changed in memory, written once at the end. */
  type Loaded = { job: Job | undefined; foreign: boolean; changed: boolean };

  /** Applies one mutation that `check` let through; the reason if it still cannot apply. */
  function apply(entry: Loaded, m: Mutation): RejectReason | null {
    // A create for an id another store holds must neither overwrite that card nor hint it exists.
    if (entry.foreign) return 'unknown_job';
    const next = applyMutation(entry.job, m);
    if (!next) return 'unknown_job';
    // The reducer returns the same object for a no-op (a replayed add): no new change to pull.
    if (next !== entry.job) {
      entry.job = next;
      entry.changed = true;
    }
    return null;
  }

  const push = db.transaction((device: DeviceRecord, mutations: Mutation[], check: MutationCheck, now: string) => {
    const outcome: PushOutcome = { lastSeq: lastSeqOf.get(device.clientId) ?? 0, rejected: [], missingBlobs: [], applied: 0 };
    // A batch often carries many changes to one card: each card is parsed once and written
    // once (with one new change_seq), not once per mutation.
    const loaded = new Map<string, Loaded>();
    const loadJob = (jobId: string): Loaded => {
      let entry = loaded.get(jobId);
      if (!entry) {
        const row = jobAnyStore.get(jobId);
        const foreign = row !== undefined && row.storeId !== device.storeId;
        entry = { job: row && !foreign ? (JSON.parse(row.body) as Job) : undefined, foreign, changed: false };
        loaded.set(jobId, entry);
      }
      return entry;
    };
    /**
     * A seq at or below lastSeq is a retry of a push whose answer was lost, and skipped, but
     * only if it is the mutation recorded under that seq. Another mutation there means two
     * writers used this tablet's identity: skipping it would make the tablet drop a change
     * the server never applied, so the push stops and the tablet keeps it and says so.
     */
    const isAcknowledged = (m: Mutation): boolean => {
      const recorded = mutationIdAt.get(device.clientId, m.seq);
      // No row at that seq: it was acknowledged as a resend of a mutation logged under another.
      return recorded === undefined ? mutationIdSeen.get(m.mutationId) !== undefined : recorded === m.mutationId;
    };
    for (const m of mutations) {
      if (m.clientId !== device.clientId) throw new Error(`mutation ${m.mutationId} is not from client ${device.clientId}`);
      if (m.seq <= outcome.lastSeq) {
        if (isAcknowledged(m)) continue;
        outcome.seqConflict = { seq: m.seq, mutationId: m.mutationId };
        break;
      }
      if (m.seq > outcome.lastSeq + 1) break;
      // The same mutation resent under a new seq: handled already, acknowledge and move on.
      if (mutationIdSeen.get(m.mutationId) !== undefined) {
        outcome.lastSeq = m.seq;
        continue;
      }
      const entry = loadJob(m.jobId);
      const verdict = check(entry.job, m);
      if (verdict !== null && typeof verdict === 'object') {
        outcome.missingBlobs = verdict.missingBlobs;
        break;
      }
      const reason = verdict ?? apply(entry, m);
      logMutation.run(logRow(device, m, now, reason));
      if (!reason) outcome.applied += 1;
      outcome.lastSeq = m.seq;
    }
    for (const entry of loaded.values()) if (entry.changed && entry.job) saveJob(device.storeId, entry.job);
    saveLastSeq.run(device.clientId, outcome.lastSeq);
    // From the first seq sent, so a push retried after a lost reply still hears its refusals.
    const firstSeq = mutations.reduce((least, m) => Math.min(least, m.seq), outcome.lastSeq + 1);
    outcome.rejected = rejectedFrom.all(device.clientId, firstSeq);
    return outcome;
  });

  const pull = db.transaction((device: DeviceRecord, cursor: number, limit: number) => {
    // One read transaction: lastSeq must describe exactly the job states returned with it.
    const rows = changedSince.all(device.storeId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return {
      jobs: page.map((row) => JSON.parse(row.body) as Job),
      cursor: page.at(-1)?.changeSeq ?? cursor,
      more: rows.length > limit,
      lastSeq: lastSeqOf.get(device.clientId) ?? 0,
    };
  });

  return {
    // Immediate: take the write lock up front instead of failing to upgrade a read midway.
    push: (device, mutations, check, now) => push.immediate(device, mutations, check, now),
    pull: (device, cursor, limit) => pull(device, cursor, limit),
    // Bodies are parsed without re-validation: only this module writes them, from the reducer.
    getJob(storeId, jobId) {
      const body = jobOfStore.get(storeId, jobId);
      return body === undefined ? undefined : (JSON.parse(body) as Job);
    },
    jobsForVehicle(storeId, { plate, vin }, limit) {
      if (!plate && !vin) return [];
      return byVehicle.all({ storeId, plate: plate || null, vin: vin || null, limit }).map((body) => JSON.parse(body) as Job);
    },
  };
}

function logRow(device: DeviceRecord, m: Mutation, now: string, reason: RejectReason | null): LoggedMutation {
  return {
    mutationId: m.mutationId,
    clientId: m.clientId,
    seq: m.seq,
    jobId: m.jobId,
    storeId: device.storeId,
    deviceId: device.id,
    advisorId: m.advisorId ?? null,
    op: m.op,
    payload: JSON.stringify(m.payload),
    createdAt: m.createdAt,
    receivedAt: now,
    status: reason ? 'rejected' : 'applied',
    reason,
  };
}

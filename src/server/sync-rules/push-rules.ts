// The push algorithm, the same on every database (DESIGN.md "Sync protocol"): a tablet's
// batch is applied in seq order inside one write unit, together with its new lastSeq, so a
// retried push applies nothing twice. Storage adapters (sync-records.ts) only store and lock.
import { applyMutation } from '../../shared/apply-mutation.ts';
import type { Job } from '../../shared/job.ts';
import type { Mutation } from '../../shared/mutation.ts';
import type { PushResponse, RejectReason } from '../../shared/protocol.ts';
import type { LoggedMutation, SyncWrites } from './sync-records.ts';

/** The tablet a push comes from, as authentication found it. */
export type Pusher = { id: string; storeId: string; clientId: string };

/**
 * Decides, inside the push's write unit, whether a mutation may be applied: null to apply,
 * a reason to refuse it (logged and acknowledged), or the blobs it needs that this store
 * lacks (the push stops there, unacknowledged, until the tablet uploads them).
 */
export type MutationCheck = (
  job: Job | undefined,
  mutation: Mutation,
  tx: SyncWrites,
) => Promise<RejectReason | { missingBlobs: string[] } | null>;

export type PushOutcome = PushResponse & {
  /** How many mutations this push applied (not counting duplicates and refusals). */
  applied: number;
  /**
   * A mutation sent under a seq the server acknowledged for a different mutation: the push
   * stopped there. The tablet must keep it.
   */
  seqConflict?: { seq: number; mutationId: string };
};

/** A job as this push sees it: read once, changed in memory, written once at the end. */
type Loaded = { job: Job | undefined; foreign: boolean; changed: boolean };

/**
 * Applies a batch from one tablet in seq order. A seq at or below lastSeq is a duplicate and
 * skipped if it is the mutation logged under that seq; a different one stops the batch with
 * `seqConflict` (an acknowledged seq is never a different mutation); a gap stops the batch
 * (the tablet resends from lastSeq + 1); `check` may refuse a mutation or stop at one whose
 * blobs are missing. Run it inside a write unit of the pusher's store.
 */
export async function pushMutations(
  tx: SyncWrites,
  pusher: Pusher,
  mutations: Mutation[],
  check: MutationCheck,
  now: string,
): Promise<PushOutcome> {
  // Everything the loop may ask the records is read up front in one call, and what it writes
  // is written once at the end: a push's round trips do not grow with its size.
  const { lastSeq: ackedBefore, loggedAtSeq, logged, jobs: rows } = await tx.readForPush(pusher.clientId, mutations);
  const outcome: PushOutcome = { lastSeq: ackedBefore, rejected: [], missingBlobs: [], applied: 0 };
  // A batch often carries many changes to one card: each card is read once and written once
  // (with one new change number), not once per mutation.
  const loaded = new Map<string, Loaded>();
  const loadJob = (jobId: string): Loaded => {
    let entry = loaded.get(jobId);
    if (!entry) {
      const row = rows.get(jobId);
      const foreign = row !== undefined && row.storeId !== pusher.storeId;
      entry = { job: foreign ? undefined : row?.job, foreign, changed: false };
      loaded.set(jobId, entry);
    }
    return entry;
  };
  /**
   * A seq at or below lastSeq is a retry of a push whose answer was lost, and skipped, but
   * only if it is the mutation logged under that seq. Another mutation there means two
   * writers used this tablet's identity: skipping it would make the tablet drop a change the
   * server never applied, so the push stops and the tablet keeps it and says so.
   */
  const isAcknowledged = (m: Mutation): boolean => {
    const atSeq = loggedAtSeq.get(m.seq);
    // Nothing logged at that seq: it was acknowledged as a resend of a mutation logged under another.
    return atSeq === undefined ? logged.has(m.mutationId) : atSeq === m.mutationId;
  };
  const log: LoggedMutation[] = [];
  for (const m of mutations) {
    if (m.clientId !== pusher.clientId) throw new Error(`mutation ${m.mutationId} is not from client ${pusher.clientId}`);
    if (m.seq <= outcome.lastSeq) {
      if (isAcknowledged(m)) continue;
      outcome.seqConflict = { seq: m.seq, mutationId: m.mutationId };
      break;
    }
    if (m.seq > outcome.lastSeq + 1) break;
    // The same mutation resent under a new seq: handled already, acknowledge and move on.
    if (logged.has(m.mutationId)) {
      outcome.lastSeq = m.seq;
      continue;
    }
    const entry = loadJob(m.jobId);
    const verdict = await check(entry.job, m, tx);
    if (verdict !== null && typeof verdict === 'object') {
      outcome.missingBlobs = verdict.missingBlobs;
      break;
    }
    const reason = verdict ?? apply(entry, m);
    log.push(logRow(pusher, m, now, reason));
    logged.add(m.mutationId);
    if (!reason) outcome.applied += 1;
    outcome.lastSeq = m.seq;
  }
  const changed = [...loaded.values()].flatMap((entry) => (entry.changed && entry.job ? [entry.job] : []));
  await tx.writePush({ clientId: pusher.clientId, lastSeq: outcome.lastSeq, log, jobs: changed });
  // From the first seq sent, so a push retried after a lost reply still hears its refusals:
  // those logged before this push are asked for (every logged seq is at or below the lastSeq
  // saved with it), this push's own are known.
  const firstSeq = mutations.reduce((least, m) => Math.min(least, m.seq), outcome.lastSeq + 1);
  const earlier = firstSeq <= ackedBefore ? await tx.rejectedFrom(pusher.clientId, firstSeq) : [];
  const refusedNow = log.flatMap((row) => (row.reason ? [{ mutationId: row.mutationId, seq: row.seq, reason: row.reason }] : []));
  outcome.rejected = [...earlier.filter((row) => row.seq <= ackedBefore), ...refusedNow];
  return outcome;
}

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

function logRow(pusher: Pusher, m: Mutation, now: string, reason: RejectReason | null): LoggedMutation {
  return {
    mutationId: m.mutationId,
    clientId: m.clientId,
    seq: m.seq,
    jobId: m.jobId,
    storeId: pusher.storeId,
    deviceId: pusher.id,
    advisorId: m.advisorId ?? null,
    op: m.op,
    payload: JSON.stringify(m.payload),
    createdAt: m.createdAt,
    receivedAt: now,
    status: reason ? 'rejected' : 'applied',
    reason,
  };
}

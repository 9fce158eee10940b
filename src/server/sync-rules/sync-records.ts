// What the sync rules (push-rules.ts, pull-rules.ts) need from a database, and nothing more:
// the job cards, the log of every mutation, each tablet's lastSeq and the per-store change
// numbers pull cursors are made of. The rules live above this interface, so an adapter
// (SQLite for one store, PostgreSQL for a dealer group) stores and locks, and decides
// nothing. tests/integration/sync-records-contract.ts holds the rules every adapter keeps.
import type { Job } from '../../shared/job.ts';
import type { Mutation } from '../../shared/mutation.ts';
import type { RejectReason } from '../../shared/protocol.ts';

/** One row of the mutation log, as the push rules write it. */
export type LoggedMutation = {
  mutationId: string;
  clientId: string;
  seq: number;
  jobId: string;
  storeId: string;
  deviceId: string;
  advisorId: string | null;
  op: string;
  /** The payload as JSON text, exactly as logged. */
  payload: string;
  createdAt: string;
  receivedAt: string;
  status: 'applied' | 'rejected';
  reason: RejectReason | null;
};

export type RejectedMutation = { mutationId: string; seq: number; reason: RejectReason };

export type ChangedJob = { changeSeq: number; job: Job };

/** Reads of one consistent snapshot. */
export interface SyncReads {
  /** The highest seq acknowledged for this tablet (0 before its first push). */
  lastSeq(clientId: string): Promise<number>;
  /** The store's jobs whose change number is above `cursor`, lowest first, at most `limit`. */
  changedSince(storeId: string, cursor: number, limit: number): Promise<ChangedJob[]>;
}

/** What a push must know before it decides anything about its mutations. */
export type PushContext = {
  /** The highest seq acknowledged for the tablet (0 before its first push). */
  lastSeq: number;
  /** The mutation ids logged under the push's seqs of this tablet, by seq (a seq with none is absent). */
  loggedAtSeq: Map<number, string>;
  /** Which of the push's mutation ids were ever logged, under any seq. */
  logged: Set<string>;
  /**
   * The push's jobs, in whichever store holds each (the rules must know a foreign id exists
   * to refuse it without revealing it); an id no store holds is absent. The adapter keeps them
   * from changing under this transaction until it ends.
   */
  jobs: Map<string, { storeId: string; job: Job }>;
};

/** Everything a push writes. */
export type PushWrites = {
  clientId: string;
  /** The tablet's new lastSeq. */
  lastSeq: number;
  /** Log rows, in seq order. */
  log: LoggedMutation[];
  /**
   * Jobs (distinct ids) to write under the transaction's store, each with a new change number,
   * in the order given, higher than every change number of that store already committed or to
   * be committed before this transaction. Never overwrites a job another store holds.
   */
  jobs: Job[];
};

/**
 * Reads and writes of one write transaction, scoped to one store. A push reads what it needs
 * in one call and writes in one: on a database across a network (PostgreSQL) every call is a
 * round trip made while the store's writes wait, so a push costs the same few calls whether it
 * carries one mutation or fifty.
 */
export interface SyncWrites extends SyncReads {
  readForPush(clientId: string, mutations: Array<Pick<Mutation, 'seq' | 'mutationId' | 'jobId'>>): Promise<PushContext>;
  writePush(writes: PushWrites): Promise<void>;
  /** Refused mutations of this tablet from `fromSeq` on, by seq. */
  rejectedFrom(clientId: string, fromSeq: number): Promise<RejectedMutation[]>;
  /** Whether this store may use the blob (it uploaded it). */
  storeHasBlob(sha256: string): Promise<boolean>;
}

/** One unit of writes: it commits whole or not at all, and never undoes another unit. */
export type WriteUnit<T> = { storeId: string; work: (tx: SyncWrites) => Promise<T> };

export type UnitResult<T> = { value: T } | { error: unknown };

export interface SyncRecords {
  /**
   * Runs each unit as if alone: while it runs, no other write to its store does, and its
   * writes commit whole or not at all. A unit that throws is undone alone and reported as its
   * error; the others still commit. The adapter chooses how to commit them (SQLite: one
   * transaction, a savepoint each, so a group of pushes costs one disk flush; PostgreSQL: one
   * transaction for the units of a store that arrive together, a savepoint each). Resolves
   * once every unit that succeeded is durable. When a commit fails, every unit it carried is
   * reported failed (SQLite rejects the whole call), and none of them was stored.
   */
  writeEach<T>(units: Array<WriteUnit<T>>): Promise<Array<UnitResult<T>>>;
  /** Runs `work` on one consistent snapshot. */
  read<T>(work: (tx: SyncReads) => Promise<T>): Promise<T>;
}

// A card's life after check-in on this tablet: its status moves (已接车 → 维修中 → 质检 →
// 待交车 → 已交车), the quality check, the handover at the car and the 72-hour follow-up call.
// Each change is one mutation with its outbox entry (commitMutation); the gates the reducer
// keeps are asked here first, so a refused move says why instead of silently doing nothing.
import { v7 as uuidv7 } from 'uuid';
import type { CallOutcome } from '../shared/follow-up.ts';
import type { HandoverPatch } from '../shared/handover.ts';
import type { Job } from '../shared/job.ts';
import { isAllowedMove, type JobStatus } from '../shared/job-status.ts';
import { qcAllowsReady, type QcItem, type QcResult } from '../shared/quality-check.ts';
import { documentSignatureState, signatureStatuses } from '../shared/signed-content.ts';
import type { WalkaroundDb } from './database.ts';
import { commitMutation } from './job-repo.ts';
import { getJob } from './job-queries.ts';

/** Why a move was not made: out of order, 质检 not passed, or 交车 not (validly) signed. */
export type MoveRefusal = 'order' | 'qualityCheck' | 'deliveryUnsigned' | 'deliveryStale';

export class MoveRefused extends Error {
  constructor(readonly code: MoveRefusal) {
    super(`Status move refused: ${code}`);
    this.name = 'MoveRefused';
  }
}

/** Why the card cannot move to `to` now, or null when it can. */
export async function moveRefusal(job: Job, to: JobStatus): Promise<MoveRefusal | null> {
  if (!isAllowedMove(job.status, to)) return 'order';
  if (to === 'ready' && !qcAllowsReady(job.qualityCheck, job.estimate.carWash)) return 'qualityCheck';
  if (to === 'delivered') {
    const state = documentSignatureState(job, 'delivery', await signatureStatuses(job));
    if (state === 'unsigned') return 'deliveryUnsigned';
    if (state !== 'valid') return 'deliveryStale';
  }
  return null;
}

/**
 * Moves the card one step, from the status the advisor saw (`from`): if another tablet moved
 * it meanwhile, this refuses ('order') rather than moving it twice.
 */
export async function moveJob(db: WalkaroundDb, jobId: string, from: JobStatus, to: JobStatus, now = new Date()): Promise<Job> {
  const job = await getJob(db, jobId);
  if (!job) throw new Error(`Job ${jobId} does not exist on this device`);
  const refusal = job.status === from ? await moveRefusal(job, to) : 'order';
  if (refusal) throw new MoveRefused(refusal);
  return commitMutation(db, jobId, { op: 'job.move', payload: { from, to } }, now);
}

export function checkQualityItem(db: WalkaroundDb, jobId: string, item: QcItem, result: QcResult, note = '', now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'qc.check', payload: { item, result, note } }, now);
}

/** Lets the car go to 待交车 despite the check; the reason is required and kept. */
export function overrideQualityCheck(db: WalkaroundDb, jobId: string, reason: string, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'qc.override', payload: { reason } }, now);
}

export function updateHandover(db: WalkaroundDb, jobId: string, fields: HandoverPatch, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'handover.update', payload: { fields } }, now);
}

/** Records a follow-up call (回访); returns its id. */
export async function recordFollowUpCall(
  db: WalkaroundDb,
  jobId: string,
  outcome: CallOutcome,
  note = '',
  now = new Date(),
): Promise<string> {
  const id = uuidv7();
  await commitMutation(db, jobId, { op: 'followUp.call', payload: { id, outcome, note } }, now);
  return id;
}

/** Closes a dissatisfied customer's item with what was done. */
export function resolveFollowUp(db: WalkaroundDb, jobId: string, note: string, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'followUp.resolve', payload: { note } }, now);
}

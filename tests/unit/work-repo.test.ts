// The card after check-in on fake-indexeddb: a status move is saved with its outbox entry, by
// the advisor signed in, or refused with the reason (out of order, 质检 not passed, 交车 not
// signed or signed on something that changed since) and nothing written; the quality check,
// the handover and the follow-up are each one mutation.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { addLine } from '../../src/db/estimate-repo.ts';
import { setCurrentAdvisor } from '../../src/db/meta-repo.ts';
import { addSignature } from '../../src/db/signature-repo.ts';
import {
  MoveRefused,
  checkQualityItem,
  moveJob,
  moveRefusal,
  overrideQualityCheck,
  recordFollowUpCall,
  resolveFollowUp,
  updateHandover,
  type MoveRefusal,
} from '../../src/db/work-repo.ts';
import type { Job } from '../../src/shared/job.ts';
import type { JobStatus } from '../../src/shared/job-status.ts';
import { QC_ITEMS } from '../../src/shared/quality-check.ts';
import { snapshotDb } from '../support/job-db.ts';
import { useCheckedInJob } from './support/checked-in-db.ts';
import { signatureInput } from './support/signing.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ADVISOR = '0192f3a0-0000-7000-8000-00000000ad01';

let db: WalkaroundDb;
let jobId: string;

// An estimate line, so a discount on the bill changes what is due.
useCheckedInJob(T0, async (fresh) => {
  ({ db, jobId } = fresh);
  await addLine(db, jobId, { kind: 'part', code: 'P-0001', description: '机油 5W-30 4L', quantityMilli: 1000, unitPriceFen: 39_800, discountBp: 0 }, T0);
});

async function stored(): Promise<Job> {
  const row = await db.jobs.get(jobId);
  if (!row) throw new Error('job missing');
  return row;
}

/** The refusal code of a move, or 'moved'. */
async function tryMove(from: JobStatus, to: JobStatus, at = minutes(30)): Promise<MoveRefusal | 'moved'> {
  try {
    await moveJob(db, jobId, from, to, at);
    return 'moved';
  } catch (e) {
    if (e instanceof MoveRefused) return e.code;
    throw e;
  }
}

/** Refused with `code`, and every table as it was. */
async function expectRefused(from: JobStatus, to: JobStatus, code: MoveRefusal) {
  const before = await snapshotDb(db);
  expect(await tryMove(from, to)).toBe(code);
  expect(await snapshotDb(db)).toEqual(before);
}

const passAll = async () => {
  for (const item of QC_ITEMS) await checkQualityItem(db, jobId, item, 'pass', '', minutes(20));
};
const toQualityCheck = async () => {
  await moveJob(db, jobId, 'checked-in', 'in-repair', minutes(10));
  await moveJob(db, jobId, 'in-repair', 'quality-check', minutes(11));
};
const toReady = async () => {
  await toQualityCheck();
  await passAll();
  await moveJob(db, jobId, 'quality-check', 'ready', minutes(21));
};

describe('moveJob', () => {
  it('moves one step with its outbox entry, recording when and the advisor signed in', async () => {
    await setCurrentAdvisor(db, ADVISOR, minutes(2));
    const job = await moveJob(db, jobId, 'checked-in', 'in-repair', minutes(10));
    expect(job.status).toBe('in-repair');
    expect(job.moves).toEqual([{ from: 'checked-in', to: 'in-repair', at: '2026-11-27T09:10:00.000+08:00', advisorId: ADVISOR }]);
    expect(await stored()).toMatchObject(job);
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1);
    expect(last).toMatchObject({ op: 'job.move', payload: { from: 'checked-in', to: 'in-repair' }, advisorId: ADVISOR });
  });

  it('refuses a move out of order: order', async () => {
    await expectRefused('checked-in', 'quality-check', 'order');
    await expectRefused('checked-in', 'delivered', 'order');
  });

  it('refuses a move from a status the card has left (another tablet moved it): order', async () => {
    await moveJob(db, jobId, 'checked-in', 'in-repair', minutes(10));
    await expectRefused('checked-in', 'in-repair', 'order');
  });

  it('refuses 待交车 until 质检 allows it: qualityCheck; moves once every item passed', async () => {
    await toQualityCheck();
    await expectRefused('quality-check', 'ready', 'qualityCheck');
    await passAll();
    await checkQualityItem(db, jobId, 'fluids', 'fail', '冷却液低', minutes(22));
    await expectRefused('quality-check', 'ready', 'qualityCheck');
    await checkQualityItem(db, jobId, 'fluids', 'pass', '已补', minutes(23));
    expect(await tryMove('quality-check', 'ready')).toBe('moved');
  });

  it('moves to 待交车 with a failed item once overridden with a reason', async () => {
    await toQualityCheck();
    await overrideQualityCheck(db, jobId, '客户急需用车，已告知', minutes(25));
    expect(await tryMove('quality-check', 'ready')).toBe('moved');
    expect((await stored()).qualityCheck.override).toEqual({ reason: '客户急需用车，已告知', at: '2026-11-27T09:25:00.000+08:00', advisorId: null });
  });

  it('refuses 已交车 without the customer’s handover signature: deliveryUnsigned', async () => {
    await toReady();
    await expectRefused('ready', 'delivered', 'deliveryUnsigned');
  });

  it('refuses 已交车 when the bill changed after the signature: deliveryStale; moves once signed again', async () => {
    await toReady();
    await addSignature(db, jobId, signatureInput('delivery'), minutes(30));
    await updateHandover(db, jobId, { discountFen: 200, discountReason: '抹零' }, minutes(31));
    await expectRefused('ready', 'delivered', 'deliveryStale');
    await addSignature(db, jobId, signatureInput('delivery'), minutes(32));
    expect(await tryMove('ready', 'delivered', minutes(33))).toBe('moved');
    expect((await stored()).status).toBe('delivered');
  });

  it('moveRefusal answers the same question for the button that offers the move', async () => {
    await toQualityCheck();
    const job = await stored();
    expect(await moveRefusal(job, 'ready')).toBe('qualityCheck');
    expect(await moveRefusal(job, 'in-repair')).toBeNull();
    expect(await moveRefusal(job, 'delivered')).toBe('order');
  });

  it('says where the card is missing', async () => {
    await expect(moveJob(db, '0192f3a0-0000-7000-8000-00000000dead', 'checked-in', 'in-repair')).rejects.toThrow(/does not exist/);
  });
});

describe('quality check, handover and follow-up', () => {
  it('an override with a blank reason is refused by the schema and writes nothing', async () => {
    const before = await snapshotDb(db);
    await expect(overrideQualityCheck(db, jobId, '   ', minutes(5))).rejects.toBeInstanceOf(ZodError);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('handover changes merge per key, each with its outbox entry', async () => {
    await updateHandover(db, jobId, { coversRemoved: { seat: '2026-11-27T17:00:00+08:00' } }, minutes(5));
    await updateHandover(db, jobId, { belongingsReturned: { spareTyre: true }, odometerKm: 42_008 }, minutes(6));
    const { handover } = await stored();
    expect(handover).toMatchObject({ coversRemoved: { seat: '2026-11-27T17:00:00+08:00' }, belongingsReturned: { spareTyre: true }, odometerKm: 42_008 });
    expect((await db.outbox.orderBy('seq').toArray()).slice(-2).map((m) => m.op)).toEqual(['handover.update', 'handover.update']);
  });

  it('records follow-up calls and closes a dissatisfied one, on a delivered card', async () => {
    await toReady();
    await addSignature(db, jobId, signatureInput('delivery'), minutes(30));
    await moveJob(db, jobId, 'ready', 'delivered', minutes(31));
    const call = await recordFollowUpCall(db, jobId, 'dissatisfied', '异响还在', minutes(3000));
    await resolveFollowUp(db, jobId, '已约周六返修', minutes(3100));
    const { followUp } = await stored();
    expect(followUp.calls[call]).toMatchObject({ outcome: 'dissatisfied', note: '异响还在' });
    expect(followUp.resolution?.note).toBe('已约周六返修');
  });
});

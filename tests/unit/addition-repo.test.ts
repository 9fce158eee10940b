// 追加项目 on fake-indexeddb: lines added, edited and removed with their outbox entries; the
// customer's decision by phone recorded and labelled as such; the decision on the tablet
// saved with its signature in one transaction, the signature's hash that of its round, and
// nothing saved when the ink is refused or the lines changed meanwhile.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addAddition, recordPhoneApproval, removeAddition, updateAddition } from '../../src/db/addition-repo.ts';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { rebaseJob } from '../../src/db/job-repo.ts';
import { SignatureRefused, SignedContentChanged, addSignature } from '../../src/db/signature-repo.ts';
import { approvedAdditions, declinedAdditions, promisedAt, type AdditionFields } from '../../src/shared/additions.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { bill } from '../../src/shared/bill.ts';
import type { Job } from '../../src/shared/job.ts';
import { contentHash, signatureStatus, signedContent } from '../../src/shared/signed-content.ts';
import { snapshotDb } from '../support/job-db.ts';
import { useCheckedInJob } from './support/checked-in-db.ts';
import { outboxFor } from './support/reducer.ts';
import { signatureInput } from './support/signing.ts';
import { BRAKE_PADS, WIPERS } from './support/work-job.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const PROMISED = '2026-11-27T18:00:00+08:00';

let db: WalkaroundDb;
let jobId: string;
let pads: string;
let wiper: string;

useCheckedInJob(T0, (fresh) => ({ db, jobId } = fresh));
beforeEach(async () => {
  pads = await addAddition(db, jobId, BRAKE_PADS, minutes(10));
  wiper = await addAddition(db, jobId, WIPERS, minutes(11));
});

async function stored(): Promise<Job> {
  const row = await db.jobs.get(jobId);
  if (!row) throw new Error('job missing');
  return row;
}

const outboxOps = async () => (await db.outbox.orderBy('seq').toArray()).map((m) => m.op);

describe('additional lines', () => {
  it('adds, edits and removes (by tombstone), each with its outbox entry', async () => {
    await updateAddition(db, jobId, pads, { unitPriceFen: 52_000 }, minutes(12));
    await removeAddition(db, jobId, wiper, minutes(13));
    const { additions } = await stored();
    expect(additions[pads]).toEqual({ id: pads, ...BRAKE_PADS, unitPriceFen: 52_000, createdAt: '2026-11-27T09:10:00.000+08:00', deletedAt: null });
    expect(additions[wiper]?.deletedAt).toBe('2026-11-27T09:13:00.000+08:00');
    expect((await outboxOps()).slice(-4)).toEqual(['addition.add', 'addition.add', 'addition.update', 'addition.remove']);
  });

  it('refuses a line without a reason and writes nothing', async () => {
    const before = await snapshotDb(db);
    const noReason: AdditionFields = { ...BRAKE_PADS, reason: '' };
    await expect(addAddition(db, jobId, noReason, minutes(12))).rejects.toThrow();
    expect(await snapshotDb(db)).toEqual(before);
  });
});

describe('recordPhoneApproval', () => {
  it('records the round via phone with the call, never as a signature', async () => {
    const round = await recordPhoneApproval(
      db,
      jobId,
      { decisions: { [pads]: 'approved', [wiper]: 'declined' }, promisedAt: PROMISED, calledAt: '2026-11-27T09:20:00+08:00', phone: '13812345678', agreedBy: '张伟本人' },
      minutes(21),
    );
    const job = await stored();
    expect(job.approvals[round]).toEqual({
      id: round,
      decisions: { [pads]: 'approved', [wiper]: 'declined' },
      promisedAt: PROMISED,
      via: { kind: 'phone', calledAt: '2026-11-27T09:20:00+08:00', phone: '13812345678', agreedBy: '张伟本人' },
      decidedAt: '2026-11-27T09:21:00.000+08:00',
      advisorId: null,
    });
    expect(job.signatures).toEqual({});
    expect(approvedAdditions(job).map((l) => [l.id, l.approval?.via.kind])).toEqual([[pads, 'phone']]);
    expect(declinedAdditions(job).map((l) => l.id)).toEqual([wiper]);
    expect(bill(job).differences).toEqual([expect.objectContaining({ lineId: pads, via: 'phone' })]);
    expect((await outboxOps()).at(-1)).toBe('addition.decide');
  });
});

describe('addSignature of additional work', () => {
  const decided = (decisions: Record<string, 'approved' | 'declined'>) => signatureInput('additional', { decisions: { decisions, promisedAt: PROMISED } });

  it('writes the round and the signature together; the hash is that of the round on the stored job', async () => {
    const before = await db.outbox.count();
    const signature = await addSignature(db, jobId, decided({ [pads]: 'approved', [wiper]: 'declined' }), minutes(30));
    const job = await stored();
    const round = signature.subjectId;
    if (!round) throw new Error('the signature names no round');
    expect(job.approvals[round]).toMatchObject({ decisions: { [pads]: 'approved', [wiper]: 'declined' }, promisedAt: PROMISED, via: { kind: 'signature' } });
    expect(signature.contentHash).toBe(await contentHash(job, 'additional', round));
    expect(await signatureStatus(job, signature)).toBe('valid');

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.length).toBe(before + 2);
    expect(outbox.slice(-2).map((m) => [m.op, m.seq])).toEqual([
      ['addition.decide', before + 1],
      ['signature.add', before + 2],
    ]);
    expect(outbox.at(-2)?.payload).toMatchObject({ id: round });
  });

  it('the round decides once its signature is on the card; what was signed hashes the same without the signature as with it', async () => {
    const signature = await addSignature(db, jobId, decided({ [pads]: 'approved', [wiper]: 'declined' }), minutes(30));
    const round = signature.subjectId ?? expect.fail('the signature names no round');
    const job = await stored();
    // The card as it was between the two writes (the round, not yet its signature), as the
    // server holds it when it checks the signature's hash.
    const unsigned: Job = { ...job, signatures: Object.fromEntries(Object.entries(job.signatures).filter(([key]) => key !== signature.id)) };
    expect(await contentHash(unsigned, 'additional', round)).toBe(signature.contentHash);
    expect(await signatureStatus(job, signature)).toBe('valid');
    expect([approvedAdditions(unsigned), promisedAt(unsigned)]).toEqual([[], null]);
    expect(approvedAdditions(job).map((l) => [l.id, l.approval?.via.kind])).toEqual([[pads, 'signature']]);
    expect(declinedAdditions(job).map((l) => l.id)).toEqual([wiper]);
    expect(promisedAt(job)).toBe(PROMISED);
    expect(bill(job).additions.totalFen).toBe(BRAKE_PADS.unitPriceFen);
  });

  it('a round whose signature the server refused decides nothing, nor is it in the total of the next round signed', async () => {
    // As a pull leaves the card: the server took the round and refused its signature.
    const refused = outboxFor(jobId, '0192f3a0-0000-7000-8000-0000000000c1')(
      { op: 'addition.decide', payload: { id: '0192f3a0-0000-7000-8000-000000de00c1', decisions: { [pads]: 'approved' }, promisedAt: PROMISED, via: { kind: 'signature' } } },
      '2026-11-27T09:20:00.000+08:00',
    );
    const pulled = applyMutation(await stored(), refused) ?? expect.fail('the job disappeared');
    await db.transaction('rw', [db.jobs, db.outbox], () => rebaseJob(db, pulled, Number.MAX_SAFE_INTEGER));
    expect([approvedAdditions(pulled), promisedAt(pulled), bill(pulled).additions.totalFen]).toEqual([[], null, 0]);

    const signature = await addSignature(db, jobId, decided({ [wiper]: 'approved' }), minutes(30));
    const job = await stored();
    expect(await signatureStatus(job, signature)).toBe('valid');
    expect(approvedAdditions(job).map((l) => l.id)).toEqual([wiper]);
    expect(bill(job).additions.totalFen).toBe(WIPERS.unitPriceFen * 2);
    // What the customer signed: the estimate and the wipers, not the pads of the refused round.
    const round = signature.subjectId ?? expect.fail('the signature names no round');
    expect(signedContent(job, 'additional', round).totals).toEqual(bill(job).agreed);
  });

  it('round 1 stays valid when round 2 decides other lines; each goes stale when what it showed changes', async () => {
    const first = await addSignature(db, jobId, decided({ [pads]: 'approved' }), minutes(30));
    const second = await addSignature(db, jobId, decided({ [wiper]: 'declined' }), minutes(40));
    expect(second.subjectId).not.toBe(first.subjectId);
    const statuses = async () => Promise.all([first, second].map(async (s) => signatureStatus(await stored(), s)));
    expect(await statuses()).toEqual(['valid', 'valid']);

    // The wipers were only in round 2.
    await updateAddition(db, jobId, wiper, { unitPriceFen: 5_000 }, minutes(50));
    expect(await statuses()).toEqual(['valid', 'stale']);
    // The pads are a line of round 1 and in the total round 2 showed.
    await updateAddition(db, jobId, pads, { unitPriceFen: 52_000 }, minutes(51));
    expect(await statuses()).toEqual(['stale', 'stale']);
  });

  it('saves nothing, not even the decisions, when the ink is refused', async () => {
    const before = await snapshotDb(db);
    const error = await addSignature(db, jobId, { ...decided({ [pads]: 'approved' }), strokes: [] }, minutes(30)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureRefused);
    expect(await snapshotDb(db)).toEqual(before);
    expect((await stored()).approvals).toEqual({});
  });

  it('refuses a signature of additional work without its decisions, saving nothing', async () => {
    const before = await snapshotDb(db);
    await expect(addSignature(db, jobId, signatureInput('additional'), minutes(30))).rejects.toThrow(/decisions/);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('saves nothing when a line of the round changed between the hash and the save', async () => {
    const before = await snapshotDb(db);
    let reads = 0;
    const repriced = (row: Job) => {
      reads += 1;
      const line = row.additions[pads];
      return reads === 2 && line ? { ...row, additions: { ...row.additions, [pads]: { ...line, unitPriceFen: 1 } } } : row;
    };
    db.jobs.hook('reading', repriced);
    const error = await addSignature(db, jobId, decided({ [pads]: 'approved' }), minutes(30)).catch((e: unknown) => e);
    db.jobs.hook('reading').unsubscribe(repriced);
    expect(error).toBeInstanceOf(SignedContentChanged);
    expect(await snapshotDb(db)).toEqual(before);
  });
});

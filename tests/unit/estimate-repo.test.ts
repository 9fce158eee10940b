// The estimate on fake-indexeddb: each line and term change is saved with its outbox entry,
// a removed line keeps its tombstone, and a line the schema refuses is never written.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { addLine, removeLine, updateEstimate, updateLine } from '../../src/db/estimate-repo.ts';
import { estimateTotals, type LineFields } from '../../src/shared/estimate.ts';
import type { Job } from '../../src/shared/job.ts';
import { live } from '../../src/shared/walkaround.ts';
import { snapshotDb, useJobDb } from '../support/job-db.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const T1 = new Date('2026-11-27T09:05:00+08:00');
const T2 = new Date('2026-11-27T09:06:00+08:00');
const OIL: LineFields = { kind: 'part', code: 'P-0001', description: '机油 5W-30 4L', quantityMilli: 1000, unitPriceFen: 39_800, discountBp: 0 };
const LABOUR: LineFields = { kind: 'labour', code: 'L-0001', description: '更换机油工时', quantityMilli: 500, unitPriceFen: 12_000, discountBp: 1000 };

let db: WalkaroundDb;
let job: Job;
useJobDb(T0, {}, (fresh) => ({ db, job } = fresh));

async function stored(): Promise<Job> {
  const row = await db.jobs.get(job.id);
  if (!row) throw new Error('job missing');
  return row;
}

const snapshot = () => snapshotDb(db);

describe('estimate repo', () => {
  it('adds, edits and removes lines, each with its outbox entry', async () => {
    const oil = await addLine(db, job.id, OIL, T1);
    const labour = await addLine(db, job.id, LABOUR, T1);
    expect(oil).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((await stored()).estimate.lines[oil]).toEqual({ ...OIL, id: oil, createdAt: '2026-11-27T09:05:00.000+08:00', deletedAt: null });

    await updateLine(db, job.id, oil, { quantityMilli: 2000 }, T2);
    await removeLine(db, job.id, labour, T2);
    const { estimate } = await stored();
    expect(estimate.lines[oil]?.quantityMilli).toBe(2000);
    expect(estimate.lines[oil]?.description).toBe(OIL.description);
    expect(estimate.lines[labour]?.deletedAt).toBe('2026-11-27T09:06:00.000+08:00');
    expect(live(estimate.lines).map((l) => l.id)).toEqual([oil]);
    expect(estimateTotals(live(estimate.lines)).totalFen).toBe(79_600);

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => [m.op, m.payload])).toEqual([
      ['job.create', expect.anything()],
      ['line.add', { id: oil, ...OIL }],
      ['line.add', { id: labour, ...LABOUR }],
      ['line.update', { id: oil, fields: { quantityMilli: 2000 } }],
      ['line.remove', { id: labour }],
    ]);
  });

  it('sets the terms of the estimate, only the fields given', async () => {
    await updateEstimate(db, job.id, { promisedAt: '2026-11-27T17:00:00+08:00', oldParts: 'take' }, T1);
    await updateEstimate(db, job.id, { payment: 'wechat', carWash: false }, T2);
    const { estimate } = await stored();
    expect(estimate).toEqual({ promisedAt: '2026-11-27T17:00:00+08:00', oldParts: 'take', payment: 'wechat', carWash: false, lines: {} });
  });

  it.each<[string, Partial<LineFields>]>([
    ['an empty description', { description: '' }],
    ['a zero quantity', { quantityMilli: 0 }],
    ['a fractional price', { unitPriceFen: 12.5 }],
    ['a discount over 100%', { discountBp: 10_001 }],
  ])('refuses a line with %s and writes nothing', async (_label, bad) => {
    const before = await snapshot();
    await expect(addLine(db, job.id, { ...OIL, ...bad }, T1)).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(before);
  });
});

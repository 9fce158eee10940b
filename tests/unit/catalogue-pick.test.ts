// One tap on a labour item that carries its usual parts (带料工时): the lines it adds (pure),
// and how they are written on fake-indexeddb: every line with its own outbox entry, in one
// transaction (all or none), and the undo that takes the whole pick back, again all or none.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { addLine, addLines, removeLines } from '../../src/db/estimate-repo.ts';
import { pickLines } from '../../src/features/estimate/pick-lines.ts';
import type { CatalogueItem } from '../../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../../src/shared/catalogue-sample.ts';
import type { Job } from '../../src/shared/job.ts';
import { live } from '../../src/shared/walkaround.ts';
import { snapshotDb, useJobDb } from '../support/job-db.ts';

const T0 = new Date('2026-12-07T09:00:00+08:00');
const T1 = new Date('2026-12-07T09:05:00+08:00');
const T2 = new Date('2026-12-07T09:06:00+08:00');
const BY_CODE: ReadonlyMap<string, CatalogueItem> = new Map(SAMPLE_CATALOGUE.map((item) => [item.code, item]));
const OIL_CHANGE = BY_CODE.get('L-0101') as CatalogueItem;

let db: WalkaroundDb;
let job: Job;
useJobDb(T0, {}, (fresh) => ({ db, job } = fresh));

async function liveOnes() {
  const row = await db.jobs.get(job.id);
  if (!row) throw new Error('the job is gone');
  return live(row.estimate.lines);
}
const liveLines = async () => (await liveOnes()).map((l) => `${l.code}:${l.quantityMilli}:${l.unitPriceFen}`);

describe('pickLines', () => {
  it('更换机油机滤 brings 4 升 of oil and the oil filter, at catalogue prices, labour first', () => {
    expect(pickLines(OIL_CHANGE, BY_CODE, new Set())).toEqual({
      add: [
        { kind: 'labour', code: 'L-0101', description: '更换机油机滤', quantityMilli: 1000, unitPriceFen: 12000, discountBp: 0 },
        { kind: 'part', code: 'P-10001', description: '全合成机油 5W-30', quantityMilli: 4000, unitPriceFen: 9800, discountBp: 0 },
        { kind: 'part', code: 'P-20001', description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 4800, discountBp: 0 },
      ],
      kept: [],
      missing: [],
    });
  });

  it('a part already on the estimate is kept as it is; a part this tablet lacks is named, not added', () => {
    const tablet = new Map(BY_CODE);
    tablet.delete('P-20001');
    const picked = pickLines(OIL_CHANGE, tablet, new Set(['P-10001']));
    expect(picked.add.map((line) => line.code)).toEqual(['L-0101']);
    expect(picked.kept.map((part) => part.code)).toEqual(['P-10001']);
    expect(picked.missing).toEqual(['P-20001']);
  });

  it('an item without parts is its own line only', () => {
    expect(pickLines(BY_CODE.get('P-10001') as CatalogueItem, BY_CODE, new Set()).add.map((line) => line.code)).toEqual(['P-10001']);
  });
});

describe('addLines and removeLines: a pick on the estimate', () => {
  it('writes the labour and its parts in one transaction, one line.add with its outbox entry each', async () => {
    const { add } = pickLines(OIL_CHANGE, BY_CODE, new Set());
    const ids = await addLines(db, job.id, add, T1);
    expect(ids).toHaveLength(3);
    expect(await liveLines()).toEqual(['L-0101:1000:12000', 'P-10001:4000:9800', 'P-20001:1000:4800']);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.slice(1).map((m) => [m.op, m.seq, (m.payload as { id: string }).id])).toEqual(ids.map((id, i) => ['line.add', i + 2, id]));
  });

  it('one transaction, all or none: a bad third line leaves the two before it unwritten, and the estimate and the outbox as they were', async () => {
    const { add } = pickLines(OIL_CHANGE, BY_CODE, new Set());
    const before = await snapshotDb(db);
    await expect(addLines(db, job.id, [...add.slice(0, 2), { ...(add[2] as (typeof add)[number]), quantityMilli: 0 }], T1)).rejects.toBeInstanceOf(ZodError);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('undo removes the whole pick and nothing else, each with its line.remove', async () => {
    const earlier = await addLine(db, job.id, { kind: 'part', code: 'P-30001', description: '前刹车片', quantityMilli: 1000, unitPriceFen: 48000, discountBp: 0 }, T1);
    const ids = await addLines(db, job.id, pickLines(OIL_CHANGE, BY_CODE, new Set(['P-30001'])).add, T1);
    await removeLines(db, job.id, ids, T2);
    expect((await liveOnes()).map((line) => line.id)).toEqual([earlier]);
    const removed = (await db.outbox.orderBy('seq').toArray()).filter((m) => m.op === 'line.remove');
    expect(removed.map((m) => (m.payload as { id: string }).id)).toEqual(ids);
  });

  it('undo is all or none too: an unknown job refuses the whole removal', async () => {
    const ids = await addLines(db, job.id, pickLines(OIL_CHANGE, BY_CODE, new Set()).add, T1);
    const before = await snapshotDb(db);
    await expect(removeLines(db, crypto.randomUUID(), ids, T2)).rejects.toThrow(/does not exist/);
    expect(await snapshotDb(db)).toEqual(before);
  });
});

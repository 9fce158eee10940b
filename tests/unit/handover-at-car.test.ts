// 质检 and 交车 at the car, the tablet's side: which checklist items show, the mileage as typed,
// the fuel as the dashboard says it, covers and belongings still to go back; and on
// fake-indexeddb, a mark found at handover stored as such (never a check-in mark, never
// turned into one by an edit), "all unchanged" confirming only what was still open.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDamage, updateDamage } from '../../src/db/damage-repo.ts';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { checkIn } from '../../src/db/job-repo.ts';
import { updateHandover } from '../../src/db/work-repo.ts';
import { fuelText } from '../../src/shared/vehicle-condition.ts';
import { fittedCovers, listedBelongings, qcResultsFor, readKm, removeAllCovers, shownQcItems } from '../../src/features/handover/handover-rules.ts';
import { allUnchangedPatch, uncheckedMarks, undoUnchangedPatch } from '../../src/features/walkaround/handover-checks.ts';
import type { Job } from '../../src/shared/job.ts';
import { emptyQualityCheck } from '../../src/shared/quality-check.ts';
import { checkinDamages, contentHash, handoverDamages, signedContent } from '../../src/shared/signed-content.ts';
import { BELONGINGS, COVERS } from '../../src/shared/vehicle-condition.ts';
import { useJobDb } from '../support/job-db.ts';
import { COMPLETE_CARD } from './support/complete-card.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const iso = (n: number) => minutes(n).toISOString();
const SPOT = { view: 'left', x: 0.5, y: 0.5, type: 'scratch', severity: 'minor', note: '' } as const;

describe('shownQcItems', () => {
  const washedChecked = { ...emptyQualityCheck(), items: { washed: { result: 'na' as const, note: '', at: iso(0), advisorId: null } } };
  it.each([
    [true, emptyQualityCheck(), true],
    [false, emptyQualityCheck(), false],
    [null, emptyQualityCheck(), false],
    [false, washedChecked, true],
  ] as const)('car wash %s: washed shown %s', (carWash, qc, shown) => {
    expect(shownQcItems(qc, carWash).includes('washed')).toBe(shown);
    expect(shownQcItems(qc, carWash).slice(0, 4)).toEqual(['workDone', 'roadTest', 'fluids', 'nothingLeft']);
  });
});

describe('qcResultsFor', () => {
  it.each([
    ['workDone', null, ['pass', 'fail']],
    ['roadTest', null, ['pass', 'fail', 'na']],
    ['washed', false, ['pass', 'fail', 'na']],
    ['washed', true, ['pass', 'fail']],
  ] as const)('%s (car wash %s): %j', (item, carWash, results) => {
    expect(qcResultsFor(item, carWash)).toEqual(results);
  });
});

describe('readKm', () => {
  it.each([
    ['', { ok: true, km: null }],
    ['42,015', { ok: true, km: 42_015 }],
    [' 42 015 ', { ok: true, km: 42_015 }],
    ['42.5', { ok: false, why: 'notNumber' }],
    ['-3', { ok: false, why: 'notNumber' }],
    ['４２', { ok: false, why: 'notNumber' }],
    ['2000000', { ok: true, km: 2_000_000 }],
    ['2000001', { ok: false, why: 'tooHigh' }],
  ] as const)('%j → %j', (text, read) => {
    expect(readKm(text)).toEqual(read);
  });
});

describe('fuelText', () => {
  it('reads as the dashboard does', () => {
    expect(fuelText({ kind: 'gauge', eighths: 0 })).toBe('E');
    expect(fuelText({ kind: 'gauge', eighths: 6 })).toBe('3/4');
    expect(fuelText({ kind: 'gauge', eighths: 8 })).toBe('F');
    expect(fuelText({ kind: 'battery', percent: 60 })).toBe('60%');
  });
});

describe('covers and belongings', () => {
  it('lists the covers fitted at check-in (a time), not those taken off again (null)', () => {
    expect(fittedCovers({ floorMat: iso(1), seat: iso(0), gearLever: null }, COVERS)).toEqual(['seat', 'floorMat']);
  });

  it('takes off every cover still on at one time, leaving earlier removals their own time', () => {
    expect(removeAllCovers(['seat', 'floorMat', 'steeringWheel'], { seat: iso(5), floorMat: null }, iso(9))).toEqual({
      coversRemoved: { floorMat: iso(9), steeringWheel: iso(9) },
    });
    expect(removeAllCovers(['seat'], { seat: iso(5) }, iso(9))).toBeNull();
  });

  it('lists the belongings ticked at check-in, in the card order', () => {
    expect(listedBelongings({ jack: true, spareTyre: true, toolKit: false }, BELONGINGS)).toEqual(['spareTyre', 'jack']);
  });
});

describe('marks at handover, on fake-indexeddb', () => {
  let db: WalkaroundDb;
  let jobId: string;
  let first: string;
  let second: string;
  let third: string;

  useJobDb(T0, COMPLETE_CARD, async (fresh) => {
    ({ db } = fresh);
    jobId = fresh.job.id;
    first = await addDamage(db, jobId, SPOT, minutes(1));
    second = await addDamage(db, jobId, { ...SPOT, view: 'front' }, minutes(2));
    third = await addDamage(db, jobId, { ...SPOT, view: 'rear' }, minutes(3));
    await checkIn(db, jobId, minutes(4));
  });

  async function stored(): Promise<Job> {
    const row = await db.jobs.get(jobId);
    if (!row) throw new Error('job missing');
    return row;
  }

  it('stores a mark found at handover as such, apart from the check-in marks, and an edit keeps it so', async () => {
    const found = await addDamage(db, jobId, { ...SPOT, type: 'dent', stage: 'handover' }, minutes(60));
    await updateDamage(db, jobId, found, { severity: 'severe' }, minutes(61));
    const job = await stored();
    expect(handoverDamages(job).map((d) => [d.id, d.stage, d.severity])).toEqual([[found, 'handover', 'severe']]);
    expect(checkinDamages(job).map((d) => d.id)).toEqual([first, second, third]);
    expect((await db.outbox.orderBy('seq').last())?.op).toBe('damage.update');
  });

  it('confirms the rest unchanged in one write; the mark confirmed before keeps its time', async () => {
    await updateHandover(db, jobId, { damageChecks: { [second]: iso(50) } }, minutes(50));
    const before = await stored();
    expect(uncheckedMarks(checkinDamages(before), before.handover.damageChecks).map((d) => d.id)).toEqual([first, third]);
    const patch = allUnchangedPatch(checkinDamages(before), before.handover.damageChecks, iso(55));
    if (!patch) throw new Error('two marks were open');
    const outboxBefore = await db.outbox.count();
    await updateHandover(db, jobId, patch, minutes(55));
    const after = await stored();
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect(after.handover.damageChecks).toEqual({ [first]: iso(55), [second]: iso(50), [third]: iso(55) });
    expect(allUnchangedPatch(checkinDamages(after), after.handover.damageChecks, iso(56))).toBeNull();
  });

  it('takes a confirmation back (撤销): the mark is open again, for "all unchanged" and for what the customer signs', async () => {
    const neverConfirmed = await stored();
    await updateHandover(db, jobId, { damageChecks: { [first]: iso(50), [second]: iso(50) } }, minutes(50));
    await updateHandover(db, jobId, undoUnchangedPatch(first), minutes(51));
    const job = await stored();
    expect(job.handover.damageChecks).toEqual({ [first]: null, [second]: iso(50) });
    expect(uncheckedMarks(checkinDamages(job), job.handover.damageChecks).map((d) => d.id)).toEqual([first, third]);
    expect(allUnchangedPatch(checkinDamages(job), job.handover.damageChecks, iso(52))).toEqual({ damageChecks: { [first]: iso(52), [third]: iso(52) } });
    const signed = signedContent(job, 'delivery');
    if (signed.kind !== 'delivery') throw new Error('delivery content expected');
    expect(signed.checkinDamages.map((d) => d.unchangedAt)).toEqual([null, iso(50), null]);
    // Taken back is exactly "never confirmed": the same content, the same hash.
    await updateHandover(db, jobId, undoUnchangedPatch(second), minutes(53));
    expect(await contentHash(await stored(), 'delivery')).toBe(await contentHash(neverConfirmed, 'delivery'));
  });
});

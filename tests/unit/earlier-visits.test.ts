// The "earlier visits" rows: the other cards of the vehicle, newest first, with the date,
// number, mileage and the damage marks that are still there (a removed mark does not count).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDamage, removeDamage } from '../../src/db/damage-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { createJob } from '../../src/db/job-repo.ts';
import { visitRows } from '../../src/features/checkin/earlier-visits.ts';
import type { Job } from '../../src/shared/job.ts';

let db: WalkaroundDb;
beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const dent = { view: 'left', x: 0.4, y: 0.5, type: 'dent', severity: 'minor', note: '' } as const;

async function card(day: string, odometerKm: number | null, damages: number, removed = 0): Promise<Job> {
  const job = await createJob(db, { vehicle: { plate: '粤B12345' }, odometerKm }, new Date(`${day}T09:00:00+08:00`));
  const ids = [];
  for (let i = 0; i < damages; i++) ids.push(await addDamage(db, job.id, dent));
  for (const id of ids.slice(0, removed)) await removeDamage(db, job.id, id);
  const stored = await getJob(db, job.id);
  if (!stored) throw new Error('card not stored');
  return stored;
}

describe('visitRows', () => {
  it('lists the other cards newest first, counting only damage marks still there', async () => {
    const spring = await card('2026-03-02', 31_000, 2, 1);
    const summer = await card('2026-07-15', 33_400, 0);
    const today = await card('2026-11-27', null, 3);
    expect(visitRows([spring, today, summer], today.id)).toEqual([
      { id: summer.id, createdAt: summer.createdAt, number: summer.number, odometerKm: 33_400, damageCount: 0 },
      { id: spring.id, createdAt: spring.createdAt, number: spring.number, odometerKm: 31_000, damageCount: 1 },
    ]);
    expect(visitRows([today], today.id)).toEqual([]);
  });
});

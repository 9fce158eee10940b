// Who the customer's copy names: the advisor who checked the car in, even when another advisor
// prints it later on this or another tablet; the one signed in here only for a card that does
// not say (checked in before cards kept it, or on a tablet nobody had signed in to).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyAdvisorName, recordSignIn, signOut } from '../../src/db/advisor-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { checkIn, createJob } from '../../src/db/job-repo.ts';
import type { Job } from '../../src/shared/job.ts';

let db: WalkaroundDb;
beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const zhang = { id: '01930000-0000-7000-8000-000000000001', username: 'zhang', name: '张顾问', role: 'advisor' as const };
const li = { id: '01930000-0000-7000-8000-000000000002', username: 'li', name: '李顾问', role: 'advisor' as const };

async function checkedInCard(): Promise<Job> {
  const job = await createJob(db, {
    customer: { name: '王先生', phone: '13812345678' },
    vehicle: { plate: '粤B7K2Q9', vin: 'LGBH52E07PY000123', model: '凯美瑞' },
    odometerKm: 42_000,
    fuel: { kind: 'gauge', eighths: 3 },
    serviceTypes: { repair: true },
    valuablesConfirmedAt: new Date().toISOString(),
  });
  await checkIn(db, job.id);
  const stored = await getJob(db, job.id);
  if (!stored) throw new Error('no card');
  return stored;
}

describe('the advisor on the customer’s copy', () => {
  it('is who checked the car in, not who prints it later', async () => {
    await recordSignIn(db, zhang);
    const card = await checkedInCard();
    expect(card.checkedInBy).toBe(zhang.id);
    await recordSignIn(db, li);
    expect(await copyAdvisorName(db, card)).toBe('张顾问');
  });

  it('is the advisor signed in here for a card that does not say, and nobody when nobody is', async () => {
    const card = await checkedInCard();
    expect(card.checkedInBy).toBeUndefined();
    expect(await copyAdvisorName(db, card)).toBeNull();
    await recordSignIn(db, li);
    expect(await copyAdvisorName(db, card)).toBe('李顾问');
    // An advisor this tablet does not know (removed from the store since): the one signed in.
    expect(await copyAdvisorName(db, { checkedInBy: '01930000-0000-7000-8000-0000000000ff' })).toBe('李顾问');
    await signOut(db);
    expect(await copyAdvisorName(db, card)).toBeNull();
  });
});

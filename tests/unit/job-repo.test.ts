// The local store on fake-indexeddb: job numbers, the outbox written with every change, the
// all-or-nothing transaction, check-in refusal, mileage history, search, and the v1 fixture.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ZodError } from 'zod';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { earlierVisits, getJob, lastOdometerFor, searchJobs } from '../../src/db/job-queries.ts';
import { CheckInRefused, checkIn, commitMutation, createJob, getDevice, getDeviceSecret, updateCard } from '../../src/db/job-repo.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import { cardProblems } from '../../src/shared/check-in-rules.ts';
import type { CardPatch, Job } from '../../src/shared/job.ts';
import { mutationSchema, type Mutation } from '../../src/shared/mutation.ts';

/** Shop time, so the job-number day is unambiguous: 2026-11-27 09:00 in Shanghai. */
const at = (iso: string) => new Date(iso);
const DAY1 = at('2026-11-27T09:00:00+08:00');

const COMPLETE: CardPatch = {
  customer: { name: '张三', phone: '13812345678' },
  vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
  odometerKm: 42_000,
  fuel: { kind: 'gauge', eighths: 4 },
  serviceTypes: { maintenance: true },
  valuablesConfirmedAt: '2026-11-27T09:00:00+08:00',
};

let db: WalkaroundDb;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  // delete() closes the connection first.
  await db.delete();
});

/** Everything the database holds, to compare before and after a refused write. */
async function snapshot(d: WalkaroundDb = db) {
  return { jobs: await d.jobs.toArray(), outbox: await d.outbox.toArray(), meta: await d.meta.toArray() };
}

async function outbox(): Promise<Mutation[]> {
  return db.outbox.orderBy('seq').toArray();
}

describe('createJob numbers', () => {
  it('counts up within a local day: WK-20261127-A001, A002, A003', async () => {
    const numbers = [];
    for (const time of ['08:00', '09:30', '23:59']) numbers.push((await createJob(db, {}, at(`2026-11-27T${time}:00+08:00`))).number);
    expect(numbers).toEqual(['WK-20261127-A001', 'WK-20261127-A002', 'WK-20261127-A003']);
  });

  it('restarts at 001 on the next local day', async () => {
    await createJob(db, {}, DAY1);
    await createJob(db, {}, DAY1);
    const next = await createJob(db, {}, at('2026-11-28T08:00:00+08:00'));
    const after = await createJob(db, {}, at('2026-11-28T08:05:00+08:00'));
    expect([next.number, after.number]).toEqual(['WK-20261128-A001', 'WK-20261128-A002']);
  });

  it('continues the day when the tablet clock is set back past midnight, never repeating a number', async () => {
    await createJob(db, {}, DAY1);
    await createJob(db, {}, at('2026-11-28T08:00:00+08:00'));
    const again = await createJob(db, {}, at('2026-11-27T10:00:00+08:00'));
    expect(again.number).toBe('WK-20261127-A002');
  });

  it("counts days in the shop's zone, not UTC", async () => {
    // 16:30Z on the 27th is 00:30 on the 28th in Shanghai; 15:59Z is still the 27th.
    const late = await createJob(db, {}, at('2026-11-27T15:59:00Z'));
    const afterMidnight = await createJob(db, {}, at('2026-11-27T16:30:00Z'));
    expect([late.number, afterMidnight.number]).toEqual(['WK-20261127-A001', 'WK-20261128-A001']);
  });

  it('stores the card it was given, as a draft created at `now` in the shop offset', async () => {
    const job = await createJob(db, { customer: { name: '张三' } }, DAY1);
    expect(job.status).toBe('draft');
    expect(job.createdAt).toBe('2026-11-27T09:00:00.000+08:00');
    expect(job.updatedAt).toBe(job.createdAt);
    expect(job.card.customer).toEqual({ name: '张三', phone: '', company: '' });
    expect(await getJob(db, job.id)).toEqual(job);
  });
});

describe('the enrollment secret', () => {
  it('is made with the device, kept, and never part of a change', async () => {
    const secret = (await getDevice(db)).deviceSecret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getDeviceSecret(db)).toBe(secret);
    const job = await createJob(db, COMPLETE, DAY1);
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain(secret);
    expect(JSON.stringify(job)).not.toContain(secret);
  });

  it('is made once for a device row from before it existed, and then stays', async () => {
    const { deviceSecret: _none, ...legacy } = await getDevice(db);
    await db.meta.put(legacy);
    const made = await getDeviceSecret(db);
    expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await getDeviceSecret(db)).toBe(made);
    expect((await getDevice(db)).clientId).toBe(legacy.clientId);
    // Each tablet its own.
    const other = openDatabase(`test-${crypto.randomUUID()}`);
    expect(await getDeviceSecret(other)).not.toBe(made);
    await other.delete();
  });
});

describe('outbox', () => {
  it('gets exactly one valid entry per change, seq 1, 2, 3 … without gaps', async () => {
    const job = await createJob(db, {}, DAY1);
    expect(await db.outbox.count()).toBe(1);
    await updateCard(db, job.id, { customer: { name: '张三' } }, at('2026-11-27T09:01:00+08:00'));
    expect(await db.outbox.count()).toBe(2);
    await updateCard(db, job.id, COMPLETE, at('2026-11-27T09:02:00+08:00'));
    expect(await db.outbox.count()).toBe(3);
    await checkIn(db, job.id, at('2026-11-27T09:03:00+08:00'));
    const second = await createJob(db, {}, at('2026-11-27T09:04:00+08:00'));

    const entries = await outbox();
    const device = await getDevice(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map((e) => e.op)).toEqual(['job.create', 'job.update', 'job.update', 'job.checkIn', 'job.create']);
    expect(entries.map((e) => e.jobId)).toEqual([job.id, job.id, job.id, job.id, second.id]);
    expect(device.lastSeq).toBe(5);
    for (const entry of entries) {
      expect(mutationSchema.parse(entry)).toEqual(entry);
      expect(entry.clientId).toBe(device.clientId);
    }
    expect(new Set(entries.map((e) => e.mutationId)).size).toBe(entries.length);
    expect(entries[1]).toMatchObject({ op: 'job.update', payload: { card: { customer: { name: '张三' } } } });
    expect(entries[1]?.createdAt).toBe('2026-11-27T09:01:00.000+08:00');
  });

  it('replayed from nothing, gives the job as stored (what the server will compute)', async () => {
    const job = await createJob(db, { customer: { name: '张三' } }, DAY1);
    await updateCard(db, job.id, { warningLights: { engine: true }, covers: { seat: '2026-11-27T09:01:00+08:00' } }, at('2026-11-27T09:01:00+08:00'));
    await updateCard(db, job.id, COMPLETE, at('2026-11-27T09:02:00+08:00'));
    await updateCard(db, job.id, { covers: { seat: null } }, at('2026-11-27T09:03:00+08:00'));
    await checkIn(db, job.id, at('2026-11-27T09:04:00+08:00'));
    const replayed = (await outbox()).reduce<Job | undefined>(applyMutation, undefined);
    expect(replayed).toEqual(await getJob(db, job.id));
  });

  it('seq keeps counting across jobs and reopened connections', async () => {
    const name = db.name;
    await createJob(db, {}, DAY1);
    db.close();
    db = openDatabase(name);
    await createJob(db, {}, DAY1);
    expect((await outbox()).map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('a change and its outbox entry commit together or not at all', () => {
  it('when the outbox write fails, updateCard rejects and nothing changes', async () => {
    const job = await createJob(db, { customer: { name: '张三' } }, DAY1);
    const before = await snapshot();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });

    await expect(updateCard(db, job.id, { customer: { name: '李四' } }, at('2026-11-27T09:01:00+08:00'))).rejects.toThrow(
      'disk full',
    );
    expect(await snapshot()).toEqual(before);
    expect((await getJob(db, job.id))?.card.customer.name).toBe('张三');
    expect((await getDevice(db)).lastSeq).toBe(1);
  });

  it('when the outbox write fails, createJob rejects and spends neither a number nor a seq', async () => {
    await createJob(db, {}, DAY1);
    const before = await snapshot();
    const unsubscribe = () => db.outbox.hook('creating').unsubscribe(fail);
    const fail = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', fail);
    await expect(createJob(db, {}, DAY1)).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual(before);

    unsubscribe();
    expect((await createJob(db, {}, DAY1)).number).toBe('WK-20261127-A002');
    expect((await outbox()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('when the job write fails after the outbox entry, the entry is rolled back too', async () => {
    const job = await createJob(db, {}, DAY1);
    const before = await snapshot();
    db.jobs.hook('updating', () => {
      throw new Error('quota exceeded');
    });
    await expect(updateCard(db, job.id, { odometerKm: 5 }, at('2026-11-27T09:01:00+08:00'))).rejects.toThrow('quota exceeded');
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, CardPatch]>([
    ['a negative mileage', { odometerKm: -5 }],
    ['a fractional mileage', { odometerKm: 1.5 }],
    ['a name over 50 characters', { customer: { name: '张'.repeat(51) } }],
    ['a fuel gauge over full', { fuel: { kind: 'gauge', eighths: 9 } }],
    ['a cover time without an offset', { covers: { seat: '2026-11-27T09:00:00' } }],
    ['a field the card does not have', { color: 'red' } as unknown as CardPatch],
  ])('an invalid patch (%s) rejects with a zod error and writes nothing', async (_what, patch) => {
    const job = await createJob(db, {}, DAY1);
    const before = await snapshot();
    const error = await updateCard(db, job.id, patch, at('2026-11-27T09:01:00+08:00')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(before);
  });

  it('a zod error names the field that is wrong', async () => {
    const job = await createJob(db, {}, DAY1);
    const error = await updateCard(db, job.id, { odometerKm: -5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['payload.card.odometerKm']);
  });

  it('createJob with an invalid card writes nothing and spends no number', async () => {
    await getDevice(db);
    const before = await snapshot();
    await expect(createJob(db, { odometerKm: -1 }, DAY1)).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(before);
    expect((await createJob(db, {}, DAY1)).number).toBe('WK-20261127-A001');
  });

  it('updating a job this device does not have rejects and writes nothing', async () => {
    await getDevice(db);
    const before = await snapshot();
    await expect(updateCard(db, crypto.randomUUID(), { odometerKm: 1 })).rejects.toThrow('does not exist');
    expect(await snapshot()).toEqual(before);
  });

  it('commitMutation refuses a body the schema refuses', async () => {
    const job = await createJob(db, {}, DAY1);
    const before = await snapshot();
    const body = { op: 'job.checkIn', payload: { force: true } } as unknown as Parameters<typeof commitMutation>[2];
    await expect(commitMutation(db, job.id, body)).rejects.toBeInstanceOf(ZodError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('checkIn', () => {
  it('refuses an incomplete card with the problems the form shows, and writes nothing', async () => {
    const job = await createJob(db, { customer: { name: '张三' }, vehicle: { plate: '粤B12345' } }, DAY1);
    const before = await snapshot();
    const error = await checkIn(db, job.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckInRefused);
    const problems = (error as CheckInRefused).problems;
    expect(problems).toEqual(cardProblems(job.card, { lastOdometerKm: null }));
    expect(problems.map((p) => p.path)).toEqual([
      'customer.phone',
      'vehicle.vin',
      'vehicle.model',
      'odometerKm',
      'fuel',
      'serviceTypes',
      'valuablesConfirmedAt',
    ]);
    expect((error as CheckInRefused).message).toContain('customer.phone required');
    expect(await snapshot()).toEqual(before);
  });

  it('checks in a complete card and queues the check-in', async () => {
    const job = await createJob(db, COMPLETE, DAY1);
    const done = await checkIn(db, job.id, at('2026-11-27T09:30:00+08:00'));
    expect(done.status).toBe('checked-in');
    expect(done.checkedInAt).toBe('2026-11-27T09:30:00.000+08:00');
    expect(await getJob(db, job.id)).toEqual(done);
    const entries = await outbox();
    expect(entries.map((e) => e.op)).toEqual(['job.create', 'job.checkIn']);
    expect(entries[1]).toMatchObject({ seq: 2, jobId: job.id, payload: {} });
  });

  it('refuses a mileage lower than an earlier card of the same VIN until the advisor accepts it', async () => {
    await createJob(db, { ...COMPLETE, odometerKm: 50_000 }, at('2026-05-01T10:00:00+08:00'));
    const job = await createJob(db, { ...COMPLETE, odometerKm: 40_000 }, DAY1);

    const error = await checkIn(db, job.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckInRefused);
    expect((error as CheckInRefused).problems).toEqual([
      { path: 'odometerKm', code: 'odometer.lower', params: { last: 50_000 }, confirmable: true },
    ]);

    await updateCard(db, job.id, { odometerLowerAccepted: true });
    expect((await checkIn(db, job.id)).status).toBe('checked-in');
  });

  it('rejects a job this device does not have', async () => {
    await expect(checkIn(db, crypto.randomUUID())).rejects.toThrow('does not exist');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('lastOdometerFor / earlierVisits', () => {
  const vehicle = (plate: string, vin: string) => ({ vehicle: { plate, vin } });

  it('finds the highest mileage on another card of the same VIN or plate, ignoring the card itself', async () => {
    const byVin = await createJob(db, { ...vehicle('粤B99999', '1M8GDM9AXKP042788'), odometerKm: 30_000 }, at('2026-01-01T09:00:00+08:00'));
    const byPlate = await createJob(db, { ...vehicle('粤B12345', ''), odometerKm: 45_000 }, at('2026-03-01T09:00:00+08:00'));
    await createJob(db, { ...vehicle('京A88888', 'LRW3E7FA8MC123456'), odometerKm: 90_000 }, at('2026-04-01T09:00:00+08:00'));
    await createJob(db, { ...vehicle('粤B12345', ''), odometerKm: null }, at('2026-05-01T09:00:00+08:00'));
    const self = await createJob(db, { ...vehicle('粤B12345', '1M8GDM9AXKP042788'), odometerKm: 99_999 }, DAY1);

    expect(await lastOdometerFor(db, self)).toBe(45_000);
    const visits = await earlierVisits(db, self.card.vehicle, self.id);
    expect(visits).toHaveLength(3);
    expect(visits.map((v) => v.id).slice(1)).toEqual([byPlate.id, byVin.id]);
    expect(visits.map((v) => v.id)).not.toContain(self.id);
  });

  it('is null for a vehicle seen only on this card', async () => {
    const self = await createJob(db, { ...vehicle('粤B12345', '1M8GDM9AXKP042788'), odometerKm: 1000 }, DAY1);
    await createJob(db, { ...vehicle('京A88888', 'LRW3E7FA8MC123456'), odometerKm: 90_000 }, DAY1);
    expect(await lastOdometerFor(db, self)).toBeNull();
  });

  it('does not match cards on an empty plate or VIN', async () => {
    await createJob(db, { ...vehicle('', ''), odometerKm: 90_000 }, DAY1);
    const self = await createJob(db, { ...vehicle('', ''), odometerKm: 1 }, DAY1);
    expect(await lastOdometerFor(db, self)).toBeNull();
    expect(await earlierVisits(db, { plate: '', vin: '' })).toEqual([]);
  });
});

describe('searchJobs', () => {
  let zhang: Job;
  let li: Job;
  let wang: Job;

  beforeEach(async () => {
    zhang = await createJob(
      db,
      { customer: { name: '张三', phone: '13812345678' }, vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788' } },
      at('2026-11-25T09:00:00+08:00'),
    );
    li = await createJob(
      db,
      { customer: { name: '李四', phone: '13900001111' }, vehicle: { plate: '粤B19999', vin: 'LSVAU218XN2183294' } },
      at('2026-11-26T09:00:00+08:00'),
    );
    wang = await createJob(
      db,
      { customer: { name: 'Wang Wu', phone: '13700005678' }, vehicle: { plate: '京A88888', vin: 'LRW3E7FA8MC123456' } },
      at('2026-11-27T09:00:00+08:00'),
    );
  });

  const ids = (jobs: Job[]) => jobs.map((j) => j.id);

  // [query, expected cards by customer, newest first]
  it.each<[string, string[]]>([
    ['粤B1', ['li', 'zhang']],
    ['粤b12', ['zhang']],
    ['粤B·123 45', ['zhang']],
    ['京A88888', ['wang']],
    ['2788', ['zhang']], // VIN tail, 4
    ['042788', ['zhang']], // VIN tail, 6
    ['kp042788', ['zhang']], // VIN tail, 8, lower case
    ['1M8GDM9AXKP042788', ['zhang']], // whole VIN
    ['LSVAU', ['li']], // VIN prefix
    ['张三', ['zhang']],
    ['张', ['zhang']],
    ['wang', ['wang']], // name, any case
    ['Wang Wu', ['wang']],
    ['13812345678', ['zhang']],
    ['139', ['li']], // phone prefix
    ['5678', ['wang', 'zhang']], // last 4 phone digits
    ['1111', ['li']],
    ['沪A', []],
    ['13812345679', []],
  ])('%j finds %j', async (query, expected) => {
    const byName: Record<string, Job> = { zhang, li, wang };
    expect(ids(await searchJobs(db, query))).toEqual(expected.map((n) => byName[n]?.id));
  });

  it.each(['', '   '])('%j lists every card, newest first', async (query) => {
    expect(ids(await searchJobs(db, query))).toEqual([wang.id, li.id, zhang.id]);
  });

  it('orders by when the card was created, not when it was last edited', async () => {
    await updateCard(db, zhang.id, { customerRequest: '异响' }, at('2026-11-28T09:00:00+08:00'));
    expect(ids(await searchJobs(db, ''))).toEqual([wang.id, li.id, zhang.id]);
    expect(ids(await searchJobs(db, '粤B1'))).toEqual([li.id, zhang.id]);
  });

  it('finds a card by what it says now, not by what it said before', async () => {
    await updateCard(db, zhang.id, { vehicle: { plate: '粤C55555' } }, at('2026-11-28T09:00:00+08:00'));
    expect(ids(await searchJobs(db, '粤C5'))).toEqual([zhang.id]);
    expect(ids(await searchJobs(db, '粤B1'))).toEqual([li.id]);
  });

  it.each([
    ['the job number as printed', (j: Job) => j.number],
    ['the job number in lower case without dashes', (j: Job) => j.number.replaceAll('-', '').toLowerCase()],
  ])('finds a card by %s', async (_what, typed) => {
    expect(li.number).toBe('WK-20261126-A001');
    expect(ids(await searchJobs(db, typed(li)))).toEqual([li.id]);
  });

  it('returns each card once even when several of its terms match', async () => {
    // "13" starts the phone of every card; "1" also starts zhang's VIN.
    expect(ids(await searchJobs(db, '1'))).toEqual([wang.id, li.id, zhang.id]);
  });

  it('respects the limit, keeping the newest', async () => {
    expect(ids(await searchJobs(db, '', 2))).toEqual([wang.id, li.id]);
    expect(ids(await searchJobs(db, '13', 2))).toEqual([wang.id, li.id]);
  });

  it('returns jobs without the search index column', async () => {
    const [found] = await searchJobs(db, '张三');
    expect(found).toEqual(zhang);
    expect(found).not.toHaveProperty('searchTerms');
  });
});

describe('Dexie version 1 fixture', () => {
  // Version 1 exactly as published. When version 2 is added to database.ts, this copy stays
  // as it is: the test then writes with v1 and reads back through the upgrade.
  const V1_STORES = {
    jobs: 'id, &number, createdAt, card.vehicle.plate, card.vehicle.vin, *searchTerms',
    outbox: 'seq, &mutationId, jobId',
    meta: 'key',
  };

  function openV1(name: string): WalkaroundDb {
    const v1 = new Dexie(name) as WalkaroundDb;
    v1.version(1).stores(V1_STORES);
    return v1;
  }

  it('a job written with v1 reads back identical through openDatabase', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = openV1(name);
    let job: Job;
    let written: Awaited<ReturnType<typeof snapshot>>;
    try {
      job = await createJob(v1, COMPLETE, DAY1);
      await updateCard(v1, job.id, { warningLights: { engine: true }, covers: { seat: '2026-11-27T09:01:00+08:00' } }, DAY1);
      job = await checkIn(v1, job.id, at('2026-11-27T09:30:00+08:00'));
      written = await snapshot(v1);
    } finally {
      v1.close();
    }

    const reopened = openDatabase(name);
    try {
      expect(await getJob(reopened, job.id)).toEqual(job);
      expect(await snapshot(reopened)).toEqual(written);
      expect(ids(await searchJobs(reopened, '粤B12'))).toEqual([job.id]);
      // The device keeps counting where it left off.
      const next = await createJob(reopened, {}, DAY1);
      expect(next.number).toBe('WK-20261127-A002');
      expect((await reopened.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    } finally {
      await reopened.delete();
    }
  });

  const ids = (jobs: Job[]) => jobs.map((j) => j.id);
});

import { describe, it, expect } from 'vitest';
import { applyMutation, mergeCard } from '../../src/shared/apply-mutation.ts';
import { emptyEstimate, type EstimateLine, type LineFields } from '../../src/shared/estimate.ts';
import { emptyAfterCheckIn, emptyCard, jobSchema, type Card, type CardPatch, type Job } from '../../src/shared/job.ts';
import type { Mutation } from '../../src/shared/mutation.ts';
import { live } from '../../src/shared/walkaround.ts';
import { deepFreeze, outboxFor, run } from './support/reducer.ts';

const JOB_ID = '0192f3a0-0000-7000-8000-000000000001';
const CLIENT_ID = '0192f3a0-0000-7000-8000-0000000000c1';
const T0 = '2026-11-27T09:00:00.000+08:00';

const mutation = outboxFor(JOB_ID, CLIENT_ID);
const create = (card: CardPatch, createdAt = T0, number = 'WK-20261127-A001') =>
  mutation({ op: 'job.create', payload: { number, card } }, createdAt);
const update = (card: CardPatch, createdAt: string) => mutation({ op: 'job.update', payload: { card } }, createdAt);
const checkIn = (createdAt: string) => mutation({ op: 'job.checkIn', payload: {} }, createdAt);

/** A draft job with some of everything filled, built through the reducer itself. */
function filledJob(): Job {
  return run(undefined, [
    create({
      customer: { name: '张三', phone: '13812345678', company: '' },
      vehicle: { plate: '粤B12345', vin: '1M8GDM9AXKP042788', model: '凯美瑞' },
      odometerKm: 42_000,
      fuel: { kind: 'gauge', eighths: 4 },
      warningLights: { engine: true, abs: false },
      covers: { seat: T0, floorMat: T0 },
      belongings: { spareTyre: true },
      serviceTypes: { maintenance: true },
    }),
  ]);
}

describe('job.create', () => {
  it('builds a draft with the patch merged over the empty card', () => {
    const job = run(undefined, [create({ customer: { name: '张三' }, vehicle: { plate: '粤B12345' }, odometerKm: 100 })]);
    const card = emptyCard();
    expect(job).toEqual({
      id: JOB_ID,
      number: 'WK-20261127-A001',
      status: 'draft',
      createdAt: T0,
      updatedAt: T0,
      checkedInAt: null,
      card: {
        ...card,
        customer: { ...card.customer, name: '张三' },
        vehicle: { ...card.vehicle, plate: '粤B12345' },
        odometerKm: 100,
      },
      damages: {},
      photos: {},
      estimate: emptyEstimate(),
      signatures: {},
      ...emptyAfterCheckIn(),
    });
    expect(jobSchema.safeParse(job).success).toBe(true);
  });

  it('with an empty patch gives exactly the empty card', () => {
    expect(run(undefined, [create({})]).card).toEqual(emptyCard());
  });

  it('re-applied to an existing job returns it unchanged (a retried push, a rebase)', () => {
    const job = run(undefined, [create({ customer: { name: '张三' } }), update({ odometerKm: 5 }, '2026-11-27T09:05:00+08:00')]);
    const again = applyMutation(job, create({ customer: { name: '李四' } }, '2026-11-27T10:00:00+08:00', 'WK-20261127-A009'));
    expect(again).toBe(job);
    expect(again).toEqual(job);
  });
});

describe('job.update merges leaf by leaf', () => {
  const at = '2026-11-27T09:10:00.000+08:00';
  // [what, patch, what the card looks like after, relative to filledJob().card]
  const cases: [string, CardPatch, (before: Card) => Card][] = [
    [
      'customer.name changes, phone and company stay',
      { customer: { name: '李四' } },
      (c) => ({ ...c, customer: { ...c.customer, name: '李四' } }),
    ],
    [
      'vehicle.vinCheckAccepted changes, plate and VIN stay',
      { vehicle: { vinCheckAccepted: true } },
      (c) => ({ ...c, vehicle: { ...c.vehicle, vinCheckAccepted: true } }),
    ],
    [
      'warningLights merge per key',
      { warningLights: { abs: true, oil: true } },
      (c) => ({ ...c, warningLights: { engine: true, abs: true, oil: true } }),
    ],
    [
      'a warning light switched off stays listed as false',
      { warningLights: { engine: false } },
      (c) => ({ ...c, warningLights: { engine: false, abs: false } }),
    ],
    [
      'covers merge per key',
      { covers: { steeringWheel: '2026-11-27T09:09:00+08:00' } },
      (c) => ({ ...c, covers: { seat: T0, floorMat: T0, steeringWheel: '2026-11-27T09:09:00+08:00' } }),
    ],
    ['a null cover means taken off', { covers: { seat: null } }, (c) => ({ ...c, covers: { seat: null, floorMat: T0 } })],
    [
      'belongings merge per key',
      { belongings: { jack: true } },
      (c) => ({ ...c, belongings: { spareTyre: true, jack: true } }),
    ],
    [
      'serviceTypes merge per key',
      { serviceTypes: { repair: true, maintenance: false } },
      (c) => ({ ...c, serviceTypes: { maintenance: false, repair: true } }),
    ],
    [
      'fuel is replaced whole (gauge → battery keeps no eighths)',
      { fuel: { kind: 'battery', percent: 80 } },
      (c) => ({ ...c, fuel: { kind: 'battery', percent: 80 } }),
    ],
    ['fuel can be cleared', { fuel: null }, (c) => ({ ...c, fuel: null })],
    ['odometerKm is a plain field', { odometerKm: 42_100 }, (c) => ({ ...c, odometerKm: 42_100 })],
    ['odometerKm can be cleared', { odometerKm: null }, (c) => ({ ...c, odometerKm: null })],
    ['an empty patch changes nothing in the card', {}, (c) => c],
  ];

  it.each(cases)('%s', (_what, patch, expected) => {
    const before = filledJob();
    const after = run(before, [update(patch, at)]);
    expect(after.card).toEqual(expected(before.card));
    expect(after.updatedAt).toBe(at);
    expect({ ...after, card: null, updatedAt: null }).toEqual({ ...before, card: null, updatedAt: null });
    expect(jobSchema.safeParse(after).success).toBe(true);
  });

  it('mergeCard agrees with the reducer and leaves sections the patch does not name as they were', () => {
    const before = filledJob().card;
    const merged = mergeCard(before, { customer: { phone: '13900000000' } });
    expect(merged.customer).toEqual({ name: '张三', phone: '13900000000', company: '' });
    expect(merged.vehicle).toEqual(before.vehicle);
    expect(merged.warningLights).toEqual(before.warningLights);
  });

  it('treats a key set to undefined as absent: it never overwrites a stored value', () => {
    const before = filledJob().card;
    const patch = { fuel: undefined, customer: { phone: undefined } } as unknown as CardPatch;
    expect(mergeCard(before, patch)).toEqual(before);
  });

  it('on a missing job returns undefined', () => {
    expect(applyMutation(undefined, update({ odometerKm: 1 }, at))).toBeUndefined();
  });
});

describe('job.checkIn', () => {
  it('sets status and checkedInAt', () => {
    const at = '2026-11-27T09:30:00.000+08:00';
    const job = run(filledJob(), [checkIn(at)]);
    expect(job.status).toBe('checked-in');
    expect(job.checkedInAt).toBe(at);
    expect(job.updatedAt).toBe(at);
  });

  it('records the advisor signed in when it was made, and nobody when the tablet had none', () => {
    const advisorId = '0192f3a0-0000-7000-8000-0000000000a7';
    const by = run(filledJob(), [{ ...checkIn('2026-11-27T09:30:00+08:00'), advisorId }]);
    expect(by.checkedInBy).toBe(advisorId);
    expect(jobSchema.parse(by).checkedInBy).toBe(advisorId);
    const anonymous = run(filledJob(), [checkIn('2026-11-27T09:30:00+08:00')]);
    expect('checkedInBy' in anonymous).toBe(false);
    // A late second check-in by someone else does not change who checked the car in.
    const later = applyMutation(by, { ...checkIn('2026-11-27T09:45:00+08:00'), advisorId: '0192f3a0-0000-7000-8000-0000000000a8' });
    expect(later?.checkedInBy).toBe(advisorId);
  });

  it('happens once: a second checkIn keeps the first time', () => {
    const first = run(filledJob(), [checkIn('2026-11-27T09:30:00+08:00')]);
    const second = applyMutation(first, checkIn('2026-11-27T09:45:00+08:00'));
    expect(second).toEqual(first);
    expect(second?.checkedInAt).toBe('2026-11-27T09:30:00+08:00');
  });

  it('changes only status, checkedInAt and updatedAt: the card and everything else stay as they were', () => {
    const before = filledJob();
    const after = run(before, [checkIn('2026-11-27T09:30:00+08:00')]);
    expect({ ...after, status: null, checkedInAt: null, updatedAt: null }).toEqual({
      ...before,
      status: null,
      checkedInAt: null,
      updatedAt: null,
    });
  });

  it('on a missing job returns undefined', () => {
    expect(applyMutation(undefined, checkIn(T0))).toBeUndefined();
  });
});

describe('estimate lines are a keyed set with tombstones', () => {
  const L1 = '0192f3a0-0000-7000-8000-0000000000e1';
  const L2 = '0192f3a0-0000-7000-8000-0000000000e2';
  /** 09:00 plus `minutes`, in the shop's offset. */
  const at = (minutes: number) => `2026-11-27T09:${String(minutes).padStart(2, '0')}:00.000+08:00`;
  const OIL: LineFields = { kind: 'part', code: 'P-01', description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 35_650, discountBp: 0 };
  const addLine = (id: string, minutes: number) => mutation({ op: 'line.add', payload: { id, ...OIL } }, at(minutes));
  const updateLine = (id: string, fields: Partial<LineFields>, minutes: number) =>
    mutation({ op: 'line.update', payload: { id, fields } }, at(minutes));
  const removeLine = (id: string, minutes: number) => mutation({ op: 'line.remove', payload: { id } }, at(minutes));
  const created = () => run(undefined, [create({}, at(0))]);
  /** L1 as added at 09:01, with `fields` over it and the given tombstone. */
  const l1 = (deletedAt: string | null, fields: Partial<LineFields> = {}): EstimateLine => ({
    id: L1,
    ...OIL,
    ...fields,
    createdAt: at(1),
    deletedAt,
  });

  const add = addLine(L1, 1);
  const reprice = updateLine(L1, { unitPriceFen: 30_000 }, 2);
  const remove = removeLine(L1, 3);
  const lateReprice = updateLine(L1, { unitPriceFen: 1 }, 4);
  const lateRewrite = updateLine(
    L1,
    { kind: 'labour', code: 'L-99', description: '改过的', quantityMilli: 9000, unitPriceFen: 99_999, discountBp: 10_000 },
    4,
  );
  // Made before the remove on another tablet, arriving after it in server order.
  const earlierReprice = updateLine(L1, { discountBp: 5000 }, 2);
  const secondRemove = removeLine(L1, 5);
  // Each row: the mutations on L1 in the order applied, and L1 afterwards (undefined: not in the set).
  const rows: [string, Mutation[], EstimateLine | undefined][] = [
    ['add puts the line in with its creation time and no tombstone', [add], l1(null)],
    ['update changes only the fields it names', [add, reprice], l1(null, { unitPriceFen: 30_000 })],
    ['remove is a tombstone: the line stays in the set with deletedAt', [add, remove], l1(at(3))],
    ['remove, remove again: the replay keeps the first deletedAt', [add, remove, remove], l1(at(3))],
    ['remove, a later remove: still the first deletedAt', [add, remove, secondRemove], l1(at(3))],
    ['remove, update: the update neither resurrects nor changes the line', [add, remove, lateReprice], l1(at(3))],
    ['remove, update of every field: the removed line keeps what it had', [add, remove, lateRewrite], l1(at(3))],
    ['remove, an update made before it arriving late: ignored', [add, remove, earlierReprice], l1(at(3))],
    ['update, remove, update: the price from before the remove stays', [add, reprice, remove, lateReprice], l1(at(3), { unitPriceFen: 30_000 })],
    ['remove, update, remove: neither moves the tombstone', [add, remove, lateReprice, secondRemove], l1(at(3))],
    ['remove, a replayed add: no resurrection', [add, remove, add], l1(at(3))],
    ['an update of an unknown line is ignored', [reprice], undefined],
    ['a remove of an unknown line is ignored', [remove], undefined],
  ];
  it.each(rows)('%s', (_label, ms, expected) => {
    const job = run(created(), ms);
    expect(job.estimate.lines[L1]).toEqual(expected);
    expect(jobSchema.safeParse(job).success).toBe(true);
  });

  it.each([
    ['an update', lateReprice],
    ['a second remove', secondRemove],
    ['a replayed add', add],
  ])('%s of a removed line returns the very same job: nothing moves, updatedAt neither', (_what, m) => {
    const job = deepFreeze(run(created(), [add, addLine(L2, 2), remove]));
    expect(job.estimate.lines[L1]?.deletedAt).toBe(at(3));
    expect(applyMutation(job, m)).toBe(job);
  });

  it('a remove touches only its own line', () => {
    const job = run(created(), [add, addLine(L2, 2), remove, updateLine(L2, { quantityMilli: 2000 }, 4)]);
    expect(job.estimate.lines[L2]).toEqual({ ...l1(null, { quantityMilli: 2000 }), id: L2, createdAt: at(2) });
    expect(live(job.estimate.lines).map((line) => line.id)).toEqual([L2]);
  });

  it('applying the whole history twice gives the same job as applying it once', () => {
    const history = [add, addLine(L2, 2), reprice, removeLine(L2, 3), lateReprice, updateLine(L2, { discountBp: 1000 }, 5)];
    const once = run(created(), history);
    expect(run(once, history)).toEqual(once);
    expect(once.estimate.lines[L2]?.discountBp).toBe(0);
  });
});

describe('updatedAt never goes backwards', () => {
  // [what, job's updatedAt, the mutation's createdAt, expected updatedAt]
  it.each([
    ['a later update moves it', '2026-11-27T09:00:00+08:00', '2026-11-27T09:01:00+08:00', '2026-11-27T09:01:00+08:00'],
    ['an earlier update arriving late does not', '2026-11-27T09:01:00+08:00', '2026-11-27T09:00:00+08:00', '2026-11-27T09:01:00+08:00'],
    // 03:00Z is 11:00+08:00: later, though it sorts before "10:00" as text.
    ['later in Z than the +08:00 time, earlier as text', '2026-11-27T10:00:00+08:00', '2026-11-27T03:00:00Z', '2026-11-27T03:00:00Z'],
    // 09:00+08:00 is 01:00Z: earlier, though it sorts after "02:00" as text.
    ['earlier in +08:00 than the Z time, later as text', '2026-11-27T02:00:00Z', '2026-11-27T09:00:00+08:00', '2026-11-27T02:00:00Z'],
    ['the same instant in two offsets keeps the stored one', '2026-11-27T01:00:00Z', '2026-11-27T09:00:00+08:00', '2026-11-27T01:00:00Z'],
  ])('%s', (_what, stored, incoming, expected) => {
    const job: Job = { ...filledJob(), updatedAt: stored };
    expect(run(job, [update({ odometerKm: 1 }, incoming)]).updatedAt).toBe(expected);
    expect(run(job, [checkIn(incoming)]).updatedAt).toBe(expected);
  });

  it('holds the newest instant whatever order a batch arrives in', () => {
    const times = ['2026-11-27T01:05:00Z', '2026-11-27T09:20:00+08:00', '2026-11-27T01:10:00.500Z', '2026-11-27T09:01:00+08:00'];
    const updates = times.map((t, i) => update({ customerRequest: `note ${i}` }, t));
    const permutations = [updates, [...updates].reverse(), [updates[2], updates[0], updates[3], updates[1]]];
    for (const order of permutations) {
      const job = run(undefined, [create({}, '2026-11-27T01:00:00Z'), ...(order as Mutation[])]);
      expect(job.updatedAt).toBe('2026-11-27T09:20:00+08:00');
    }
  });

  it('a checkIn that arrives after a later update records its own time but keeps updatedAt', () => {
    const job = run(undefined, [
      create({}, '2026-11-27T01:00:00Z'),
      update({ odometerKm: 10 }, '2026-11-27T09:50:00+08:00'),
      checkIn('2026-11-27T01:30:00Z'),
    ]);
    expect(job.checkedInAt).toBe('2026-11-27T01:30:00Z');
    expect(job.updatedAt).toBe('2026-11-27T09:50:00+08:00');
  });
});

describe('determinism', () => {
  const sequence = (): Mutation[] => [
    create({ customer: { name: '张三' }, vehicle: { plate: '粤B12345' } }, '2026-11-27T09:00:00+08:00'),
    update({ customer: { phone: '13812345678' }, warningLights: { engine: true } }, '2026-11-27T09:01:00+08:00'),
    update({ fuel: { kind: 'gauge', eighths: 6 }, covers: { seat: '2026-11-27T09:02:00+08:00' } }, '2026-11-27T01:02:00Z'),
    update({ odometerKm: 42_000, serviceTypes: { repair: true } }, '2026-11-27T09:03:00+08:00'),
  ];

  it('re-applying the same sequence gives the same job as applying it once', () => {
    const ms = sequence();
    const once = run(undefined, ms);
    const twice = run(once, ms);
    expect(twice).toEqual(once);
  });

  it('the same mutations give the same job on another run (tablet and server agree)', () => {
    const ms = sequence();
    expect(run(undefined, ms)).toEqual(run(undefined, structuredClone(ms)));
  });
});

describe('purity', () => {
  it.each([
    ['job.create on an existing job', () => create({ customer: { name: 'x' } }, '2026-11-27T10:00:00+08:00')],
    [
      'job.update',
      () =>
        update(
          {
            customer: { name: '李四' },
            vehicle: { vin: 'LSVAU2180N2183294' },
            warningLights: { oil: true },
            covers: { seat: null },
            belongings: { jack: true },
            serviceTypes: { repair: true },
            fuel: { kind: 'battery', percent: 50 },
          },
          '2026-11-27T10:00:00+08:00',
        ),
    ],
    ['job.checkIn', () => checkIn('2026-11-27T10:00:00+08:00')],
  ])('%s does not mutate the input job or the mutation', (_what, make) => {
    const job = deepFreeze(filledJob());
    const snapshot = structuredClone(job);
    const m = deepFreeze(make());
    const mSnapshot = structuredClone(m);
    // A frozen input makes any write throw in strict mode (ES modules are strict).
    const after = applyMutation(job, m);
    expect(after).toBeDefined();
    expect(job).toEqual(snapshot);
    expect(m).toEqual(mSnapshot);
  });

  it('the new card shares no keyed section with the patch, so editing one cannot change the other', () => {
    const lights = { oil: true };
    const after = run(filledJob(), [update({ warningLights: lights }, '2026-11-27T10:00:00+08:00')]);
    expect(after.card.warningLights).toEqual({ engine: true, abs: false, oil: true });
    expect(after.card.warningLights).not.toBe(lights);
  });
});

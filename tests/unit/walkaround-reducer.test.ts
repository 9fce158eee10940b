// The walk-around through the shared reducer: damage marks and photos are keyed sets (add,
// update by id, tombstone), and every mutation can be applied again without changing the
// result, as a retried push or a rebase after pull does.
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import type { Mutation, MutationBody } from '../../src/shared/mutation.ts';
import { live, type Damage, type NewPhoto } from '../../src/shared/walkaround.ts';
import { deepFreeze, outboxFor, run } from './support/reducer.ts';

const JOB_ID = '0192f3a0-0000-7000-8000-000000000001';
const CLIENT_ID = '0192f3a0-0000-7000-8000-0000000000c1';
const D1 = '0192f3a0-0000-7000-8000-0000000000d1';
const D2 = '0192f3a0-0000-7000-8000-0000000000d2';
const P1 = '0192f3a0-0000-7000-8000-0000000000f1';
const P2 = '0192f3a0-0000-7000-8000-0000000000f2';
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** 09:00 plus `minutes`, in the shop's offset. */
const at = (minutes: number) => `2026-11-27T09:${String(minutes).padStart(2, '0')}:00.000+08:00`;

const outbox = outboxFor(JOB_ID, CLIENT_ID);
const mutation = (body: MutationBody, minutes: number) => outbox(body, at(minutes));

const DENT = { view: 'left', x: 0.25, y: 0.5, type: 'dent', severity: 'moderate', note: '' } as const;
const addDamage = (id: string, minutes: number, fields: Partial<typeof DENT> = {}) =>
  mutation({ op: 'damage.add', payload: { id, ...DENT, ...fields } }, minutes);
const updateDamage = (id: string, fields: Partial<Omit<Damage, 'id' | 'createdAt' | 'deletedAt'>>, minutes: number) =>
  mutation({ op: 'damage.update', payload: { id, fields } }, minutes);
const removeDamage = (id: string, minutes: number) => mutation({ op: 'damage.remove', payload: { id } }, minutes);

const photoFields = (id: string, extra: Partial<NewPhoto> = {}): NewPhoto => ({
  id,
  sha256: HASH_A,
  thumbSha256: HASH_B,
  mime: 'image/jpeg',
  width: 1600,
  height: 1200,
  byteLength: 210_000,
  damageId: null,
  slot: null,
  annotatedFromId: null,
  takenAt: at(0),
  ...extra,
});
const addPhoto = (id: string, minutes: number, extra: Partial<NewPhoto> = {}) =>
  mutation({ op: 'photo.add', payload: photoFields(id, extra) }, minutes);
const removePhoto = (id: string, minutes: number) => mutation({ op: 'photo.remove', payload: { id } }, minutes);
const restorePhoto = (id: string, minutes: number) => mutation({ op: 'photo.restore', payload: { id } }, minutes);

const created = () => run(undefined, [mutation({ op: 'job.create', payload: { number: 'WK-20261127-A001', card: {} } }, 0)]);

describe('damage marks', () => {
  it('add puts the mark in the set with its creation time and no tombstone', () => {
    const job = run(created(), [addDamage(D1, 1)]);
    expect(job.damages[D1]).toEqual({ id: D1, ...DENT, createdAt: at(1), deletedAt: null });
    expect(job.updatedAt).toBe(at(1));
  });

  it('move changes only x and y; edit changes only the fields given', () => {
    const moved = run(created(), [addDamage(D1, 1), updateDamage(D1, { x: 0.75, y: 0.1 }, 2)]);
    expect(moved.damages[D1]).toEqual({ id: D1, ...DENT, x: 0.75, y: 0.1, createdAt: at(1), deletedAt: null });
    const edited = run(moved, [updateDamage(D1, { type: 'scratch', severity: 'severe', note: '左前门' }, 3)]);
    expect(edited.damages[D1]).toEqual({
      id: D1,
      ...DENT,
      x: 0.75,
      y: 0.1,
      type: 'scratch',
      severity: 'severe',
      note: '左前门',
      createdAt: at(1),
      deletedAt: null,
    });
    expect(edited.updatedAt).toBe(at(3));
  });

  it('a field left undefined in an update keeps its value', () => {
    const job = run(created(), [addDamage(D1, 1), updateDamage(D1, { x: 0.9, note: undefined }, 2)]);
    expect(job.damages[D1]).toMatchObject({ x: 0.9, note: '' });
  });

  it('remove is a tombstone: the mark stays in the set, out of the live list', () => {
    const job = run(created(), [addDamage(D1, 1), addDamage(D2, 2), removeDamage(D1, 3)]);
    expect(job.damages[D1]).toEqual({ id: D1, ...DENT, createdAt: at(1), deletedAt: at(3) });
    expect(live(job.damages).map((d) => d.id)).toEqual([D2]);
  });

  // Each row: a sequence of mutations on D1, and what D1 is afterwards.
  const add = addDamage(D1, 1);
  const move = updateDamage(D1, { x: 0.6, y: 0.4 }, 2);
  const remove = removeDamage(D1, 3);
  const lateEdit = updateDamage(D1, { note: 'after delete' }, 4);
  const secondRemove = removeDamage(D1, 5);
  type Row = [string, Mutation[], Pick<Damage, 'x' | 'note' | 'deletedAt'> | undefined];
  const rows: Row[] = [
    ['add, add again: the replay changes nothing', [add, add], { x: 0.25, note: '', deletedAt: null }],
    ['add, move, add again: the later move stays', [add, move, add], { x: 0.6, note: '', deletedAt: null }],
    ['add, move, move again', [add, move, move], { x: 0.6, note: '', deletedAt: null }],
    ['add, remove, remove again', [add, remove, remove], { x: 0.25, note: '', deletedAt: at(3) }],
    ['remove twice keeps the first deletedAt', [add, remove, secondRemove], { x: 0.25, note: '', deletedAt: at(3) }],
    ['an edit after remove does not resurrect', [add, remove, lateEdit], { x: 0.25, note: '', deletedAt: at(3) }],
    ['a replayed add after remove does not resurrect', [add, remove, add], { x: 0.25, note: '', deletedAt: at(3) }],
    ['a move of an unknown mark is ignored', [move], undefined],
    ['a remove of an unknown mark is ignored', [remove], undefined],
  ];
  it.each(rows)('%s', (_label, ms, expected) => {
    const d1 = run(created(), ms).damages[D1];
    if (expected === undefined) expect(d1).toBeUndefined();
    else expect(d1).toMatchObject(expected);
  });

  it('applying the whole history twice gives the same job as applying it once', () => {
    const history = [addDamage(D1, 1), addDamage(D2, 2), updateDamage(D1, { x: 0.1 }, 3), removeDamage(D2, 4), updateDamage(D2, { y: 1 }, 5)];
    const once = run(created(), history);
    expect(run(once, history)).toEqual(once);
  });

  it('a no-op returns the very same job object', () => {
    const job = run(created(), [addDamage(D1, 1), removeDamage(D1, 2)]);
    expect(applyMutation(job, removeDamage(D1, 3))).toBe(job);
    expect(applyMutation(job, updateDamage(D1, { x: 0 }, 3))).toBe(job);
    expect(applyMutation(job, addDamage(D1, 3))).toBe(job);
  });

  it('leaves a job that does not exist undefined', () => {
    expect(applyMutation(undefined, addDamage(D1, 1))).toBeUndefined();
    expect(applyMutation(undefined, updateDamage(D1, { x: 0 }, 1))).toBeUndefined();
    expect(applyMutation(undefined, removeDamage(D1, 1))).toBeUndefined();
  });
});

describe('photos', () => {
  it('add puts the photo in the set without a tombstone; a replay changes nothing', () => {
    const job = run(created(), [addPhoto(P1, 1, { slot: 'odometer' })]);
    expect(job.photos[P1]).toEqual({ ...photoFields(P1, { slot: 'odometer' }), deletedAt: null });
    expect(applyMutation(job, addPhoto(P1, 2, { slot: 'interior' }))).toBe(job);
  });

  it('remove tombstones; remove twice keeps the first deletedAt', () => {
    const job = run(created(), [addPhoto(P1, 1), addPhoto(P2, 2), removePhoto(P1, 3), removePhoto(P1, 5)]);
    expect(job.photos[P1]?.deletedAt).toBe(at(3));
    expect(live(job.photos).map((p) => p.id)).toEqual([P2]);
  });

  it('restore lifts the tombstone; the photo is back as it was', () => {
    const added = run(created(), [addPhoto(P1, 1)]);
    const restored = run(added, [removePhoto(P1, 2), restorePhoto(P1, 3)]);
    expect(restored.photos[P1]).toEqual(added.photos[P1]);
    expect(restored.updatedAt).toBe(at(3));
    expect(live(restored.photos).map((p) => p.id)).toEqual([P1]);
  });

  it('restore of a live or unknown photo, and remove of an unknown one, change nothing', () => {
    const job = run(created(), [addPhoto(P1, 1)]);
    expect(applyMutation(job, restorePhoto(P1, 2))).toBe(job);
    expect(applyMutation(job, restorePhoto(P2, 2))).toBe(job);
    expect(applyMutation(job, removePhoto(P2, 2))).toBe(job);
  });

  it('remove, restore, remove again: the new delete gets its own time', () => {
    const job = run(created(), [addPhoto(P1, 1), removePhoto(P1, 2), restorePhoto(P1, 3), removePhoto(P1, 4)]);
    expect(job.photos[P1]?.deletedAt).toBe(at(4));
  });

  it('an annotated copy keeps its link to the original, which stays unchanged', () => {
    const original = addPhoto(P1, 1, { damageId: D1 });
    const copy = addPhoto(P2, 2, { damageId: D1, annotatedFromId: P1, sha256: 'c'.repeat(64) });
    const job = run(created(), [addDamage(D1, 0), original, copy]);
    expect(job.photos[P1]).toEqual({ ...photoFields(P1, { damageId: D1 }), deletedAt: null });
    expect(job.photos[P2]).toMatchObject({ annotatedFromId: P1, damageId: D1 });
  });
});

describe('inputs are never mutated', () => {
  it('applies every walk-around op to a deep-frozen job and deep-frozen mutations', () => {
    const start = deepFreeze(run(created(), [addDamage(D1, 1), addPhoto(P1, 1)]));
    const before = structuredClone(start);
    const ms = deepFreeze([
      addDamage(D2, 2),
      updateDamage(D1, { x: 0.9, y: 0.9, note: 'moved' }, 3),
      removeDamage(D1, 4),
      addPhoto(P2, 5),
      removePhoto(P1, 6),
      restorePhoto(P1, 7),
    ]);
    const msBefore = structuredClone(ms);

    const after = run(start, ms);

    expect(start).toEqual(before);
    expect(ms).toEqual(msBefore);
    expect(after.damages[D1]).toMatchObject({ x: 0.9, note: 'moved', deletedAt: at(4) });
    expect(after.photos[P1]?.deletedAt).toBeNull();
    expect(Object.keys(after.photos)).toEqual([P1, P2]);
  });
});

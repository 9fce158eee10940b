// The returning car on fake-indexeddb: the last visit's marks (上次记录) confirmed one by one or
// all at once (linked marks with the same photos by hash, no bytes copied, one transaction),
// cleared for this visit (decided on the card, so a reload or another tablet agrees), and which
// visit counts as "last time"; the belongings and cover set carried forward.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { addDamage, removeDamage } from '../../src/db/damage-repo.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { checkIn, createJob } from '../../src/db/job-repo.ts';
import { getSyncRow } from '../../src/db/meta-repo.ts';
import { addPhoto, type ImageBytes } from '../../src/db/photo-repo.ts';
import { clearPreviousMark, confirmPreviousMarks, wantPreviousBlobs } from '../../src/db/previous-marks-repo.ts';
import { applyMutation } from '../../src/shared/apply-mutation.ts';
import type { Job } from '../../src/shared/job.ts';
import { mutationBodySchema } from '../../src/shared/mutation.ts';
import { belongingsDefaults, coverSet, lastVisit, openPreviousMarks, previousMarkState } from '../../src/shared/previous-visit.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { signedContent } from '../../src/shared/signed-content.ts';
import { live } from '../../src/shared/walkaround.ts';

const T0 = new Date('2026-10-02T09:00:00+08:00');
const T1 = new Date('2026-12-07T09:00:00+08:00');
const T2 = new Date('2026-12-07T09:05:00+08:00');
const PLATE = '粤B7K2Q9';

let db: WalkaroundDb;
let first: Job;
let second: Job;

async function image(seed: number, length: number): Promise<ImageBytes> {
  const view = new Uint8Array(length);
  for (let i = 0; i < length; i++) view[i] = (seed * 31 + i * 7) % 251;
  return { bytes: view.buffer, sha256: await sha256Hex(view), width: 240, height: 180, mime: 'image/jpeg' };
}

async function reread(id: string): Promise<Job> {
  const job = await getJob(db, id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

beforeEach(async () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  const made = await createJob(
    db,
    {
      customer: { name: '王先生', phone: '13812345678' },
      vehicle: { plate: PLATE, vin: 'LGBH52E07PY000123', model: '凯美瑞' },
      odometerKm: 42_000,
      fuel: { kind: 'gauge', eighths: 3 },
      serviceTypes: { repair: true },
      valuablesConfirmedAt: T0.toISOString(),
      belongings: { spareTyre: true, jack: false },
      covers: { seat: T0.toISOString(), floorMat: null },
    },
    T0,
  );
  const marks = [
    { view: 'left', x: 0.3, y: 0.4, type: 'scratch', severity: 'minor', note: '门把手下' },
    { view: 'front', x: 0.5, y: 0.6, type: 'dent', severity: 'moderate', note: '' },
    { view: 'rear', x: 0.7, y: 0.2, type: 'chip', severity: 'severe', note: '' },
  ] as const;
  for (const [i, mark] of marks.entries()) {
    const damageId = await addDamage(db, made.id, mark, T0);
    await addPhoto(db, made.id, { photo: await image(i, 5000), thumb: await image(i + 100, 800) }, { damageId, slot: null, annotatedFromId: null }, T0);
  }
  // A mark removed last time is not carried forward.
  await removeDamage(db, made.id, await addDamage(db, made.id, { ...marks[0], x: 0.9 }, T0), T0);
  await checkIn(db, made.id, T0);
  first = await reread(made.id);
  second = await createJob(db, { vehicle: { plate: PLATE } }, T1);
});
afterEach(async () => {
  await db.delete();
});

describe('lastVisit', () => {
  it('is the newest other checked-in card started before this one: not a draft, not a later card, not itself', async () => {
    const draft = await createJob(db, { vehicle: { plate: PLATE } }, new Date('2026-11-01T09:00:00+08:00'));
    const later = { ...first, id: '01900000-0000-7000-8000-000000000001', createdAt: '2026-12-08T09:00:00+08:00' };
    expect(lastVisit([draft, first, later, second], second)?.id).toBe(first.id);
    expect(lastVisit([draft, second], second)).toBeNull();
  });
});

describe('confirming the last visit’s marks', () => {
  it('makes one mark of this visit linked to the earlier one, with its photos by the same hashes and no new bytes', async () => {
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    const blobsBefore = await db.blobs.count();
    const outboxBefore = await db.outbox.count();
    const [id] = await confirmPreviousMarks(db, second.id, first, [mark.id], T2);

    const job = await reread(second.id);
    const made = id ? job.damages[id] : undefined;
    expect(made).toMatchObject({ view: 'left', x: 0.3, y: 0.4, type: 'scratch', severity: 'minor', note: '门把手下', deletedAt: null });
    expect(made?.previous).toEqual({ jobId: first.id, damageId: mark.id });
    expect(made?.stage).toBeUndefined();
    const earlierPhotos = live(first.photos).filter((p) => p.damageId === mark.id);
    const photos = live(job.photos).filter((p) => p.damageId === id);
    expect(photos.map((p) => [p.sha256, p.thumbSha256])).toEqual(earlierPhotos.map((p) => [p.sha256, p.thumbSha256]));
    expect(photos.every((p) => !first.photos[p.id])).toBe(true);
    expect(await db.blobs.count()).toBe(blobsBefore);
    expect(await db.outbox.count()).toBe(outboxBefore + 2);
    expect(previousMarkState(job, first.id, mark.id)).toEqual({ kind: 'confirmed', damageId: id });
    expect(openPreviousMarks(job, first)).toHaveLength(2);
    // The bytes are here: nothing is recorded as on the server or wanted from it.
    expect(await db.blobReceipts.count()).toBe(0);
  });

  it('全部无变化 confirms every open mark in one go, and a second tap (or a decided mark) adds nothing', async () => {
    const [cleared] = live(first.damages);
    if (!cleared) throw new Error('no mark');
    await clearPreviousMark(db, second.id, first, cleared.id, T2);
    const added = await confirmPreviousMarks(db, second.id, first, undefined, T2);
    expect(added).toHaveLength(2);
    expect(await confirmPreviousMarks(db, second.id, first, undefined, T2)).toEqual([]);
    const job = await reread(second.id);
    expect(live(job.damages)).toHaveLength(2);
    expect(live(job.photos)).toHaveLength(2);
    expect(openPreviousMarks(job, first)).toEqual([]);
    expect(previousMarkState(job, first.id, cleared.id)).toEqual({ kind: 'cleared' });
  });

  it('is one transaction: a photo the schema refuses leaves no mark and no outbox entry', async () => {
    const [a, b] = live(first.photos);
    if (!a || !b) throw new Error('no photos');
    const broken: Job = { ...first, photos: { ...first.photos, [b.id]: { ...b, sha256: 'not-a-hash' } } };
    const before = { jobs: await db.jobs.toArray(), outbox: await db.outbox.count() };
    await expect(confirmPreviousMarks(db, second.id, broken, undefined, T2)).rejects.toThrow();
    expect(await db.jobs.toArray()).toEqual(before.jobs);
    expect(await db.outbox.count()).toBe(before.outbox);
  });

  it('of a visit read from the server: bytes not on this tablet are recorded as on the server and wanted, never uploaded from here', async () => {
    await db.blobs.clear();
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    await confirmPreviousMarks(db, second.id, first, [mark.id], T2);
    const photo = live(first.photos).find((p) => p.damageId === mark.id);
    if (!photo) throw new Error('no photo');
    expect(new Set(await db.blobReceipts.toCollection().primaryKeys())).toEqual(new Set([photo.sha256, photo.thumbSha256]));
    expect(new Set((await getSyncRow(db)).wantedBlobs)).toEqual(new Set([photo.sha256, photo.thumbSha256]));
    expect(await db.blobs.count()).toBe(0);
  });
});

describe('two tablets deciding the same mark at once', () => {
  /** Tablet B: a database of its own holding the same two cards as they were before A decided. */
  async function otherTablet(): Promise<WalkaroundDb> {
    const other = openDatabase(`test-${crypto.randomUUID()}`);
    await other.jobs.bulkPut(await db.jobs.bulkGet([first.id, second.id]).then((rows) => rows.filter((r) => r !== undefined)));
    return other;
  }
  async function decisions(on: WalkaroundDb): Promise<Parameters<typeof applyMutation>[1][]> {
    return on.outbox.where('jobId').equals(second.id).sortBy('seq');
  }

  it('confirming on both makes one mark with one set of photos, whichever tablet the server hears first', async () => {
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    const other = await otherTablet();
    try {
      const [onA] = await confirmPreviousMarks(db, second.id, first, [mark.id], T2);
      const [onB] = await confirmPreviousMarks(other, second.id, first, [mark.id], T2);
      expect(onB).toBe(onA);
      expect(onA).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const [a, b] = [await decisions(db), await decisions(other)];
      for (const order of [[...a, ...b], [...b, ...a]]) {
        const merged = order.reduce<Job | undefined>((j, m) => applyMutation(j, m), second);
        expect(live(merged?.damages ?? {})).toHaveLength(1);
        expect(live(merged?.photos ?? {})).toHaveLength(1);
      }
    } finally {
      await other.delete();
    }
  });

  it('one confirming and one clearing: every order ends with the same answer on the card', async () => {
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    const other = await otherTablet();
    try {
      await confirmPreviousMarks(db, second.id, first, [mark.id], T2);
      await clearPreviousMark(other, second.id, first, mark.id, T2);
      const [a, b] = [await decisions(db), await decisions(other)];
      const states = [[...a, ...b], [...b, ...a]].map((order) => {
        const merged = order.reduce<Job | undefined>((j, m) => applyMutation(j, m), second);
        if (!merged) throw new Error('nothing merged');
        return [previousMarkState(merged, first.id, mark.id), live(merged.damages).length];
      });
      expect(states[0]).toEqual(states[1]);
      expect(states[0]).toEqual([{ kind: 'cleared' }, 0]);
    } finally {
      await other.delete();
    }
  });
});

describe('clearing a mark of the last visit', () => {
  it('hides it for this visit by a decision on the card: no live mark, and the same answer from the card alone', async () => {
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    await clearPreviousMark(db, second.id, first, mark.id, T2);
    await clearPreviousMark(db, second.id, first, mark.id, T2);
    const job = await reread(second.id);
    expect(live(job.damages)).toEqual([]);
    expect(Object.values(job.damages)).toHaveLength(1);
    expect(previousMarkState(job, first.id, mark.id)).toEqual({ kind: 'cleared' });
    // Another tablet rebuilds the card from the outbox alone, and agrees.
    const replayed = (await db.outbox.where('jobId').equals(second.id).sortBy('seq')).reduce<Job | undefined>((j, m) => applyMutation(j, m), undefined);
    if (!replayed) throw new Error('nothing replayed');
    expect(openPreviousMarks(replayed, first).map((m) => m.damage.id)).not.toContain(mark.id);
    expect(openPreviousMarks(replayed, first)).toHaveLength(2);
  });
});

describe('the link', () => {
  it('is set when the mark is made and never by an edit', () => {
    const link = { jobId: first.id, damageId: first.id };
    expect(mutationBodySchema.safeParse({ op: 'damage.update', payload: { id: second.id, fields: { previous: link } } }).success).toBe(false);
  });

  it('is in the signed check-in content of a confirmed mark, and absent from a new mark', async () => {
    const [mark] = live(first.damages);
    if (!mark) throw new Error('no mark');
    await confirmPreviousMarks(db, second.id, first, [mark.id], T2);
    await addDamage(db, second.id, { view: 'top', x: 0.5, y: 0.5, type: 'other', severity: 'minor', note: '' }, T2);
    const damages = signedContent(await reread(second.id), 'checkin').damages;
    expect(damages[0]?.previous).toEqual({ jobId: first.id, damageId: mark.id });
    expect(damages[1] && 'previous' in damages[1]).toBe(false);
  });
});

describe('belongings and covers from last time', () => {
  it('ticks last time’s belongings only where this visit has not set them either way', () => {
    expect(belongingsDefaults({}, { spareTyre: true, jack: false, toolKit: true })).toEqual({ spareTyre: true, toolKit: true });
    expect(belongingsDefaults({ spareTyre: false }, { spareTyre: true, toolKit: true })).toEqual({ toolKit: true });
  });

  it('offers the covers fitted last time, not those taken off', () => {
    expect(coverSet(first.card.covers)).toEqual(['seat']);
  });
});

describe('wantPreviousBlobs', () => {
  it('asks the next sync only for thumbnails this tablet lacks', async () => {
    const thumbs = live(first.photos).map((p) => p.thumbSha256);
    expect(await wantPreviousBlobs(db, thumbs)).toBe(false);
    await db.blobs.delete(thumbs[0] ?? '');
    expect(await wantPreviousBlobs(db, thumbs)).toBe(true);
    expect((await getSyncRow(db)).wantedBlobs).toEqual([thumbs[0]]);
  });
});

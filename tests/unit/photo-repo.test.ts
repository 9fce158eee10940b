// Photos on fake-indexeddb: a photo, its thumbnail, the job change and the outbox entry are
// one transaction; bytes are content-addressed ArrayBuffers; a quota error leaves nothing.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { WalkaroundDb } from '../../src/db/database.ts';
import { addDamage } from '../../src/db/damage-repo.ts';
import { getBlob } from '../../src/db/blob-store.ts';
import { addPhoto, isQuotaError, removePhoto, restorePhoto, type ImageBytes } from '../../src/db/photo-repo.ts';
import type { Job } from '../../src/shared/job.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { snapshotDb, useJobDb } from '../support/job-db.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const T1 = new Date('2026-11-27T09:05:00+08:00');
const T2 = new Date('2026-11-27T09:06:00+08:00');
const GENERAL = { damageId: null, slot: null, annotatedFromId: null } as const;

let db: WalkaroundDb;
let job: Job;
useJobDb(T0, {}, (fresh) => ({ db, job } = fresh));

/** Image bytes as the worker hands them over: fresh ArrayBuffer, hash of exactly those bytes. */
async function image(seed: number, length: number, width = 1600, height = 1200): Promise<ImageBytes> {
  const view = new Uint8Array(length);
  for (let i = 0; i < length; i++) view[i] = (seed * 31 + i * 7) % 251;
  return { bytes: view.buffer, sha256: await sha256Hex(view), width, height, mime: 'image/jpeg' };
}

async function pair(seed: number) {
  return { photo: await image(seed, 200_000), thumb: await image(seed + 1000, 12_000, 240, 180) };
}

/** The job's photos as stored (read from the table, so no query helper is under test). */
async function photosOf(jobId: string) {
  const row = await db.jobs.get(jobId);
  if (!row) throw new Error(`no job ${jobId}`);
  return row.photos;
}

const snapshot = () => snapshotDb(db);

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('addPhoto', () => {
  it('writes both blobs, the photo on the job and one outbox entry', async () => {
    const images = await pair(1);
    const photo = await addPhoto(db, job.id, images, { damageId: null, slot: 'odometer', annotatedFromId: null }, T1);

    expect(photo).toEqual({
      id: expect.any(String),
      sha256: images.photo.sha256,
      thumbSha256: images.thumb.sha256,
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      byteLength: 200_000,
      damageId: null,
      slot: 'odometer',
      annotatedFromId: null,
      takenAt: '2026-11-27T09:05:00.000+08:00',
      deletedAt: null,
    });
    expect(await photosOf(job.id)).toEqual({ [photo.id]: photo });
    expect((await db.blobs.toArray()).map((b) => [b.sha256, b.byteLength, b.mime]).sort()).toEqual(
      [
        [images.photo.sha256, 200_000, 'image/jpeg'],
        [images.thumb.sha256, 12_000, 'image/jpeg'],
      ].sort(),
    );
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => m.op)).toEqual(['job.create', 'photo.add']);
    expect(outbox[1]?.payload).toEqual({ ...photo, deletedAt: undefined });
  });

  it('stores the bytes as an ArrayBuffer that reads back byte-identical, with the same hash', async () => {
    const images = await pair(2);
    const original = new Uint8Array(images.photo.bytes.slice(0));
    await addPhoto(db, job.id, images, GENERAL, T1);

    const row = await getBlob(db, images.photo.sha256);
    if (!row) throw new Error('blob row missing');
    expect(row.bytes).toBeInstanceOf(ArrayBuffer);
    expect(row).toMatchObject({ mime: 'image/jpeg', byteLength: original.byteLength, createdAt: '2026-11-27T09:05:00.000+08:00' });
    expect(Buffer.from(row.bytes).equals(original)).toBe(true);
    expect(await sha256Hex(row.bytes)).toBe(images.photo.sha256);
    expect(await getBlob(db, 'f'.repeat(64))).toBeUndefined();
  });

  it('keeps one blob row per hash when the same bytes are added twice, and two photos', async () => {
    const images = await pair(3);
    const first = await addPhoto(db, job.id, images, GENERAL, T1);
    const rowBefore = await getBlob(db, images.photo.sha256);
    const second = await addPhoto(db, job.id, await pair(3), GENERAL, T2);

    expect(second.id).not.toBe(first.id);
    expect(await db.blobs.count()).toBe(2);
    // Content-addressed: the existing row is left exactly as it was.
    expect(await getBlob(db, images.photo.sha256)).toEqual(rowBefore);
    expect(Object.keys(await photosOf(job.id)).sort()).toEqual([first.id, second.id].sort());
    expect((await db.outbox.toArray()).filter((m) => m.op === 'photo.add')).toHaveLength(2);
  });

  it('stores a thumbnail identical to its photo once', async () => {
    const small = await image(4, 5_000, 200, 150);
    const photo = await addPhoto(db, job.id, { photo: small, thumb: small }, GENERAL, T1);
    expect(photo.sha256).toBe(photo.thumbSha256);
    expect(await db.blobs.count()).toBe(1);
  });

  it('links a photo to its damage mark and an annotated copy to its original', async () => {
    const damageId = await addDamage(db, job.id, { view: 'left', x: 0.4, y: 0.5, type: 'dent', severity: 'minor', note: '' }, T1);
    const original = await addPhoto(db, job.id, await pair(5), { damageId, slot: null, annotatedFromId: null }, T1);
    const annotated = await addPhoto(db, job.id, await pair(6), { damageId, slot: null, annotatedFromId: original.id }, T2);
    const photos = await photosOf(job.id);
    expect(photos[original.id]).toMatchObject({ damageId, annotatedFromId: null, deletedAt: null });
    expect(photos[annotated.id]).toMatchObject({ damageId, annotatedFromId: original.id, deletedAt: null });
  });
});

describe('addPhoto failures leave nothing half-written', () => {
  it('a quota error while storing the photo: no blob, no job change, no outbox entry', async () => {
    const kept = await addPhoto(db, job.id, await pair(10), GENERAL, T1);
    const before = await snapshot();
    db.blobs.hook('creating', () => {
      throw quotaError();
    });

    const error = await addPhoto(db, job.id, await pair(11), GENERAL, T2).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(isQuotaError(error)).toBe(true);
    expect(await snapshot()).toEqual(before);
    // The photo saved before the failure stays.
    expect((await photosOf(job.id))[kept.id]?.deletedAt).toBeNull();
  });

  it('a quota error on the thumbnail also undoes the photo blob written just before it', async () => {
    const images = await pair(12);
    const before = await snapshot();
    db.blobs.hook('creating', (key) => {
      if (key === images.thumb.sha256) throw quotaError();
    });

    const error = await addPhoto(db, job.id, images, GENERAL, T1).catch((e: unknown) => e);

    expect(isQuotaError(error)).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await getBlob(db, images.photo.sha256)).toBeUndefined();
  });

  it('a job that is not on this device: nothing is stored', async () => {
    const before = await snapshot();
    await expect(addPhoto(db, '0192f3a0-0000-7000-8000-00000000dead', await pair(13), GENERAL, T1)).rejects.toThrow(/does not exist/);
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed hash is refused by the shared schema before anything is kept', async () => {
    const images = await pair(14);
    const before = await snapshot();
    const error = await addPhoto(db, job.id, { ...images, photo: { ...images.photo, sha256: 'NOT-A-HASH' } }, GENERAL, T1).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    expect(isQuotaError(error)).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe('removePhoto and restorePhoto', () => {
  it('tombstone and lift it, each with its outbox entry, keeping the bytes', async () => {
    const photo = await addPhoto(db, job.id, await pair(20), GENERAL, T0);
    await removePhoto(db, job.id, photo.id, T1);
    expect((await photosOf(job.id))[photo.id]).toEqual({ ...photo, deletedAt: '2026-11-27T09:05:00.000+08:00' });
    expect(await db.blobs.count()).toBe(2);

    await restorePhoto(db, job.id, photo.id, T2);
    expect((await photosOf(job.id))[photo.id]).toEqual(photo);

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => [m.op, m.payload])).toEqual([
      ['job.create', expect.anything()],
      ['photo.add', expect.objectContaining({ id: photo.id })],
      ['photo.remove', { id: photo.id }],
      ['photo.restore', { id: photo.id }],
    ]);
    expect(await db.blobs.count()).toBe(2);
  });
});

describe('isQuotaError', () => {
  const quota = quotaError();
  it.each<[string, unknown, boolean]>([
    ['the DOMException', quota, true],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), true],
    ["Dexie's AbortError carrying it as inner", new Dexie.AbortError('aborted', quota), true],
    ['an Error carrying it as cause', new Error('save failed', { cause: quota }), true],
    ['a legacy DOMException code 22', { name: 'Error', code: 22 }, true],
    ["Firefox's old name", { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    ['a plain AbortError', new Dexie.AbortError('aborted'), false],
    ['a constraint error', new DOMException('key exists', 'ConstraintError'), false],
    ['an Error', new Error('QuotaExceededError in the message only'), false],
    ['a string', 'QuotaExceededError', false],
    ['null', null, false],
    ['undefined', undefined, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });

  it('does not loop on an error that is its own cause', () => {
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});

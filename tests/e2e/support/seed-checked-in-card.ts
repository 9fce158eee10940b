// A checked-in card with check-in marks, photos (on the marks and in the general slots) and
// optional additional lines, made in Node by the app's own repos on fake-indexeddb and then
// written row for row (jobs and blobs) into the tablet's IndexedDB, so a browser test or the
// benchmark starts at the car instead of re-typing a check-in. Import fake-indexeddb/auto first
// in the test file too: Dexie looks for indexedDB when it loads, which may be before this module.
import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { addAddition } from '../../../src/db/addition-repo.ts';
import { DB_NAME, openDatabase, type JobRow } from '../../../src/db/database.ts';
import { addDamage } from '../../../src/db/damage-repo.ts';
import { updateEstimate } from '../../../src/db/estimate-repo.ts';
import { checkIn, createJob } from '../../../src/db/job-repo.ts';
import { addPhoto } from '../../../src/db/photo-repo.ts';
import type { AdditionFields } from '../../../src/shared/additions.ts';
import { sha256Hex } from '../../../src/shared/sha256.ts';
import { PHOTO_SLOTS, type DamageType, type PhotoSlot, type VehicleView } from '../../../src/shared/walkaround.ts';

export type SeededCard = {
  jobId: string;
  jobs: JobRow[];
  blobs: { sha256: string; b64: string; mime: string; byteLength: number; createdAt: string }[];
};

export type CardSeed = {
  marks: readonly { view: VehicleView; type: DamageType }[];
  photosPerMark: number;
  /** Photos in the general slots, one slot after the other (PHOTO_SLOTS order), round and round. */
  generalPhotos?: number;
  /** Additional lines offered after check-in, not yet decided. */
  additions?: readonly AdditionFields[];
  /** Sensor-like noise in the thumbnails (they compress and decode as a photo's do), not flat colour. */
  noisyThumbnails?: boolean;
};

const T0 = new Date('2026-11-27T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function jpeg(width: number, height: number, seed: number, noisy: boolean): Promise<ArrayBuffer> {
  const background = { r: (seed * 37) % 256, g: (seed * 91) % 256, b: 120 };
  const noise = noisy ? { noise: { type: 'gaussian' as const, mean: 128, sigma: 30 } } : {};
  const buffer = await sharp({ create: { width, height, channels: 3, background, ...noise } }).jpeg({ quality: 70 }).toBuffer();
  return new Uint8Array(buffer).buffer;
}

/** The checked-in card (张伟, 粤B52013, seat and floor covers, spare tyre and jack, 旧件 带走, 洗车). */
export async function seedCheckedInCard(seed: CardSeed): Promise<SeededCard> {
  const db = openDatabase(`card-seed-${crypto.randomUUID()}`);
  const noisy = seed.noisyThumbnails ?? false;
  const job = await createJob(
    db,
    {
      customer: { name: '张伟', phone: '13812345678' },
      vehicle: { plate: '粤B52013', vin: 'LGBH52E07PY000123', model: '凯美瑞' },
      odometerKm: 42_000,
      fuel: { kind: 'gauge', eighths: 4 },
      covers: { seat: minutes(1).toISOString(), floorMat: minutes(1).toISOString() },
      belongings: { spareTyre: true, jack: true },
      serviceTypes: { repair: true },
      valuablesConfirmedAt: minutes(2).toISOString(),
    },
    T0,
  );
  let n = 0;
  const photo = async (meta: { damageId: string | null; slot: PhotoSlot | null }) => {
    n += 1;
    const full = await jpeg(1600, 1200, n, false);
    const thumb = await jpeg(240, 180, n, noisy);
    await addPhoto(
      db,
      job.id,
      {
        photo: { bytes: full, sha256: await sha256Hex(full), width: 1600, height: 1200, mime: 'image/jpeg' },
        thumb: { bytes: thumb, sha256: await sha256Hex(thumb), width: 240, height: 180, mime: 'image/jpeg' },
      },
      { ...meta, annotatedFromId: null },
      minutes(4),
    );
  };
  for (const mark of seed.marks) {
    const damageId = await addDamage(db, job.id, { view: mark.view, x: 0.4, y: 0.5, type: mark.type, severity: 'minor', note: '' }, minutes(3));
    for (let i = 0; i < seed.photosPerMark; i++) await photo({ damageId, slot: null });
  }
  for (let i = 0; i < (seed.generalPhotos ?? 0); i++) await photo({ damageId: null, slot: PHOTO_SLOTS[i % PHOTO_SLOTS.length] ?? null });
  await updateEstimate(db, job.id, { oldParts: 'take', carWash: true }, minutes(5));
  await checkIn(db, job.id, minutes(6));
  for (const fields of seed.additions ?? []) await addAddition(db, job.id, fields, minutes(60));
  const jobs = await db.jobs.toArray();
  const blobs = (await db.blobs.toArray()).map(({ bytes, ...row }) => ({ ...row, b64: Buffer.from(bytes).toString('base64') }));
  await db.delete();
  return { jobId: job.id, jobs, blobs };
}

/** Writes the rows into the app's own IndexedDB (already created by the app at its version). */
export function writeSeededCard(page: Page, seeded: SeededCard): Promise<void> {
  return page.evaluate(
    async ({ name, jobs, blobs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['jobs', 'blobs'], 'readwrite');
      for (const job of jobs) tx.objectStore('jobs').put(job);
      for (const { b64, ...row } of blobs) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        tx.objectStore('blobs').put({ ...row, bytes: bytes.buffer });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: DB_NAME, jobs: seeded.jobs, blobs: seeded.blobs },
  );
}

// The returning car in the built app on Debian's Chromium. On this tablet: a checked-in first
// visit of 粤B52013 with three marks and a photo each (made by the app's repos and written into
// the tablet's IndexedDB); a new card for the same plate shows the three as 上次记录; one is
// cleared (hidden, also after a reload), 全部无变化 makes the others this visit's marks linked to
// the earlier ones, with their photos shown and not one new blob row. On a second tablet that
// never saw the car (its pulls blocked): the visit comes from the server, says so, is confirmed
// with no bytes uploaded, and once sync runs the server has the linked marks and the tablet the
// photos.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { openDatabase } from '../../src/db/database.ts';
import { addDamage } from '../../src/db/damage-repo.ts';
import { checkIn, createJob, getDevice, getDeviceSecret } from '../../src/db/job-repo.ts';
import { addPhoto } from '../../src/db/photo-repo.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import type { Damage, Photo } from '../../src/shared/walkaround.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import { newProfileDir } from './support/browser.ts';
import { expectHidden, expectText, expectVisible } from './support/expect-ui.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { seedCheckedInCard, type SeededCard } from './support/seed-checked-in-card.ts';
import { openSeededTablet, type SeededTablet } from './support/seeded-tablet.ts';
import { connectToStore, openStoreRig, openTabletOn, signInWithPin, type StoreRig, type Tablet } from './support/store-tablet.ts';

type StoredJob = { id: string; card: { vehicle: { plate: string } }; damages: Record<string, Damage>; photos: Record<string, Photo> };

const PLATE = '粤B52013';
const MARKS = [
  { view: 'left', type: 'scratch', label: '划痕（轻），左侧' },
  { view: 'front', type: 'dent', label: '凹陷（轻），车头' },
  { view: 'rear', type: 'chip', label: '掉漆（轻），车尾' },
] as const;

const step = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
const previousMarker = (page: Page, label: string) => page.getByRole('button', { name: `上次记录：${label}`, exact: true });
const thisVisitMarker = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

/** A new card for the plate, opened on its walk-around. */
async function newCardForPlate(page: Page): Promise<void> {
  await page.getByRole('button', { name: /新建接车单/ }).tap();
  await step(page, /车辆/).tap();
  await page.getByLabel('车牌号').fill(PLATE);
  await page.getByLabel('车牌号').blur();
  await step(page, /环车检查/).tap();
}

async function storedJobs(page: Page): Promise<{ jobs: StoredJob[]; blobCount: number }> {
  const { jobs, blobs } = await readObjectStores<{ jobs: StoredJob; blobs: { sha256: string } }>(page, ['jobs', 'blobs']);
  return { jobs, blobCount: blobs.length };
}

const live = <T extends { deletedAt: string | null }>(set: Record<string, T>) => Object.values(set).filter((x) => x.deletedAt === null);

describe('the returning car on the tablet that saw it', () => {
  let tablet: SeededTablet | undefined;
  let page: Page;
  let errors: string[];
  let seeded: SeededCard;
  const profile = newProfileDir();

  beforeAll(async () => {
    seeded = await seedCheckedInCard({ marks: MARKS, photosPerMark: 1 });
    tablet = await openSeededTablet(profile.dir, seeded);
    ({ page, errors } = tablet);
  });

  afterAll(async () => {
    await tablet?.close();
    profile.remove();
  });

  it('shows the last visit’s three marks as 上次记录 with their photos, from this tablet', async () => {
    await newCardForPlate(page);
    for (const mark of MARKS) await expectVisible(previousMarker(page, mark.label));
    const list = page.getByRole('region', { name: '上次记录的损伤' });
    await expectText(list, '本机记录');
    await expect.poll(() => list.locator('.previous-thumbs img').count()).toBe(3);
  });

  it('clears one (it no longer shows) and confirms the others with 全部无变化: linked marks, the same photos, no new blob rows', async () => {
    const before = await storedJobs(page);
    const list = page.getByRole('region', { name: '上次记录的损伤' });
    await list.getByRole('listitem', { name: `上次记录：${MARKS[2].label}` }).getByRole('button', { name: '已不在' }).tap();
    await expectHidden(previousMarker(page, MARKS[2].label));
    await list.getByRole('button', { name: '全部无变化（2 处）' }).tap();
    await expectVisible(thisVisitMarker(page, MARKS[0].label));
    await expectVisible(thisVisitMarker(page, MARKS[1].label));
    expect(await page.locator('.marker-previous').count()).toBe(0);
    expect(await thisVisitMarker(page, MARKS[2].label).count()).toBe(0);

    const after = await storedJobs(page);
    expect(after.blobCount).toBe(before.blobCount);
    const earlier = after.jobs.find((job) => job.id === seeded.jobId);
    const card = after.jobs.find((job) => job.id !== seeded.jobId);
    if (!earlier || !card) throw new Error('both cards should be on the tablet');
    const earlierMarks = live(earlier.damages);
    const marks = live(card.damages);
    expect(marks).toHaveLength(2);
    for (const mark of marks) {
      const from = earlierMarks.find((d) => d.id === mark.previous?.damageId);
      expect(mark.previous?.jobId).toBe(seeded.jobId);
      expect(from && { view: from.view, type: from.type }).toEqual({ view: mark.view, type: mark.type });
      const hashes = (job: StoredJob, damageId: string) => live(job.photos).filter((p) => p.damageId === damageId).map((p) => p.sha256);
      expect(hashes(card, mark.id)).toEqual(hashes(earlier, from?.id ?? ''));
      expect(hashes(card, mark.id)).toHaveLength(1);
    }

    // The photo shows on this visit's mark.
    await thisVisitMarker(page, MARKS[0].label).tap();
    await expectVisible(page.getByText('上次已有'));
    const thumb = page.getByRole('region', { name: '损伤照片' }).locator('img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  });

  it('keeps it all after a reload: the cleared mark stays hidden, the confirmed ones stay this visit’s', async () => {
    await page.reload();
    await expectVisible(thisVisitMarker(page, MARKS[0].label));
    await expectVisible(thisVisitMarker(page, MARKS[1].label));
    expect(await page.locator('.marker-previous').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the returning car on a tablet that never saw it', () => {
  let rig: StoreRig;
  let b: Tablet | undefined;
  let firstVisitId: string;
  let firstPhotos: Photo[];
  const puts: string[] = [];

  beforeAll(async () => {
    rig = await openStoreRig();
    b = await openTabletOn(rig.profileDir('B'), rig.server.url);
  });

  afterAll(async () => {
    await rig?.close(b);
  });

  it('reads the last visit from the server, says so, and confirms its marks without uploading any bytes', async () => {
    if (!b) throw new Error('tablet B is not open');
    const { page } = b;
    await connectToStore(page, rig.store.enrollmentCode, '前台 B');
    await signInWithPin(page, rig.store, '2580');
    // B never pulls until it is let: the first visit is only on the server.
    await b.context.route('**/api/v1/pull*', (route) => route.abort());
    b.context.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/api/v1/blobs/')) puts.push(request.url());
    });
    ({ jobId: firstVisitId, photos: firstPhotos } = await firstVisitByAnotherTablet(rig));

    await newCardForPlate(page);
    for (const mark of MARKS) await expectVisible(previousMarker(page, mark.label));
    const list = page.getByRole('region', { name: '上次记录的损伤' });
    await expectText(list, '服务器记录');
    await list.getByRole('button', { name: '全部无变化（3 处）' }).tap();
    for (const mark of MARKS) await expectVisible(thisVisitMarker(page, mark.label));

    // Pulls allowed again: the changes go up, the photos' bytes come down.
    await b.context.unroute('**/api/v1/pull*');
    await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }).tap();
    await expectText(page.getByRole('region', { name: '同步状态' }), /上次全部上传：/);
    const serverCard = (await rig.server.data.storage.jobsForVehicle(rig.store.storeId, { plate: PLATE }, 5)).find((job) => job.id !== firstVisitId);
    if (!serverCard) throw new Error('the second card is not on the server');
    const marks = live(serverCard.damages);
    expect(marks).toHaveLength(3);
    expect(marks.every((mark) => mark.previous?.jobId === firstVisitId)).toBe(true);
    expect(new Set(live(serverCard.photos).map((p) => p.sha256))).toEqual(new Set(firstPhotos.map((p) => p.sha256)));
    expect(puts).toEqual([]);

    await thisVisitMarker(page, MARKS[0].label).tap();
    const thumb = page.getByRole('region', { name: '损伤照片' }).locator('img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(b.errors).toEqual([]);
  });
});

/** Tablet A, in Node on the app's own repos: the first visit checked in and sent to the store's server. */
async function firstVisitByAnotherTablet(rig: StoreRig): Promise<{ jobId: string; photos: Photo[] }> {
  const db = openDatabase(`tablet-a-${crypto.randomUUID()}`);
  try {
    const at = new Date('2026-11-27T09:00:00+08:00');
    const job = await createJob(
      db,
      {
        customer: { name: '张伟', phone: '13812345678' },
        vehicle: { plate: PLATE, vin: 'LGBH52E07PY000123', model: '凯美瑞' },
        odometerKm: 42_000,
        fuel: { kind: 'gauge', eighths: 4 },
        serviceTypes: { repair: true },
        valuablesConfirmedAt: at.toISOString(),
      },
      at,
    );
    for (const [n, mark] of MARKS.entries()) {
      const damageId = await addDamage(db, job.id, { view: mark.view, x: 0.4, y: 0.5, type: mark.type, severity: 'minor', note: '' }, at);
      const jpeg = async (width: number, height: number) => {
        const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 40 * n, g: 90, b: 120 } } }).jpeg().toBuffer();
        const bytes = new Uint8Array(buffer).buffer;
        return { bytes, sha256: await sha256Hex(bytes), width, height, mime: 'image/jpeg' as const };
      };
      await addPhoto(db, job.id, { photo: await jpeg(800, 600), thumb: await jpeg(240, 180) }, { damageId, slot: null, annotatedFromId: null }, at);
    }
    await checkIn(db, job.id, at);
    const device = await getDevice(db);
    const enrolled = await createApiClient({ baseUrl: rig.server.url }).enroll({
      code: rig.store.enrollmentCode,
      clientId: device.clientId,
      deviceSecret: await getDeviceSecret(db),
      deviceName: '前台 A',
    });
    const api = createApiClient({ baseUrl: rig.server.url, token: () => enrolled.deviceToken });
    for (const blob of await db.blobs.toArray()) await api.putBlob(blob.sha256, blob.bytes, blob.mime);
    const pushed = await api.push(await db.outbox.orderBy('seq').toArray());
    if (pushed.rejected.length > 0) throw new Error(`the server refused the first visit: ${JSON.stringify(pushed.rejected)}`);
    const stored = await rig.server.data.storage.getJob(rig.store.storeId, job.id);
    if (!stored) throw new Error('the first visit is not on the server');
    return { jobId: job.id, photos: live(stored.photos) };
  } finally {
    await db.delete();
  }
}

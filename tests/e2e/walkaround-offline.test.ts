// The walk-around with no network: damage marked on two views of the diagram, camera-sized
// JPEGs attached, one annotated; after a reload every mark, photo and thumbnail is there and
// every stored photo re-hashes to its name. A file that is not an image is refused.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { makeCameraJpegs } from './support/camera-jpegs.ts';
import { expectHidden, expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

type StoredPhoto = { id: string; sha256: string; thumbSha256: string; width: number; height: number; damageId: string | null; slot: string | null; annotatedFromId: string | null; deletedAt: string | null };
type Stored = { damages: { view: string; type: string; severity: string; deletedAt: string | null }[]; photos: StoredPhoto[]; rehash: Record<string, string> };

/** Reads the card straight from IndexedDB and re-hashes every blob it references. */
async function readStored(page: Page): Promise<Stored> {
  type Row = { damages: Record<string, Stored['damages'][number]>; photos: Record<string, StoredPhoto> };
  const { jobs, blobs } = await readObjectStores<{ jobs: Row; blobs: { sha256: string; bytes: Uint8Array } }>(page, ['jobs', 'blobs']);
  const [job] = jobs;
  const rehash: Record<string, string> = {};
  for (const blob of blobs) rehash[blob.sha256] = createHash('sha256').update(blob.bytes).digest('hex');
  return { damages: Object.values(job?.damages ?? {}), photos: Object.values(job?.photos ?? {}), rehash };
}

describe('walk-around offline', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let jpegs: string[];
  const profile = newProfileDir();
  const browserProfile = newProfileDir();
  const view = (name: string) => page.getByRole('group', { name: `${name}车身图` });
  const marker = (label: string) => page.getByRole('button', { name: label });

  beforeAll(async () => {
    jpegs = await makeCameraJpegs(profile.dir, 3);
    ({ server, context, page, errors } = await openTablet(browserProfile.dir));
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await server.close();
    await context.setOffline(true);
  });

  afterAll(async () => {
    await closeTablet({ context, server }, browserProfile);
    profile.remove();
  });

  it('marks three damages on two views', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await page.getByRole('navigation').getByRole('button', { name: /环车检查/ }).tap();
    await expectVisible(page.getByText(/本机照片等数据已用 .+，剩余约 .+/)); // storage shown before any photo
    await view('俯视').click({ position: { x: 120, y: 60 } });
    await page.getByRole('button', { name: '划痕 · 轻' }).tap(); // type and severity in one tap
    await expectVisible(marker('划痕（轻），俯视'));
    await view('俯视').click({ position: { x: 300, y: 110 } });
    await page.getByRole('button', { name: '凹陷 · 中' }).tap();
    await expectVisible(marker('凹陷（中），俯视'));
    await view('左侧').click({ position: { x: 200, y: 70 } });
    await page.getByRole('button', { name: '掉漆 · 轻' }).tap();
    await expectVisible(marker('掉漆（轻），左侧'));
  });

  it('attaches camera-sized JPEGs to a damage and to the card, and refuses a file that is not an image', async () => {
    await marker('划痕（轻），俯视').tap();
    await page.getByLabel('从相册选择 · 划痕（轻），俯视').setInputFiles(jpegs.slice(0, 2));
    await expectVisible(page.getByRole('region', { name: '损伤照片' }).getByRole('button', { name: '查看照片 2' }));
    await page.getByLabel('从相册选择 · 里程表').setInputFiles(jpegs[2] ?? '');
    const notAnImage = join(profile.dir, 'notes.jpg');
    writeFileSync(notAnImage, 'this is a text file with a .jpg name');
    await page.getByLabel('从相册选择 · 左前').setInputFiles(notAnImage);
    await expectVisible(page.getByRole('alert').filter({ hasText: '"notes.jpg"不是图片文件，未添加。' }));
    await expect.poll(async () => (await readStored(page)).photos.length, { timeout: 30_000 }).toBe(3);
  });

  it('annotates a photo as a new photo and keeps the original', async () => {
    await page.getByRole('region', { name: '损伤照片' }).getByRole('button', { name: '查看照片 1' }).tap();
    await page.getByRole('dialog').getByRole('button', { name: '标注' }).tap();
    const canvas = page.getByRole('img', { name: '标注' });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('annotation canvas has no box');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 60, cy + 30, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('button', { name: '保存标注' }).tap();
    await expect.poll(async () => (await readStored(page)).photos.length, { timeout: 30_000 }).toBe(4);
    await page.getByRole('button', { name: '关闭' }).tap();
    await expectHidden(page.getByRole('dialog'));
  });

  it('finds every mark, photo and thumbnail after a reload, byte-identical by hash', async () => {
    const before = await readStored(page);
    await page.reload();
    await expectVisible(marker('划痕（轻），俯视'));
    await expectVisible(marker('凹陷（中），俯视'));
    await expectVisible(marker('掉漆（轻），左侧'));

    const after = await readStored(page);
    expect(after.photos).toEqual(before.photos);
    expect(after.damages.map((d) => `${d.view}:${d.type}:${d.severity}`).sort()).toEqual(['left:chip:minor', 'top:dent:moderate', 'top:scratch:minor']);
    const original = after.photos.find((p) => p.damageId && !p.annotatedFromId);
    const annotated = after.photos.find((p) => p.annotatedFromId);
    expect(annotated?.annotatedFromId).toBe(before.photos.find((p) => p.id === annotated?.annotatedFromId)?.id);
    expect(annotated?.damageId).toBe(original?.damageId);
    expect(annotated?.sha256).not.toBe(original?.sha256);
    for (const photo of after.photos) {
      expect(after.rehash[photo.sha256]).toBe(photo.sha256);
      expect(after.rehash[photo.thumbSha256]).toBe(photo.thumbSha256);
      expect(Math.max(photo.width, photo.height)).toBe(1600); // downscaled once, at capture
    }

    await marker('划痕（轻），俯视').tap();
    const thumbs = page.getByRole('region', { name: '损伤照片' }).locator('img');
    await expect.poll(() => thumbs.count()).toBe(3);
    await expect
      .poll(() => thumbs.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)), { timeout: 15_000 })
      .toEqual([240, 240, 240]);
    expect(errors).toEqual([]);
  });
});

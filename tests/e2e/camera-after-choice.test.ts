// A photographed damage mark in two taps (issue 11, item 3): the tap on the diagram, then the
// type × severity choice, which stores the mark and opens the camera (the file chooser) in the
// same tap. The photo lands on that mark; a cancelled camera leaves the mark without a photo and
// its editor open, where 拍照 still takes one. In portrait the editor is in view afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, FileChooser, Page } from 'playwright-core';
import type { Damage, Photo } from '../../src/shared/walkaround.ts';
import { expectVisible } from './support/expect-ui.ts';
import { newProfileDir, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { readObjectStores } from './support/indexed-db.ts';
import { closeTablet, openTablet } from './support/tablet-session.ts';

type StoredJob = { damages: Record<string, Damage>; photos: Record<string, Photo> };

async function storedJob(page: Page): Promise<StoredJob> {
  const { jobs } = await readObjectStores<{ jobs: StoredJob }>(page, ['jobs']);
  const [job] = jobs;
  if (!job) throw new Error('no card stored');
  return job;
}

/** Each stored mark as "type:severity" with the number of its live photos. */
async function marksWithPhotos(page: Page): Promise<Record<string, number>> {
  const job = await storedJob(page);
  const photos = Object.values(job.photos).filter((p) => p.deletedAt === null);
  return Object.fromEntries(
    Object.values(job.damages)
      .filter((d) => d.deletedAt === null)
      .map((d) => [`${d.type}:${d.severity}`, photos.filter((p) => p.damageId === d.id).length]),
  );
}

/** True when the element's centre is on screen and it, not a sticky bar, gets a tap there. */
function tappableOnScreen(page: Page, name: string): Promise<boolean> {
  return page
    .getByRole('region', { name: '编辑损伤' })
    .getByRole('heading', { name })
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && element.contains(hit);
    });
}

describe('the damage choice opens the camera', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let photos: string[];
  const profile = newProfileDir();
  const browserProfile = newProfileDir();
  const view = (name: string) => page.getByRole('group', { name: `${name}车身图` });
  const choice = (name: string) => page.getByRole('region', { name: '损伤类型' }).getByRole('button', { name, exact: true });
  const editor = () => page.getByRole('region', { name: '编辑损伤' });
  const thumbnails = () => editor().getByRole('region', { name: '损伤照片' }).getByRole('button', { name: /^查看照片/ });

  beforeAll(async () => {
    photos = [];
    for (const [i, shade] of [60, 180].entries()) {
      const path = join(profile.dir, `IMG_${2001 + i}.jpg`);
      await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: shade, g: 90, b: 140 } } })
        .jpeg({ quality: 80 })
        .toFile(path);
      photos.push(path);
    }
    ({ server, context, page, errors } = await openTablet(browserProfile.dir));
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await page.getByRole('navigation').getByRole('button', { name: /环车检查/ }).tap();
  });

  afterAll(async () => {
    await closeTablet({ context, server }, browserProfile);
    profile.remove();
  });

  it('划痕 · 轻 stores the mark and opens the camera in the same tap; the photo lands on that mark', async () => {
    expect(page.viewportSize()).toEqual({ width: 800, height: 1280 });
    await view('俯视').click({ position: { x: 120, y: 60 } });
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await choice('划痕 · 轻').tap();
    const camera: FileChooser = await chooser;
    // The camera, not only the gallery: as 拍照 asks for it.
    const input = camera.element();
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toBe('image/*');
    await camera.setFiles(photos[0] ?? '');

    await expect.poll(() => marksWithPhotos(page), { timeout: 30_000 }).toEqual({ 'scratch:minor': 1 });
    await expectVisible(thumbnails());
    // Portrait: the mark's editor is in view after the choice, as after a tap on the diagram.
    await expect.poll(() => tappableOnScreen(page, '划痕（轻），俯视'), { timeout: 15_000 }).toBe(true);
    await editor().getByRole('button', { name: '完成' }).tap();
    expect(errors).toEqual([]);
  });

  it('a cancelled camera leaves the mark without a photo and its editor open, where 拍照 still works', async () => {
    await view('俯视').click({ position: { x: 300, y: 110 } });
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await choice('凹陷 · 中').tap();
    // What the browser does when the advisor closes the camera without a photo.
    await (await chooser).element().dispatchEvent('cancel');

    await expect.poll(() => marksWithPhotos(page), { timeout: 30_000 }).toEqual({ 'scratch:minor': 1, 'dent:moderate': 0 });
    await expectVisible(editor().getByRole('heading', { name: '凹陷（中），俯视' }));
    expect(await thumbnails().count()).toBe(0);

    const again = page.waitForEvent('filechooser', { timeout: 15_000 });
    await editor().locator('label').filter({ hasText: '拍照' }).tap();
    await (await again).setFiles(photos[1] ?? '');
    await expect.poll(() => marksWithPhotos(page), { timeout: 30_000 }).toEqual({ 'scratch:minor': 1, 'dent:moderate': 1 });
    await expectVisible(thumbnails());
    expect(errors).toEqual([]);
  });
});

// The card archive in Debian's Chromium, served by the real server from the built dist/: a card
// made on a simulated tablet (real sync engine, a real JPEG and a signature) is found by the end
// of its plate, opens read-only, its photo opens full size from the thumbnail, and its check-in
// signature shows verified by the server's own hash.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPhoto } from '../../src/db/photo-repo.ts';
import { commitMutation, createJob } from '../../src/db/job-repo.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { signInAdvisor } from '../../src/sync/enrollment.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { createTablet, sign, type Tablet } from '../support/tablet.ts';
import { startServer, type AppServer } from './support/browser.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';
import { smallControls } from './support/touch-targets.ts';

async function jpeg(width: number, height: number): Promise<ArrayBuffer> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).jpeg({ quality: 80 }).toBuffer();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('the card archive in the browser', () => {
  let server: AppServer;
  let browser: Browser;
  let store: TestStore;
  let tablet: Tablet;
  let number = '';

  beforeAll(async () => {
    server = await startServer();
    store = await seedTestStore(server.data.storage, 'WEB2');
    tablet = await createTablet('A', { baseUrl: server.url }, store.enrollmentCode);
    await signInAdvisor(tablet.db, { username: store.advisor.username, password: store.advisor.password }, { baseUrl: server.url });
    const job = await createJob(tablet.db, { customer: { name: '王伟', phone: '13800138000' }, vehicle: { plate: '粤B7K2Q9', vin: 'LSVAU2180N2183294', model: '帕萨特' } });
    const [full, thumb] = [await jpeg(1600, 1200), await jpeg(240, 180)];
    await addPhoto(
      tablet.db,
      job.id,
      {
        photo: { bytes: full, sha256: await sha256Hex(full), width: 1600, height: 1200, mime: 'image/jpeg' },
        thumb: { bytes: thumb, sha256: await sha256Hex(thumb), width: 240, height: 180, mime: 'image/jpeg' },
      },
      { damageId: null, slot: 'frontLeft', annotatedFromId: null },
    );
    await sign(tablet.db, job.id, 'checkin', 1);
    await commitMutation(tablet.db, job.id, { op: 'job.checkIn', payload: {} });
    expect(await tablet.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    number = job.number;
    browser = await launchDesk();
  });

  afterAll(async () => {
    await browser?.close();
    await tablet?.engine.stop();
    tablet?.db.close();
    if (tablet) await Dexie.delete(tablet.db.name);
    await server?.close();
  });

  it('finds the card by the end of its plate, opens it, shows the photo full size and the signature verified', async () => {
    const page = await openConsole(browser, server.url, { store: store.code, username: store.advisor.username, password: store.advisor.password }, '/console/archive');
    await page.getByRole('searchbox').fill('7K2Q9');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('找到 1 张接车单');
    const row = page.locator('.archive-cards tbody tr');
    expect(await row.locator('td').allTextContents()).toEqual([number, '粤B7K2Q9', '王伟', '13800138000', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), '已接车', '张顾问', '1']);
    const small = await smallControls(page, 'archive search', '.archive');
    expect(small.measured).toBeGreaterThan(2);
    expect(small.offenders).toEqual([]);

    await row.getByRole('button', { name: number }).click();
    await expect.poll(() => page.locator('.archive-card h1').textContent()).toContain(number);
    expect(page.url()).toContain('card=');
    await expect.poll(() => page.locator('.archive-signature').textContent()).toContain('已验证');
    expect(await page.locator('.archive-signature').getAttribute('data-verified')).toBe('true');

    const thumbnail = page.getByRole('button', { name: '照片 1（点击查看原图）' });
    await expect.poll(() => thumbnail.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    await thumbnail.click();
    const full = page.getByRole('dialog').getByRole('img', { name: '原图' });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
    await page.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Back to the results with the browser's own back button.
    await page.goBack();
    await expect.poll(() => page.locator('.archive-cards tbody tr').count()).toBe(1);
    await page.context().close();
  });
});

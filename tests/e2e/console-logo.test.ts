// The store's logo end to end in Debian's Chromium: the administrator chooses a PNG on the
// console's 门店管理 page (a file that is too large is refused before it is sent), a tablet of
// the store syncs, and the customer's copy it prints shows the logo, drawn from the tablet's
// own copy of the bytes with the network gone.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/shared/local-time.ts';
import { signInConsole } from '../support/console-client.ts';
import { expectVisible } from './support/expect-ui.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';
import { connectToStore, openStoreRig, openTabletOn, signInWithPin, type StoreRig, type Tablet } from './support/store-tablet.ts';
import { addAdvisorTo } from '../support/store-fixture.ts';

const ICON = resolve(import.meta.dirname, '../../public/icons/icon-192.png');

describe("the store's logo on the customer's copy", () => {
  let rig: StoreRig;
  let tablet: Tablet;
  let browser: Browser;
  let desk: Page;
  let jobId: string;

  beforeAll(async () => {
    rig = await openStoreRig();
    await addAdvisorTo(rig.server.data.storage, rig.store.storeId, { username: 'boss', name: '周店长', role: 'admin', password: 'boss-password-1' });
    browser = await launchDesk();
    desk = await openConsole(browser, rig.server.url, { store: rig.store.code, username: 'boss', password: 'boss-password-1' }, '/console/admin');
    // A card for the tablet to print: a booking made at the console.
    const client = await signInConsole(rig.server.url, { store: rig.store.code, username: 'boss', password: 'boss-password-1' });
    const booked = await client.request('POST', '/api/v1/console/appointments', { customerName: '王先生', customerPhone: '13800138000', plate: '粤B7K2Q9', at: nowIso(), serviceType: 'maintenance', note: '' });
    jobId = (booked.json as { jobId: string }).jobId;
    tablet = await openTabletOn(rig.profileDir('A'), rig.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close(tablet);
  });

  it('is chosen on the console: too large a file is refused in words, a PNG is saved and shown', async () => {
    await desk.getByRole('button', { name: '门店信息' }).click();
    const section = desk.getByRole('region', { name: /门店标志/ });
    await expectVisible(section);
    await expect.poll(() => section.textContent()).toContain('还没有标志');
    const input = section.locator('input[type="file"]');
    await input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(300 * 1024, 1) });
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('超过 200 KB');
    await input.setInputFiles(ICON);
    await expect.poll(() => section.getByRole('status').textContent()).toContain('已保存');
    const preview = section.getByRole('img', { name: '门店标志' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(192);
  });

  it("is printed on the tablet's customer copy after a sync, offline", async () => {
    const page = tablet.page;
    await connectToStore(page, rig.store.enrollmentCode, '前台平板');
    await signInWithPin(page, rig.store, '2580');
    await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }).tap();
    await expect.poll(() => page.getByRole('region', { name: /今日预约/ }).textContent(), { timeout: 30_000 }).toContain('王先生');
    await tablet.context.setOffline(true);
    await page.goto(`${rig.server.url}/print/${jobId}`);
    const logo = page.locator('.print-store-logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBe(192);
  });
});

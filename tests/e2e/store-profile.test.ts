// The store's details set on a tablet not connected to a store: 门店信息 in settings says what
// cannot be saved beside the field, saves what can, and the customer's copy of a card is then
// headed with the store's name, address and phone, offline, and carries none of the form's hints.
import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppTablet, type AppTablet } from '../bench/bench-browser.ts';
import { waitForServiceWorker } from './support/browser.ts';
import { expectText, expectVisible } from './support/expect-ui.ts';
import { seedCheckedInCard, writeSeededCard, type SeededCard } from './support/seed-checked-in-card.ts';

describe("the store's details on the customer's copy", () => {
  let tablet: AppTablet;
  let page: Page;
  let seeded: SeededCard;

  beforeAll(async () => {
    seeded = await seedCheckedInCard({ marks: [{ view: 'left', type: 'scratch' }], photosPerMark: 0 });
    tablet = await openAppTablet('store profile');
    page = tablet.page;
    await page.goto(tablet.origin);
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: /新建接车单/ }).waitFor();
    await writeSeededCard(page, seeded);
    await tablet.context.setOffline(true);
  });

  afterAll(async () => {
    await tablet?.close();
  });

  it('prints nothing of the store before it is set', async () => {
    await page.goto(`${tablet.origin}/print/${seeded.jobId}`);
    await expectVisible(page.getByRole('heading', { name: '电子接车单' }));
    expect(await page.locator('.print-store').count()).toBe(0);
  });

  it('is set in settings, with a message beside a phone that cannot be one, and then heads the print', async () => {
    await page.goto(`${tablet.origin}/settings`);
    await expectText(page.locator('.store-profile .banner-info'), '还没有门店信息');
    await page.getByLabel('门店名称').fill('上海一店');
    await page.getByLabel('门店地址').fill('上海市浦东新区张江路 88 号');
    await page.getByLabel('门店电话').fill('021-CALL');
    await page.getByRole('button', { name: '保存门店信息' }).click();
    await expectText(page.locator('.field-error'), '电话只能包含数字');
    await page.getByLabel('门店电话').fill('021-12345678');
    await page.getByRole('group', { name: '洗车' }).getByRole('button', { name: '否' }).click();
    await page.getByRole('button', { name: '保存门店信息' }).click();
    await expectText(page.locator('.store-profile').getByRole('status'), '已保存在本机');
    await expectText(page.locator('.store-profile .banner-info'), '本机填写');

    await page.goto(`${tablet.origin}/print/${seeded.jobId}`);
    const header = page.locator('.print-header');
    await expectText(header, '上海一店');
    const text = await page.locator('main').innerText();
    expect(text).toContain('上海市浦东新区张江路 88 号');
    expect(text).toContain('电话：021-12345678');
    for (const hint of ['（亮起的请点选）', '（当着客户的面安装）', '（选填）']) expect(text).not.toContain(hint);
    expect(tablet.errors).toEqual([]);
  });
});

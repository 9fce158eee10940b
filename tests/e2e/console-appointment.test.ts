// 预约 end to end in Debian's Chromium, on the real server from dist/: the desk books a customer
// on the console's page, a tablet of the store syncs and shows the booking at the top of its job
// list under 今日预约, one tap opens the check-in already filled from the booking, and the
// console then shows the car as come in. A booking marked as a no-show leaves the list's top.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { commitMutation } from '../../src/db/job-repo.ts';
import { formatLocalDateTime } from '../../src/shared/local-time.ts';
import { createTablet } from '../support/tablet.ts';
import { expectVisible } from './support/expect-ui.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';
import { connectToStore, openStoreRig, openTabletOn, signInWithPin, type StoreRig, type Tablet } from './support/store-tablet.ts';
import { addAdvisorTo } from '../support/store-fixture.ts';

describe('an appointment booked at the console starts a filled check-in on a tablet', () => {
  let rig: StoreRig;
  let tablet: Tablet;
  let browser: Browser;
  let desk: Page;
  // Half an hour from now, on the store's clock as the page's datetime-local field takes it.
  const bookedAt = formatLocalDateTime(new Date(Date.now() + 30 * 60_000).toISOString()).replace(' ', 'T');

  beforeAll(async () => {
    rig = await openStoreRig();
    await addAdvisorTo(rig.server.data.storage, rig.store.storeId, { username: 'desk', name: '前台小李', role: 'advisor', password: 'desk-password-1' });
    browser = await launchDesk();
    desk = await openConsole(browser, rig.server.url, { store: rig.store.code, username: 'desk', password: 'desk-password-1' }, '/console/appointments');
    tablet = await openTabletOn(rig.profileDir('A'), rig.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.close(tablet);
  });

  async function book(name: string, phone: string, plate: string, note: string): Promise<void> {
    const form = desk.getByRole('form', { name: '新建预约' });
    await form.getByLabel('客户姓名').fill(name);
    await form.getByLabel('电话').fill(phone);
    await form.getByLabel('车牌').fill(plate);
    await form.getByLabel('预约时间').fill(bookedAt);
    await form.getByLabel('服务类型').selectOption('maintenance');
    await form.getByLabel('备注（客户描述）').fill(note);
    await form.getByRole('button', { name: '预约', exact: true }).click();
    await expect.poll(() => desk.getByRole('status').textContent()).toContain(`已预约：${name}`);
  }

  it('books two customers at the desk and lists them for today', async () => {
    await book('王先生', '138 0013 8000', '粤B7K2Q9', '一万公里保养');
    await book('李女士', '139 0013 9000', '', '空调不凉');
    const rows = desk.getByRole('region', { name: '当天预约' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('待到店');
    // One did not come after all.
    await rows.filter({ hasText: '李女士' }).getByRole('button', { name: '标记未到店' }).click();
    await expect.poll(() => rows.filter({ hasText: '李女士' }).textContent()).toContain('未到店');
  });

  it("shows today's booking at the top of the tablet's list after it syncs, and not the no-show", async () => {
    const page = tablet.page;
    await connectToStore(page, rig.store.enrollmentCode, '前台平板');
    await signInWithPin(page, rig.store, '2580');
    await page.getByRole('region', { name: '同步状态' }).getByRole('button', { name: /立即同步/ }).tap();
    const booked = page.getByRole('region', { name: /今日预约/ });
    await expectVisible(booked);
    await expect.poll(() => booked.textContent(), { timeout: 30_000 }).toContain('粤B7K2Q9');
    const text = (await booked.textContent()) ?? '';
    expect(text).toContain('王先生');
    expect(text).toContain(`预约 ${bookedAt.slice(-5)}`);
    expect(text).not.toContain('李女士');
    // It is the first group of the list.
    expect(await page.locator('main.job-list section').first().getAttribute('aria-label')).toMatch(/今日预约/);
  });

  it('opens the check-in filled from the booking with one tap', async () => {
    const page = tablet.page;
    await page.getByRole('region', { name: /今日预约/ }).getByRole('link').first().tap();
    await expectVisible(page.getByLabel('客户姓名'));
    expect(await page.getByLabel('客户姓名').inputValue()).toBe('王先生');
    expect((await page.getByLabel('联系电话').inputValue()).replace(/\D/g, '')).toBe('13800138000');
  });

  it('shows the desk the car came in once a tablet checked it in, and offers no more changes', async () => {
    // Checked in on another tablet of the store (the form's own rules are its tests'), synced.
    const other = await createTablet('B', { baseUrl: rig.server.url }, rig.store.enrollmentCode);
    await other.engine.syncNow();
    const wang = (await other.db.jobs.toArray()).find((job) => job.card.customer.name === '王先生');
    if (!wang) throw new Error('the booking did not reach the second tablet');
    await commitMutation(other.db, wang.id, { op: 'job.checkIn', payload: {} });
    expect(await other.engine.syncNow()).toMatchObject({ complete: true, outboxLeft: 0 });
    await desk.reload();
    const row = desk.getByRole('region', { name: '当天预约' }).locator('tbody tr').filter({ hasText: '王先生' });
    await expect.poll(() => row.textContent()).toContain('已到店接车');
    expect(await row.getByRole('button').count()).toBe(0);
  });
});

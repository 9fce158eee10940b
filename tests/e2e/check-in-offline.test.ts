// The advisor's day in the parking lot: first visit online, then with no network at all they
// fill a whole 接车单 by label, reload, restart the browser, and find every value; then check in.
// Also counts the taps of this typical check-in and prints the figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expectAttribute, expectText, expectValue, expectVisible } from './support/expect-ui.ts';
import { launchTablet, newProfileDir, waitForServiceWorker, watchErrors, type AppServer } from './support/browser.ts';
import { closeTablet, firstPage, openTablet } from './support/tablet-session.ts';

const VIN = 'LGBH52E07PY000123'; // valid check digit, Dongfeng Nissan, 2023

describe('offline check-in on a tablet', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const profile = newProfileDir();
  let taps = 0;
  let typedFields = 0;

  const tap = async (target: Locator) => {
    taps += 1;
    await target.tap();
  };
  const type = async (target: Locator, value: string) => {
    typedFields += 1;
    await target.fill(value);
  };
  const next = () => tap(page.getByRole('button', { name: '下一步 ›' }));
  const step = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const saved = () => expectVisible(page.getByRole('status').filter({ hasText: '已保存在本机' }));

  beforeAll(async () => {
    ({ server, context, page, errors } = await openTablet(profile.dir));
  });

  afterAll(() => closeTablet({ context, server }, profile));

  it('is installable and caches the app shell on the first, online visit', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('button', { name: /新建接车单/ }).isVisible()).toBe(true);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    await cdp.detach();
    expect(installabilityErrors).toEqual([]);
  });

  it('fills every section of a new card with the network off', async () => {
    await server.close(); // truly offline: nothing answers any more
    await context.setOffline(true);
    await page.reload();
    await expectVisible(page.getByText('离线 · 数据保存在本机'));

    await tap(page.getByRole('button', { name: /新建接车单/ }));
    await type(page.getByLabel('客户姓名'), '张伟');
    await type(page.getByLabel('联系电话'), '138 1234 5678');
    await type(page.getByLabel('客户单位（选填）'), '深圳市某某科技有限公司');
    await next();

    // The plate is empty: the keyboard is open on arrival (a fresh tablet has no common start).
    await expectVisible(page.getByRole('group', { name: '车牌键盘' }));
    await tap(page.getByRole('button', { name: '粤', exact: true }));
    for (const key of 'B12345') await tap(page.getByRole('group', { name: '车牌键盘' }).getByRole('button', { name: key, exact: true }));
    await tap(page.getByRole('button', { name: '完成', exact: true }));
    await expectValue(page.getByLabel('车牌号'), '粤B12345');
    await type(page.getByLabel('车架号/VIN'), VIN.toLowerCase());
    await expectVisible(page.getByText('厂商：东风日产'));
    await type(page.getByLabel('品牌/车型'), '日产 轩逸');
    await type(page.getByLabel('颜色'), '白色');
    await type(page.getByLabel('发动机号（选填）'), 'HR16123456');
    await expectValue(page.getByLabel('车架号/VIN'), VIN); // normalised on blur
    await next();

    await type(page.getByLabel('行驶里程（km）'), '35120');
    await tap(page.getByRole('radio', { name: '3/4' }));
    await tap(page.getByRole('button', { name: '胎压' }));
    await next();
    await next(); // the walk-around has its own browser test

    await tap(page.getByRole('button', { name: '三件套' }));
    await expectAttribute(page.getByRole('button', { name: /座椅套/ }), 'aria-pressed', 'true');
    await expectAttribute(page.getByRole('button', { name: /换挡杆套/ }), 'aria-pressed', 'false');
    // Covers, belongings and service are one step: no 下一步 between them.

    await tap(page.getByRole('button', { name: '备胎' }));
    await tap(page.getByRole('button', { name: '三角警示牌' }));
    await type(page.getByLabel('其他物品'), '儿童安全座椅');
    await tap(page.getByRole('button', { name: '客户已确认取走贵重物品' }));

    await tap(page.getByRole('button', { name: '保养' }));
    await type(page.getByLabel('客户描述（客户原话）'), '冷车启动时有异响，顺便做个小保养');
    await page.getByLabel('客户描述（客户原话）').blur();
    await saved();
  });

  async function expectEveryValue() {
    await step(/客户$/).click();
    await expectValue(page.getByLabel('客户姓名'), '张伟');
    await expectValue(page.getByLabel('联系电话'), '13812345678');
    await expectValue(page.getByLabel('客户单位（选填）'), '深圳市某某科技有限公司');
    await step(/车辆/).click();
    await expectValue(page.getByLabel('车牌号'), '粤B12345');
    await expectValue(page.getByLabel('车架号/VIN'), VIN);
    await expectValue(page.getByLabel('品牌/车型'), '日产 轩逸');
    await expectValue(page.getByLabel('颜色'), '白色');
    await expectValue(page.getByLabel('发动机号（选填）'), 'HR16123456');
    await step(/里程/).click();
    await expectValue(page.getByLabel('行驶里程（km）'), '35120');
    await expectAttribute(page.getByRole('radio', { name: '3/4' }), 'aria-checked', 'true');
    await expectAttribute(page.getByRole('button', { name: '胎压' }), 'aria-pressed', 'true');
    await expectAttribute(page.getByRole('button', { name: '发动机' }), 'aria-pressed', 'false');
    await step(/防护套/).click();
    for (const cover of ['座椅套', '方向盘套', '脚垫'])
      await expectAttribute(page.getByRole('button', { name: new RegExp(cover) }), 'aria-pressed', 'true');
    await step(/随车物品/).click();
    await expectAttribute(page.getByRole('button', { name: '备胎' }), 'aria-pressed', 'true');
    await expectAttribute(page.getByRole('button', { name: '三角警示牌' }), 'aria-pressed', 'true');
    await expectAttribute(page.getByRole('button', { name: '千斤顶' }), 'aria-pressed', 'false');
    await expectValue(page.getByLabel('其他物品'), '儿童安全座椅');
    await expectVisible(page.getByText(/客户已确认 \d{4}-\d\d-\d\d \d\d:\d\d/));
    await step(/服务类型/).click();
    await expectAttribute(page.getByRole('button', { name: '保养' }), 'aria-pressed', 'true');
    await expectValue(page.getByLabel('客户描述（客户原话）'), '冷车启动时有异响，顺便做个小保养');
  }

  it('keeps every value after a reload, offline', async () => {
    await page.reload();
    await expectEveryValue();
  });

  it('keeps every value after the browser is closed and reopened, offline', async () => {
    const cardUrl = page.url();
    await context.close();
    context = await launchTablet(profile.dir);
    await context.setOffline(true);
    page = await firstPage(context);
    errors.push(...watchErrors(page));
    await page.goto(server.url); // the server is gone: only the service worker can answer
    const row = page.getByRole('link', { name: /粤B12345/ });
    await expectText(row, '草稿');
    await expectText(row, '张伟');
    await page.goto(cardUrl);
    await expectEveryValue();
  });

  it('checks the card in and lists it as checked in', async () => {
    await tap(page.getByRole('button', { name: /完成接车/ }));
    await expectVisible(page.getByText(/已接车 \d{4}-\d\d-\d\d/));
    await expectAttribute(step(/估价单/), 'aria-current', 'step'); // on to the estimate by itself
    await page.getByRole('button', { name: /返回/ }).click();
    await expectText(page.getByRole('link', { name: /粤B12345/ }), '已接车');
    console.log(`[taps] typical check-in: ${taps} taps and ${typedFields} typed fields`);
    expect(errors).toEqual([]);
  });
});

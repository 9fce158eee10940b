// Bad input at the desk: every wrong value gets a clear message beside its field, in the
// current language, and is never silently changed or dropped. Also the pre-fill from an
// earlier card of the same vehicle, and the check-in refusal that points at what is missing.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAttribute, expectHidden, expectText, expectValue, expectVisible } from './support/expect-ui.ts';
import { launchTablet, newProfileDir, startServer, type AppServer } from './support/browser.ts';

const VALID_VIN = 'LGBH52E07PY000123';
const WRONG_CHECK_DIGIT_VIN = 'LSVAU2180N2183294'; // the 9th character should be X

describe('check-in rules in the browser', () => {
  let server: AppServer;
  let context: BrowserContext;
  let page: Page;
  const profile = newProfileDir();
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const step = (name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
  const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

  beforeAll(async () => {
    server = await startServer();
    context = await launchTablet(profile.dir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    profile.remove();
  });

  it('records an earlier visit of the vehicle', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await field('客户姓名').fill('李娜');
    await field('联系电话').fill('13900001111');
    await step(/车辆/).tap();
    await field('车牌号').fill('粤B12345');
    await field('车架号/VIN').fill(VALID_VIN);
    await field('品牌/车型').fill('日产 轩逸');
    await step(/里程/).tap();
    await field('行驶里程（km）').fill('50000');
    await field('行驶里程（km）').blur();
    await expectVisible(page.getByRole('status').filter({ hasText: '已保存在本机' }));
    await page.getByRole('button', { name: /返回/ }).tap();
    await expectVisible(page.getByRole('link', { name: /粤B12345/ }));
  });

  it('explains a wrong phone number next to the field', async () => {
    await page.getByRole('button', { name: /新建接车单/ }).tap();
    await field('联系电话').fill('12345');
    await field('联系电话').blur();
    await expectVisible(alert('手机号应为 11 位数字'));
    await expectAttribute(field('联系电话'), 'aria-invalid', 'true');
  });

  it('normalises a typed plate, explains an impossible one, and fills the returning customer', async () => {
    await step(/车辆/).tap();
    await field('车牌号').fill('粤BI2345');
    await field('车牌号').blur();
    await expectVisible(alert('车牌中不使用字母 I 和 O'));
    await field('车牌号').fill('粤b·123 45');
    await field('车牌号').blur();
    await expectValue(field('车牌号'), '粤B12345');
    await expectVisible(page.getByRole('status').filter({ hasText: /已按车牌\/车架号从 WK-\d{8}-A001 填入/ }));
    await expectValue(field('车架号/VIN'), VALID_VIN);
    await expectValue(field('品牌/车型'), '日产 轩逸');
    await step(/客户$/).tap();
    await expectValue(field('客户姓名'), '李娜');
    await expectValue(field('联系电话'), '12345'); // what the advisor typed is never overwritten
    await field('联系电话').fill('13900001111');
  });

  it('warns about a VIN check digit and lets the advisor confirm it', async () => {
    await step(/车辆/).tap();
    await field('车架号/VIN').fill(WRONG_CHECK_DIGIT_VIN);
    await field('车架号/VIN').blur();
    await expectVisible(alert('第 9 位校验位应为 X，实际为 0'));
    await page.getByRole('button', { name: '已核对车架号，确认无误' }).tap();
    await expectHidden(alert('第 9 位校验位'));
    await field('车架号/VIN').fill('LSVAU2180N21832');
    await field('车架号/VIN').blur();
    await expectVisible(alert('车架号应为 17 位，当前 15 位'));
    await field('车架号/VIN').fill(WRONG_CHECK_DIGIT_VIN);
    await field('车架号/VIN').blur();
    // A confirmation belongs to the VIN that was checked: an edited VIN is asked about again.
    await expectVisible(alert('第 9 位校验位应为 X'));
    await page.getByRole('button', { name: '已核对车架号，确认无误' }).tap();
    await expectHidden(alert('第 9 位校验位'));
  });

  it('refuses a mileage that is not a number and asks to confirm one lower than last time', async () => {
    await step(/里程/).tap();
    await expectVisible(page.getByText('本车上次记录：50,000 km'));
    await field('行驶里程（km）').fill('12a');
    await expectVisible(alert('请输入整数公里数，未保存'));
    await field('行驶里程（km）').fill('40000');
    await expectVisible(alert('低于本车上次记录的 50000 km'));
    await page.getByRole('button', { name: '已与客户核对，里程确实低于上次' }).tap();
    await expectHidden(alert('低于本车上次记录'));
    await field('行驶里程（km）').blur();
    await expectVisible(page.getByRole('status').filter({ hasText: '已保存在本机' }));
  });

  it('keeps the confirmed values, not the refused ones, after a reload', async () => {
    await page.reload();
    await expectValue(field('行驶里程（km）'), '40000');
    await expectHidden(page.getByRole('button', { name: '已与客户核对，里程确实低于上次' }));
    await step(/车辆/).tap();
    await expectValue(field('车架号/VIN'), WRONG_CHECK_DIGIT_VIN);
    await expectHidden(page.getByRole('button', { name: '已核对车架号，确认无误' }));
  });

  it('refuses to check in an incomplete card and shows where', async () => {
    await step(/服务类型/).tap();
    await page.getByRole('button', { name: /完成接车/ }).tap();
    await expectVisible(alert('还有 3 项需要处理'));
    await expectAttribute(step(/里程/), 'aria-current', 'step'); // jumped to the first step with a problem
    await expectVisible(alert('请点选燃油量或电量'));
    await expectText(step(/随车物品/), /!/);
    await expectText(step(/服务类型/), /!/);
    await expectVisible(page.getByText('草稿', { exact: true }));
  });

  it('switches every string to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).tap();
    await expectVisible(page.getByText('Odometer (km)'));
    await expectVisible(alert('Tap the fuel or battery level'));
    await expectVisible(page.getByRole('button', { name: 'Next ›' }));
    await expectVisible(page.getByText('Draft', { exact: true }));
    await step(/Vehicle/).tap();
    await expectVisible(page.getByText('Maker: SAIC Volkswagen'));
    await page.reload(); // the choice survives a reload
    await expectVisible(page.getByLabel('VIN', { exact: true }));
    await page.getByRole('button', { name: '中文' }).tap();
    await expectVisible(page.getByLabel('车架号/VIN', { exact: true }));
  });
});

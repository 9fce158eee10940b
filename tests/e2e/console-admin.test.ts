// The console's administration in Debian's Chromium, served by the real server from the built
// dist/: the admin adds an advisor (password shown once) who can then sign in but never reach
// administration; issues an enrollment code whose QR code, read back from a screenshot by a
// decoder of its own (jsQR), opens the tablet app's connect form with the code filled in, and a
// tablet connects with it; imports a catalogue after its preview of bad rows.
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { startServer, TABLET, type AppServer } from './support/browser.ts';
import { launchDesk, openConsole } from './support/console-browser.ts';
import { smallControls } from './support/touch-targets.ts';

const ADMIN = { username: 'boss', password: 'boss-password-1' };

describe('the store console: administration', () => {
  let server: AppServer;
  let browser: Browser;
  let store: TestStore;

  beforeAll(async () => {
    server = await startServer();
    store = await seedTestStore(server.data.storage, 'ADM1');
    await addAdvisorTo(server.data.storage, store.storeId, { ...ADMIN, name: '周店长', role: 'admin' });
    browser = await launchDesk();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openAdmin = async (): Promise<Page> => {
    const page = await openConsole(browser, server.url, { store: store.code, ...ADMIN }, '/console/admin');
    await page.getByRole('heading', { name: '顾问账号' }).waitFor();
    return page;
  };

  it('adds an advisor, shows the password once, and that advisor signs in but cannot reach administration', async () => {
    const page = await openAdmin();
    const form = page.getByRole('form', { name: '添加顾问' });
    await form.getByLabel('用户名').fill('li.na');
    await form.getByLabel('姓名').fill('李娜');
    await form.getByRole('button', { name: '添加' }).click();
    const shown = page.getByTestId('password-once');
    await shown.waitFor();
    const password = (await shown.textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    await expect.poll(() => page.getByRole('row', { name: /李娜/ }).textContent()).toContain('li.na');
    expect(await smallControls(page, 'advisors')).toMatchObject({ offenders: [] });
    await page.getByRole('button', { name: '我已记下' }).click();
    expect(await page.getByTestId('password-once').count()).toBe(0);

    // A taken username: the server's refusal in the page's words, nothing added.
    await form.getByLabel('用户名').fill('li.na');
    await form.getByLabel('姓名').fill('另一个');
    await form.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('用户名已存在');

    // The store's tablet advisor: a new password after asking (shown once), then disabled after asking.
    const zhang = page.getByRole('row', { name: /张顾问/ });
    await zhang.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '重置密码' }).click();
    await expect.poll(async () => ((await page.getByTestId('password-once').textContent()) ?? '').trim()).toMatch(/^[A-Za-z0-9]{12}$/);
    const newPassword = ((await page.getByTestId('password-once').textContent()) ?? '').trim();
    await page.getByRole('button', { name: '我已记下' }).click();
    await zhang.getByRole('button', { name: '停用' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => zhang.textContent()).toContain('已停用');
    const refused = await page.request.post(`${server.url}/api/v1/console/sign-in`, { data: { store: store.code, username: store.advisor.username, password: newPassword } });
    expect(refused.status()).toBe(401);
    // Its own row offers no disabling: the admin cannot lock themself out.
    expect(await page.getByRole('row', { name: /周店长/ }).getByRole('button', { name: '停用' }).isDisabled()).toBe(true);
    await page.context().close();

    const advisor = await openConsole(browser, server.url, { store: store.code, username: 'li.na', password });
    expect(await advisor.locator('.console-tab').allTextContents()).not.toContain('门店管理');
    await advisor.goto(`${server.url}/console/admin`);
    await expect.poll(() => advisor.getByRole('alert').textContent()).toContain('只有门店管理员');
    expect(await advisor.getByRole('heading', { name: '顾问账号' }).count()).toBe(0);
    // Nor by asking the server itself, with the session's own cookie.
    expect((await advisor.request.get(`${server.url}/api/v1/console/admin/advisors`)).status()).toBe(403);
    await advisor.context().close();
  });

  it('issues an enrollment code with a QR code that opens the tablet app with the code filled in, and the tablet connects', async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: '平板接入码' }).click();
    await page.getByLabel('有效天数（1–90）').fill('3');
    await page.getByLabel('可接入平板数（1–100）').fill('2');
    await page.getByRole('button', { name: '生成接入码' }).click();
    const shown = page.getByTestId('enrollment-code');
    await shown.waitFor();
    const code = ((await shown.textContent()) ?? '').replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    // Shown large (the page's own stylesheet, loaded by address under the server's CSP).
    expect(await shown.evaluate((el) => getComputedStyle(el).fontSize)).toBe('48px');
    await expect.poll(() => page.getByText(/可接入 2 台平板/).count()).toBe(1);

    // The QR code, read from the pixels on the screen.
    const qr = page.getByRole('img', { name: `接入码 ${code} 的二维码` });
    await qr.waitFor();
    const { data, info } = await sharp(await qr.screenshot()).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    const url = `${server.url}/settings?enroll=${code}`;
    expect(read?.data).toBe(url);
    // Opened as 127.0.0.1 here: the page says a tablet elsewhere could not open that address.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('这是本机地址');
    expect(await smallControls(page, 'enrollment code')).toMatchObject({ offenders: [] });
    await page.context().close();

    // The tablet opens that address: the connect form has the code, one tap connects it.
    const tablet = await browser.newContext(TABLET);
    const tab = await tablet.newPage();
    await tab.goto(url);
    const field = tab.getByLabel(/连接码/);
    await expect.poll(() => field.inputValue()).toBe(code);
    await tab.getByRole('button', { name: '连接门店' }).click();
    await expect.poll(async () => (await server.data.storage.listDevices(store.storeId)).length).toBe(1);
    await expect.poll(() => tab.getByText(`Test store ${store.code} · 平板 A`).count()).toBeGreaterThan(0);
    await tablet.close();
  });

  it('lists that tablet, and revokes it only after asking', async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: '平板', exact: true }).click();
    const row = page.getByRole('row', { name: /^A / });
    await expect.poll(() => row.textContent()).toContain('启用');
    await row.getByRole('button', { name: '吊销' }).click();
    const ask = page.getByRole('alertdialog');
    await expect.poll(() => ask.textContent()).toContain('吊销 A 号平板');
    await ask.getByRole('button', { name: '取消' }).click();
    expect((await server.data.storage.listDevices(store.storeId))[0]?.revokedAt).toBeNull();
    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认吊销' }).click();
    await expect.poll(async () => (await server.data.storage.listDevices(store.storeId))[0]?.revokedAt).not.toBeNull();
    await expect.poll(() => row.textContent()).toContain('已吊销');
    expect(await smallControls(page, 'tablets')).toMatchObject({ offenders: [] });
    await page.context().close();
  });

  it('previews a catalogue CSV with its bad rows, imports nothing then, and imports a good one on confirmation', async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: '项目目录导入' }).click();
    const before = await server.data.storage.catalogueSince(store.storeId, 0);
    const file = page.getByLabel(/选择 CSV 文件/);
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('编码,类型,名称,单位,单价\nL-1,工时,更换机油,工时,80\nP-1,配件,机滤,个,abc\n') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('第 3 行："单价"的"abc"不是有效金额，如 45.50');
    expect(await page.getByRole('button', { name: /确认导入/ }).count()).toBe(0);
    expect((await server.data.storage.catalogueSince(store.storeId, 0))?.version).toBe(before?.version);

    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('编码,类型,名称,单位,单价\nL-1,工时,更换机油,工时,80\nP-1,配件,机滤,个,45.5\n') });
    await page.getByRole('button', { name: '确认导入 2 项' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已导入 2 项');
    expect(await smallControls(page, 'catalogue')).toMatchObject({ offenders: [] });
    expect((await server.data.storage.catalogueSince(store.storeId, 0))?.items.map((i) => [i.code, i.unitPriceFen])).toEqual([
      ['L-1', 8000],
      ['P-1', 4550],
    ]);
    await page.context().close();
  });

  it("saves the store's profile for the customer copy, with the tablet's own message for a name too long", async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: '门店信息' }).click();
    const name = page.getByLabel('门店名称（打印在客户联上）');
    await name.fill('店'.repeat(61));
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('太长了：最多 60 个字').count()).toBe(1);
    expect((await server.data.storage.storeProfile(store.storeId))?.updatedAt).toBeNull();

    await name.fill('浦东4S店');
    await page.getByLabel('电话').fill('021-12345678');
    await page.getByLabel('付款方式').selectOption('alipay');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已保存');
    expect((await server.data.storage.storeProfile(store.storeId))?.profile).toEqual({ name: '浦东4S店', address: '', phone: '021-12345678', defaults: { payment: 'alipay' } });
    expect(await smallControls(page, 'store profile')).toMatchObject({ offenders: [] });
    await page.context().close();
  });
});

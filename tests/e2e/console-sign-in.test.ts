// The store console in Debian's Chromium, served by the real server from the built dist/:
// /console signs in with the tablets' usernames and passwords, says what went wrong in words,
// shows an advisor no administration, keeps the session across a reload, and signs out. The
// tablet's service worker, installed on the same origin, leaves /console to the network.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdvisorTo, seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { startServer, waitForServiceWorker, type AppServer } from './support/browser.ts';
import { DESK_PC, launchDesk, openConsole } from './support/console-browser.ts';

const ADMIN = { username: 'boss', password: 'boss-password-1' };

describe('the store console: sign-in and roles', () => {
  let server: AppServer;
  let browser: Browser;
  let store: TestStore;

  beforeAll(async () => {
    server = await startServer();
    store = await seedTestStore(server.data.storage, 'WEB1');
    await addAdvisorTo(server.data.storage, store.storeId, { ...ADMIN, name: '周店长', role: 'admin' });
    browser = await launchDesk();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says in words when the password is wrong, and signs nobody in', async () => {
    const context = await browser.newContext(DESK_PC);
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.locator('input[name="store"]').fill(store.code);
    await page.locator('input[name="username"]').fill(ADMIN.username);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('store administrator');
    expect(await page.locator('.console-bar').count()).toBe(0);
    const cookies = await context.cookies();
    expect(cookies.filter((c) => c.name === 'walkaround_console')).toEqual([]);
    await context.close();
  });

  it("shows an advisor the desk's pages but not administration, not even by its address", async () => {
    const page = await openConsole(browser, server.url, { store: store.code, username: store.advisor.username, password: store.advisor.password });
    const tabs = await page.locator('.console-tab').allTextContents();
    expect(tabs).toEqual(['报表', '预约', '客户档案', '导出 DMS']);
    await page.goto(`${server.url}/console/admin`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('只有门店管理员');
    await page.context().close();
  });

  it('gives the administrator every page, keeps the sign-in across a reload (httpOnly cookie), and signs out', async () => {
    const page: Page = await openConsole(browser, server.url, { store: store.code, ...ADMIN });
    expect(await page.locator('.console-tab').allTextContents()).toEqual(['报表', '预约', '客户档案', '导出 DMS', '门店管理']);
    await expect.poll(() => page.locator('.console-title').textContent()).toContain(`Test store ${store.code}`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'walkaround_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The page's script cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('walkaround_console');

    await page.getByRole('button', { name: '门店管理' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/admin');
    await page.reload();
    await page.locator('.console-bar').waitFor();
    expect(await page.locator('.console-tab[aria-current="page"]').textContent()).toBe('门店管理');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.console-tab').first().textContent()).toBe('Reports');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name="password"]').waitFor();
    await page.reload();
    await page.locator('input[name="password"]').waitFor();
    expect(await page.locator('.console-bar').count()).toBe(0);
    await page.context().close();
  });

  it("is served from the network on an origin where the tablet app's service worker runs", async () => {
    const context = await browser.newContext(DESK_PC);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.goto(`${server.url}/console/reports`);
    await page.locator('input[name="store"]').waitFor();
    expect(await page.title()).toContain('门店管理台');
    // Nothing of the console is in the tablet's precache.
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat());
    expect(cached.length).toBeGreaterThan(10);
    expect(cached.filter((url) => url.includes('console'))).toEqual([]);
    await context.close();
  });

  it('every control of the sign-in and the bar is at least 44 px tall', async () => {
    const page = await openConsole(browser, server.url, { store: store.code, ...ADMIN });
    const heights = await page.locator('.console-bar button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(4);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
    await page.context().close();
  });
});

// A tablet joining the store as the desk does it, through the app's own screens: the store's
// enrollment code typed in, then the advisor's password and a PIN of their choosing. Online
// only (the server checks both); afterwards the tablet works without the network.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { seedTestStore, type TestStore } from '../../support/store-fixture.ts';
import { launchTablet, newProfileDir, startServer, waitForServiceWorker, watchErrors, type AppServer } from './browser.ts';
import { expectVisible } from './expect-ui.ts';

export type Tablet = { context: BrowserContext; page: Page; errors: string[] };

export type StoreRig = {
  server: AppServer;
  store: TestStore;
  /** A profile folder for one tablet, removed with the rest on close. */
  profileDir: (tablet: string) => string;
  /** Closes the tablets given (open or already closed), the server and the profile folders. */
  close: (...tablets: (Tablet | undefined)[]) => Promise<void>;
};

/** The store's server on loopback with a store seeded (one advisor, an enrollment code). */
export async function openStoreRig(): Promise<StoreRig> {
  const profiles = newProfileDir();
  const server = await startServer();
  const shutDown = async () => {
    await server.close().catch(() => undefined);
    profiles.remove();
  };
  try {
    const store = await seedTestStore(server.data.storage);
    return {
      server,
      store,
      profileDir: (tablet) => join(profiles.dir, tablet),
      close: async (...tablets) => {
        for (const tablet of tablets) await tablet?.context.close();
        await shutDown();
      },
    };
  } catch (error) {
    await shutDown();
    throw error;
  }
}

/** Opens Chromium on `profileDir` at the store's server, the app cached by its service worker. */
export async function openTabletOn(profileDir: string, url: string): Promise<Tablet> {
  const context = await launchTablet(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(url);
  await waitForServiceWorker(page);
  return { context, page, errors };
}

/** Connects the tablet with the store's code from the job list, and waits for the lock screen. */
export async function connectToStore(page: Page, code: string, tabletName: string): Promise<void> {
  await page.getByRole('button', { name: /连接门店 ›/ }).tap();
  await page.getByLabel('连接码（8 位，向门店管理员索取）').fill(code);
  await page.getByLabel('平板名称（方便管理员区分各台平板）').fill(tabletName);
  await page.getByRole('button', { name: '连接门店', exact: true }).tap();
  await expectVisible(page.getByLabel('用户名'));
}

/** Signs the store's advisor in with the password, sets the PIN, and waits for the job list. */
export async function signInWithPin(page: Page, store: TestStore, pin: string): Promise<void> {
  await page.getByLabel('用户名').fill(store.advisor.username);
  await page.getByLabel('密码').fill(store.advisor.password);
  await page.getByRole('button', { name: '登录', exact: true }).tap();
  const setup = page.getByRole('region', { name: '张顾问，请设置你的解锁 PIN' });
  await setup.getByLabel('新 PIN（4–8 位数字）', { exact: true }).fill(pin);
  await setup.getByLabel('再次输入 PIN', { exact: true }).fill(pin);
  await setup.getByRole('button', { name: '保存 PIN' }).tap();
  await expectVisible(page.getByText('服务顾问：张顾问'));
  await expectVisible(page.getByRole('button', { name: /新建接车单/ }));
}

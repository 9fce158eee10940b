// The store console in Debian's Chromium: a desk PC's window (1366×768, mouse, zh-CN,
// Asia/Shanghai), signed in through the console's own form.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

export const DESK_PC = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

export function launchDesk(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens /console (or a page under it) in a new window of `browser` and signs in with the form. */
export async function openConsole(browser: Browser, baseUrl: string, credentials: { store: string; username: string; password: string }, path = '/console'): Promise<Page> {
  const context = await browser.newContext({ ...DESK_PC, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.locator('input[name="store"]').fill(credentials.store);
  await page.locator('input[name="username"]').fill(credentials.username);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('.console-bar').waitFor();
  return page;
}

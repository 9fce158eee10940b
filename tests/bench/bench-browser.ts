// Chromium for the photo parts of the benchmark: the tablet of tests/e2e/support/browser.ts
// (same binary, flags, viewport, touch, locale, time zone) plus the flags a part needs, such as
// --enable-precise-memory-info or a host name mapped to loopback.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as TABLET_ARGS, TABLET } from '../e2e/support/browser.ts';

export function launchTabletWith(profileDir: string, extraArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...TABLET_ARGS, ...extraArgs],
    ...TABLET,
  });
}

declare global {
  interface Window {
    benchConsoleTasks?: number;
  }
}

/**
 * Counts Dexie's debug-mode work (console.createTask, which Dexie calls only in debug mode)
 * across every document the page loads. The returned function reads and resets the page's
 * count and gives the running total, which must stay 0 for timings to be a tablet's.
 */
export async function watchDexieDebug(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    // Chromium's console.createTask is not in TypeScript's DOM types.
    const tasking = console as Console & { createTask?: (name: string) => unknown };
    const createTask = tasking.createTask?.bind(console);
    window.benchConsoleTasks = 0;
    if (createTask) {
      tasking.createTask = (name: string) => {
        window.benchConsoleTasks = (window.benchConsoleTasks ?? 0) + 1;
        return createTask(name);
      };
    }
  });
  let total = 0;
  return async () => {
    total += await page.evaluate(() => {
      const calls = window.benchConsoleTasks ?? 0;
      window.benchConsoleTasks = 0;
      return calls;
    });
    return total;
  };
}

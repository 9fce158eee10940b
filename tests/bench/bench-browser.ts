// Chromium for the photo parts of the benchmark: the tablet of tests/e2e/support/browser.ts
// (same binary, flags, viewport, touch, locale, time zone) plus the flags a part needs, such as
// --enable-precise-memory-info or a host name mapped to loopback.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as TABLET_ARGS, TABLET, newProfileDir, startServer, watchErrors } from '../e2e/support/browser.ts';
import { defer } from './cleanup.ts';

export function launchTabletWith(profileDir: string, extraArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...TABLET_ARGS, ...extraArgs],
    ...TABLET,
  });
}

/** The app's host name in app-driving parts: Dexie turns debug mode on by itself on 127.0.0.1. */
const BENCH_HOST = 'walkaround.bench';

export type AppTablet = { origin: string; context: BrowserContext; page: Page; errors: string[]; close: () => Promise<void> };

/**
 * The built app on the real server, reached as BENCH_HOST mapped to loopback and treated as a
 * secure origin (as the store's HTTPS one is), in a fresh tablet profile. Everything is
 * registered for cleanup; `close()` releases it now, browser first.
 */
export async function openAppTablet(label: string): Promise<AppTablet> {
  const server = await startServer();
  const closeServer = defer(`app server (${label})`, () => server.close());
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  let closeContext: () => Promise<void> = async () => undefined;
  const close = async () => {
    await closeContext();
    await removeProfile();
    await closeServer();
  };
  try {
    const origin = `http://${BENCH_HOST}:${new URL(server.url).port}`;
    const context = await launchTabletWith(profile.dir, [
      `--host-resolver-rules=MAP ${BENCH_HOST} 127.0.0.1`,
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ]);
    closeContext = defer(`tablet browser (${label})`, () => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    return { origin, context, page, errors: watchErrors(page), close };
  } catch (error) {
    await close();
    throw error;
  }
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

// Real parts for browser tests: the built app (dist/) served by the real server on loopback,
// and Debian's Chromium driven by playwright-core with a persistent profile, so reloads,
// browser restarts and the service worker behave as on a tablet.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../../src/server/app.ts';
import { openDataDir, type DataDir } from '../../../src/server/data-dir.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A 10-inch tablet in portrait, with touch, in the desk's language and time zone. */
export const TABLET = {
  viewport: { width: 800, height: 1280 },
  hasTouch: true,
  isMobile: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

export type AppServer = { url: string; data: DataDir; close: () => Promise<void> };

/**
 * Serves dist/ on a free loopback port by default, with a fresh data folder (SQLite and
 * blobs) that is removed on close. A test of the update hand-over serves another build
 * folder (staticDir), or restarts on the port of a closed server (port): the browser must
 * see the same origin for the same service-worker registration.
 */
export async function startServer(options: { staticDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'walkaround-data-'));
  // `env`: S3_ variables (tests/support/s3-peer.ts) to keep the photos in a bucket; the shell's own never leak in.
  const data = await openDataDir(dataDir, options.env ?? {});
  // E2E_DIST: a build folder of one's own, for engineers building and testing side by side.
  // E2E_SERVER_LOG=info (or warn, debug): the server's log on stdout, to see what a browser test did.
  const staticDir = options.staticDir ?? process.env.E2E_DIST;
  const app = await buildApp({ logger: process.env.E2E_SERVER_LOG ? { level: process.env.E2E_SERVER_LOG } : false, staticDir, storage: data.storage, blobs: data.blobs });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    data,
    close: async () => {
      await app.close();
      await data.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function newProfileDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'walkaround-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launchTablet(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...TABLET,
  });
}

/** Waits until the service worker is activated and controls the page (see STACK-NOTES). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve()));
    }
  });
}

/** Collects uncaught page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

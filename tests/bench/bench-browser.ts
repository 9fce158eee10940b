// Chromium for the photo parts of the benchmark: the tablet of tests/e2e/support/browser.ts
// (same binary, flags, viewport, touch, locale, time zone) plus the flags a part needs, such as
// --enable-precise-memory-info or a host name mapped to loopback.
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, TABLET } from '../e2e/support/browser.ts';

/** launchTablet's flags (browser.ts does not export them): keep the two lists in step. */
const TABLET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchTabletWith(profileDir: string, extraArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...TABLET_ARGS, ...extraArgs],
    ...TABLET,
  });
}

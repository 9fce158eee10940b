// Chromium for the photo parts of the benchmark: the tablet of tests/e2e/support/browser.ts
// (same binary, flags, viewport, touch, locale, time zone) plus the flags a part needs, such as
// --enable-precise-memory-info or a host name mapped to loopback.
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as TABLET_ARGS, TABLET } from '../e2e/support/browser.ts';

export function launchTabletWith(profileDir: string, extraArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...TABLET_ARGS, ...extraArgs],
    ...TABLET,
  });
}

// Time to interactive of the installed app shell: the built app, served once by the real
// server so the service worker precaches it, then opened N times with the server gone, the
// context offline and the CPU throttled 4x, as an advisor reopens the app on a slow tablet.
import type { BrowserContext, Page } from 'playwright-core';
import { launchTablet, newProfileDir, startServer, waitForServiceWorker, watchErrors } from '../e2e/support/browser.ts';
import { defer } from './cleanup.ts';

/** What src/features/jobs/components/JobList.tsx marks once the job list came from IndexedDB. */
export const INTERACTIVE_MARK = 'walkaround:interactive';

declare global {
  interface Window {
    /** navigator.onLine before any script of the page ran (set by an init script). */
    benchOnlineAtStart?: boolean;
  }
}

export type TtiRun = {
  ms: number;
  /** Where the time went, from the navigation timing entry (ms since navigation start). */
  workerStartMs: number;
  htmlReceivedMs: number;
  /** Module scripts (the whole entry chunk) have run by DOMContentLoaded's end. */
  scriptsRunMs: number;
  online: boolean;
  controlledByServiceWorker: boolean;
};

export type TtiResult = {
  cpuThrottlingRate: number;
  runs: TtiRun[];
  /** The unthrottled, online first visit (network + service worker install), for information. */
  firstVisitOnlineMs: number;
  browserVersion: string;
  userAgent: string;
};

async function interactiveAt(page: Page, timeout: number): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, { timeout });
  const ms = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? -1, INTERACTIVE_MARK);
  if (ms < 0) throw new Error(`no ${INTERACTIVE_MARK} mark`);
  return ms;
}

async function oneOfflineRun(context: BrowserContext, url: string, rate: number): Promise<TtiRun> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    // Seen here (Debian Chromium, playwright-core 1.65): merely attaching a CDP session to
    // the page flips navigator.onLine back to true (requests stay blocked), so the app would
    // start believing it is online. The session therefore repeats the offline emulation itself,
    // and is made per page and detached after the run. The page records navigator.onLine
    // before any app script runs, and again once interactive; either being true fails the run.
    await page.addInitScript(() => {
      window.benchOnlineAtStart = navigator.onLine;
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { timeout: 30_000 });
    const ms = await interactiveAt(page, 30_000);
    const probe = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const timing = nav instanceof PerformanceNavigationTiming ? nav : null;
      return {
        workerStartMs: timing?.workerStart ?? -1,
        htmlReceivedMs: timing?.responseEnd ?? -1,
        scriptsRunMs: timing?.domContentLoadedEventEnd ?? -1,
        onlineAtStart: window.benchOnlineAtStart ?? 'unknown',
        online: navigator.onLine,
        controlledByServiceWorker: navigator.serviceWorker.controller !== null,
      };
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
    if (probe.onlineAtStart !== false || probe.online) {
      throw new Error(`TTI run was not offline: navigator.onLine was ${probe.onlineAtStart} at start, ${probe.online} when interactive`);
    }
    if (!probe.controlledByServiceWorker) throw new Error('TTI run was not served by the service worker');
    if (errors.length > 0) throw new Error(`page errors during the TTI run: ${errors.join('; ')}`);
    const { onlineAtStart: _onlineAtStart, ...run } = probe;
    return { ms, ...run };
  } finally {
    await page.close();
  }
}

export async function measureTti(options: { runs: number; cpuThrottlingRate: number }): Promise<TtiResult> {
  const server = await startServer();
  const closeServer = defer('app server', () => server.close());
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  const context = await launchTablet(profile.dir);
  const closeContext = defer('tablet browser (TTI)', () => context.close());
  try {
    // First visit, online and unthrottled: installs the service worker and its precache.
    const first = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(first);
    await first.goto(server.url, { timeout: 30_000 });
    const firstVisitOnlineMs = await interactiveAt(first, 30_000);
    await waitForServiceWorker(first);
    const cdp = await context.newCDPSession(first);
    const version = await cdp.send('Browser.getVersion');
    await cdp.detach();
    if (errors.length > 0) throw new Error(`page errors on the first visit: ${errors.join('; ')}`);
    await first.close();

    // From now on nothing answers: the server is gone and the context is offline.
    await closeServer();
    await context.setOffline(true);

    const runs: TtiRun[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await oneOfflineRun(context, server.url, options.cpuThrottlingRate));
    return {
      cpuThrottlingRate: options.cpuThrottlingRate,
      runs,
      firstVisitOnlineMs,
      browserVersion: version.product,
      userAgent: version.userAgent,
    };
  } finally {
    await closeContext();
    await removeProfile();
    await closeServer();
  }
}

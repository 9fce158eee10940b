// Time to interactive of the installed app shell: the built app, served once by the real
// server so the service worker precaches it, then opened N times with the server gone, the
// context offline and the CPU throttled 4x, as an advisor reopens the app on a slow tablet,
// its job list holding 20 cards. Each app run is paired with a run of a minimal page
// (minimal-start/: React, raw IndexedDB, 20 rows, its own service worker) served by the same
// server and opened the same way, in alternating order, so the ratio of the two says how far
// the app is from the floor whatever else the machine is doing.
import type { BrowserContext, Page } from 'playwright-core';
import { launchTablet, newProfileDir, startServer, waitForServiceWorker, watchErrors } from '../e2e/support/browser.ts';
import { writeJobRows } from '../e2e/support/seed-jobs.ts';
import { defer } from './cleanup.ts';
import { buildStaticDirWithMinimalPage, MINIMAL_PATH } from './minimal-start/build.ts';

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
  /** The minimal page's runs, run i paired with the app's run i (alternating which goes first). */
  minimalRuns: TtiRun[];
  /** Job cards in the app's IndexedDB during the runs. */
  cards: number;
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

async function oneOfflineRun(context: BrowserContext, url: string, rate: number, expectRows?: number): Promise<TtiRun> {
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
    if (expectRows !== undefined) {
      const shown = await page.evaluate(() => document.querySelectorAll('main li').length);
      if (shown < expectRows) throw new Error(`${url} showed ${shown} rows when interactive, expected ${expectRows}`);
    }
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

export async function measureTti(options: { runs: number; cpuThrottlingRate: number; cards: number; appBuildDir: string }): Promise<TtiResult> {
  // Imported only now: its card seeding installs fake-indexeddb in this process.
  const { startListRows } = await import('./start-cards.ts');
  const rows = await startListRows(options.cards);
  const staticDir = await buildStaticDirWithMinimalPage(options.appBuildDir);
  const server = await startServer({ staticDir });
  const closeServer = defer('app server', () => server.close());
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  const context = await launchTablet(profile.dir);
  const closeContext = defer('tablet browser (TTI)', () => context.close());
  const minimalUrl = `${server.url}${MINIMAL_PATH}index.html`;
  try {
    // First visits, online and unthrottled: each installs its service worker and precache.
    // The minimal page goes first, so its narrower scope is registered before the app's
    // worker (scope /) could answer its navigation with the app's shell.
    const first = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(first);
    await first.goto(minimalUrl, { timeout: 30_000 });
    await interactiveAt(first, 30_000);
    await waitForServiceWorker(first);
    await first.goto(server.url, { timeout: 30_000 });
    const firstVisitOnlineMs = await interactiveAt(first, 30_000);
    await waitForServiceWorker(first);
    // The job list the advisor reopens: written into the app's database, at its version.
    await writeJobRows(first, rows);
    const cdp = await context.newCDPSession(first);
    const version = await cdp.send('Browser.getVersion');
    await cdp.detach();
    if (errors.length > 0) throw new Error(`page errors on the first visit: ${errors.join('; ')}`);
    await first.close();

    // From now on nothing answers: the server is gone and the context is offline.
    await closeServer();
    await context.setOffline(true);

    const runs: TtiRun[] = [];
    const minimalRuns: TtiRun[] = [];
    const app = () => oneOfflineRun(context, server.url, options.cpuThrottlingRate, options.cards);
    const minimal = () => oneOfflineRun(context, minimalUrl, options.cpuThrottlingRate, options.cards);
    for (let i = 0; i < options.runs; i++) {
      // Alternating which goes first, so neither always runs on a browser just warmed by the other.
      if (i % 2 === 0) {
        runs.push(await app());
        minimalRuns.push(await minimal());
      } else {
        minimalRuns.push(await minimal());
        runs.push(await app());
      }
    }
    return {
      cpuThrottlingRate: options.cpuThrottlingRate,
      runs,
      minimalRuns,
      cards: rows.length,
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

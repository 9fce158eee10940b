// Opening the 环车检查 step of a job card that holds 40 photos, in the built app, until every
// thumbnail is decoded.
//
// Why the real app and not PhotoStrip mounted in a harness page: what the advisor waits for is
// the whole step, not the strip alone. The tap goes through the check-in form (which flushes
// its autosave before it navigates), then WalkaroundStep renders the diagram and the eight
// slot rows of GeneralPhotos, each PhotoStrip asks IndexedDB for every thumbnail through
// useBlobUrl, makes object URLs and the browser decodes them. The built app runs production
// React from the service worker's precache, as installed on the tablet; a harness on the Vite
// dev server would time React's development build and unbundled modules instead.
//
// Set-up goes through the UI too: a new card, and 5 JPEGs picked into each of the 8 general
// photo slots with setInputFiles (so 40 distinct photos and thumbnails, stored by the real
// pipeline). Each timed run loads the card afresh at its first step (a new document, so every
// object URL is made anew from IndexedDB bytes), waits until it is idle, then taps 环车检查;
// the page times from that click event to the last thumbnail's img.decode().
//
// The app is reached as http://walkaround.bench:<port>, mapped to loopback, not as 127.0.0.1:
// Dexie turns its debug mode on by itself on localhost/127.0.0.1 (it then wraps every call in
// console.createTask), which no tablet does. The origin is marked secure, as the real HTTPS
// origin is, so the service worker and Web Crypto work; the run checks that debug stayed off.
import type { Page } from 'playwright-core';
import { PHOTO_SLOTS } from '../../src/shared/walkaround.ts';
import { waitForServiceWorker } from '../e2e/support/browser.ts';
import { openAppTablet, watchDexieDebug } from './bench-browser.ts';
import { armClickStart } from './click-clock.ts';
import { cameraJpegs } from './photo-fixtures.ts';
import { zh } from './zh.ts';

export type ThumbsBenchOptions = {
  perSlot: number;
  runs: number;
  /** Extra runs with the page's CPU throttled this much (0: none), for information. */
  throttledRate: number;
  width: number;
  height: number;
  fixturesDir: string;
};

export type ThumbRun = {
  /** From the click on 环车检查 to the last of the thumbnails decoded: the figure. */
  decodedMs: number;
  /** From the click to the step's heading in the page (the step has rendered). */
  stepShownMs: number;
  /** From the click to the first thumbnail <img> in the page. */
  firstImgMs: number;
  /** From the click to all thumbnail <img> elements in the page (not yet decoded). */
  allImgsMs: number;
  thumbnails: number;
  /** naturalWidth of every thumbnail once decoded (all must be > 0). */
  minNaturalWidth: number;
  cpuThrottlingRate: number;
};

export type ThumbsBenchResult = {
  photos: number;
  /** The JPEGs picked in set-up, and how many had to be made this time (the rest were cached). */
  fixtures: { count: number; width: number; height: number; meanBytes: number; madeNow: number };
  distinctThumbnails: number;
  setupMs: number;
  origin: string;
  /** console.createTask calls over the whole session: 0 proves Dexie's debug mode stayed off. */
  consoleTasks: number;
  runs: ThumbRun[];
  throttledRuns: ThumbRun[];
};

declare global {
  interface Window {
    /** Set by the page instrumentation below, resolved once the thumbnails are decoded. */
    benchThumbs?: Promise<Omit<ThumbRun, 'cpuThrottlingRate'>>;
  }
}

/** Live photos of the job and distinct thumbnail hashes, read straight from IndexedDB. */
function readStoredPhotos(page: Page, jobId: string): Promise<{ photos: number; thumbs: number }> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('walkaround');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const job = await new Promise<{ photos?: Record<string, { thumbSha256: string; deletedAt: string | null }> } | undefined>((resolve, reject) => {
      const request = db.transaction('jobs').objectStore('jobs').get(id);
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const live = Object.values(job?.photos ?? {}).filter((p) => p.deletedAt === null);
    return { photos: live.length, thumbs: new Set(live.map((p) => p.thumbSha256)).size };
  }, jobId);
}

/**
 * Arms the page: the next click starts the clock, the last decoded thumbnail stops it. (No
 * named arrow functions in here: tsx would wrap them in a helper the page does not have.)
 */
async function armThumbnailClock(page: Page, expected: number, heading: string): Promise<void> {
  await armClickStart(page);
  await page.evaluate(([count, title]) => {
    window.benchThumbs = new Promise((resolve, reject) => {
      const clock = {
        seen: new Set<HTMLImageElement>(),
        stepAt: Number.NaN,
        firstAt: Number.NaN,
        allAt: Number.NaN,
        decoded: 0,
        lastDecodedAt: Number.NaN,
        observer: new MutationObserver(() => clock.scan()),
        timer: setTimeout(() => clock.fail(`${clock.decoded} of ${count} thumbnails decoded after 20 s (${clock.seen.size} in the page)`), 20_000),
        fail(message: string) {
          clearTimeout(clock.timer);
          clock.observer.disconnect();
          reject(new Error(message));
        },
        finish() {
          clearTimeout(clock.timer);
          clock.observer.disconnect();
          const clickAt = window.benchClickAt ?? Number.NaN;
          resolve({
            decodedMs: clock.lastDecodedAt - clickAt,
            stepShownMs: clock.stepAt - clickAt,
            firstImgMs: clock.firstAt - clickAt,
            allImgsMs: clock.allAt - clickAt,
            thumbnails: document.querySelectorAll('img[src^="blob:"]').length,
            minNaturalWidth: Math.min(...[...clock.seen].map((img) => img.naturalWidth)),
          });
        },
        // Thumbnails are the only images with object URLs on the card (the diagram is inline SVG).
        scan() {
          if (Number.isNaN(clock.stepAt) && [...document.querySelectorAll('h3')].some((h) => h.textContent === title)) clock.stepAt = performance.now();
          for (const img of document.querySelectorAll<HTMLImageElement>('img[src^="blob:"]')) {
            if (clock.seen.has(img)) continue;
            clock.seen.add(img);
            if (Number.isNaN(clock.firstAt)) clock.firstAt = performance.now();
            img.decode().then(
              () => {
                clock.decoded += 1;
                clock.lastDecodedAt = performance.now();
                if (clock.decoded === count) clock.finish();
              },
              (error: unknown) => clock.fail(`a thumbnail did not decode: ${String(error)}`),
            );
          }
          if (clock.seen.size >= count && Number.isNaN(clock.allAt)) clock.allAt = performance.now();
        },
      };
      clock.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
    });
  }, [expected, heading] as const);
}

export async function measureThumbnails(options: ThumbsBenchOptions): Promise<ThumbsBenchResult> {
  const total = options.perSlot * PHOTO_SLOTS.length;
  const fixtures = await cameraJpegs(options.fixturesDir, 'card', total, options.width, options.height);
  const tablet = await openAppTablet('thumbnails');
  try {
    const { origin, context, page, errors } = tablet;
    const countDexieDebug = await watchDexieDebug(page);
    let consoleTasks = 0;
    const countTasks = async () => {
      consoleTasks = await countDexieDebug();
    };

    // Set-up: install (service worker and precache), a new card, 5 photos in each slot.
    const setupStart = Date.now();
    await page.goto(origin, { timeout: 30_000 });
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: zh('jobs.new') }).tap();
    await page.waitForURL(/\/jobs\/[^/]+\//, { timeout: 30_000 });
    const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const walkaroundStep = page.getByRole('navigation').getByRole('button', { name: zh('step.walkaround') });
    await walkaroundStep.tap();
    const general = page.getByRole('region', { name: zh('photos.general') });
    for (const [i, slot] of PHOTO_SLOTS.entries()) {
      const files = fixtures.files.slice(i * options.perSlot, (i + 1) * options.perSlot).map((f) => f.path);
      await general.getByLabel(`${zh('photos.gallery')} · ${zh(`slot.${slot}`)}`, { exact: true }).setInputFiles(files);
      await page.waitForFunction(
        (n) => [...document.querySelectorAll<HTMLImageElement>('img[src^="blob:"]')].filter((img) => img.complete && img.naturalWidth > 0).length >= n,
        (i + 1) * options.perSlot,
        { timeout: 60_000 },
      );
    }
    const stored = await readStoredPhotos(page, jobId);
    if (stored.photos !== total || stored.thumbs !== total) {
      throw new Error(`set-up stored ${stored.photos} photos with ${stored.thumbs} distinct thumbnails, expected ${total}`);
    }
    const setupMs = Date.now() - setupStart;
    await countTasks();

    const oneRun = async (rate: number): Promise<ThumbRun> => {
      // A new document at the card's first step: nothing of the last run is left in memory.
      await page.goto(`${origin}/jobs/${jobId}/customer`, { timeout: 30_000 });
      await walkaroundStep.waitFor({ state: 'visible', timeout: 30_000 });
      // Idle first, as when the advisor looks at the card before tapping: two frames, 300 ms.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
      const cdp = rate > 1 ? await context.newCDPSession(page) : null;
      try {
        await cdp?.send('Emulation.setCPUThrottlingRate', { rate });
        await armThumbnailClock(page, total, zh('walkaround.title'));
        await walkaroundStep.tap();
        const run = await page.evaluate(() => {
          if (!window.benchThumbs) throw new Error('thumbnail clock not armed');
          return window.benchThumbs;
        });
        await cdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await countTasks();
        if (run.thumbnails !== total || !(run.minNaturalWidth > 0) || !Number.isFinite(run.decodedMs)) {
          throw new Error(`thumbnail run saw ${run.thumbnails} thumbnails, smallest ${run.minNaturalWidth} px wide, ${run.decodedMs} ms`);
        }
        return { ...run, cpuThrottlingRate: rate };
      } finally {
        await cdp?.detach();
      }
    };
    const runs: ThumbRun[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await oneRun(1));
    const throttledRuns: ThumbRun[] = [];
    if (options.throttledRate > 1) for (let i = 0; i < options.runs; i++) throttledRuns.push(await oneRun(options.throttledRate));
    if (errors.length > 0) throw new Error(`page errors in the app: ${errors.join('; ')}`);
    if (consoleTasks > 0) throw new Error(`Dexie's debug mode was on (${consoleTasks} console.createTask calls): the timings would not be a tablet's`);
    const fixtureInfo = {
      count: total,
      width: options.width,
      height: options.height,
      meanBytes: fixtures.files.reduce((sum, f) => sum + f.bytes, 0) / total,
      madeNow: fixtures.made,
    };
    return { photos: total, fixtures: fixtureInfo, distinctThumbnails: stored.thumbs, setupMs, origin, consoleTasks, runs, throttledRuns };
  } finally {
    await tablet.close();
  }
}

// The estimate and signing figures of issue 4, in the built app as the advisor and the
// customer meet them: (1) the catalogue search box over a 20,000-item catalogue, timed per
// keystroke from the input event to the results on screen; (2) customer mode (客户模式) opening
// for a card with 40 photos, from the tap on 请顾客签字 to the review with every photo
// thumbnail decoded and the signature pad on screen.
//
// One tablet session (the app at http://walkaround.bench:<port>, as in thumbs-bench.ts: Dexie's
// debug mode stays off, the service worker and Web Crypto work):
// - Set-up through the UI: a new card; on 环车检查, 4 damage marks with 2 photos each and 4
//   photos in each of the 8 general slots, picked with setInputFiles (40 distinct photos and
//   thumbnails stored by the real pipeline; the check-in review shows damage photos under each
//   mark and general photos in their own section, so all 40 are in what the customer signs).
// - The catalogue: 20,000 items made in Node (catalogue-items.ts), written straight into the
//   app's IndexedDB 'catalogue' store, replacing what is there, once the app has opened the
//   database at its current version. Not through the CSV import UI: that would add CSV parsing,
//   the pinyin dictionary and row validation of a one-off import to the set-up, none of which
//   the figure is about, and make it depend on the import screen; the rows written are what
//   importCatalogue(db, items, 'replace') would leave (one transaction: clear, then every item,
//   each checked in Node against the app's catalogueItemSchema). Then a new document, so the
//   app's in-memory catalogue (catalogue-store.ts) loads those 20,000 from IndexedDB.
// - Per keystroke: the page listens for the `input` event (its timeStamp starts the clock; a
//   Chinese character arrives as text insertion, like an IME's commit, a Latin one as a key
//   press) and stops when the results list shows exactly what search() over the same items
//   returns for the text now in the box (computed in Node with the app's createCatalogueIndex),
//   then waits for the next frame to be painted (requestAnimationFrame, then a task). Checked
//   after every DOM mutation, after the event has gone through React's handler, and each frame.
// - Customer mode: the PIN is set once through the hand-over dialog (untimed); then each run
//   taps 请顾客签字 on the card's 客户签字 step and the page times from that click event to every
//   thumbnail of the review decoded (img.decode()) and the signature canvas laid out and sized,
//   then the next painted frame; then 顾问解锁 with the PIN. Runs "cold" start from a new
//   document (customer-mode code and the thumbnails' object URLs not yet in the page, as after
//   the app starts); "warm" runs follow each other in one document, as when the advisor hands
//   over a second time.
// - Pure search(): the same item list and the same box contents through createCatalogueIndex in
//   a harness page (Vite dev server), for information.
import type { BrowserContext, Page } from 'playwright-core';
import type { CatalogueItem } from '../../src/shared/catalogue.ts';
import { createCatalogueIndex } from '../../src/shared/catalogue-search.ts';
import { PHOTO_SLOTS } from '../../src/shared/walkaround.ts';
import { waitForServiceWorker } from '../e2e/support/browser.ts';
import type { CatalogueSearchTiming, LongTask } from './bench-api.ts';
import { openAppTablet, watchDexieDebug } from './bench-browser.ts';
import { realisticCatalogue } from './catalogue-items.ts';
import { armClickStart } from './click-clock.ts';
import { cameraJpegs } from './photo-fixtures.ts';
import { startHarnessServer } from './vite-harness.ts';
import { zh } from './zh.ts';

export type SigningBenchOptions = {
  /** Catalogue size and generator seed. */
  items: number;
  seed: number;
  /** What the advisor types, character by character; each query `rounds` times. */
  queries: string[];
  rounds: number;
  /** Idle between keystrokes, as between the taps of someone typing. */
  pauseMs: number;
  /** Damage marks, photos on each, and general photos in each of the 8 slots. */
  damages: number;
  photosPerDamage: number;
  perSlot: number;
  /** Timed openings of customer mode, cold (new document) and then warm (same document). */
  runs: number;
  pin: string;
  width: number;
  height: number;
  fixturesDir: string;
  /** Repeats of each query in the pure search() timing. */
  searchRepeats: number;
};

export type KeystrokeTiming = {
  query: string;
  /** What the box held after the keystroke. */
  value: string;
  round: number;
  /** Rows shown, and all items the query matches (counted in Node). */
  rows: number;
  matches: number;
  /** From the input event to the results list in the DOM showing this query's results. */
  domMs: number;
  /** ... to the requestAnimationFrame callback of the frame that paints them. */
  frameMs: number;
  /** ... to the first task after that frame: the figure. */
  paintedMs: number;
};

export type CustomerRun = {
  cold: boolean;
  /** From the click on 请顾客签字 to the first task after the frame that shows it all: the figure. */
  paintedMs: number;
  /** ... to the last thumbnail decoded and the signature canvas sized, whichever came last. */
  readyMs: number;
  /** ... to the lock taken (the address is /customer: the PIN row was read, lockForCustomer ran). */
  lockedMs: number;
  /** ... to App's Suspense fallback for customer mode in the page; null when it never showed. */
  fallbackMs: number | null;
  /** ... to customer mode's own bar in the page (its code loaded and rendered). */
  barShownMs: number;
  /** ... to the review's heading in the page (customer mode and the card have rendered). */
  reviewShownMs: number;
  /** ... to all thumbnail <img> elements in the page (not yet decoded). */
  allImgsMs: number;
  decodedMs: number;
  padVisibleMs: number;
  thumbnails: number;
  damageThumbnails: number;
  damageItems: number;
  minNaturalWidth: number;
  padWidth: number;
  padHeight: number;
  /** Files the page asked for after the click (code chunks, from the service worker), ms since it. */
  fetched: { file: string; startMs: number }[];
  /** Main-thread tasks of 50 ms or more between the click and the painted frame. */
  longTasks: LongTask[];
};

export type SigningBenchResult = {
  browserVersion: string;
  origin: string;
  /** console.createTask calls seen, Dexie's debug mode: the run refuses any, as a tablet has none. */
  consoleTasks: number;
  /** How long the set-up took (not one of the figures): install, a new card, its damage marks and photos stored. */
  setupMs: number;
  catalogue: {
    items: number;
    labourItems: number;
    generateMs: number;
    /** The app's database version when the items were written (Dexie's version 3 is 30). */
    idbVersion: number;
    writeMs: number;
    /** From the tap on 估价单 to the search box with the catalogue loaded (no loading note). */
    readyMs: number;
    /** Rows the picker shows at most, learned from the page. */
    resultLimit: number;
    examples: string[];
    keystrokes: KeystrokeTiming[];
    pureSearch: { buildMs: number; timings: CatalogueSearchTiming[] };
  };
  customer: {
    photos: number;
    damages: number;
    damagePhotos: number;
    generalPhotos: number;
    distinctThumbnails: number;
    fixtures: { count: number; width: number; height: number; meanBytes: number; madeNow: number };
    runs: CustomerRun[];
    warmRuns: CustomerRun[];
  };
};

declare global {
  interface Window {
    benchKey?: Promise<Pick<KeystrokeTiming, 'domMs' | 'frameMs' | 'paintedMs' | 'rows'>>;
    benchCustomer?: Promise<Omit<CustomerRun, 'cold'>>;
    benchCatalogueReady?: Promise<number>;
  }
}

type StoredCard = { photos: number; damages: number; damagePhotos: number; generalPhotos: number; thumbs: number };

/** Live damages and photos of the job, read straight from IndexedDB. */
function readStoredCard(page: Page, jobId: string): Promise<StoredCard> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('walkaround');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    type Row = { damages?: Record<string, { deletedAt: string | null }>; photos?: Record<string, { thumbSha256: string; damageId: string | null; deletedAt: string | null }> };
    const job = await new Promise<Row | undefined>((resolve, reject) => {
      const request = db.transaction('jobs').objectStore('jobs').get(id);
      request.onsuccess = () => resolve(request.result as Row | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const photos = Object.values(job?.photos ?? {}).filter((p) => p.deletedAt === null);
    return {
      photos: photos.length,
      damages: Object.values(job?.damages ?? {}).filter((d) => d.deletedAt === null).length,
      damagePhotos: photos.filter((p) => p.damageId !== null).length,
      generalPhotos: photos.filter((p) => p.damageId === null).length,
      thumbs: new Set(photos.map((p) => p.thumbSha256)).size,
    };
  }, jobId);
}

/** Replaces the app's catalogue table with `items` in one transaction; the database's version. */
function writeCatalogue(page: Page, items: CatalogueItem[]): Promise<{ version: number; count: number }> {
  return page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('walkaround');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('catalogue')) throw new Error(`database 'walkaround' v${db.version} has no catalogue store`);
      const count = await new Promise<number>((resolve, reject) => {
        const tx = db.transaction('catalogue', 'readwrite');
        const store = tx.objectStore('catalogue');
        store.clear();
        for (const row of rows) store.put(row);
        const counted = store.count();
        tx.oncomplete = () => resolve(counted.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('catalogue write aborted'));
      });
      return { version: db.version, count };
    } finally {
      db.close();
    }
  }, items);
}

/** Two frames and `ms` of quiet, as when the advisor looks at the screen before tapping. */
const idle = (page: Page, ms: number) =>
  page.evaluate((wait) => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, wait)))), ms);

/**
 * Arms the page for one keystroke: the next `input` event starts the clock; the results list
 * showing `codes` for box text `value` stops it, then the next painted frame. (No named arrow
 * functions in here: tsx would wrap them in a helper the page does not have.)
 */
function armKeystroke(page: Page, label: string, value: string, codes: string[]): Promise<void> {
  return page.evaluate(
    ([labelText, want, wantCodes]) => {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent === labelText)?.control;
      const list = input ? document.getElementById(input.getAttribute('aria-controls') ?? '') : null;
      if (!(input instanceof HTMLInputElement) || !list) throw new Error(`no search box labelled ${labelText} with a results list`);
      window.benchKey = new Promise((resolve, reject) => {
        const k = {
          inputAt: Number.NaN,
          domAt: Number.NaN,
          done: false,
          observer: new MutationObserver(() => k.check()),
          timer: setTimeout(() => k.fail(), 10_000),
          rows(): string[] {
            return [...list.querySelectorAll('.catalogue-code')].map((e) => e.textContent ?? '');
          },
          fail() {
            k.done = true;
            k.observer.disconnect();
            reject(new Error(`the results for "${want}" never showed: box "${input.value}", rows ${JSON.stringify(k.rows())}, expected ${JSON.stringify(wantCodes)}`));
          },
          check() {
            if (k.done || Number.isNaN(k.inputAt) || !Number.isNaN(k.domAt) || input.value !== want) return;
            const rows = k.rows();
            if (rows.length !== wantCodes.length || rows.some((code, i) => code !== wantCodes[i])) return;
            k.domAt = performance.now();
            k.observer.disconnect();
            requestAnimationFrame(() => {
              const frameAt = performance.now();
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                k.done = true;
                clearTimeout(k.timer);
                const paintedAt = performance.now();
                resolve({ domMs: k.domAt - k.inputAt, frameMs: frameAt - k.inputAt, paintedMs: paintedAt - k.inputAt, rows: rows.length });
              };
              channel.port2.postMessage(null);
            });
          },
          poll() {
            if (k.done) return;
            k.check();
            requestAnimationFrame(() => k.poll());
          },
        };
        // Capture on the document: the first listener to see the event, before React's.
        document.addEventListener(
          'input',
          (event) => {
            if (Number.isNaN(k.inputAt)) k.inputAt = event.timeStamp;
          },
          { capture: true, once: true },
        );
        // Bubbling to the window: after React's root listener and the render it flushes, so a
        // list that does not change with this keystroke counts as shown from here on.
        window.addEventListener('input', () => k.check(), { once: true });
        k.observer.observe(list.parentElement ?? list, { childList: true, subtree: true, characterData: true });
        requestAnimationFrame(() => k.poll());
      });
    },
    [label, value, codes] as const,
  );
}

/**
 * Arms the page for one opening of customer mode: the next click starts the clock; the review
 * (an h1 saying `title`) with `expected` decoded thumbnails and the canvas labelled `padLabel`
 * laid out stops it, then the next painted frame.
 */
async function armCustomerClock(page: Page, title: string, padLabel: string, barText: string, expected: number): Promise<void> {
  await armClickStart(page);
  await page.evaluate(
    ([heading, pad, bar, count]) => {
      const longTasks: { startMs: number; durationMs: number }[] = [];
      const tasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
      });
      tasks.observe({ type: 'longtask' });
      window.benchCustomer = new Promise((resolve, reject) => {
        const clock = {
          done: false,
          main: null as HTMLElement | null,
          lockedAt: Number.NaN,
          fallbackAt: Number.NaN,
          barAt: Number.NaN,
          seen: new Set<HTMLImageElement>(),
          reviewAt: Number.NaN,
          allAt: Number.NaN,
          decoded: 0,
          lastDecodedAt: Number.NaN,
          padAt: Number.NaN,
          padWidth: 0,
          padHeight: 0,
          observer: new MutationObserver(() => clock.scan()),
          timer: setTimeout(() => clock.fail(`after 20 s: ${clock.decoded} of ${count} thumbnails decoded (${clock.seen.size} in the page), pad ${Number.isNaN(clock.padAt) ? 'not shown' : 'shown'}`), 20_000),
          fail(message: string) {
            clock.done = true;
            clearTimeout(clock.timer);
            clock.observer.disconnect();
            reject(new Error(message));
          },
          finish() {
            clock.done = true;
            clock.observer.disconnect();
            const readyAt = Math.max(clock.lastDecodedAt, clock.padAt);
            const imgs = [...clock.seen];
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                clearTimeout(clock.timer);
                const paintedAt = performance.now();
                const clickAt = window.benchClickAt ?? Number.NaN;
                tasks.disconnect();
                const fetched = performance.getEntriesByType('resource')
                  .filter((e) => e.startTime >= clickAt)
                  .map((e) => ({ file: e.name.replace(/^.*\//, ''), startMs: e.startTime - clickAt }));
                resolve({
                  fetched,
                  longTasks: longTasks
                    .filter((t) => t.startMs + t.durationMs >= clickAt && t.startMs <= paintedAt)
                    .map((t) => ({ startMs: t.startMs - clickAt, durationMs: t.durationMs })),
                  paintedMs: paintedAt - clickAt,
                  readyMs: readyAt - clickAt,
                  lockedMs: clock.lockedAt - clickAt,
                  fallbackMs: Number.isNaN(clock.fallbackAt) ? null : clock.fallbackAt - clickAt,
                  barShownMs: clock.barAt - clickAt,
                  reviewShownMs: clock.reviewAt - clickAt,
                  allImgsMs: clock.allAt - clickAt,
                  decodedMs: clock.lastDecodedAt - clickAt,
                  padVisibleMs: clock.padAt - clickAt,
                  thumbnails: imgs.filter((img) => img.isConnected).length,
                  damageThumbnails: imgs.filter((img) => img.isConnected && img.closest('ol') !== null).length,
                  damageItems: clock.main?.querySelectorAll('ol > li').length ?? 0,
                  minNaturalWidth: Math.min(...imgs.map((img) => img.naturalWidth)),
                  padWidth: clock.padWidth,
                  padHeight: clock.padHeight,
                });
              };
              channel.port2.postMessage(null);
            });
          },
          scan() {
            if (clock.done) return;
            if (Number.isNaN(clock.lockedAt) && location.pathname === '/customer') clock.lockedAt = performance.now();
            if (Number.isNaN(clock.barAt) && (document.body.textContent ?? '').includes(bar)) clock.barAt = performance.now();
            // App.tsx's <Suspense fallback={<main className="customer-mode" aria-busy="true" />}>.
            if (Number.isNaN(clock.fallbackAt) && Number.isNaN(clock.barAt) && document.querySelector('main.customer-mode[aria-busy="true"]')) {
              clock.fallbackAt = performance.now();
            }
            if (!clock.main) {
              const h1 = [...document.querySelectorAll('main h1')].find((h) => h.textContent === heading);
              if (!h1) return;
              clock.main = h1.closest('main');
              clock.reviewAt = performance.now();
            }
            const main = clock.main;
            if (!main) return;
            for (const img of main.querySelectorAll<HTMLImageElement>('img[src^="blob:"]')) {
              if (clock.seen.has(img)) continue;
              clock.seen.add(img);
              img.decode().then(
                () => {
                  clock.decoded += 1;
                  clock.lastDecodedAt = performance.now();
                  clock.scan();
                },
                (error: unknown) => clock.fail(`a thumbnail did not decode: ${String(error)}`),
              );
            }
            if (clock.seen.size >= count && Number.isNaN(clock.allAt)) clock.allAt = performance.now();
            if (Number.isNaN(clock.padAt)) {
              const canvas = main.querySelector<HTMLCanvasElement>(`canvas[aria-label="${pad}"]`);
              const box = canvas?.getBoundingClientRect();
              // Laid out with a size, and its backing store sized to it by the pad's fit().
              if (canvas && box && box.width > 0 && box.height > 0 && canvas.width > 0 && canvas.height > 0) {
                clock.padAt = performance.now();
                clock.padWidth = Math.round(box.width);
                clock.padHeight = Math.round(box.height);
              }
            }
            if (clock.decoded >= count && !Number.isNaN(clock.padAt)) clock.finish();
          },
          poll() {
            if (clock.done) return;
            clock.scan();
            requestAnimationFrame(() => clock.poll());
          },
        };
        clock.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'width', 'height', 'style'] });
        requestAnimationFrame(() => clock.poll());
      });
    },
    [title, padLabel, barText, expected] as const,
  );
}

/** Arms the page: the next click starts the clock, the catalogue loaded in the picker stops it. */
async function armCatalogueClock(page: Page, label: string, loading: string, failed: string): Promise<void> {
  await armClickStart(page);
  await page.evaluate(
    ([labelText, loadingText, failedText]) => {
      window.benchCatalogueReady = new Promise((resolve, reject) => {
        const clock = {
          timer: setTimeout(() => reject(new Error('the catalogue was not loaded after 30 s')), 30_000),
          poll() {
            const clickAt = window.benchClickAt ?? Number.NaN;
            const box = [...document.querySelectorAll('label')].find((l) => l.textContent === labelText)?.control;
            const text = document.body.textContent ?? '';
            if (box && !Number.isNaN(clickAt) && text.includes(failedText)) {
              clearTimeout(clock.timer);
              reject(new Error(`the catalogue failed to load: ${text.slice(text.indexOf(failedText), text.indexOf(failedText) + 200)}`));
            } else if (box && !Number.isNaN(clickAt) && !text.includes(loadingText)) {
              clearTimeout(clock.timer);
              resolve(performance.now() - clickAt);
            } else requestAnimationFrame(() => clock.poll());
          },
        };
        requestAnimationFrame(() => clock.poll());
      });
    },
    [label, loading, failed.replace(/\{.*$/, '')] as const,
  );
}

export async function measureSigning(options: SigningBenchOptions): Promise<SigningBenchResult> {
  const total = options.damages * options.photosPerDamage + options.perSlot * PHOTO_SLOTS.length;
  const fixtures = await cameraJpegs(options.fixturesDir, 'card', total, options.width, options.height);
  const generateStart = performance.now();
  const items = realisticCatalogue(options.items, options.seed);
  const generateMs = performance.now() - generateStart;
  const index = createCatalogueIndex(items);

  const tablet = await openAppTablet('signing');
  try {
    const { origin, context, page, errors } = tablet;
    const cdp = await context.newCDPSession(page);
    const version = await cdp.send('Browser.getVersion');
    await cdp.detach();
    // Read and reset before every navigation and at the end: each document counts its own.
    const countDexieDebug = await watchDexieDebug(page);
    let consoleTasks = 0;
    const countTasks = async () => {
      consoleTasks = await countDexieDebug();
    };
    const open = async (path: string) => {
      await countTasks();
      await page.goto(`${origin}${path}`, { timeout: 30_000 });
    };
    const stepButton = (step: string) => page.getByRole('navigation').getByRole('button', { name: zh(`step.${step}`) });

    // Set-up: install, a new card, damage marks with photos, general photos.
    const setupStart = Date.now();
    await open('/');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: zh('jobs.new') }).tap();
    await page.waitForURL(/\/jobs\/[^/]+\//, { timeout: 30_000 });
    const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await stepButton('walkaround').tap();
    const files = fixtures.files.map((f) => f.path);
    const marks = [
      ['top', 'scratch'],
      ['left', 'dent'],
      ['right', 'chip'],
      ['rear', 'crack'],
      ['front', 'rust'],
    ] as const;
    if (options.damages > marks.length) throw new Error(`at most ${marks.length} damage marks`);
    const waitForStored = async (photos: number, damages: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const stored = await readStoredCard(page, jobId);
        if (stored.photos >= photos && stored.damages >= damages) return stored;
        if (Date.now() > deadline) throw new Error(`set-up: ${stored.photos} of ${photos} photos and ${stored.damages} of ${damages} damages stored after 60 s`);
        await page.waitForTimeout(100);
      }
    };
    let used = 0;
    for (const [i, [view, type]] of marks.slice(0, options.damages).entries()) {
      const diagram = page.getByRole('group', { name: zh('walkaround.diagram', { view: zh(`view.${view}`) }) });
      const box = await diagram.boundingBox();
      if (!box) throw new Error(`the ${view} view has no box`);
      await diagram.click({ position: { x: box.width * 0.45, y: box.height * 0.5 } });
      await page.getByRole('region', { name: zh('damage.type') }).getByRole('button', { name: zh('damage.choice', { type: zh(`damage.type.${type}`), severity: zh('severity.minor') }), exact: true }).tap();
      const label = zh('damage.marker', { type: zh(`damage.type.${type}`), severity: zh('severity.minor'), view: zh(`view.${view}`) });
      await page.getByLabel(`${zh('photos.gallery')} · ${label}`, { exact: true }).setInputFiles(files.slice(used, used + options.photosPerDamage));
      used += options.photosPerDamage;
      await waitForStored(used, i + 1);
      await page.getByRole('region', { name: zh('damage.edit') }).getByRole('button', { name: zh('damage.done'), exact: true }).tap();
    }
    const general = page.getByRole('region', { name: zh('photos.general') });
    for (const slot of PHOTO_SLOTS) {
      await general.getByLabel(`${zh('photos.gallery')} · ${zh(`slot.${slot}`)}`, { exact: true }).setInputFiles(files.slice(used, used + options.perSlot));
      used += options.perSlot;
      await waitForStored(used, options.damages);
    }
    const stored = await readStoredCard(page, jobId);
    if (stored.photos !== total || stored.thumbs !== total || stored.damages !== options.damages || stored.damagePhotos !== options.damages * options.photosPerDamage) {
      throw new Error(`set-up stored ${JSON.stringify(stored)}, expected ${total} photos and thumbnails, ${options.damages} damages`);
    }

    // The catalogue: 20,000 items in place of the sample, then a new document.
    const writeStart = performance.now();
    const written = await writeCatalogue(page, items);
    const writeMs = performance.now() - writeStart;
    if (written.count !== items.length) throw new Error(`catalogue store holds ${written.count} items, expected ${items.length}`);
    const setupMs = Date.now() - setupStart;
    await open(`/jobs/${jobId}/customer`);
    await stepButton('estimate').waitFor({ state: 'visible', timeout: 30_000 });
    await idle(page, 300);
    const searchLabel = zh('catalogue.search');
    await armCatalogueClock(page, searchLabel, zh('catalogue.loading'), zh('catalogue.failed'));
    await stepButton('estimate').tap();
    const catalogueReadyMs = await page.evaluate(() => {
      if (!window.benchCatalogueReady) throw new Error('catalogue clock not armed');
      return window.benchCatalogueReady;
    });
    const searchBox = page.getByLabel(searchLabel, { exact: true });
    const rowCount = () => page.evaluate((labelText) => {
      const input = [...document.querySelectorAll('label')].find((l) => l.textContent === labelText)?.control;
      return document.getElementById(input?.getAttribute('aria-controls') ?? '')?.querySelectorAll('li').length ?? -1;
    }, searchLabel);
    const clear = async () => {
      await searchBox.fill('');
      await page.waitForFunction((labelText) => {
        const input = [...document.querySelectorAll('label')].find((l) => l.textContent === labelText)?.control;
        return document.getElementById(input?.getAttribute('aria-controls') ?? '')?.querySelectorAll('li').length === 0;
      }, searchLabel, { timeout: 10_000 });
    };

    // How many rows the picker shows: a query that matches thousands, untimed (warms up too).
    await searchBox.tap();
    await page.keyboard.type('gh', { delay: 50 });
    await page.waitForTimeout(500);
    const resultLimit = await rowCount();
    const ghMatches = index.search('gh', items.length).length;
    if (!(resultLimit > 0 && ghMatches > resultLimit)) throw new Error(`could not learn the picker's row limit: ${resultLimit} rows shown, ${ghMatches} matches`);
    await clear();

    const expectedCodes = (value: string) => {
      const trimmed = value.trim();
      return trimmed === '' ? [] : index.search(trimmed, resultLimit).map((item) => item.code);
    };
    const keystrokes: KeystrokeTiming[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const query of options.queries) {
        let value = '';
        for (const char of Array.from(query)) {
          value += char;
          await armKeystroke(page, searchLabel, value, expectedCodes(value));
          await page.keyboard.type(char);
          const timing = await page.evaluate(() => {
            if (!window.benchKey) throw new Error('keystroke clock not armed');
            return window.benchKey;
          });
          const matches = value.trim() === '' ? 0 : index.search(value.trim(), items.length).length;
          keystrokes.push({ query, value, round, matches, ...timing });
          await page.waitForTimeout(options.pauseMs);
        }
        await clear();
      }
    }

    // Customer mode: the PIN once, through the first hand-over (untimed).
    const handOver = page.getByRole('region', { name: zh('signing.kind.checkin'), exact: true }).getByRole('button', { name: zh('signing.handToCustomer') });
    const unlockButton = page.getByRole('button', { name: zh('customer.unlock'), exact: true });
    const unlock = async () => {
      await unlockButton.tap();
      const dialog = page.getByRole('dialog', { name: zh('customer.unlock') });
      await dialog.getByLabel(zh('pin.label'), { exact: true }).fill(options.pin);
      await dialog.getByRole('button', { name: zh('pin.unlock'), exact: true }).tap();
      await page.waitForURL(new RegExp(`/jobs/${jobId}/signing$`), { timeout: 30_000 });
      await handOver.waitFor({ state: 'visible', timeout: 30_000 });
    };
    await open(`/jobs/${jobId}/signing`);
    await handOver.tap();
    await page.getByLabel(zh('pin.new'), { exact: true }).fill(options.pin);
    await page.getByLabel(zh('pin.repeat'), { exact: true }).fill(options.pin);
    await page.getByRole('button', { name: zh('pin.save'), exact: true }).tap();
    await unlockButton.waitFor({ state: 'visible', timeout: 30_000 });
    await unlock();

    const title = zh('signing.kind.checkin');
    const oneRun = async (cold: boolean): Promise<CustomerRun> => {
      if (cold) {
        await open(`/jobs/${jobId}/signing`);
        await handOver.waitFor({ state: 'visible', timeout: 30_000 });
      }
      await idle(page, 300);
      await armCustomerClock(page, title, zh('signing.pad'), zh('customer.locked'), total);
      await handOver.tap();
      const run = await page.evaluate(() => {
        if (!window.benchCustomer) throw new Error('customer-mode clock not armed');
        return window.benchCustomer;
      });
      const damageThumbs = options.damages * options.photosPerDamage;
      if (run.thumbnails !== total || run.damageThumbnails !== damageThumbs || run.damageItems !== options.damages || !(run.minNaturalWidth > 0)) {
        throw new Error(`customer mode showed ${run.thumbnails} thumbnails (${run.damageThumbnails} under ${run.damageItems} damages), smallest ${run.minNaturalWidth} px wide`);
      }
      await unlock();
      return { cold, ...run };
    };
    const runs: CustomerRun[] = [];
    for (let i = 0; i < options.runs; i++) runs.push(await oneRun(true));
    const warmRuns: CustomerRun[] = [];
    for (let i = 0; i < options.runs; i++) warmRuns.push(await oneRun(false));
    await countTasks();
    if (errors.length > 0) throw new Error(`page errors in the app: ${errors.join('; ')}`);
    if (consoleTasks > 0) throw new Error(`Dexie's debug mode was on (${consoleTasks} console.createTask calls): the timings would not be a tablet's`);

    // Pure search(): the same items and box contents in a harness page, same browser.
    const pureSearch = await measurePureSearch(context, items, [...new Set(keystrokes.map((k) => k.value.trim()))], resultLimit, options.searchRepeats);

    return {
      browserVersion: version.product,
      origin,
      consoleTasks,
      setupMs,
      catalogue: {
        items: items.length,
        labourItems: items.filter((item) => item.kind === 'labour').length,
        generateMs,
        idbVersion: written.version,
        writeMs,
        readyMs: catalogueReadyMs,
        resultLimit,
        examples: items.slice(0, 6).map((item) => `${item.code} ${item.name} (${item.initials})`),
        keystrokes,
        pureSearch,
      },
      customer: {
        photos: stored.photos,
        damages: stored.damages,
        damagePhotos: stored.damagePhotos,
        generalPhotos: stored.generalPhotos,
        distinctThumbnails: stored.thumbs,
        fixtures: {
          count: total,
          width: options.width,
          height: options.height,
          meanBytes: fixtures.files.reduce((sum, f) => sum + f.bytes, 0) / total,
          madeNow: fixtures.made,
        },
        runs,
        warmRuns,
      },
    };
  } finally {
    await tablet.close();
  }
}

async function measurePureSearch(
  context: BrowserContext,
  items: CatalogueItem[],
  queries: string[],
  limit: number,
  repeats: number,
): Promise<{ buildMs: number; timings: CatalogueSearchTiming[] }> {
  const vite = await startHarnessServer('tests/bench/catalogue-harness.html');
  const page = await context.newPage();
  try {
    const loadFailed = new Promise<never>((_, reject) => {
      page.once('pageerror', (error) => reject(new Error(`catalogue harness did not start: ${error.message}`)));
    });
    loadFailed.catch(() => undefined);
    await page.goto(vite.url, { timeout: 60_000 });
    await Promise.race([page.waitForFunction(() => window.catalogueBench !== undefined, undefined, { timeout: 60_000 }), loadFailed]);
    const built = await page.evaluate((rows) => {
      if (!window.catalogueBench) throw new Error('window.catalogueBench is missing');
      return window.catalogueBench.build(rows);
    }, items);
    if (built.size !== items.length) throw new Error(`catalogue harness indexed ${built.size} items, expected ${items.length}`);
    const timings = await page.evaluate(
      ([q, l, r]) => {
        if (!window.catalogueBench) throw new Error('window.catalogueBench is missing');
        return window.catalogueBench.search(q, l, r, 3);
      },
      [queries, limit, repeats] as const,
    );
    return { buildMs: built.ms, timings };
  } finally {
    await page.close();
    await vite.close();
  }
}

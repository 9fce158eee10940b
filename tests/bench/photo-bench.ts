// Photos from the camera to IndexedDB in real Chromium: camera-sized JPEGs (made with sharp,
// photo-fixtures.ts) are put into photo-harness.html's file input with setInputFiles, as the
// tablet's picker hands them over, and go through the app's own processPhotos + addPhoto.
// First one photo at a time (the per-photo time), then 10-photo batches while the page
// watches its main thread and heap; this side adds what the page cannot see of itself: the
// photo worker's heap (over CDP) and the renderer processes' resident memory (from /proc),
// where the decoded camera bitmaps and canvases live. No CPU throttling here.
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { newProfileDir, watchErrors } from '../e2e/support/browser.ts';
import type { BatchResult, PerPhotoResult } from './bench-api.ts';
import { launchTabletWith } from './bench-browser.ts';
import { defer } from './cleanup.ts';
import { cameraJpegs } from './photo-fixtures.ts';
import { startHarnessServer } from './vite-harness.ts';

export type PhotoBenchOptions = {
  /** Untimed photos first (the first starts the worker). */
  warmup: number;
  /** Timed photos, one at a time. */
  photos: number;
  batchSize: number;
  batchRuns: number;
  width: number;
  height: number;
  fixturesDir: string;
};

/**
 * What the runner saw from outside the page during one batch, sampled every 50 ms. (The page's
 * own performance.memory figure, in BatchResult, already counts its ArrayBuffers: in this
 * Chromium it equals CDP Runtime.getHeapUsage's usedSize + backingStorageSize.)
 */
export type OutsideSamples = {
  samples: number;
  /** Runtime.getHeapUsage of the photo worker (V8 heap; its ArrayBuffers apart), null when
   *  the worker could not be attached. */
  workerHeapBaselineBytes: number | null;
  workerHeapPeakBytes: number | null;
  workerBuffersPeakBytes: number | null;
  /** Resident memory of the browser's renderer processes (summed), from /proc: includes
   *  decoded bitmaps and canvases, which no JS heap figure shows. Null off Linux. */
  rendererRssBaselineBytes: number | null;
  rendererRssPeakBytes: number | null;
};

export type BatchRun = BatchResult & OutsideSamples;

export type PhotoBenchResult = {
  browserVersion: string;
  dexieDebug: boolean;
  fixtures: { count: number; width: number; height: number; meanBytes: number; madeNow: number; generateMs: number };
  perPhoto: PerPhotoResult;
  batches: BatchRun[];
};

type HeapUsage = { usedSize: number; totalSize: number; backingStorageSize?: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The photo worker's own CDP session. Playwright does not expose workers over CDP, so this
 * page session auto-attaches to them itself, unflattened, and talks to the worker through
 * Target.sendMessageToTarget.
 */
async function attachWorkers(cdp: CDPSession): Promise<{ call: <T>(method: string) => Promise<T | null> }> {
  const workers = new Map<string, string>();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) workers.delete(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const photoWorker = () => [...workers].find(([, url]) => url.includes('photo-worker'))?.[0];
  return {
    /** The worker's answer, or null when there is no worker or it does not answer within 5 s. */
    async call<T>(method: string): Promise<T | null> {
      const sessionId = photoWorker();
      if (!sessionId) return null;
      const id = nextId++;
      let timer: NodeJS.Timeout | undefined;
      const answer = new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        timer = setTimeout(() => reject(new Error(`${method}: no answer from the photo worker`)), 5_000);
      });
      try {
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
        return (await answer) as T;
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
        pending.delete(id);
      }
    },
  };
}

/** The renderer processes of the browser using `profileDir` (Linux /proc; empty elsewhere). */
function rendererPids(profileDir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Chromium rewrites its command line into one space-separated string.
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
      // The browser's own UI (top-chrome WebUI) is left out: only web pages' renderers count.
      if (args.includes('--type=renderer') && !args.includes('--top-chrome-webui') && args.includes(`--user-data-dir=${profileDir}`)) {
        pids.push(Number(entry));
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

function rssBytes(pids: number[]): number | null {
  if (pids.length === 0) return null;
  let total = 0;
  for (const pid of pids) {
    try {
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // the process ended; its memory is gone too
    }
  }
  return total;
}

export async function measurePhotos(options: PhotoBenchOptions): Promise<PhotoBenchResult> {
  const count = options.warmup + options.photos;
  if (options.batchSize > count) throw new Error('a batch reuses the per-photo files: batchSize must not exceed warmup + photos');
  const generateStart = Date.now();
  const fixtures = await cameraJpegs(options.fixturesDir, 'camera', count, options.width, options.height);
  const generateMs = Date.now() - generateStart;

  const vite = await startHarnessServer('tests/bench/photo-harness.html');
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  let closeContext: () => Promise<void> = async () => undefined;
  try {
    // Precise performance.memory: without the flag Chromium buckets and caches the figure.
    const context = await launchTabletWith(profile.dir, ['--enable-precise-memory-info']);
    closeContext = defer('tablet browser (photos)', () => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    const loadFailed = new Promise<never>((_, reject) => {
      page.once('pageerror', (error) => reject(new Error(`photo harness did not start: ${error.message}`)));
    });
    loadFailed.catch(() => undefined);
    await page.goto(vite.url, { timeout: 60_000 });
    await Promise.race([page.waitForFunction(() => window.photoBench !== undefined, undefined, { timeout: 60_000 }), loadFailed]);

    const cdp = await context.newCDPSession(page);
    const version = await cdp.send('Browser.getVersion');
    const worker = await attachWorkers(cdp);
    const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      const result = await run();
      if (errors.length > 0) throw new Error(`photo harness errors during ${what}: ${errors.join('; ')}`);
      return result;
    };
    const bench = await page.evaluateHandle(() => {
      if (!window.photoBench) throw new Error('window.photoBench is missing');
      return window.photoBench;
    });

    // Files backed by the files on disk, as the picker gives them (Playwright passes the paths).
    await page.locator('#photos').setInputFiles(fixtures.files.map((f) => f.path));
    const names = await bench.evaluate((b) => b.files());
    if (names.length !== count) throw new Error(`the file input holds ${names.length} files, not ${count}`);

    await call('reset', () => bench.evaluate((b) => b.reset()));
    const dexieDebug = await bench.evaluate((b) => b.dexieDebug());
    const perPhoto = await call('per-photo run', () => bench.evaluate((b, [w, n]) => b.perPhoto(w, n), [options.warmup, options.photos] as const));
    if (perPhoto.photosOnJob !== count || perPhoto.blobRows !== 2 * count) {
      throw new Error(`per-photo run stored ${perPhoto.photosOnJob} photos and ${perPhoto.blobRows} blobs, expected ${count} and ${2 * count}`);
    }

    const batches: BatchRun[] = [];
    for (let run = 0; run < options.batchRuns; run++) {
      // A fresh database each time, so the same 10 files are all written again; then both
      // heaps are collected, so every run starts from the same floor.
      await call('reset', () => bench.evaluate((b) => b.reset()));
      await cdp.send('HeapProfiler.collectGarbage');
      await worker.call('HeapProfiler.collectGarbage');
      await sleep(200);
      const workerBefore = await worker.call<HeapUsage>('Runtime.getHeapUsage');
      // Looked up once per batch: scanning /proc every 50 ms would take CPU from the browser.
      const renderers = rendererPids(profile.dir);
      const rssBefore = rssBytes(renderers);
      const outside: OutsideSamples = {
        samples: 0,
        workerHeapBaselineBytes: workerBefore?.usedSize ?? null,
        workerHeapPeakBytes: workerBefore?.usedSize ?? null,
        workerBuffersPeakBytes: workerBefore ? (workerBefore.backingStorageSize ?? 0) : null,
        rendererRssBaselineBytes: rssBefore,
        rendererRssPeakBytes: rssBefore,
      };
      const peak = (a: number | null, b: number | null | undefined) => (a === null || b === null || b === undefined ? a : Math.max(a, b));
      let batchDone = false;
      const sampler = (async () => {
        while (!batchDone) {
          const workerUsage = await worker.call<HeapUsage>('Runtime.getHeapUsage');
          outside.samples += 1;
          outside.workerHeapPeakBytes = peak(outside.workerHeapPeakBytes, workerUsage?.usedSize);
          outside.workerBuffersPeakBytes = peak(outside.workerBuffersPeakBytes, workerUsage?.backingStorageSize);
          outside.rendererRssPeakBytes = peak(outside.rendererRssPeakBytes, rssBytes(renderers));
          await sleep(50);
        }
      })();
      let batch: BatchResult;
      try {
        batch = await call(`batch ${run + 1}`, () => bench.evaluate((b, n) => b.batch(0, n), options.batchSize));
      } finally {
        batchDone = true;
        await sampler;
      }
      batches.push({ ...batch, ...outside });
    }

    return {
      browserVersion: version.product,
      dexieDebug,
      fixtures: {
        count,
        width: options.width,
        height: options.height,
        meanBytes: fixtures.files.reduce((sum, f) => sum + f.bytes, 0) / count,
        madeNow: fixtures.made,
        generateMs,
      },
      perPhoto,
      batches,
    };
  } finally {
    await closeContext();
    await removeProfile();
    await vite.close();
  }
}

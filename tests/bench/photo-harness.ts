// Browser side of the photo benchmark: camera JPEGs from the page's file input go through the
// app's own pipeline, `processPhotos` (src/features/walkaround/photos, its module Worker
// decodes, downscales, encodes and hashes) and then `addPhoto` (src/db/photo-repo.ts: blobs,
// job and outbox in one transaction), exactly as PhotoPicker's savePhotoBatch does after its
// storage check. Timed with performance.now(); main-thread responsiveness and JS heap are
// watched from inside the page while a batch runs.
import { Dexie } from 'dexie';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { createJob } from '../../src/db/job-repo.ts';
import { addPhoto, type PhotoMeta } from '../../src/db/photo-repo.ts';
import { processPhotos, type PhotoResult } from '../../src/features/walkaround/photos/process-photos.ts';
import { live } from '../../src/shared/walkaround.ts';
import type { BatchResult, LongTask, PhotoBenchApi, PhotoTiming } from './bench-api.ts';
import { realisticCard, seededRng } from './cards.ts';

const DB_NAME = 'walkaround-bench-photos';

// As in harness.ts: Dexie's debug mode (on by itself on 127.0.0.1) stays off, as on a tablet.
Dexie.debug = new URLSearchParams(location.search).get('dexieDebug') === '1';

/** General photos of the card's front-left corner: the commonest kind at the car. */
const META: PhotoMeta = { damageId: null, slot: 'frontLeft', annotatedFromId: null };

let db: WalkaroundDb | null = null;

function database(): WalkaroundDb {
  if (!db) throw new Error('call photoBench.reset() first');
  return db;
}

function inputFiles(): File[] {
  const input = document.getElementById('photos');
  if (!(input instanceof HTMLInputElement)) throw new Error('the harness has no file input');
  return Array.from(input.files ?? []);
}

function filesAt(from: number, count: number): File[] {
  const files = inputFiles().slice(from, from + count);
  if (files.length !== count) throw new Error(`asked for files ${from}..${from + count - 1}, the input holds ${inputFiles().length}`);
  return files;
}

type Processed = Extract<PhotoResult, { ok: true }>;

function accepted(result: PhotoResult | undefined, file: File): Processed {
  if (!result) throw new Error(`no result for ${file.name}`);
  if (!result.ok) throw new Error(`${file.name} was refused: ${result.reason}`);
  return result;
}

const newJob = async (d: WalkaroundDb) => (await createJob(d, realisticCard(seededRng(11)).card)).id;

async function onePhoto(d: WalkaroundDb, jobId: string, file: File): Promise<PhotoTiming> {
  const start = performance.now();
  const result = accepted((await processPhotos([file]))[0], file);
  const processed = performance.now();
  // Read before storing: IndexedDB copies the bytes, but nothing here should depend on that.
  const { photo, thumb } = result;
  const sizes = { photoBytes: photo.bytes.byteLength, thumbBytes: thumb.bytes.byteLength };
  await addPhoto(d, jobId, result, META);
  const end = performance.now();
  return {
    name: file.name,
    fileBytes: file.size,
    totalMs: end - start,
    processMs: processed - start,
    storeMs: end - processed,
    ...sizes,
    width: photo.width,
    height: photo.height,
    thumbWidth: thumb.width,
    thumbHeight: thumb.height,
  };
}

type MemoryInfo = { usedJSHeapSize: number };
/** Chromium only; precise (not bucketed) when launched with --enable-precise-memory-info. */
const heapNow = () => (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? Number.NaN;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Watches the main thread while `work` runs: long tasks, frame and timer gaps, JS heap. */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; startMs: number; endMs: number; watch: Omit<BatchResult, 'files' | 'totalMs' | 'processMs' | 'storeMs' | 'stored'> }> {
  const entries: LongTask[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push({ startMs: entry.startTime, durationMs: entry.duration });
  });
  // buffered: true also replays long tasks from before the batch; they are filtered out below.
  observer.observe({ type: 'longtask', buffered: true });

  let running = true;
  let frames = 0;
  let maxFrameGapMs = 0;
  let timerTicks = 0;
  let maxTimerGapMs = 0;
  let lastFrame = 0;
  const onFrame = () => {
    const now = performance.now();
    maxFrameGapMs = Math.max(maxFrameGapMs, now - lastFrame);
    lastFrame = now;
    frames += 1;
    if (running) requestAnimationFrame(onFrame);
  };
  let lastTick = performance.now();
  const onTick = () => {
    const now = performance.now();
    maxTimerGapMs = Math.max(maxTimerGapMs, now - lastTick);
    lastTick = now;
    timerTicks += 1;
    if (running) setTimeout(onTick, 0);
  };

  const heapBaselineBytes = heapNow();
  let heapPeakBytes = heapBaselineBytes;
  let heapSamples = 1;
  const sampler = setInterval(() => {
    heapPeakBytes = Math.max(heapPeakBytes, heapNow());
    heapSamples += 1;
  }, 50);

  // Start on a frame boundary, so the first gap is a whole frame like all the others.
  await nextFrame();
  lastFrame = performance.now();
  requestAnimationFrame(onFrame);
  lastTick = performance.now();
  setTimeout(onTick, 0);
  const startMs = performance.now();
  let value: T;
  try {
    value = await work();
  } finally {
    running = false;
    clearInterval(sampler);
  }
  const endMs = performance.now();
  heapPeakBytes = Math.max(heapPeakBytes, heapNow());
  // A long task is reported after it ends; give the observer a moment, then take what is queued.
  await sleep(100);
  entries.push(...observer.takeRecords().map((e) => ({ startMs: e.startTime, durationMs: e.duration })));
  observer.disconnect();
  const longTasks = entries.filter((t) => t.startMs < endMs && t.startMs + t.durationMs > startMs).map((t) => ({ ...t, startMs: t.startMs - startMs }));
  return {
    value,
    startMs,
    endMs,
    watch: { longTasks, maxFrameGapMs, frames, maxTimerGapMs, timerTicks, heapBaselineBytes, heapPeakBytes, heapSamples },
  };
}

const photoBench: PhotoBenchApi = {
  async reset() {
    db?.close();
    await Dexie.delete(DB_NAME);
    db = openDatabase(DB_NAME);
    await db.open();
  },

  files: () => inputFiles().map((f) => f.name),

  async perPhoto(warmup, count) {
    const d = database();
    const files = filesAt(0, warmup + count);
    const jobId = await newJob(d);
    const warm: PhotoTiming[] = [];
    const timed: PhotoTiming[] = [];
    for (const [i, file] of files.entries()) (i < warmup ? warm : timed).push(await onePhoto(d, jobId, file));
    const job = await getJob(d, jobId);
    return { warmup: warm, timed, photosOnJob: job ? live(job.photos).length : 0, blobRows: await d.blobs.count() };
  },

  async batch(from, count) {
    const d = database();
    const files = filesAt(from, count);
    const jobId = await newJob(d);
    await sleep(100); // let the job's commit and anything else queued settle first
    let processMs = 0;
    let stored = 0;
    const { value: storeStart, startMs, endMs, watch } = await watched(async () => {
      const start = performance.now();
      const results = await processPhotos(files);
      processMs = performance.now() - start;
      const storeStarted = performance.now();
      for (const [i, result] of results.entries()) {
        await addPhoto(d, jobId, accepted(result, files[i] ?? new File([], '?')), META);
        stored += 1;
      }
      return storeStarted;
    });
    const job = await getJob(d, jobId);
    if (!job || live(job.photos).length !== count) throw new Error(`the batch stored ${job ? live(job.photos).length : 0} photos, not ${count}`);
    return { files: count, totalMs: endMs - startMs, processMs, storeMs: endMs - storeStart, stored, ...watch };
  },

  dexieDebug: () => Dexie.debug !== false,
};

window.photoBench = photoBench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';

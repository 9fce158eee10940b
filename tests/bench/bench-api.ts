// The contract between the harness pages (browser) and the runner (Node): what `window.bench`
// (IndexedDB, harness.html) and `window.photoBench` (photos, photo-harness.html) offer and
// what each call returns. Types only, so both sides agree on the shape of every figure
// without sharing any runtime code. `window.catalogueBench` (catalogue-harness.html) times the
// catalogue's search() alone.
import type { CatalogueItem } from '../../src/shared/catalogue.ts';

/** Timings of sequential `updateCard` calls on one job. */
export type SaveResult = {
  jobId: string;
  timingsMs: number[];
  /** Outbox rows after the run: each save must have queued exactly one mutation. */
  outboxRows: number;
  /** The customer name read back after the last save, to prove the writes landed. */
  lastName: string;
};

export type SeedResult = {
  created: number;
  /** Rows in `jobs` after seeding, counted by IndexedDB. */
  rowsInDb: number;
  ms: number;
  /** What the search queries are drawn from. */
  plates: string[];
  vins: string[];
  names: string[];
  jobIds: string[];
};

export type SearchTiming = {
  query: string;
  /** `searchJobs(db, query)` end to end, rows read and mapped. */
  ms: number;
  /** Rows `searchJobs` returned (it caps the list at 200). */
  hits: number;
  /** All rows whose search terms start with the query, counted afterwards (untimed). */
  matches: number;
};

/** What every harness page that writes to IndexedDB offers. */
export type HarnessApi = {
  /** Deletes and reopens the benchmark database (the photo harness keeps its worker up). */
  reset(): Promise<void>;
  /** Dexie's debug mode during the run (Dexie turns it on by itself on localhost). */
  dexieDebug(): boolean;
};

export type BenchApi = HarnessApi & {
  /** Times `count` saves after `warmup` untimed ones, on a new job unless `jobId` is given. */
  saveChange(count: number, warmup: number, jobId?: string): Promise<SaveResult>;
  /** Creates `count` realistic cards through `createJob`, `batchSize` per transaction. */
  seed(count: number, seed: number, batchSize: number): Promise<SeedResult>;
  /** Times one `searchJobs` per query, after the `warmup` queries run untimed. */
  search(queries: string[], warmup: string[]): Promise<SearchTiming[]>;
};

/** One photo through the pipeline: `processPhotos([file])`, then `addPhoto`, one at a time. */
export type PhotoTiming = {
  name: string;
  fileBytes: number;
  /** File to stored, end to end: the figure. */
  totalMs: number;
  /** `processPhotos`: size and signature checks here, then decode, downscale, encode, hash in the worker. */
  processMs: number;
  /** `addPhoto`: blobs, job and outbox in one transaction. */
  storeMs: number;
  photoBytes: number;
  thumbBytes: number;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
};

export type PerPhotoResult = {
  /** The untimed warm-ups; the first one starts the worker. */
  warmup: PhotoTiming[];
  timed: PhotoTiming[];
  /** Live photos on the job afterwards, counted from IndexedDB. */
  photosOnJob: number;
  /** Blob rows afterwards: a photo and a thumbnail per file when every hash is new. */
  blobRows: number;
};

export type LongTask = { startMs: number; durationMs: number };

/** One batch: `processPhotos(files)`, then `addPhoto` for each, as PhotoPicker saves a pick. */
export type BatchResult = {
  files: number;
  totalMs: number;
  processMs: number;
  storeMs: number;
  stored: number;
  /** `longtask` entries (Chromium reports tasks of 50 ms or more) that overlap the batch. */
  longTasks: LongTask[];
  /** Largest gap between requestAnimationFrame callbacks (a frame is 16.7 ms at 60 Hz). */
  maxFrameGapMs: number;
  frames: number;
  /** Largest gap between chained setTimeout(0) ticks (about 4 ms when the thread is free). */
  maxTimerGapMs: number;
  timerTicks: number;
  /** performance.memory.usedJSHeapSize of the page, just before the batch, and sampled every 50 ms. */
  heapBaselineBytes: number;
  heapPeakBytes: number;
  heapSamples: number;
};

/** The photo harness (photo-harness.html): files come from its `<input type=file>`. */
export type PhotoBenchApi = HarnessApi & {
  /** Names of the files now in the page's file input. */
  files(): string[];
  /** Times files [warmup, warmup + count) one at a time after the first `warmup` untimed. */
  perPhoto(warmup: number, count: number): Promise<PerPhotoResult>;
  /** Processes and stores files [from, from + count) as one batch on a new job. */
  batch(from: number, count: number): Promise<BatchResult>;
};

/** One query string through `index.search(query, limit)`: the median of its repeats. */
export type CatalogueSearchTiming = { query: string; ms: number; hits: number };

/** The catalogue harness (catalogue-harness.html): the app's createCatalogueIndex and search(). */
export type CatalogueBenchApi = {
  /** Builds the index over `items` (what the app does once per session), timed. */
  build(items: CatalogueItem[]): { ms: number; size: number };
  /** Times each query `repeats` times after `warmup` untimed passes over all of them. */
  search(queries: string[], limit: number, repeats: number, warmup: number): CatalogueSearchTiming[];
};

declare global {
  interface Window {
    bench?: BenchApi;
    photoBench?: PhotoBenchApi;
    catalogueBench?: CatalogueBenchApi;
  }
}

// `npm run bench`: the performance budget of the tablet app measured on this machine: first
// route JS size, offline time to interactive of the installed shell, save/search times in
// real IndexedDB, photos (camera JPEG to stored, main-thread responsiveness and memory
// during a batch, thumbnails of a 40-photo card), and estimate and signing (catalogue search
// over 20,000 items per keystroke, customer mode for a card with 40 photos), and sync (a
// shift's outbox of 40 cards with 800 photos to the server against a plain upload of the same
// bytes, with the photos in the server's data folder and in S3; push throughput of 50 tablets
// at once, both against the server as a child process),
// and the handover (交车 of a card with 20 check-in photos; the taps to approve two 追加项目).
// Prints a table against the targets and writes .tmp/bench-results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle, measureConsole, type AssetSize, type BundleSizes } from './bundle-size.ts';
import type { ConsoleBenchOptions, ConsoleRun } from './console-bench.ts';
import { releaseAll } from './cleanup.ts';
import { measureDatabase, type DbBenchResult } from './db-bench.ts';
import type { HandoverBenchOptions, HandoverBenchResult, HandoverRun } from './handover-bench.ts';
import { measurePhotos, type PhotoBenchResult } from './photo-bench.ts';
import { measurePush, recordsLabel, type PostgresCost, type PushBenchOptions, type PushRecords, type PushRun } from './push-bench.ts';
import { max, mean, median, percentile, round } from './stats.ts';
import { measureSigning, type KeystrokeTiming, type SigningBenchResult } from './signing-bench.ts';
import type { TapsBenchOptions, TapsBenchResult } from './taps-bench.ts';
import type { SyncBenchOptions, SyncBenchResult, SyncRun } from './sync-bench.ts';
import { measureThumbnails, type ThumbsBenchResult } from './thumbs-bench.ts';
import { measureTti, type TtiResult, type TtiRun } from './tti.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// --strict: exit 1 when a figure misses its target. --only=bundle,tti,db,photos,signing,handover,taps,sync,sync-steps,sync-s3,push,console: run some parts.
// E2E_DIST=<folder>: measure that build instead of dist/ (as the browser tests do).
const ALL_PARTS = ['bundle', 'tti', 'db', 'photos', 'signing', 'handover', 'taps', 'sync', 'sync-steps', 'sync-s3', 'push', 'console'];
const BUILD_DIR = process.env.E2E_DIST ?? join(repoRoot, 'dist');
const strict = process.argv.includes('--strict');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const parts = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : ALL_PARTS);
for (const part of parts) if (!ALL_PARTS.includes(part)) throw new Error(`--only: unknown part ${part}`);
// A partial run never overwrites the full results.
const RESULTS = join(repoRoot, '.tmp', onlyArg ? `bench-results-${[...parts].join('-')}.json` : 'bench-results.json');
// The app parts fit in 280 s together (320 s with the start's 15 pairs); the sync parts move hundreds of MB and run for ~10 s
// per batch size, several times over, on a machine others share. The push part runs three times over (SQLite, PostgreSQL with 1 and 2 processes).
// The handover part seeds its cards in Node and opens 交车 40 times: about a minute, kept wide.
const WATCHDOG_MS = 320_000 + (parts.has('handover') ? 180_000 : 0) + (parts.has('sync') ? 420_000 : 0) + (parts.has('sync-steps') ? 300_000 : 0) + (parts.has('sync-s3') ? 600_000 : 0) + (parts.has('push') ? 720_000 : 0) + (parts.has('taps') ? 240_000 : 0) + (parts.has('console') ? 1_200_000 : 0);

// 15 pairs: with 7, one run's ratio swung by ±0.1 on this shared machine (README, Measured), so a
// figure near its target flipped between met and missed from run to run. TTI_PAIRS=N to change.
const TTI_RUNS = Number(process.env.TTI_PAIRS ?? 15);
// The job list the app opens with, and the minimal page's rows (tests/bench/minimal-start).
const TTI_CARDS = 20;
// Issue 11: the app's offline start within 1.3x of a minimal page's, measured in the same run.
const TTI_RATIO_TARGET = 1.3;
const CPU_THROTTLING = 4;
const DB_OPTIONS = { saves: 200, saveWarmup: 20, cards: 5000, seedBatch: 250, plateQueries: 30, infoQueries: 10, seed: 20261127 };
// Camera JPEGs are made once and kept here (.tmp/ is gitignored); delete the folder to remake them.
const FIXTURES_DIR = join(repoRoot, '.tmp', 'bench-fixtures');
const PHOTO_OPTIONS = { warmup: 2, photos: 20, batchSize: 10, batchRuns: 3, width: 4000, height: 3000, fixturesDir: FIXTURES_DIR };
// 5 photos in each of the 8 general slots; their source size does not matter for thumbnails.
const THUMB_OPTIONS = { perSlot: 5, runs: 5, throttledRate: CPU_THROTTLING, width: 2000, height: 1500, fixturesDir: FIXTURES_DIR };
// Catalogue search as typed (codes, Chinese names, pinyin initials, two terms), twice over; a
// card with 4 damage marks of 2 photos and 4 photos in each of the 8 general slots (the same
// JPEGs as the thumbnails part).
const SIGNING_OPTIONS = {
  items: 20_000,
  seed: 20261128,
  queries: ['jy', '刹车片', 'P-1', 'ghsc', '卡罗拉 刹', 'qscp', '04465', '空调滤'],
  rounds: 2,
  pauseMs: 120,
  damages: 4,
  photosPerDamage: 2,
  perSlot: 4,
  runs: 5,
  pin: '2580',
  width: 2000,
  height: 1500,
  fixturesDir: FIXTURES_DIR,
  searchRepeats: 15,
};

// 交车 of a card with 20 check-in photos: on marks and in the general slots (the screen shows the
// 12 on the marks), and all 20 on the marks (the most it can show); 10 cold and 10 warm each.
// Then the taps to approve two additional lines in customer mode (target: 8, PIN included).
const HANDOVER_OPTIONS: HandoverBenchOptions = {
  cards: [
    { key: 'mixed', marks: [{ view: 'left', type: 'scratch' }, { view: 'front', type: 'dent' }, { view: 'rear', type: 'chip' }, { view: 'top', type: 'crack' }], photosPerMark: 3, generalPhotos: 8 },
    { key: 'marks', marks: [{ view: 'left', type: 'scratch' }, { view: 'front', type: 'dent' }, { view: 'rear', type: 'chip' }, { view: 'top', type: 'crack' }], photosPerMark: 5, generalPhotos: 0 },
  ],
  runs: 10,
  pin: '2580',
  additions: [
    { kind: 'part', code: 'P-10001', description: '机油滤清器', quantityMilli: 1000, unitPriceFen: 6800, discountBp: 0, reason: '机油乳化' },
    { kind: 'labour', code: 'L-0119', description: '更换雨刮片', quantityMilli: 500, unitPriceFen: 12000, discountBp: 0, reason: '雨刮片老化' },
  ],
};
const HANDOVER_TARGET_MS = 300;
const TAPS_TARGET = 8;

// Issue 11: the standard check-in of the issue and the same car's second visit (nothing changed
// on the car), driven through the built app on a 1280x800 touch tablet, offline, counted per section.
const CHECKIN_TAPS_OPTIONS: TapsBenchOptions = {
  pin: '2580',
  customer: { name: '王先生', phone: '13812345678' },
  plate: '粤B7K2Q9',
  vin: 'LGBH52E07PY000123',
  model: '日产 轩逸',
  odometerKm: [35120, 41230],
  fuel: '3/8',
  warningLight: 'light.tyrePressure',
  serviceType: 'service.repair',
  complaint: '冷车启动有异响',
  marks: [
    { view: 'left', type: 'scratch', severity: 'minor', at: { x: 200, y: 70 } },
    { view: 'front', type: 'dent', severity: 'moderate', at: { x: 100, y: 60 } },
    { view: 'rear', type: 'chip', severity: 'minor', at: { x: 100, y: 60 } },
  ],
  searches: [
    { query: 'ghjy', codes: ['L-0101'] },
    { query: '机油', codes: ['P-10001'] },
    { query: '刹车片', codes: ['L-0201', 'P-30001'] },
  ],
  terms: { promisedAt: 'estimate.promisedAt.tomorrow17', oldParts: 'oldParts.take', payment: 'payment.wechat', carWash: 'estimate.yes' },
};
const CHECKIN_TAPS_TARGET = 40;
const SECOND_VISIT_TAPS_TARGET = 25;

// End of a shift: 40 cards, each created, edited 3 times, with 2 damage marks and 20 photos
// (the first 4 of the damages) of ~400 KB with ~15 KB thumbnails. The plain upload uses the
// engine's UPLOAD_CONCURRENCY (src/sync/send.ts, not exported). Part 'sync' runs it `runs`
// times; part 'sync-s3' as many times with the photos in S3 (buckets on s3rver, loopback);
// part 'sync-steps' prices the engine's per-blob steps one by one (the ladder).
const SYNC_OPTIONS: SyncBenchOptions = {
  runs: 3,
  s3Runs: 3,
  jobs: 40,
  photosPerJob: 20,
  damagesPerJob: 2,
  photosPerDamage: 2,
  updatesPerJob: 3,
  photoBytes: 400_000,
  thumbBytes: 15_000,
  concurrency: 4,
  seed: 20261127,
  ladder: false,
};
/** What the selected parts run: the runs for 'sync' and 'sync-s3', the ladder for 'sync-steps'. */
const syncOptions = (): SyncBenchOptions => ({
  ...SYNC_OPTIONS,
  runs: parts.has('sync') ? SYNC_OPTIONS.runs : 0,
  s3Runs: parts.has('sync-s3') ? SYNC_OPTIONS.s3Runs : 0,
  ladder: parts.has('sync-steps'),
});
// 50 tablets of one store, 20 cards each, pushing for 10 s after 1 s of warm-up, per batch size and records (SQLite, PostgreSQL with 1 and 2 processes):
// as fast as answers come back, then paced at the target rate (latency counted from when due).
const SYNC_RATIO_TARGET = 1.3;
const PUSH_RATE_TARGET = 2_000;
const PUSH_OPTIONS: PushBenchOptions = {
  tablets: 50,
  jobsPerTablet: 20,
  batchSizes: [1, 10, 50],
  pacedRate: PUSH_RATE_TARGET,
  warmupMs: 1_000,
  durationMs: 10_000,
  seed: 20261129,
};
const PUSH_P99_TARGET = 50;
// The push part runs on SQLite, then on PostgreSQL with this many server processes sharing the database.
const PUSH_POSTGRES_PROCESSES = [1, 2];

/** 1 KB = 1000 bytes, as Vite's build report prints sizes. */
const kb = (bytes: number) => bytes / 1000;

type Unit = 'KB' | 'MB' | 'ms' | 's' | 'rows' | 'x' | 'MB/s' | '/s' | 'taps';
type Row = {
  key: string;
  section: 'bundle' | 'tti' | 'db' | 'photos' | 'thumbs' | 'catalogue' | 'customer' | 'handover' | 'taps' | 'desk' | 'sync' | 'syncS3' | 'push' | 'console';
  label: string;
  value: number;
  unit: Unit;
  /** Upper bound (a lower one where `atLeast`); rows without one are for information. */
  target?: number;
  atLeast?: true;
  status: 'OK' | 'MISS' | 'info';
  /** Printed instead of the value, e.g. "none" when no long task was reported. */
  display?: string;
};

const rows: Row[] = [];
function figure(section: Row['section'], key: string, label: string, value: number, unit: Unit, target?: number, display?: string): void {
  const status = target === undefined ? 'info' : value <= target ? 'OK' : 'MISS';
  rows.push({ key, section, label, value: round(value, digits(unit)), unit, ...(target === undefined ? {} : { target }), status, ...(display ? { display } : {}) });
}

/** A figure that must reach its target, such as a throughput. */
function figureAtLeast(section: Row['section'], key: string, label: string, value: number, unit: Unit, target: number): void {
  rows.push({ key, section, label, value: round(value, digits(unit)), unit, target, atLeast: true, status: value >= target ? 'OK' : 'MISS' });
}

const digits = (unit: Unit) => (unit === 's' || unit === 'x' ? 2 : unit === '/s' || unit === 'taps' ? 0 : 1);
const format = (value: number, unit: Unit) =>
  unit === '/s' ? `${Math.round(value).toLocaleString('en-US')} /s` : `${value.toFixed(digits(unit))}${unit === 'x' ? '' : ' '}${unit}`;

function printTable(title: string, section: Row['section']): void {
  const selected = rows.filter((r) => r.section === section);
  if (selected.length === 0) return;
  const labelWidth = Math.max(...rows.map((r) => r.label.length)) + 1;
  console.log(`\n${title}`);
  for (const r of selected) {
    const target = r.target === undefined ? '' : `target ${r.atLeast ? '≥' : '≤'} ${format(r.target, r.unit).replace(/\.0+( |x$)/, '$1')}`;
    console.log(`  ${`${r.label}:`.padEnd(labelWidth)} ${(r.display ?? format(r.value, r.unit)).padStart(9)}  ${target.padEnd(17)} ${r.status}`);
  }
}

const listAssets = (assets: AssetSize[]) =>
  assets.map((a) => `    ${a.file.padEnd(36)} ${kb(a.bytes).toFixed(1).padStart(7)} KB raw  ${kb(a.gzipBytes).toFixed(1).padStart(6)} KB gzip`).join('\n');

function bundleFigures(): BundleSizes {
  const bundle = measureBundle(BUILD_DIR);
  figure('bundle', 'initialJs', `initial JS (first route, gzip -${bundle.gzipLevel})`, kb(bundle.initialGzipBytes), 'KB', 160);
  figure('bundle', 'lazyJs', `lazy JS chunks (gzip -${bundle.gzipLevel})`, kb(bundle.lazyGzipBytes), 'KB');
  // Each file is one more fetch through the service worker before the list (vite.config.ts, 'start').
  figure('bundle', 'initialFiles', 'first-route JS files (entry + modulepreload)', bundle.initial.length, 'rows', 3);
  const zod = bundle.initialWithZod;
  figure('bundle', 'initialZod', 'first-route chunks holding zod', zod.length, 'rows', 0, zod.length ? `${zod.length} (${zod.join(', ')})` : 'none');
  console.log(`\n  loaded before first render (entry + modulepreload):\n${listAssets(bundle.initial)}`);
  console.log(`  loaded lazily:\n${bundle.lazy.length ? listAssets(bundle.lazy) : '    (none)'}`);
  console.log(`  not counted, CSS:${bundle.css.length ? `\n${listAssets(bundle.css)}` : ' (none)'}`);
  if (bundle.serviceWorker) console.log(`  not counted, service worker:\n${listAssets([bundle.serviceWorker])}`);
  // The store console (issue 14): its sign-in page and the reports page it opens on; the charts
  // and the spreadsheet writer load with import() when used and are not counted.
  const desk = measureConsole(BUILD_DIR);
  figure('bundle', 'consoleFirstPage', `console first page JS: sign-in + reports page (gzip -${bundle.gzipLevel})`, kb(desk.firstPageGzipBytes), 'KB', 200);
  console.log(`  the console's sign-in page:\n${listAssets(desk.initial)}\n  the reports page adds:\n${listAssets(desk.reportsPage)}`);
  return bundle;
}

async function ttiFigures(): Promise<TtiResult> {
  console.log(
    `\n  measuring offline TTI (${TTI_RUNS} runs of the app with ${TTI_CARDS} cards on its list, each paired with a run of the minimal page, ` +
      `alternating which goes first; CPU throttled ${CPU_THROTTLING}x)…`,
  );
  const tti = await measureTti({ runs: TTI_RUNS, cpuThrottlingRate: CPU_THROTTLING, cards: TTI_CARDS, appBuildDir: BUILD_DIR });
  const ms = tti.runs.map((r) => r.ms);
  const minimalMs = tti.minimalRuns.map((r) => r.ms);
  const ratio = median(ms) / median(minimalMs);
  const pairRatios = ms.map((v, i) => v / (minimalMs[i] ?? Number.NaN));
  figure('tti', 'ttiRatio', `offline TTI, app / minimal page, ratio of the medians`, ratio, 'x', TTI_RATIO_TARGET);
  figure('tti', 'ttiMedian', `offline TTI, ${CPU_THROTTLING}x CPU, ${TTI_CARDS} cards, median of ${TTI_RUNS}`, median(ms) / 1000, 's');
  figure('tti', 'ttiMin', `offline TTI, ${CPU_THROTTLING}x CPU, min of ${TTI_RUNS}`, Math.min(...ms) / 1000, 's');
  figure('tti', 'ttiMax', `offline TTI, ${CPU_THROTTLING}x CPU, max of ${TTI_RUNS}`, max(ms) / 1000, 's');
  figure('tti', 'minimalMedian', `minimal page (React, raw IndexedDB, ${TTI_CARDS} rows), median`, median(minimalMs) / 1000, 's');
  figure('tti', 'minimalMin', 'minimal page, min', Math.min(...minimalMs) / 1000, 's');
  figure('tti', 'minimalMax', 'minimal page, max', max(minimalMs) / 1000, 's');
  console.log(`  app runs (ms): ${ms.map((v) => Math.round(v)).join(', ')}; first visit (online, unthrottled): ${Math.round(tti.firstVisitOnlineMs)} ms`);
  console.log(`  minimal page runs (ms): ${minimalMs.map((v) => Math.round(v)).join(', ')}`);
  console.log(
    `  ratio per pair: ${pairRatios.map((r) => r.toFixed(2)).join(', ')} (min ${Math.min(...pairRatios).toFixed(2)}, max ${max(pairRatios).toFixed(2)}); ` +
      `target ≤ ${TTI_RATIO_TARGET}x; load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`,
  );
  for (const [label, list] of [['app', tti.runs], ['minimal page', tti.minimalRuns]] as const) {
    const at = (pick: (r: TtiRun) => number) => Math.round(median(list.map(pick)));
    console.log(
      `  ${label}, medians since navigation start: service worker ready ${at((r) => r.workerStartMs)} ms, HTML from the precache ` +
        `${at((r) => r.htmlReceivedMs)} ms, entry script run (DOMContentLoaded) ${at((r) => r.scriptsRunMs)} ms, list loaded ${at((r) => r.ms)} ms`,
    );
  }
  return tti;
}

async function dbFigures(): Promise<DbBenchResult> {
  console.log('\n  measuring IndexedDB save and search (no CPU throttling)…');
  const db = await measureDatabase(DB_OPTIONS);
  if (db.save.outboxRows !== DB_OPTIONS.saves || db.save.lastName !== `x${DB_OPTIONS.saves - 1}`) {
    throw new Error(`saves did not land: ${db.save.outboxRows} outbox rows, last name ${db.save.lastName}`);
  }
  const plateMs = db.platePrefix.map((t) => t.ms);
  const n = DB_OPTIONS.cards.toLocaleString('en-US');
  figure('db', 'saveMedian', `save a card change, median of ${DB_OPTIONS.saves}`, median(db.save.timingsMs), 'ms', 20);
  figure('db', 'saveP95', 'save a card change, p95', percentile(db.save.timingsMs, 95), 'ms');
  figure('db', 'saveAmongCardsMedian', `save a card change, ${n} cards stored, median`, median(db.saveWithCards.timingsMs), 'ms');
  figure('db', 'searchPlateMedian', `search ${n} cards by plate prefix, median`, median(plateMs), 'ms', 50);
  figure('db', 'searchPlateP95', `search ${n} cards by plate prefix, p95`, percentile(plateMs, 95), 'ms', 50);
  figure('db', 'searchPlateMax', `search ${n} cards by plate prefix, max`, max(plateMs), 'ms');
  figure('db', 'searchPlateHits', 'plate prefix search, average rows returned', mean(db.platePrefix.map((t) => t.hits)), 'rows');
  figure('db', 'searchPlateMatches', 'plate prefix search, average cards matching', mean(db.platePrefix.map((t) => t.matches)), 'rows');
  figure('db', 'searchVinMedian', `search by 4-char VIN tail, median of ${db.vinTail.length}`, median(db.vinTail.map((t) => t.ms)), 'ms');
  figure('db', 'searchNameMedian', `search by customer name, median of ${db.customerName.length}`, median(db.customerName.map((t) => t.ms)), 'ms');
  figure('db', 'seedSeconds', `setup: createJob x ${n}, ${DB_OPTIONS.seedBatch} per transaction`, db.seed.ms / 1000, 's');
  const slowest = [...db.platePrefix].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`  Dexie debug mode: ${db.dexieDebug ? 'on' : 'off, as on a tablet (Dexie turns it on by itself on localhost)'}`);
  console.log(`  plate prefixes (cards matching): ${db.platePrefix.map((t) => `${t.query}(${t.matches})`).join(' ')}`);
  console.log(`  slowest: ${slowest.map((t) => `${t.query} ${t.ms.toFixed(1)} ms, ${t.hits} rows`).join('; ')}`);
  console.log(`  VIN tails: ${db.vinTail.map((t) => `${t.query}(${t.hits})`).join(' ')}; names: ${db.customerName.map((t) => `${t.query}(${t.hits})`).join(' ')}`);
  return db;
}

/** 1 MB = 1,000,000 bytes, like KB above. */
const mb = (bytes: number) => bytes / 1_000_000;
const msText = (value: number) => `${Math.round(value)} ms`;

async function photoFigures(): Promise<PhotoBenchResult> {
  const { warmup, photos: count, batchSize, batchRuns, width, height } = PHOTO_OPTIONS;
  console.log(
    `\n  measuring photos: ${width}x${height} JPEG to stored, ${count} one at a time after ${warmup} warm-ups, ` +
      `then ${batchRuns} batches of ${batchSize} (no CPU throttling)…`,
  );
  const photos = await measurePhotos(PHOTO_OPTIONS);
  const { perPhoto, batches, fixtures } = photos;
  const totals = perPhoto.timed.map((t) => t.totalMs);
  const size = `${width}x${height}`;
  figure('photos', 'photoMedian', `photo ${size} to stored, median of ${count}`, median(totals), 'ms', 400);
  figure('photos', 'photoP95', `photo ${size} to stored, p95`, percentile(totals, 95), 'ms');
  figure('photos', 'photoProcessMedian', 'processPhotos (in the worker), median', median(perPhoto.timed.map((t) => t.processMs)), 'ms');
  figure('photos', 'photoStoreMedian', 'addPhoto (one transaction), median', median(perPhoto.timed.map((t) => t.storeMs)), 'ms');
  figure('photos', 'photoFirst', 'first photo, worker start included', perPhoto.warmup[0]?.totalMs ?? Number.NaN, 'ms');
  for (const [i, batch] of batches.entries()) {
    const longest = batch.longTasks.length > 0 ? max(batch.longTasks.map((t) => t.durationMs)) : 0;
    const label = `${batchSize}-photo batch ${i + 1}: longest task ≥ 50 ms`;
    figure('photos', `batch${i + 1}LongestTask`, label, longest, 'ms', 50, batch.longTasks.length > 0 ? undefined : 'none');
  }
  figure('photos', 'batchMaxTimerGap', `${batchSize}-photo batches: largest setTimeout(0) gap`, max(batches.map((b) => b.maxTimerGapMs)), 'ms');
  figure('photos', 'batchMaxFrameGap', `${batchSize}-photo batches: largest frame (rAF) gap`, max(batches.map((b) => b.maxFrameGapMs)), 'ms');
  figure('photos', 'batchHeapBaseline', 'main-thread JS heap before a batch, median', mb(median(batches.map((b) => b.heapBaselineBytes))), 'MB');
  figure('photos', 'batchHeapPeak', `main-thread JS heap peak in a batch, max of ${batches.length}`, mb(max(batches.map((b) => b.heapPeakBytes))), 'MB');
  const workerPeaks = batches.flatMap((b) => (b.workerHeapPeakBytes === null ? [] : [b.workerHeapPeakBytes]));
  if (workerPeaks.length > 0) figure('photos', 'batchWorkerHeapPeak', 'photo worker JS heap peak in a batch, max', mb(max(workerPeaks)), 'MB');
  const rssPeaks = batches.flatMap((b) => (b.rendererRssPeakBytes === null ? [] : [b.rendererRssPeakBytes]));
  if (rssPeaks.length > 0) figure('photos', 'batchRendererRssPeak', 'renderer memory (RSS) peak in a batch, max', mb(max(rssPeaks)), 'MB');
  figure('photos', 'batchSeconds', `${batchSize}-photo batch, files to stored, median`, median(batches.map((b) => b.totalMs)) / 1000, 's');

  const first = perPhoto.timed[0];
  const made = fixtures.madeNow > 0 ? `${fixtures.madeNow} made now in ${(fixtures.generateMs / 1000).toFixed(1)} s` : 'reused from .tmp/bench-fixtures';
  console.log(`  files: ${fixtures.count} JPEGs of ${size}, ${mb(fixtures.meanBytes).toFixed(1)} MB on average (${made}), put in a file input with setInputFiles`);
  if (first) {
    console.log(
      `  stored: ${first.width}x${first.height} photo of ${kb(first.photoBytes).toFixed(0)} KB and ${first.thumbWidth}x${first.thumbHeight} ` +
        `thumbnail of ${kb(first.thumbBytes).toFixed(0)} KB (first timed photo); Dexie debug mode ${photos.dexieDebug ? 'on' : 'off'}`,
    );
  }
  console.log(`  per photo (ms): ${totals.map((v) => Math.round(v)).join(', ')}; warm-ups ${perPhoto.warmup.map((t) => Math.round(t.totalMs)).join(', ')}`);
  for (const [i, b] of batches.entries()) {
    const tasks = b.longTasks.length > 0 ? b.longTasks.map((t) => `${msText(t.durationMs)} at +${msText(t.startMs)}`).join(', ') : 'none';
    const worker = b.workerHeapPeakBytes === null ? 'not attached' : `${mb(b.workerHeapBaselineBytes ?? 0).toFixed(1)} → ${mb(b.workerHeapPeakBytes).toFixed(1)} MB`;
    const rss = b.rendererRssPeakBytes === null ? 'n/a' : `${mb(b.rendererRssBaselineBytes ?? 0).toFixed(0)} → ${mb(b.rendererRssPeakBytes).toFixed(0)} MB`;
    console.log(
      `  batch ${i + 1}: ${(b.totalMs / 1000).toFixed(2)} s (processPhotos ${msText(b.processMs)}, addPhoto x ${b.stored} ${msText(b.storeMs)}); ` +
        `long tasks: ${tasks}; largest gaps: frame ${b.maxFrameGapMs.toFixed(1)} ms over ${b.frames} frames, setTimeout(0) ` +
        `${b.maxTimerGapMs.toFixed(1)} ms over ${b.timerTicks} ticks; JS heap ${mb(b.heapBaselineBytes).toFixed(1)} → ` +
        `${mb(b.heapPeakBytes).toFixed(1)} MB (${b.heapSamples} samples); worker heap ${worker}; renderer RSS ${rss}`,
    );
  }
  console.log(
    '  JS heap: performance.memory.usedJSHeapSize of the page (precise; in this Chromium it counts ArrayBuffers too), every 50 ms;\n' +
      '  the worker\'s heap comes over CDP; decoded bitmaps and canvases are in neither, only in the renderer processes\' RSS (/proc).',
  );
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return photos;
}

async function thumbnailFigures(): Promise<ThumbsBenchResult> {
  const { perSlot, runs, throttledRate } = THUMB_OPTIONS;
  console.log(`\n  measuring a card with ${perSlot * 8} photos in the built app: ${runs} openings of the walk-around step, then ${runs} at ${throttledRate}x CPU…`);
  const thumbs = await measureThumbnails(THUMB_OPTIONS);
  const decoded = thumbs.runs.map((r) => r.decodedMs);
  const n = thumbs.photos;
  figure('thumbs', 'thumbsMedian', `walk-around step, ${n} thumbnails, median of ${runs}`, median(decoded), 'ms', 300);
  figure('thumbs', 'thumbsMax', `walk-around step, ${n} thumbnails, max of ${runs}`, max(decoded), 'ms');
  if (thumbs.throttledRuns.length > 0) {
    figure('thumbs', 'thumbsThrottledMedian', `walk-around step, ${throttledRate}x CPU, median of ${runs}`, median(thumbs.throttledRuns.map((r) => r.decodedMs)), 'ms');
  }
  const at = (list: typeof thumbs.runs, pick: (r: (typeof thumbs.runs)[number]) => number) => msText(median(list.map(pick)));
  console.log(
    `  from the tap on 环车检查 to every thumbnail decoded (img.decode()), each run a fresh page load of the card: ` +
      `${decoded.map((v) => Math.round(v)).join(', ')} ms`,
  );
  console.log(
    `  medians since the tap: step rendered ${at(thumbs.runs, (r) => r.stepShownMs)}, first thumbnail <img> ${at(thumbs.runs, (r) => r.firstImgMs)}, ` +
      `all ${n} <img> in the page ${at(thumbs.runs, (r) => r.allImgsMs)}, all decoded ${at(thumbs.runs, (r) => r.decodedMs)}`,
  );
  if (thumbs.throttledRuns.length > 0) {
    console.log(`  ${throttledRate}x CPU (main thread): ${thumbs.throttledRuns.map((r) => Math.round(r.decodedMs)).join(', ')} ms`);
  }
  console.log(
    `  set-up: ${n} JPEGs of ${thumbs.fixtures.width}x${thumbs.fixtures.height} (${mb(thumbs.fixtures.meanBytes).toFixed(1)} MB on average, ` +
      `${thumbs.fixtures.madeNow > 0 ? `${thumbs.fixtures.madeNow} made now` : 'reused'}; ${thumbs.distinctThumbnails} distinct thumbnails) ` +
      `picked into the 8 general photo slots through the UI in ${(thumbs.setupMs / 1000).toFixed(1)} s;\n` +
      `  app at ${thumbs.origin} (loopback), Dexie debug mode off (${thumbs.consoleTasks} console.createTask calls)`,
  );
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return thumbs;
}

async function signingFigures(): Promise<SigningBenchResult> {
  const { items, runs, damages, photosPerDamage, perSlot } = SIGNING_OPTIONS;
  const n = items.toLocaleString('en-US');
  console.log(
    `\n  measuring estimate and signing in the built app: catalogue search over ${n} items per keystroke, ` +
      `then customer mode for a card with ${damages * photosPerDamage + perSlot * 8} photos (${runs} cold, ${runs} warm; no CPU throttling)…`,
  );
  const signing = await measureSigning(SIGNING_OPTIONS);
  const { catalogue, customer } = signing;
  const keys = catalogue.keystrokes;
  const painted = keys.map((k) => k.paintedMs);
  const pure = catalogue.pureSearch.timings.map((t) => t.ms);
  figure('catalogue', 'keystrokeMedian', `search ${n} items, keystroke to results painted, median of ${keys.length}`, median(painted), 'ms', 30);
  figure('catalogue', 'keystrokeP95', 'search, keystroke to results painted, p95', percentile(painted, 95), 'ms');
  figure('catalogue', 'keystrokeMax', 'search, keystroke to results painted, max', max(painted), 'ms');
  figure('catalogue', 'keystrokeDomMedian', 'search, keystroke to results in the DOM, median', median(keys.map((k) => k.domMs)), 'ms');
  figure('catalogue', 'keystrokeDomP95', 'search, keystroke to results in the DOM, p95', percentile(keys.map((k) => k.domMs), 95), 'ms');
  figure('catalogue', 'pureSearchMedian', `search() alone over ${n} items, median of ${pure.length} strings`, median(pure), 'ms');
  figure('catalogue', 'pureSearchP95', 'search() alone, p95', percentile(pure, 95), 'ms');
  figure('catalogue', 'indexBuild', `createCatalogueIndex over ${n} items`, catalogue.pureSearch.buildMs, 'ms');
  figure('catalogue', 'catalogueReady', `estimate step opened to ${n} items loaded, first time`, catalogue.readyMs, 'ms');

  const cold = customer.runs.map((r) => r.paintedMs);
  const warm = customer.warmRuns.map((r) => r.paintedMs);
  figure('customer', 'customerMedian', `customer mode, ${customer.photos} photos, new document, median of ${cold.length}`, median(cold), 'ms', 200);
  figure('customer', 'customerMax', `customer mode, ${customer.photos} photos, new document, max of ${cold.length}`, max(cold), 'ms');
  figure('customer', 'customerWarmMedian', `customer mode again in the same document, median of ${warm.length}`, median(warm), 'ms', 200);
  figure('customer', 'customerWarmMax', `customer mode again in the same document, max of ${warm.length}`, max(warm), 'ms');

  const byQuery = new Map<string, KeystrokeTiming[]>();
  for (const k of keys) byQuery.set(k.query, [...(byQuery.get(k.query) ?? []), k]);
  console.log(
    `  catalogue: ${n} items (${catalogue.labourItems} labour) generated in ${msText(catalogue.generateMs)}, written straight into IndexedDB ` +
      `'walkaround' v${catalogue.idbVersion} 'catalogue' in ${msText(catalogue.writeMs)}; the picker shows ${catalogue.resultLimit} rows; e.g. ${catalogue.examples.slice(0, 3).join('; ')}`,
  );
  console.log('  per keystroke, input event to results painted (ms), round 1 | round 2; [matches after the last keystroke]:');
  for (const [query, list] of byQuery) {
    const rounds = [1, 2].map((round) => list.filter((k) => k.round === round).map((k) => `${k.value.replace(/ /g, '␣')} ${Math.round(k.paintedMs)}`).join(', '));
    console.log(`    "${query}": ${rounds.join(' | ')} [${list.at(-1)?.matches ?? 0}]`);
  }
  const pureByQuery = catalogue.pureSearch.timings.map((t) => `${t.query} ${t.ms.toFixed(1)}`).join(', ');
  console.log(`  search() alone (ms, median of ${SIGNING_OPTIONS.searchRepeats} each): ${pureByQuery}`);
  const at = (list: typeof customer.runs, pick: (r: (typeof customer.runs)[number]) => number) => msText(median(list.map(pick)));
  console.log(`  customer mode, from the tap on 请顾客签字 to the review painted with every thumbnail decoded and the signature pad sized:`);
  console.log(`    new document each time (customer-mode code and thumbnails not yet in the page): ${cold.map((v) => Math.round(v)).join(', ')} ms`);
  console.log(`    again after 顾问解锁, same document: ${warm.map((v) => Math.round(v)).join(', ')} ms`);
  for (const [label, list] of [['new document', customer.runs], ['same document', customer.warmRuns]] as const) {
    console.log(
      `    medians since the tap, ${label}: locked ${at(list, (r) => r.lockedMs)}, customer bar ${at(list, (r) => r.barShownMs)}, review rendered ${at(list, (r) => r.reviewShownMs)}, signature pad sized ${at(list, (r) => r.padVisibleMs)}, ` +
        `all ${customer.photos} <img> ${at(list, (r) => r.allImgsMs)}, all decoded ${at(list, (r) => r.decodedMs)}, painted ${at(list, (r) => r.paintedMs)}`,
    );
  }
  for (const [i, r] of customer.runs.entries()) {
    const fetched = r.fetched.length ? r.fetched.map((f) => `${f.file} at +${msText(f.startMs)}`).join(', ') : 'nothing';
    const tasks = r.longTasks.length ? r.longTasks.map((t) => `${msText(t.durationMs)} at +${msText(t.startMs)}`).join(', ') : 'none';
    const fallback = r.fallbackMs === null ? 'not shown' : `${msText(r.fallbackMs)} to ${msText(r.barShownMs)}`;
    console.log(`    new document, run ${i + 1}: fetched after the tap: ${fetched}; Suspense fallback ${fallback}; long tasks: ${tasks}`);
  }
  const warmTasks = customer.warmRuns.flatMap((r) => r.longTasks);
  console.log(`    same document: long tasks ${warmTasks.length ? warmTasks.map((t) => `${msText(t.durationMs)} at +${msText(t.startMs)}`).join(', ') : 'none'}`);
  const first = customer.runs[0];
  console.log(
    `  set-up: a card with ${customer.damages} damage marks of ${customer.damagePhotos / customer.damages} photos and ${customer.generalPhotos} general photos ` +
      `(${customer.distinctThumbnails} distinct thumbnails; review shows ${first?.thumbnails ?? 0}, ${first?.damageThumbnails ?? 0} under the damages), ` +
      `picked through the UI from ${customer.fixtures.width}x${customer.fixtures.height} JPEGs (${customer.fixtures.madeNow > 0 ? `${customer.fixtures.madeNow} made now` : 'reused'}), ` +
      `in ${(signing.setupMs / 1000).toFixed(1)} s; signature pad ${first?.padWidth ?? 0}x${first?.padHeight ?? 0} CSS px;\n` +
      `  app at ${signing.origin} (loopback), Dexie debug mode off (${signing.consoleTasks} console.createTask calls)`,
  );
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return signing;
}

async function deskFigures(): Promise<TapsBenchResult> {
  console.log('\n  counting the taps of a standard check-in and of the same car\'s second visit in the built app, offline, 1280x800 touch…');
  const { measureTaps } = await import('./taps-bench.ts');
  const result = await measureTaps(CHECKIN_TAPS_OPTIONS);
  for (const visit of result.visits) {
    const name = visit.key === 'standard' ? 'standard check-in' : 'second visit, nothing changed';
    const target = visit.key === 'standard' ? CHECKIN_TAPS_TARGET : SECOND_VISIT_TAPS_TARGET;
    figure('desk', `${visit.key}Taps`, `${name}: taps`, visit.total.taps, 'taps', target);
    figure('desk', `${visit.key}Offscreen`, `${name}: taps on a control not in view`, visit.total.offscreenTaps, 'taps', 0);
    figure('desk', `${visit.key}Fields`, `${name}: typed fields`, visit.total.typedFields, 'taps', undefined, `${visit.total.typedFields} fields`);
    figure('desk', `${visit.key}Chars`, `${name}: typed characters`, visit.total.typedChars, 'taps', undefined, `${visit.total.typedChars} chars`);
    figure('desk', `${visit.key}Strokes`, `${name}: signature strokes`, visit.total.strokes, 'taps', undefined, `${visit.total.strokes} strokes`);
    console.log(`  ${name}: ${visit.total.taps} taps (${visit.total.offscreenTaps} off-screen), ${visit.total.typedFields} typed fields, ${visit.total.typedChars} characters, ${visit.total.strokes} strokes`);
    console.log(`    ${'section'.padEnd(11)} taps  off-screen  fields  chars  strokes  tapped`);
    for (const s of visit.sections) {
      console.log(
        `    ${s.section.padEnd(11)} ${String(s.taps).padStart(4)}  ${String(s.offscreenTaps).padStart(10)}  ${String(s.typedFields).padStart(6)}  ` +
          `${String(s.typedChars).padStart(5)}  ${String(s.strokes).padStart(7)}  ${s.tapped.join(' | ')}`,
      );
    }
    const offscreen = visit.sections.filter((s) => s.offscreen.length > 0).map((s) => `${s.section}: ${s.offscreen.join(', ')}`);
    if (offscreen.length > 0) console.log(`    not in view before the tap: ${offscreen.join('; ')}`);
    if (visit.paths.length > 0) console.log(`    faster ways: ${visit.paths.join('; ')}`);
    if (visit.padOffscreen > 0) console.log(`    the signature pad was out of view ${visit.padOffscreen} time(s) when the customer was to sign`);
  }
  return result;
}

async function handoverFigures(): Promise<HandoverBenchResult> {
  const o = HANDOVER_OPTIONS;
  console.log(
    `\n  measuring the handover in the built app, offline: 交车 of a card with 20 check-in photos (${o.runs} cold, ${o.runs} warm per card), ` +
      `then the taps to approve ${o.additions.length} additional lines in customer mode (no CPU throttling)…`,
  );
  // Imported only now: its card seeding installs fake-indexeddb in this process.
  const { measureHandover } = await import('./handover-bench.ts');
  const handover = await measureHandover(o);
  for (const card of handover.cards) {
    const what = `${card.photos} photos, ${card.onMarks} on marks + ${card.general} in slots (${card.shown} shown)`;
    for (const [label, list] of [['new document', card.runs], ['again, same document', card.warmRuns]] as const) {
      const ms = list.map((r) => r.paintedMs);
      const kind = label === 'new document' ? 'Cold' : 'Warm';
      figure('handover', `${card.key}${kind}Median`, `交车, ${what}, ${label}, median of ${ms.length}`, median(ms), 'ms', HANDOVER_TARGET_MS);
      figure('handover', `${card.key}${kind}P90`, `交车, ${what}, ${label}, p90`, percentile(ms, 90), 'ms');
      figure('handover', `${card.key}${kind}Max`, `交车, ${what}, ${label}, max`, max(ms), 'ms');
    }
  }
  const t = handover.taps;
  figure('taps', 'additionTaps', `approve ${t.lines} additional lines: taps from 请客户确认 to the card back, PIN included`, t.taps, 'taps', TAPS_TARGET);

  const at = (list: HandoverRun[], pick: (r: HandoverRun) => number) => msText(median(list.map(pick)));
  console.log('  交车, from the click on the tab to every check-in thumbnail on the screen decoded, then the next painted frame:');
  for (const card of handover.cards) {
    for (const [label, list] of [['new document', card.runs], ['same document', card.warmRuns]] as const) {
      const tasks = list.flatMap((r) => r.longTasks);
      console.log(
        `    ${card.key} (${card.shown} of ${card.photos} shown), ${label}: ${list.map((r) => Math.round(r.paintedMs)).join(', ')} ms; medians: section ${at(list, (r) => r.sectionShownMs)}, ` +
          `all ${card.shown} <img> ${at(list, (r) => r.allImgsMs)}, decoded ${at(list, (r) => r.decodedMs)}, painted ${at(list, (r) => r.paintedMs)}; ` +
          `long tasks: ${tasks.length ? tasks.map((x) => `${msText(x.durationMs)} at +${msText(x.startMs)}`).join(', ') : 'none'}`,
      );
    }
  }
  console.log(
    `  追加项目: ${t.taps} taps (${t.tapped.join(', ')}); the driver tapped ${t.driverTaps} times; ` +
      `${t.padStrokes} pointerdowns on the signature pad (the strokes of the name) not counted; back at ${t.backAt}`,
  );
  console.log(
    `  set-up: cards made by the app's repos in Node (fake-indexeddb), 240x180 noisy JPEG thumbnails, written into the tablet's IndexedDB, in ${(handover.setupMs / 1000).toFixed(1)} s;\n` +
      `  app at ${handover.origin} (loopback, offline after install), Dexie debug mode off (${handover.consoleTasks} console.createTask calls)`,
  );
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return handover;
}

const seconds1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const share = (part: number, whole: number) => pct(part / whole);
const mbps = (bytes: number, ms: number) => mb(bytes) / (ms / 1000);

async function syncFigures(): Promise<SyncBenchResult> {
  const o = syncOptions();
  const photos = o.jobs * o.photosPerJob;
  console.log(
    `\n  measuring the end-of-shift sync: ${o.jobs} cards of ${o.photosPerJob} photos (${photos} photos of ${kb(o.photoBytes)} KB with ${kb(o.thumbBytes)} KB thumbnails), ` +
      `${[o.runs ? `${o.runs} runs with the photos in the data folder` : '', o.s3Runs ? `${o.s3Runs} with the photos in S3` : '', o.ladder ? 'the engine\'s per-blob steps one by one' : ''].filter(Boolean).join(', then ')}, ` +
      'each against fresh servers…',
  );
  console.log(
    '  tablet: simulated in this Node process: the app\'s real sync engine (src/sync) and database (src/db) on fake-indexeddb,\n' +
      '  which is slower than a browser\'s IndexedDB; server: a child process (node --import tsx src/server/main.ts, LOG_LEVEL=warn,\n' +
      `  fresh temp DATA_DIR), loopback HTTP. Plain upload: fetch PUTs of the same bytes from memory, ${o.concurrency} at a time (the engine's\n` +
      '  UPLOAD_CONCURRENCY), to a second fresh server: no IndexedDB, no HEAD, no push, no pull. Runs alternate which goes first.',
  );
  if (o.s3Runs > 0) {
    console.log(
      '  photos in S3: per run a fresh s3rver (npm, a process of its own, objects in a temp folder) on loopback; the engine\'s server is\n' +
        '  started with the S3_ variables of one bucket on it; the plain upload is PutObject (@aws-sdk/client-s3, the client settings the\n' +
        `  server uses) of the same bytes from memory under the same keys, ${o.concurrency} at a time, into a second, fresh bucket on the same s3rver.`,
    );
  }
  // The engine is imported only now: sync-bench.ts installs fake-indexeddb before Dexie loads.
  const { measureSync } = await import('./sync-bench.ts');
  const sync = await measureSync(o, (line) => console.log(line));
  const { runs, fixtures } = sync;
  console.log(`  moved per run: ${mb(fixtures.bytes).toFixed(0)} MB, ${fixtures.blobs.toLocaleString('en-US')} blobs (${photos} photos and their thumbnails; fixtures made in ${msText(fixtures.generateMs)})`);
  if (runs.length > 0) syncRunFigures(sync, runs, o, 'folder');
  if (sync.s3Runs.length > 0) syncRunFigures(sync, sync.s3Runs, o, 's3');
  if (sync.ladder.length > 0) {
    const plain = sync.ladder[0]?.ms ?? Number.NaN;
    console.log(`  the engine's per-blob steps priced one by one, each against a fresh server, ${o.concurrency} lanes, one after the other (PUT only = 1x):`);
    for (const step of sync.ladder) {
      console.log(
        `    ${`${step.label}:`.padEnd(58)} ${seconds1(step.ms).padStart(8)}  ${(step.ms / plain).toFixed(2)}x  PUT median ${step.putMedianMs.toFixed(1)} ms, ` +
          `${step.newConnections} new connections, CPU server ${seconds1(step.cpu.serverMs)}, this process ${seconds1(step.cpu.tabletMs)}, ` +
          `server event loop waited ${seconds1(step.serverMainThread.waitingMs)} for a CPU`,
      );
    }
  }
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return sync;
}

/** The figures of the runs with the photos in the data folder (section sync) or in S3 (section syncS3, keys s3…). */
function syncRunFigures(sync: SyncBenchResult, runs: SyncRun[], o: SyncBenchOptions, storage: 'folder' | 's3'): void {
  const s3 = storage === 's3';
  const section = s3 ? 'syncS3' : 'sync';
  const key = (name: string) => (s3 ? `s3${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` : name);
  const plainWhat = s3 ? `PutObject straight to s3rver, ${o.concurrency} at a time` : `${o.concurrency} PUTs at a time`;
  const ratios = runs.map((r) => r.ratio);
  const n = runs.length;
  const moved = `${mb(sync.fixtures.bytes).toFixed(0)} MB, ${sync.mutationsPerRun.toLocaleString('en-US')} mutations`;
  figure(section, key('syncRatioMedian'), `sync / plain upload of the same bytes, median of ${n}`, median(ratios), 'x', SYNC_RATIO_TARGET);
  figure(section, key('syncRatioMax'), `sync / plain upload, max of ${n}`, max(ratios), 'x');
  figure(section, key('syncMedian'), `syncNow(), ${moved}, median of ${n}`, median(runs.map((r) => r.sync.ms)) / 1000, 's');
  figure(section, key('plainMedian'), `plain upload, ${plainWhat}, median of ${n}`, median(runs.map((r) => r.plain.ms)) / 1000, 's');
  figure(section, key('syncMBps'), 'syncNow() throughput, median', median(runs.map((r) => mbps(r.sync.bytes, r.sync.ms))), 'MB/s');
  figure(section, key('plainMBps'), 'plain upload throughput, median', median(runs.map((r) => mbps(r.plain.bytes, r.plain.ms))), 'MB/s');
  figure(section, key('syncServerRssPeak'), 'server RSS during the sync, peak of all runs', mb(max(runs.map((r) => r.serverRss.peakBytes))), 'MB');

  // The plain upload's receiver: a server of ours, or s3rver itself.
  const receiver = s3 ? 's3rver' : 'server';
  for (const [i, r] of runs.entries()) {
    const peer = r.cpu.peerMs === undefined ? '' : `s3rver ${seconds1(r.cpu.peerMs)}, `;
    console.log(
      `  ${s3 ? 'S3 ' : ''}run ${i + 1} (${r.order}): sync ${seconds1(r.sync.ms)} (${mbps(r.sync.bytes, r.sync.ms).toFixed(1)} MB/s), plain ${seconds1(r.plain.ms)} ` +
        `(${mbps(r.plain.bytes, r.plain.ms).toFixed(1)} MB/s), ratio ${r.ratio.toFixed(2)}x; CPU during the sync: server ${seconds1(r.cpu.serverMs)}, ${peer}` +
        `tablet process ${seconds1(r.cpu.tabletMs)} (server event loop waited ${seconds1(r.serverMainThread.waitingMs)} for a CPU); during the plain upload: ` +
        `${receiver} ${seconds1(r.plain.cpu.serverMs)}, uploader ${seconds1(r.plain.cpu.tabletMs)} (${receiver} waited ${seconds1(r.plain.serverMainThread.waitingMs)}); ` +
        `load average ${r.loadAverage.toFixed(2)}`,
    );
  }
  console.log(`  ${s3 ? 'S3 ' : ''}medians: sync ${seconds1(median(runs.map((r) => r.sync.ms)))}, plain ${seconds1(median(runs.map((r) => r.plain.ms)))}, ratio ${median(ratios).toFixed(2)}x`);
  const byRatio = [...runs].sort((a, b) => a.ratio - b.ratio);
  const mid = byRatio[Math.floor((byRatio.length - 1) / 2)];
  if (!mid) return;
  const p = mid.profile;
  const pushes = p.requests.find((r) => r.kind === 'push');
  const bulkGet = p.idb.find((c) => c.kind === 'bulkGet');
  const reqText = p.requests.map((r) => `${r.kind.toUpperCase()} ${r.count} x median ${r.medianMs.toFixed(1)} ms`).join(', ');
  const idbText = p.idb.map((c) => `${c.kind} ${c.count} x mean ${(c.totalMs / Math.max(1, c.count)).toFixed(1)} ms`).join(', ');
  console.log(`  where the sync's time goes (run ${runs.indexOf(mid) + 1}, the median ratio; ${seconds1(mid.sync.ms)} in all):`);
  console.log(
    `    ${msText(p.beforeFirstRequestMs)} before the first request (reading the outbox and summing the bytes to send from the blobs' keys);`,
  );
  console.log(
    `    ${seconds1(p.uploadWindowsMs)} uploading in ${p.pushes} batches; of the ${o.concurrency} lanes' time: PUT ${pct(p.laneShare.put)}, HEAD ${pct(p.laneShare.head)}, ` +
      `IndexedDB get of the bytes ${pct(p.laneShare.idbGet)}, IndexedDB update ${pct(p.laneShare.idbUpdate)}, other or idle ${pct(p.laneShare.other)};`,
  );
  console.log(
    `    ${msText(pushes?.totalMs ?? 0)} in ${pushes?.count ?? 0} pushes, each after its batch's uploads; ` +
      `${msText(p.afterLastPushMs)} after the last push (the pull, storing its page, and the check for blobs to download).`,
  );
  console.log(
    `    requests: ${reqText}; the plain upload's PUT median ${mid.plain.putMedianMs.toFixed(1)} ms. New TCP connections: sync ${mid.sync.newConnections}, ` +
      `plain ${mid.plain.newConnections} (Node's fetch closes the connection after a HEAD; a browser would not${s3 ? '; the plain upload\'s are the SDK\'s, to s3rver' : ''}).`,
  );
  console.log(
    `    fake-indexeddb, blobs table: ${idbText} (bulkGets ${msText(bulkGet?.totalMs ?? 0)}); ` +
      `server RSS ${mb(mid.serverRss.idleBytes).toFixed(0)} MB idle, ${mb(mid.serverRss.peakBytes).toFixed(0)} MB peak`,
  );
}

// Issue 14: the store console with 100,000 cards in one store, on SQLite and on PostgreSQL
// (tests/support/start-postgres.sh; without it the PostgreSQL run is skipped with a note).
const CONSOLE_OPTIONS: ConsoleBenchOptions = { cards: 100_000, writeBatch: 1000, queriesPerKind: 40, reportRuns: 5, seed: 20261208, records: ['sqlite', 'postgres'] };
const CONSOLE_SEARCH_P95_MS = 100;
const CONSOLE_REPORT_MS = 500;

async function consoleFigures(): Promise<ConsoleRun[]> {
  const { measureConsole } = await import('./console-bench.ts');
  const { adminClient } = await import('../support/postgres-test-db.ts');
  const reachable = await adminClient().then(
    async (client) => {
      await client.end();
      return true;
    },
    () => false,
  );
  const records = CONSOLE_OPTIONS.records.filter((r) => r === 'sqlite' || reachable);
  if (records.length < CONSOLE_OPTIONS.records.length) console.log('\n  console: PostgreSQL is not reachable (bash tests/support/start-postgres.sh as root): its run is skipped');
  const runs = await measureConsole({ ...CONSOLE_OPTIONS, records });
  for (const run of runs) {
    const tag = run.records === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    figure('console', `console.${run.records}.catchUp`, `${tag}: index caught up with ${run.cards.toLocaleString('en')} cards, once`, run.catchUpSeconds * 1000, 'ms');
    for (const [kind, t] of Object.entries(run.search)) {
      figure('console', `console.${run.records}.search.${kind}`, `${tag}: search by ${kind}, p95 (p50 ${t.p50Ms} ms, ${t.meanHits} hits)`, t.p95Ms, 'ms', CONSOLE_SEARCH_P95_MS);
    }
    figure('console', `console.${run.records}.factsYear`, `${tag}: consoleFacts alone, a year created (${run.factsYear.cards.toLocaleString('en')} cards), median of 5`, run.factsYear.createdMs, 'ms');
    figure('console', `console.${run.records}.factsYearDelivered`, `${tag}: consoleFacts alone, a year delivered, median of 5`, run.factsYear.deliveredMs, 'ms');
    for (const [page, t] of Object.entries(run.pages)) figure('console', `console.${run.records}.page.${page}`, `${tag}: ${page}, p95 (p50 ${t.p50Ms} ms)`, t.p95Ms, 'ms');
    for (const [report, t] of Object.entries(run.reports)) {
      figure('console', `console.${run.records}.report.${report}`, `${tag}: report ${report}, median of ${t.runs} (max ${t.maxMs} ms)`, t.medianMs, 'ms', CONSOLE_REPORT_MS);
    }
    console.log(`  ${tag}: ${run.cards.toLocaleString('en')} cards written in ${run.writeSeconds} s; a read after one more push caught up in ${run.catchUpOneMs} ms${run.missingReports.length ? `; reports not served yet: ${run.missingReports.join(', ')}` : ''}`);
  }
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return runs;
}

async function pushFigures(): Promise<PushRun[]> {
  const o = PUSH_OPTIONS;
  console.log(
    `\n  measuring push throughput: ${o.tablets} tablets enrolled through the API, ${o.jobsPerTablet} cards each, each with one push at a time of ` +
      `${o.batchSizes.join(', ')} mutations (job.update and damage.add in turn), ${o.durationMs / 1000} s after ${o.warmupMs / 1000} s of warm-up, per batch size:\n` +
      `  closed loop (each tablet pushes again as soon as it has its answer), then paced at ${o.pacedRate ?? 0} mutations/s in all (latency from when a push was due);\n` +
      `  on SQLite, then on PostgreSQL (a fresh database per run, dropped after) with ${PUSH_POSTGRES_PROCESSES.join(' and ')} server processes, tablet i on process i % n…`,
  );
  console.log(
    '  server: child processes (node --import tsx src/server/main.ts, fresh temp DATA_DIR each, DATABASE_URL for PostgreSQL); load generator: this process\n' +
      `  (node:http, keep-alive, ${o.tablets} sockets), on the same ${cpus().length} cores as the server and PostgreSQL. Every answer's lastSeq is checked against the last seq sent.`,
  );
  const configurations: PushRecords[] = [{ kind: 'sqlite' }, ...PUSH_POSTGRES_PROCESSES.map((processes) => ({ kind: 'postgres' as const, processes }))];
  const runs: PushRun[] = [];
  for (const records of configurations) runs.push(...(await measurePush(o, (line) => console.log(line), records)));
  for (const r of runs) {
    const config = recordsLabel(r.records);
    // The issue's targets: on SQLite, and on PostgreSQL with 2 processes; 1 process is for comparison.
    const targeted = r.records.kind === 'sqlite' || r.records.processes === 2;
    const per = `${config}, ${r.batchSize} per push${r.mode === 'paced' ? `, paced ${(r.offeredPerSecond ?? 0).toLocaleString('en-US')}/s` : ''}`;
    // SQLite keeps the keys of earlier results files.
    const prefix = r.records.kind === 'sqlite' ? '' : `pg${r.records.processes}`;
    const key = `${prefix}${r.mode === 'paced' ? 'paced' : 'push'}${r.batchSize}`;
    if (r.mode === 'closed' && targeted) figureAtLeast('push', `${key}Rate`, `${per}: mutations applied`, r.mutationsPerSecond, '/s', PUSH_RATE_TARGET);
    else figure('push', `${key}Rate`, `${per}: mutations applied`, r.mutationsPerSecond, '/s');
    figure('push', `${key}P50`, `${per}: latency p50`, r.latencyMs.p50, 'ms');
    figure('push', `${key}P99`, `${per}: latency p99`, r.latencyMs.p99, 'ms', targeted ? PUSH_P99_TARGET : undefined);
  }
  figure('push', 'pushRssPeak', 'server RSS peak (largest process), all runs', mb(max(runs.map((r) => r.serverRss.peakBytes))), 'MB');
  for (const r of runs) {
    const held = r.backlog > 0 ? `, NOT held: ${r.backlog.toLocaleString('en-US')} pushes due by the end were never sent` : ', held';
    const mode = r.mode === 'paced' ? `paced at ${(r.offeredPerSecond ?? 0).toLocaleString('en-US')}/s${held}` : 'closed loop';
    console.log(
      `  ${recordsLabel(r.records)}, ${String(r.batchSize).padStart(2)} per push, ${mode}: ${Math.round(r.mutationsPerSecond).toLocaleString('en-US')} mutations/s, ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} pushes/s ` +
        `(${r.requests.toLocaleString('en-US')} pushes, ${r.mutations.toLocaleString('en-US')} mutations in ${seconds1(r.elapsedMs)}); latency p50 ${r.latencyMs.p50.toFixed(1)}, ` +
        `p95 ${r.latencyMs.p95.toFixed(1)}, p99 ${r.latencyMs.p99.toFixed(1)}, max ${r.latencyMs.max.toFixed(1)} ms; server RSS ${mb(r.serverRss.idleBytes).toFixed(0)} MB idle → ` +
        `${mb(r.serverRss.peakBytes).toFixed(0)} MB peak → ${mb(r.serverRss.afterBytes).toFixed(0)} MB 1 s after (${r.serverRss.samples} samples, every 200 ms); ` +
        `CPU: server ${r.cpuCores.server.toFixed(2)} cores, load generator ${r.cpuCores.loadGenerator.toFixed(2)} cores; server event loop ${share(r.serverMainThread.onCpuMs, r.elapsedMs)} on a CPU, ` +
        `${share(r.serverMainThread.waitingMs, r.elapsedMs)} waiting for one, the rest blocked (fsync) or idle; ${r.damagesPerJob.toFixed(1)} damage marks per card at the end; ` +
        `load average ${r.loadAverage.toFixed(2)}`,
    );
    if (r.postgres) console.log(`      ${pushCost(r, r.postgres)}`);
  }
  console.log(
    `  closed loop, ${o.tablets} pushes are always out, so latency ≈ ${o.tablets} / pushes per second (Little's law): a p99 of ${PUSH_P99_TARGET} ms there would ` +
      `need ${((o.tablets * 1000) / PUSH_P99_TARGET).toLocaleString('en-US')} pushes/s; the paced runs give the latency at the target rate.`,
  );
  console.log(`  load average (1 min) now ${round(loadavg()[0] ?? 0, 2)}`);
  return runs;
}

/** One push's price on PostgreSQL: the servers' and the database's CPU, commits, rows and WAL, per push over the window. */
function pushCost(r: PushRun, pg: PostgresCost): string {
  const pushes = Math.max(1, r.requests);
  const perPush = (cores: number) => ((cores * r.elapsedMs) / pushes).toFixed(2);
  return (
    `per push: server CPU ${perPush(r.cpuCores.server)} ms, PostgreSQL CPU ${perPush(pg.backendCores)} ms in its backends + ${perPush(pg.backgroundCores)} ms in WAL writer and ` +
    `other background processes; ${(pg.commits / pushes).toFixed(1)} commits, ${(pg.rowsInserted / pushes).toFixed(1)} rows inserted, ${(pg.rowsUpdated / pushes).toFixed(1)} updated, ` +
    `${(pg.walBytes / pushes / 1000).toFixed(1)} KB WAL (PostgreSQL ${pg.backendCores.toFixed(2)} + ${pg.backgroundCores.toFixed(2)} cores over the window)`
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  const machine = {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    loadAverage1mAtStart: round(loadavg()[0] ?? 0, 2),
    loadAverage1mAtEnd: 0,
    node: process.version,
    chromium: 'not run',
    date: new Date().toISOString(),
  };
  console.log('Walkaround benchmark');
  console.log(`  machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM; load average ${machine.loadAverage1mAtStart}`);
  console.log(`  node ${machine.node}, ${machine.date}`);
  console.log(`  app build: ${BUILD_DIR}`);

  const bundle = parts.has('bundle') ? bundleFigures() : null;
  const tti = parts.has('tti') ? await ttiFigures() : null;
  const db = parts.has('db') ? await dbFigures() : null;
  const photos = parts.has('photos') ? await photoFigures() : null;
  const thumbs = parts.has('photos') ? await thumbnailFigures() : null;
  const signing = parts.has('signing') ? await signingFigures() : null;
  const handover = parts.has('handover') ? await handoverFigures() : null;
  const desk = parts.has('taps') ? await deskFigures() : null;
  const sync = parts.has('sync') || parts.has('sync-s3') || parts.has('sync-steps') ? await syncFigures() : null;
  const push = parts.has('push') ? await pushFigures() : null;
  const consoleRuns = parts.has('console') ? await consoleFigures() : null;
  if (tti) machine.chromium = tti.browserVersion;
  else if (photos) machine.chromium = photos.browserVersion;
  else if (signing) machine.chromium = signing.browserVersion;
  else if (handover) machine.chromium = handover.browserVersion;
  else if (desk) machine.chromium = desk.browserVersion;
  machine.loadAverage1mAtEnd = round(loadavg()[0] ?? 0, 2);

  const seconds = (Date.now() - started) / 1000;
  console.log(`\nResults on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB RAM), Node ${machine.node}, ${machine.chromium}, ${machine.date}`);
  console.log(`load average (1 min) ${machine.loadAverage1mAtStart} at start, ${machine.loadAverage1mAtEnd} at end`);
  printTable('1. Bundle (dist/, as built)', 'bundle');
  printTable(`2. Start of the installed app: offline, service worker, CPU throttled ${CPU_THROTTLING}x`, 'tti');
  printTable('3-4. IndexedDB through src/db/job-repo.ts: real Chromium, no CPU throttling', 'db');
  printTable('5-7. Photos through processPhotos + addPhoto, one photo and 10-photo batches: real Chromium, no CPU throttling', 'photos');
  printTable('8. Opening a card with 40 photos: the built app, service worker, no CPU throttling unless stated', 'thumbs');
  printTable('9. Catalogue search as the advisor types: the built app, 20,000 items, no CPU throttling', 'catalogue');
  printTable('10. Customer mode (客户模式) for a card with 40 photos: the built app, no CPU throttling', 'customer');
  printTable('10a. 交车 (handover) of a card with 20 check-in photos, offline: the built app, no CPU throttling', 'handover');
  printTable('10b. 追加项目 in customer mode: the built app, signature strokes not counted as taps', 'taps');
  printTable('10c. Check-in at the desk: the built app, 1280x800 touch tablet, offline, taps counted in the page', 'desk');
  printTable('11. End-of-shift sync: simulated tablet (real sync engine on fake-indexeddb in Node), server as a child process', 'sync');
  printTable('11a. End-of-shift sync with the photos in S3: the same, the server\'s photos in a bucket on s3rver (loopback)', 'syncS3');
  printTable(`12. Push throughput: ${PUSH_OPTIONS.tablets} simulated tablets, servers as child processes, PostgreSQL and load generator on the same cores`, 'push');
  printTable(`13. Store console with ${CONSOLE_OPTIONS.cards.toLocaleString('en')} cards in one store: the server in this process over loopback HTTP, one request at a time, signed in as an admin`, 'console');
  const misses = rows.filter((r) => r.status === 'MISS');
  console.log(`\n  1 KB = 1000 bytes. Run time ${seconds.toFixed(1)} s (build not included).`);
  console.log(misses.length ? `  MISSED: ${misses.map((r) => r.label).join('; ')}` : '  All targets met.');

  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const results = {
    machine,
    parts: [...parts],
    runSeconds: round(seconds, 1),
    figures: rows,
    details: {
      bundle,
      tti: tti && { ...tti, medianMs: median(tti.runs.map((r) => r.ms)), maxMs: max(tti.runs.map((r) => r.ms)), minimalMedianMs: median(tti.minimalRuns.map((r) => r.ms)) },
      indexedDb: db && { options: DB_OPTIONS, cpuThrottling: 'none', ...db },
      photos: photos && { options: PHOTO_OPTIONS, cpuThrottling: 'none', ...photos },
      thumbnails: thumbs && { options: THUMB_OPTIONS, cpuThrottling: `none, and ${THUMB_OPTIONS.throttledRate}x for throttledRuns`, ...thumbs },
      signing: signing && { options: SIGNING_OPTIONS, cpuThrottling: 'none', ...signing },
      handover: handover && { options: HANDOVER_OPTIONS, cpuThrottling: 'none', ...handover },
      desk: desk && { options: CHECKIN_TAPS_OPTIONS, ...desk },
      sync: sync && { options: syncOptions(), tablet: 'src/sync engine on fake-indexeddb in Node', server: 'child process', ...sync },
      push: push && { options: PUSH_OPTIONS, server: 'child processes', loadGenerator: 'this process, same cores', runs: push },
      console: consoleRuns && { options: CONSOLE_OPTIONS, server: 'this process, loopback HTTP', runs: consoleRuns },
    },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`  Wrote ${RESULTS}`);
  if (strict && misses.length > 0) process.exitCode = 1;
}

// Whatever happens, the run ends well within five minutes and leaves nothing behind.
const watchdog = setTimeout(() => {
  console.error(`\nbenchmark: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  void releaseAll().finally(() => process.exit(2));
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void releaseAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await releaseAll();
  clearTimeout(watchdog);
}

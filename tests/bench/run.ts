// `npm run bench`: the performance budget of the tablet app measured on this machine: first
// route JS size, offline time to interactive of the installed shell, and save/search times in
// real IndexedDB. Prints a table against the targets and writes .tmp/bench-results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle, type AssetSize, type BundleSizes } from './bundle-size.ts';
import { releaseAll } from './cleanup.ts';
import { measureDatabase, type DbBenchResult } from './db-bench.ts';
import { max, mean, median, percentile, round } from './stats.ts';
import { measureTti, type TtiResult, type TtiRun } from './tti.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const WATCHDOG_MS = 240_000;

// --strict: exit 1 when a figure misses its target. --only=bundle,tti,db: run some parts.
const strict = process.argv.includes('--strict');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const parts = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : ['bundle', 'tti', 'db']);
for (const part of parts) if (!['bundle', 'tti', 'db'].includes(part)) throw new Error(`--only: unknown part ${part}`);
// A partial run never overwrites the full results.
const RESULTS = join(repoRoot, '.tmp', onlyArg ? `bench-results-${[...parts].join('-')}.json` : 'bench-results.json');

const TTI_RUNS = 7;
const CPU_THROTTLING = 4;
const DB_OPTIONS = { saves: 200, saveWarmup: 20, cards: 5000, seedBatch: 250, plateQueries: 30, infoQueries: 10, seed: 20261127 };

/** 1 KB = 1000 bytes, as Vite's build report prints sizes. */
const kb = (bytes: number) => bytes / 1000;

type Unit = 'KB' | 'ms' | 's' | 'rows';
type Row = {
  key: string;
  section: 'bundle' | 'tti' | 'db';
  label: string;
  value: number;
  unit: Unit;
  /** Upper bound; rows without one are for information. */
  target?: number;
  status: 'OK' | 'MISS' | 'info';
};

const rows: Row[] = [];
function figure(section: Row['section'], key: string, label: string, value: number, unit: Unit, target?: number): void {
  const status = target === undefined ? 'info' : value <= target ? 'OK' : 'MISS';
  rows.push({ key, section, label, value: round(value, unit === 's' ? 2 : 1), unit, ...(target === undefined ? {} : { target }), status });
}

const format = (value: number, unit: Unit) => `${unit === 's' ? value.toFixed(2) : value.toFixed(1)} ${unit}`;

function printTable(title: string, section: Row['section']): void {
  const selected = rows.filter((r) => r.section === section);
  if (selected.length === 0) return;
  const labelWidth = Math.max(...rows.map((r) => r.label.length)) + 1;
  console.log(`\n${title}`);
  for (const r of selected) {
    const target = r.target === undefined ? '' : `target ≤ ${format(r.target, r.unit).replace(/\.0 /, ' ')}`;
    console.log(`  ${`${r.label}:`.padEnd(labelWidth)} ${format(r.value, r.unit).padStart(9)}  ${target.padEnd(17)} ${r.status}`);
  }
}

const listAssets = (assets: AssetSize[]) =>
  assets.map((a) => `    ${a.file.padEnd(36)} ${kb(a.bytes).toFixed(1).padStart(7)} KB raw  ${kb(a.gzipBytes).toFixed(1).padStart(6)} KB gzip`).join('\n');

function bundleFigures(): BundleSizes {
  const bundle = measureBundle(join(repoRoot, 'dist'));
  figure('bundle', 'initialJs', `initial JS (first route, gzip -${bundle.gzipLevel})`, kb(bundle.initialGzipBytes), 'KB', 160);
  figure('bundle', 'lazyJs', `lazy JS chunks (gzip -${bundle.gzipLevel})`, kb(bundle.lazyGzipBytes), 'KB');
  console.log(`\n  loaded before first render (entry + modulepreload):\n${listAssets(bundle.initial)}`);
  console.log(`  loaded lazily:\n${bundle.lazy.length ? listAssets(bundle.lazy) : '    (none)'}`);
  console.log(`  not counted, CSS:${bundle.css.length ? `\n${listAssets(bundle.css)}` : ' (none)'}`);
  if (bundle.serviceWorker) console.log(`  not counted, service worker:\n${listAssets([bundle.serviceWorker])}`);
  return bundle;
}

async function ttiFigures(): Promise<TtiResult> {
  console.log(`\n  measuring offline TTI (${TTI_RUNS} runs, CPU throttled ${CPU_THROTTLING}x)…`);
  const tti = await measureTti({ runs: TTI_RUNS, cpuThrottlingRate: CPU_THROTTLING });
  const ms = tti.runs.map((r) => r.ms);
  figure('tti', 'ttiMedian', `offline TTI, ${CPU_THROTTLING}x CPU, median of ${TTI_RUNS}`, median(ms) / 1000, 's', 1.5);
  figure('tti', 'ttiMax', `offline TTI, ${CPU_THROTTLING}x CPU, max of ${TTI_RUNS}`, max(ms) / 1000, 's', 1.5);
  console.log(`  runs (ms): ${ms.map((v) => Math.round(v)).join(', ')}; first visit (online, unthrottled): ${Math.round(tti.firstVisitOnlineMs)} ms`);
  const at = (pick: (r: TtiRun) => number) => Math.round(median(tti.runs.map(pick)));
  console.log(
    `  medians since navigation start: service worker ready ${at((r) => r.workerStartMs)} ms, HTML from the precache ` +
      `${at((r) => r.htmlReceivedMs)} ms, entry script run (DOMContentLoaded) ${at((r) => r.scriptsRunMs)} ms, job list loaded ${at((r) => r.ms)} ms`,
  );
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

  const bundle = parts.has('bundle') ? bundleFigures() : null;
  const tti = parts.has('tti') ? await ttiFigures() : null;
  const db = parts.has('db') ? await dbFigures() : null;
  if (tti) machine.chromium = tti.browserVersion;
  machine.loadAverage1mAtEnd = round(loadavg()[0] ?? 0, 2);

  const seconds = (Date.now() - started) / 1000;
  console.log(`\nResults on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGb} GB RAM), Node ${machine.node}, ${machine.chromium}, ${machine.date}`);
  console.log(`load average (1 min) ${machine.loadAverage1mAtStart} at start, ${machine.loadAverage1mAtEnd} at end`);
  printTable('1. Bundle (dist/, as built)', 'bundle');
  printTable(`2. Start of the installed app: offline, service worker, CPU throttled ${CPU_THROTTLING}x`, 'tti');
  printTable('3-4. IndexedDB through src/db/job-repo.ts: real Chromium, no CPU throttling', 'db');
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
      tti: tti && { ...tti, medianMs: median(tti.runs.map((r) => r.ms)), maxMs: max(tti.runs.map((r) => r.ms)) },
      indexedDb: db && { options: DB_OPTIONS, cpuThrottling: 'none', ...db },
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

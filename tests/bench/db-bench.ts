// Saving and searching job cards in real Chromium IndexedDB: a Vite dev server serves
// harness.html, which runs the app's own job-repo functions; this side picks the queries,
// drives the page and turns the raw timings into figures. No CPU throttling here.
import { launchTablet, newProfileDir, watchErrors } from '../e2e/support/browser.ts';
import type { SaveResult, SearchTiming, SeedResult } from './bench-api.ts';
import { seededRng } from './cards.ts';
import { defer } from './cleanup.ts';
import { startHarnessServer } from './vite-harness.ts';

export type DbBenchOptions = {
  saves: number;
  saveWarmup: number;
  cards: number;
  seedBatch: number;
  plateQueries: number;
  infoQueries: number;
  seed: number;
};

export type DbBenchResult = {
  dexieDebug: boolean;
  save: SaveResult;
  /** The same save on one of the 5,000 seeded cards, for information. */
  saveWithCards: SaveResult;
  seed: Omit<SeedResult, 'plates' | 'vins' | 'names' | 'jobIds'>;
  platePrefix: SearchTiming[];
  vinTail: SearchTiming[];
  customerName: SearchTiming[];
};

/** Up to `count` distinct prefixes drawn from `values`, in the order the rng finds them. */
function prefixes(values: readonly string[], length: number, count: number, rng: () => number): string[] {
  const found = new Set<string>();
  for (let tries = 0; found.size < count && tries < count * 200; tries++) {
    const value = values[Math.floor(rng() * values.length)] ?? '';
    const chars = Array.from(value);
    if (chars.length >= length) found.add(chars.slice(0, length).join(''));
  }
  return [...found];
}

/** 30 plate prefixes: 2-character areas (粤B, 沪A), then 3 and 4 characters (粤B1, 京N3K). */
export function platePrefixQueries(plates: readonly string[], count: number, seed: number): string[] {
  const rng = seededRng(seed);
  const perLength = Math.ceil(count / 3);
  const twos = prefixes(plates, 2, perLength, rng);
  const threes = prefixes(plates, 3, perLength + (perLength - twos.length), rng);
  const fours = prefixes(plates, 4, count - twos.length - threes.length, rng);
  const queries = [...twos, ...threes, ...fours];
  if (queries.length !== count) throw new Error(`found only ${queries.length} distinct plate prefixes`);
  return queries;
}

function sample<T>(values: readonly T[], count: number, rng: () => number): T[] {
  const picked = new Set<T>();
  for (let tries = 0; picked.size < count && tries < count * 100; tries++) {
    const value = values[Math.floor(rng() * values.length)];
    if (value !== undefined) picked.add(value);
  }
  return [...picked];
}

export async function measureDatabase(options: DbBenchOptions): Promise<DbBenchResult> {
  const vite = await startHarnessServer('tests/bench/harness.html');
  const profile = newProfileDir();
  const removeProfile = defer(`profile ${profile.dir}`, () => profile.remove());
  let closeContext: () => Promise<void> = async () => undefined;
  try {
    const context = await launchTablet(profile.dir);
    closeContext = defer('tablet browser (IndexedDB)', () => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    // Fail fast when a module of the harness does not load (e.g. a file mid-edit elsewhere).
    const loadFailed = new Promise<never>((_, reject) => {
      page.once('pageerror', (error) => reject(new Error(`harness did not start: ${error.message}`)));
    });
    loadFailed.catch(() => undefined);
    await page.goto(vite.url, { timeout: 60_000 });
    await Promise.race([page.waitForFunction(() => window.bench !== undefined, undefined, { timeout: 60_000 }), loadFailed]);

    const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      const result = await run();
      if (errors.length > 0) throw new Error(`harness errors during ${what}: ${errors.join('; ')}`);
      return result;
    };
    const bench = await page.evaluateHandle(() => {
      if (!window.bench) throw new Error('window.bench is missing');
      return window.bench;
    });

    await call('reset', () => bench.evaluate((b) => b.reset()));
    const dexieDebug = await bench.evaluate((b) => b.dexieDebug());
    const save = await call('save', () => bench.evaluate((b, [n, w]) => b.saveChange(n, w), [options.saves, options.saveWarmup] as const));
    const seeded = await call('seed', () =>
      bench.evaluate((b, [n, s, c]) => b.seed(n, s, c), [options.cards, options.seed, options.seedBatch] as const),
    );
    if (seeded.rowsInDb !== options.cards + 1) throw new Error(`expected ${options.cards + 1} jobs in the database, found ${seeded.rowsInDb}`);

    const rng = seededRng(options.seed + 1);
    const plateQueries = platePrefixQueries(seeded.plates, options.plateQueries, options.seed + 2);
    const warmup = ['粤', '沪A1', '13']; // not among the timed queries
    const vinQueries = sample(seeded.vins, options.infoQueries, rng).map((vin) => vin.slice(-4));
    const nameQueries = sample([...new Set(seeded.names)], options.infoQueries, rng);
    const platePrefix = await call('plate search', () => bench.evaluate((b, [q, w]) => b.search(q, w), [plateQueries, warmup] as const));
    const vinTail = await call('VIN search', () => bench.evaluate((b, q) => b.search(q, []), vinQueries));
    const customerName = await call('name search', () => bench.evaluate((b, q) => b.search(q, []), nameQueries));

    const seededJob = seeded.jobIds[Math.floor(seeded.jobIds.length / 2)];
    const saveWithCards = await call('save among cards', () =>
      bench.evaluate((b, [n, w, id]) => b.saveChange(n, w, id), [options.saves, options.saveWarmup, seededJob] as const),
    );

    const { plates: _plates, vins: _vins, names: _names, jobIds: _jobIds, ...seed } = seeded;
    return { dexieDebug, save, saveWithCards, seed, platePrefix, vinTail, customerName };
  } finally {
    await closeContext();
    await removeProfile();
    await vite.close();
  }
}

// The store console with 100,000 job cards in one store (issue 14): cards written straight into
// the storage through push's own write (tests/bench/console-cards.ts), the console's index caught
// up once (timed), then over HTTP as a signed-in admin, with the server in this process (requests
// one at a time, so the time measured is the server's plus loopback): the archive search, many
// queries of each kind a desk person types, a card opened and a customer's page; and every report
// route that exists, for a month and for a year. On SQLite and on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { addAdvisor, createStore } from '../../src/server/admin/store-admin.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDataDir, type DataDir } from '../../src/server/data-dir.ts';
import { REPORT_NAMES } from '../../src/shared/console/report-api.ts';
import type { Job } from '../../src/shared/job.ts';
import { signInConsole, type ConsoleClient } from '../support/console-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { defer } from './cleanup.ts';
import { consoleCards } from './console-cards.ts';
import { seededRng } from './cards.ts';
import { median, percentile, round } from './stats.ts';

export type ConsoleBenchOptions = {
  cards: number;
  /** Cards per write (one transaction, as one push of many cards). */
  writeBatch: number;
  queriesPerKind: number;
  reportRuns: number;
  seed: number;
  records: Array<'sqlite' | 'postgres'>;
};

export type Timing = { p50Ms: number; p95Ms: number; maxMs: number; runs: number; meanHits: number };
export type ConsoleRun = {
  records: 'sqlite' | 'postgres';
  cards: number;
  writeSeconds: number;
  catchUpSeconds: number;
  /** The next read after a push of one card: the index's catch-up of one change. */
  catchUpOneMs: number;
  /** consoleFacts alone (what every report reads first), a year of cards: median of 5, cards read. */
  factsYear: { createdMs: number; deliveredMs: number; cards: number };
  search: Record<string, Timing>;
  pages: Record<string, Timing>;
  reports: Record<string, { medianMs: number; maxMs: number; runs: number }>;
  missingReports: string[];
};

const ADMIN = { username: 'boss', password: 'bench-admin-password' };
const STORE = 'BENCH';

export async function measureConsole(options: ConsoleBenchOptions): Promise<ConsoleRun[]> {
  const runs: ConsoleRun[] = [];
  for (const records of options.records) runs.push(await oneRun(records, options));
  return runs;
}

type Samples = { plates: string[]; vins: string[]; phones: string[]; names: string[]; numbers: string[]; jobIds: string[] };

async function oneRun(records: 'sqlite' | 'postgres', options: ConsoleBenchOptions): Promise<ConsoleRun> {
  const dir = mkdtempSync(join(tmpdir(), `console-bench-${records}-`));
  const removeDir = defer(`console bench folder ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  let database: TestDatabase | undefined;
  let data: DataDir | undefined;
  let app: FastifyInstance | undefined;
  try {
    if (records === 'postgres') database = await createTestDatabase({ migrated: false });
    data = await openDataDir(dir, database ? { DATABASE_URL: database.url } : {});
    const { storage } = data;
    const store = await createStore(storage, STORE, '基准 4S 店');
    await addAdvisor(storage, store, { ...ADMIN, name: '店长', role: 'admin' });
    const advisorIds: string[] = [];
    for (let i = 1; i <= 8; i++) advisorIds.push((await addAdvisor(storage, store, { username: `adv${i}`, name: `顾问${i}`, role: 'advisor', password: `advisor-password-${i}` })).advisor.id);

    console.log(`\n  ${records}: writing ${options.cards.toLocaleString('en')} cards straight into the storage (push's own write, ${options.writeBatch} per transaction)…`);
    const samples: Samples = { plates: [], vins: [], phones: [], names: [], numbers: [], jobIds: [] };
    const rng = seededRng(options.seed + 1);
    const writeStart = performance.now();
    let batch: Job[] = [];
    let written = 0;
    const clientId = crypto.randomUUID();
    const flush = async () => {
      const jobs = batch;
      batch = [];
      const [result] = await storage.records.writeEach([{ storeId: store.id, work: (tx) => tx.writePush({ clientId, lastSeq: written, log: [], jobs }) }]);
      if (!result || 'error' in result) throw result?.error ?? new Error('the write returned nothing');
      written += jobs.length;
      if (written % 20_000 === 0) console.log(`    ${written.toLocaleString('en')} written, ${round((performance.now() - writeStart) / 1000, 1)} s`);
    };
    const now = Date.now();
    for (const job of consoleCards({ storeCode: STORE, advisorIds, count: options.cards, now, seed: options.seed })) {
      if (rng() < 0.01) {
        samples.plates.push(job.card.vehicle.plate);
        samples.vins.push(job.card.vehicle.vin);
        samples.phones.push(job.card.customer.phone);
        samples.names.push(job.card.customer.name);
        samples.numbers.push(job.number);
        samples.jobIds.push(job.id);
      }
      batch.push(job);
      if (batch.length === options.writeBatch) await flush();
    }
    if (batch.length > 0) await flush();
    const writeSeconds = (performance.now() - writeStart) / 1000;

    const catchUpStart = performance.now();
    const open = await storage.consoleFacts(store.id, { kind: 'open' });
    const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
    console.log(`    written in ${round(writeSeconds, 1)} s; the console's index caught up with ${written.toLocaleString('en')} cards in ${round(catchUpSeconds, 1)} s (${open.length} open now)`);

    const yearRange = { from: new Date(now - 365 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
    const factsRuns = { created: [] as number[], delivered: [] as number[], cards: 0 };
    for (let i = 0; i < 5; i++) {
      for (const kind of ['created', 'delivered'] as const) {
        const start = performance.now();
        const facts = await storage.consoleFacts(store.id, { kind, ...yearRange });
        factsRuns[kind].push(performance.now() - start);
        if (kind === 'created') factsRuns.cards = facts.length;
      }
    }
    const factsYear = { createdMs: round(median(factsRuns.created), 1), deliveredMs: round(median(factsRuns.delivered), 1), cards: factsRuns.cards };

    app = await buildApp({ logger: false, staticDir: dir, storage, blobs: data.blobs });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const client = await signInConsole(`http://127.0.0.1:${address.port}`, { store: STORE, ...ADMIN });

    // One more card pushed, then the next read: what a read pays to catch up with a change.
    const [extra] = [...consoleCards({ storeCode: STORE, advisorIds, count: 1, now, seed: options.seed + 7 })];
    await storage.records.writeEach([{ storeId: store.id, work: (tx) => tx.writePush({ clientId, lastSeq: written + 1, log: [], jobs: [extra!] }) }]);
    const oneStart = performance.now();
    await storage.searchCards(store.id, extra!.card.vehicle.plate, 10);
    const catchUpOneMs = performance.now() - oneStart;

    const pick = (list: string[], i: number) => list[i % list.length]!;
    const n = options.queriesPerKind;
    const kinds: Record<string, (i: number) => string> = {
      'plate (whole)': (i) => pick(samples.plates, i),
      'plate end (last 5)': (i) => [...pick(samples.plates, i)].slice(-5).join(''),
      'plate without province': (i) => [...pick(samples.plates, i)].slice(1).join(''),
      'VIN end (last 6)': (i) => pick(samples.vins, i).slice(-6),
      'phone (whole)': (i) => pick(samples.phones, i),
      'phone last 4': (i) => pick(samples.phones, i).slice(-4),
      'surname (1 character)': (i) => [...pick(samples.names, i)][0]!,
      'name (whole)': (i) => pick(samples.names, i),
      'job number': (i) => pick(samples.numbers, i),
    };
    // Warm-up: the first requests pay for compiling routes and statements.
    for (let i = 0; i < 5; i++) await timed(client, `/api/v1/console/archive/search?q=${encodeURIComponent(pick(samples.plates, i))}`);
    const search: Record<string, Timing> = {};
    for (const [kind, query] of Object.entries(kinds)) {
      const results = [];
      for (let i = 0; i < n; i++) results.push(await timed(client, `/api/v1/console/archive/search?q=${encodeURIComponent(query(i + 11))}`, (body) => (body as { cards: unknown[] }).cards.length));
      search[kind] = timing(results);
    }
    const pages: Record<string, Timing> = {
      'card opened': timing(await repeat(n, (i) => timed(client, `/api/v1/console/archive/cards/${pick(samples.jobIds, i)}`))),
      "customer's page": timing(await repeat(n, (i) => timed(client, `/api/v1/console/archive/customer?phone=${pick(samples.phones, i)}`, (body) => (body as { visits: unknown[] }).visits.length))),
    };

    const today = new Date(now).toISOString().slice(0, 10);
    const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString().slice(0, 10);
    const periods = { month: `from=${daysAgo(30)}&to=${today}&by=day`, year: `from=${daysAgo(364)}&to=${today}&by=month` };
    const reports: ConsoleRun['reports'] = {};
    const missingReports: string[] = [];
    for (const name of REPORT_NAMES) {
      for (const [period, query] of Object.entries(periods)) {
        const path = `/api/v1/console/reports/${name}?${query}`;
        const first = await client.request('GET', path);
        if (first.status === 404 && period === 'month') {
          missingReports.push(name);
          break;
        }
        if (first.status !== 200) throw new Error(`${path}: ${first.status} ${first.text.slice(0, 200)}`);
        const ms = (await repeat(options.reportRuns, () => timed(client, path))).map((r) => r.ms);
        reports[`${name} (${period})`] = { medianMs: round(median(ms), 1), maxMs: round(Math.max(...ms), 1), runs: ms.length };
      }
    }
    return { records, cards: written, writeSeconds: round(writeSeconds, 1), catchUpSeconds: round(catchUpSeconds, 1), catchUpOneMs: round(catchUpOneMs, 1), factsYear, search, pages, reports, missingReports };
  } finally {
    await app?.close();
    await data?.close();
    await database?.drop();
    await removeDir();
  }
}

type Timed = { ms: number; hits: number };

async function timed(client: ConsoleClient, path: string, hits?: (body: unknown) => number): Promise<Timed> {
  const start = performance.now();
  const reply = await client.request('GET', path);
  const ms = performance.now() - start;
  if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${reply.text.slice(0, 200)}`);
  return { ms, hits: hits ? hits(reply.json) : 0 };
}

async function repeat(times: number, run: (i: number) => Promise<Timed>): Promise<Timed[]> {
  const results: Timed[] = [];
  for (let i = 0; i < times; i++) results.push(await run(i));
  return results;
}

function timing(results: Timed[]): Timing {
  const ms = results.map((r) => r.ms);
  return {
    p50Ms: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
    maxMs: round(Math.max(...ms), 1),
    runs: ms.length,
    meanHits: round(results.reduce((sum, r) => sum + r.hits, 0) / results.length, 1),
  };
}

// Browser side of the IndexedDB benchmark: saves and searches through the app's own
// src/db/job-repo.ts on a real Chromium IndexedDB, timed with performance.now(), so the figures
// include Dexie, zod validation, the outbox write and IndexedDB itself, as on the tablet.
import { Dexie } from 'dexie';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { getJob, searchJobs } from '../../src/db/job-queries.ts';
import { createJob, updateCard } from '../../src/db/job-repo.ts';
import { normalizePlate } from '../../src/shared/plate.ts';
import type { BenchApi, SearchTiming } from './bench-api.ts';
import { createdAtWithinLastYear, realisticCard, seededRng } from './cards.ts';

const DB_NAME = 'walkaround-bench';

// Dexie switches its debug mode on by itself when the page is on localhost/127.0.0.1 (it then
// wraps every table call in console.createTask). A tablet on the real host never runs in it,
// so the runner turns it off unless it asks for ?dexieDebug=1.
Dexie.debug = new URLSearchParams(location.search).get('dexieDebug') === '1';

let db: WalkaroundDb | null = null;

function database(): WalkaroundDb {
  if (!db) throw new Error('call bench.reset() first');
  return db;
}

const bench: BenchApi = {
  async reset() {
    db?.close();
    await Dexie.delete(DB_NAME);
    db = openDatabase(DB_NAME);
    await db.open();
  },

  async saveChange(count, warmup, jobId) {
    const d = database();
    const id = jobId ?? (await createJob(d, realisticCard(seededRng(7)).card)).id;
    for (let i = 0; i < warmup; i++) await updateCard(d, id, { customer: { name: `w${i}` } });
    const outboxBefore = await d.outbox.count();
    const timingsMs: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await updateCard(d, id, { customer: { name: `x${i}` } });
      timingsMs.push(performance.now() - start);
    }
    const outboxRows = (await d.outbox.count()) - outboxBefore;
    const lastName = (await getJob(d, id))?.card.customer.name ?? '';
    return { jobId: id, timingsMs, outboxRows, lastName };
  },

  async seed(count, seed, batchSize) {
    const d = database();
    const rng = seededRng(seed);
    const now = Date.now();
    const cards = Array.from({ length: count }, () => ({ ...realisticCard(rng), at: createdAtWithinLastYear(rng, now) }));
    const jobIds: string[] = [];
    const start = performance.now();
    // Each batch is one outer transaction: the createJob calls inside it join it (Dexie
    // nests them) and run one after the other, so numbering stays exact and only one commit
    // per batch is paid. Setup only: the timed saves each commit on their own.
    for (let i = 0; i < cards.length; i += batchSize) {
      const batch = cards.slice(i, i + batchSize);
      await d.transaction('rw', d.jobs, d.outbox, d.meta, async () => {
        for (const { card, at } of batch) jobIds.push((await createJob(d, card, at)).id);
      });
    }
    const ms = performance.now() - start;
    return {
      created: jobIds.length,
      rowsInDb: await d.jobs.count(),
      ms,
      plates: cards.map((c) => c.plate),
      vins: cards.map((c) => c.vin),
      names: cards.map((c) => c.name),
      jobIds,
    };
  },

  async search(queries, warmup) {
    const d = database();
    for (const query of warmup) await searchJobs(d, query);
    const timings: SearchTiming[] = [];
    for (const query of queries) {
      const start = performance.now();
      const rows = await searchJobs(d, query);
      const ms = performance.now() - start;
      timings.push({ query, ms, hits: rows.length, matches: 0 });
    }
    // Untimed: how many cards each query really matches (searchJobs returns at most 200).
    for (const timing of timings) {
      timing.matches = await d.jobs.where('searchTerms').startsWith(normalizePlate(timing.query)).distinct().count();
    }
    return timings;
  },

  dexieDebug: () => Dexie.debug !== false,
};

window.bench = bench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';

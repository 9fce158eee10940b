// The sync fault suite, defined by sync-faults.test.ts (photos in the data folder),
// sync-faults-s3.test.ts (photos in S3-compatible object storage, s3rver on loopback) and
// sync-faults-postgres.test.ts (a dealer group: the records in PostgreSQL, the photos in S3,
// three server processes sharing both behind the proxy).
//
// Sync under faults, over many seeds: three or four simulated tablets (the real sync client on
// fake-indexeddb) make random changes, photos and signatures included, while a proxy drops,
// delays, cuts and 5xx-es their requests and the server's answers (some after the server has
// committed), and the server process is SIGKILLed mid-push and started again. After healing
// and draining: every tablet's cards equal the server's; the server's log holds every
// mutation the tablets made exactly once and replays to the server's cards, each verdict
// (applied, or a signature refused on changed content) re-derived; every stored blob
// re-hashes to its name and every blob a card shows is on the server and on every tablet.
// One more run sends a whole offline shift (more than a push batch, more than a pull page)
// the same way, and a replay pins down a bug the random runs found.
//
// One server process (one data folder, a store per seed) serves the whole file: a start costs
// more than a second of CPU, so each seed pays only for the restarts its kills cause. On
// PostgreSQL several processes share one database and bucket; the proxy sends each request
// to one of them at random, and a kill hits the one that got the write it was drawn for.
// FAULT_SEEDS=40 runs seeds 1..40; FAULT_SEED=17 reruns seed 17 alone. A seed fixes the
// workload and the fault draws, not the timing, so a rerun retraces a failure closely rather
// than exactly; the seed and what happened are printed either way.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutSearch } from '../../src/db/job-queries.ts';
import { createJob, getDevice, updateCard } from '../../src/db/job-repo.ts';
import { openDataDir } from '../../src/server/data-dir.ts';
import type { Job } from '../../src/shared/job.ts';
import type { Mutation, MutationOp } from '../../src/shared/mutation.ts';
import { MAX_PULL_PAGE, MAX_PUSH_BATCH } from '../../src/shared/protocol.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { SIGNATURE_KINDS } from '../../src/shared/signature.ts';
import { realisticCard, seededRng, type Rng } from '../bench/cards.ts';
import { FAULT_KINDS, startFaultProxy, type FaultProxy, type ProxiedRequest } from '../support/fault-proxy.ts';
import { disposeSpareServer, freePort, serverProcess, type ServerProcess } from '../support/server-process.ts';
import { startS3Peer, type S3Peer } from '../support/s3-peer.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import {
  blobFolderProblems,
  bucketProblems,
  blobsShown,
  exactlyOnceProblems,
  readServerState,
  referencedBlobProblems,
  replay,
  type RecordsAt,
} from '../support/sync-oracle.ts';
import { createTablet, sign, type Tablet } from '../support/tablet.ts';
import { newShop, recordMutations, runWorkload, type Shop } from '../support/tablet-workload.ts';


/** The seeds to run: FAULT_SEED=17 alone, else 1..FAULT_SEEDS, else 1..`count`. */
export function faultSeeds(count: number): number[] {
  if (process.env.FAULT_SEED) return [Number(process.env.FAULT_SEED)];
  return Array.from({ length: Number(process.env.FAULT_SEEDS ?? count) }, (_, i) => i + 1);
}

export type FaultSuiteOptions = {
  /** Where the records are: the data folder's SQLite file (the default) or a PostgreSQL database of the test's own. */
  records?: 'sqlite' | 'postgres';
  /** How many server processes share the records and photos (1 unless given; more only on PostgreSQL). */
  processes?: number;
};

/** Defines the suite's tests, with the photos in the data folder or in S3, the records in SQLite or PostgreSQL. */
export function defineSyncFaultSuite(photos: 'folder' | 's3', seeds: number[], { records = 'sqlite', processes = 1 }: FaultSuiteOptions = {}): void {
  if (processes < 1 || (processes > 1 && records !== 'postgres')) throw new Error(`${processes} server processes on ${records}: several need PostgreSQL`);
  const where =
    (records === 'postgres' ? `records in PostgreSQL shared by ${processes} server process${processes === 1 ? '' : 'es'}, ` : '') +
    `photos ${photos === 's3' ? 'in S3' : 'in the data folder'}`;

  const STEPS_PER_TABLET = 40;
  /**
   * Pushes and pulls meet a fault one time in three. Blob uploads, which come first in a sync
   * and of which one failure ends it, one in ten: so lossy a line for them would let few pushes
   * through at all. Downloads one in four.
   */
  function faultRate(request: ProxiedRequest): number {
    if (request.path.startsWith('/api/v1/blobs/')) return request.method === 'GET' ? 0.25 : 0.1;
    return 0.33;
  }
  const TAIL_ROUNDS = 3;
  /** How long a tablet waits for an answer here (30 s in the app): a stalled request costs this. */
  const TIMEOUT_MS = 700;

  type Totals = { runs: number; mutations: number; rejected: number; photos: number; signatures: number; faults: number; kills: number; lost: number; duplicated: number; ms: number };
  /** The runs that got as far as their checks, by label. */
  const ran: string[] = [];
  const totals: Totals = { runs: 0, mutations: 0, rejected: 0, photos: 0, signatures: 0, faults: 0, kills: 0, lost: 0, duplicated: 0, ms: 0 };
  /**
   * Every operation the tablets can make; the type makes a new one fail the check until it is
   * listed, and the last test until the workload makes it. Counted over the runs that passed.
   */
  const OPS_MADE: Record<MutationOp, number> = {
    'job.create': 0,
    'job.update': 0,
    'job.checkIn': 0,
    'damage.add': 0,
    'damage.update': 0,
    'damage.remove': 0,
    'photo.add': 0,
    'photo.remove': 0,
    'photo.restore': 0,
    'estimate.update': 0,
    'line.add': 0,
    'line.update': 0,
    'line.remove': 0,
    'signature.add': 0,
    'job.move': 0,
    'addition.add': 0,
    'addition.update': 0,
    'addition.remove': 0,
    'addition.decide': 0,
    'qc.check': 0,
    'qc.override': 0,
    'handover.update': 0,
    'followUp.call': 0,
    'followUp.resolve': 0,
    'appointment.set': 0,
    'appointment.noShow': 0,
  };
  /** Signatures by kind, 追加项目 and 交车 included, and cards that reached 已交车 on the server. */
  const signedKinds = new Map<string, number>();
  let deliveredCards = 0;

  let dir: string;
  let recordsAt: RecordsAt;
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  let peer: S3Peer | undefined;
  /** A store per seed, one for the long shift and one for the replays, all seeded before the server first opens the folder. */
  const stores = new Map<number | 'shift' | 'replay', TestStore>();

  beforeAll(async () => {
    dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'sync-faults-'));
    database = records === 'postgres' ? await createTestDatabase() : undefined;
    const recordsEnv: Record<string, string> = database ? { DATABASE_URL: database.url } : {};
    recordsAt = database ? { postgres: database.url } : { sqlite: join(dir, 'walkaround.sqlite') };
    const seeding = await openDataDir(dir, recordsEnv);
    try {
      for (const seed of seeds) stores.set(seed, await seedTestStore(seeding.storage, `F${seed}`));
      stores.set('shift', await seedTestStore(seeding.storage, 'SHIFT'));
      stores.set('replay', await seedTestStore(seeding.storage, 'REPLAY'));
    } finally {
      await seeding.close();
    }
    peer = photos === 's3' ? await startS3Peer('sync-faults') : undefined;
    for (let i = 0; i < processes; i++) servers.push(serverProcess({ dataDir: dir, port: await freePort(), env: { ...recordsEnv, ...peer?.env } }));
    // All at once, as a group's processes start after a deploy: the schema is made once (under
    // an advisory lock) and no process makes a demo store on shared records.
    await Promise.all(servers.map((server) => server.start()));
    // A store per seed, each with an advisor's password hashed: a soak of 1,000 seeds takes a while.
  }, 60_000 + seeds.length * 500);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await disposeSpareServer();
    await peer?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(
      `sync-faults total, ${where}: ${totals.runs} runs (${ran.join(', ')}), ${totals.mutations} mutations (${totals.rejected} refused), ${totals.photos} photos, ` +
        `${totals.signatures} signatures, ${totals.faults} faults, ${totals.kills} kills, lost ${totals.lost}, duplicated ${totals.duplicated}, ${(totals.ms / 1000).toFixed(1)} s; ` +
        `by op: ${Object.entries(OPS_MADE).map(([op, n]) => `${op} ${n}`).join(', ')}; signatures by kind: ${[...signedKinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}; ${deliveredCards} cards delivered`,
    );
  });

  /**
   * Kills a server at drawn points, one early and one later: the n-th push or blob upload the
   * proxy forwards, either while the server works on it or once it has answered (committed,
   * and the tablet never hears), then starts it again after a short outage. Of several server
   * processes it kills the one the proxy sent that write to (a random one); the others serve on.
   */
  function killer(rng: Rng) {
    const points = new Map<number, 'in-flight' | 'after-commit'>();
    const mode = () => (rng() < 0.5 ? 'in-flight' : 'after-commit');
    points.set(1 + Math.floor(rng() * 8), mode());
    points.set(15 + Math.floor(rng() * 15), mode());
    let writes = 0;
    let armed = true;
    let killAtNextAnswer = false;
    let outage: Promise<void> | undefined;
    let downMs = 0;
    const isWrite = (r: ProxiedRequest) => (r.method === 'POST' && r.path.startsWith('/api/v1/push')) || r.method === 'PUT';

    const killAndRestart = (server: ServerProcess) => {
      if (outage || !armed) return;
      outage = (async () => {
        const down = Date.now();
        await server.kill();
        await new Promise((resolve) => setTimeout(resolve, 20 + rng() * 200));
        await server.start();
        downMs += Date.now() - down;
        outage = undefined;
      })();
    };
    return {
      /** How long the server was down, in all. */
      downMs: () => downMs,
      forwarded(request: ProxiedRequest, target: number) {
        if (!armed || !isWrite(request)) return;
        writes += 1;
        const point = points.get(writes);
        if (point === 'in-flight') setTimeout(() => killAndRestart(servers[target]!), rng() * 3);
        if (point === 'after-commit') killAtNextAnswer = true;
      },
      answered(request: ProxiedRequest, target: number): 'relay' | 'drop' {
        if (!killAtNextAnswer || !isWrite(request) || outage) return 'relay';
        killAtNextAnswer = false;
        killAndRestart(servers[target]!);
        return 'drop';
      },
      /** Resolves once a restart under way (if any) is done. */
      async settled() {
        await outage;
      },
      /** No more kills; resolves once the killed server is up again. */
      async disarm() {
        armed = false;
        await outage;
      },
    };
  }

  /** Syncs every tablet until a whole round starts with empty outboxes: then every pull saw the final state. */
  async function drain(tablets: Tablet[]): Promise<number> {
    for (let round = 1; round <= 30; round++) {
      const pending = (await Promise.all(tablets.map((t) => t.db.outbox.count()))).reduce((a, b) => a + b, 0);
      const results = await Promise.all(tablets.map((t) => t.engine.syncNow()));
      const problems = tablets.map((t) => t.engine.status.get().problem).filter(Boolean);
      if (pending === 0 && results.every((r) => r.outboxLeft === 0) && problems.length === 0) return round;
    }
    throw new Error(`The tablets did not drain in 30 rounds: ${JSON.stringify(tablets.map((t) => t.engine.status.get().problem))}`);
  }

  async function disposeTablets(tablets: Tablet[]): Promise<void> {
    for (const tablet of tablets) {
      await tablet.engine.stop();
      tablet.db.close();
      await Dexie.delete(tablet.db.name);
    }
  }

  async function tabletJobs(tablet: Tablet): Promise<Map<string, Job>> {
    return new Map((await tablet.db.jobs.toArray()).map((row) => [row.id, withoutSearch(row)]));
  }

  type ChaosRun = {
    /** Who is being run, for messages: 'seed 7', say. */
    label: string;
    /** How to run it again. */
    rerun: string;
    seed: number;
    store: TestStore;
    tablets: number;
    /** What the tablets do while the line is bad and the server dies now and then. */
    work: (tablets: Tablet[], shop: Shop) => Promise<unknown>;
  };

  /**
   * Enrolls the tablets over a clean line, lets them work through faults and kills, syncs a
   * few more rounds over the bad line, heals and drains, then checks everything this file is
   * about and prints what happened.
   */
  async function chaosRun(run: ChaosRun): Promise<void> {
    const started = Date.now();
    const { store, seed } = run;
    const killCount = () => servers.reduce((sum, server) => sum + server.kills, 0);
    const killsBefore = killCount();
    const kills = killer(seededRng(seed * 7919 + 1));
    let proxy: FaultProxy | undefined;
    const tablets: Tablet[] = [];
    try {
      proxy = await startFaultProxy({
        target: servers.map((server) => server.url),
        random: seededRng(seed * 7919 + 2),
        faultRate: faultRate,
        // Answers lost after the server committed are what exactly-once is about: three times as likely.
        // A stall costs its tablet a timeout's wait: rarer.
        weights: { 'drop-response': 3, 'truncate-response': 3, 'replace-500': 3, stall: 0.5 },
        stallMs: TIMEOUT_MS + 100,
        onForwarded: kills.forwarded,
        onAnswered: kills.answered,
      });

      // Enrollment while the line is clean: the run starts from the same place every time.
      const made = new Map<string, Mutation[]>();
      for (let i = 0; i < run.tablets; i++) {
        const tablet = await createTablet(`${store.code}-${i}`, { baseUrl: proxy.url, timeoutMs: TIMEOUT_MS }, store.enrollmentCode, {
          random: seededRng(seed * 100 + i),
          // Retries come soon, but not at once: a retried push lands after other tablets' pushes.
          backoff: { baseMs: 40, capMs: 200 },
        });
        made.set((await getDevice(tablet.db)).clientId, recordMutations(tablet));
        tablets.push(tablet);
      }

      // The hot card (see Shop), on every tablet before the line turns bad.
      const shop = newShop(1);
      const hotJobId = (await createJob(tablets[0]!.db, { customer: { name: '热卡' } })).id;
      shop.hotJobId = hotJobId;
      // The first kill may land on these very pushes (a kill point can be the first write): the
      // maker syncs until the card is sent, then every tablet until it has it.
      for (const tablet of [tablets[0]!, ...tablets]) {
        for (let attempt = 1; ; attempt++) {
          await kills.settled();
          const { outboxLeft } = await tablet.engine.syncNow();
          if (outboxLeft === 0 && (await tablet.db.jobs.get(hotJobId))) break;
          if (attempt === 20) throw new Error(`${tablet.name} did not get the hot card: ${JSON.stringify(tablet.engine.status.get().problem)}`);
        }
      }

      proxy.setFaulty(true);
      await run.work(tablets, shop);
      // The changes stop, the line stays bad: the last changes travel (or not) over it, so a
      // tablet that loses track of what it still has to fetch or send is caught by the checks.
      for (let round = 0; round < TAIL_ROUNDS; round++) await Promise.all(tablets.map((tablet) => tablet.engine.syncNow()));

      // Heal: no more faults or kills, server up; sync until nothing moves.
      proxy.setFaulty(false);
      await kills.disarm();
      const rounds = await drain(tablets);
      await Promise.all(tablets.map((tablet) => tablet.engine.stop()));
      const chaosKills = killCount() - killsBefore;

      // Read from the database, as committed, with the servers idle: nothing of the code under test.
      const state = await readServerState(recordsAt, store.storeId);
      const mutationsById = new Map([...made.values()].flat().map((m) => [m.mutationId, m]));
      const context = `${run.label} (rerun: ${run.rerun})`;

      const once = exactlyOnceProblems(made, state);
      const replayed = replay(state, mutationsById);
      const refused = state.log.filter((row) => row.status === 'rejected');
      const { lost, duplicated } = once;

      const faults = proxy.counts();
      const faultTotal = FAULT_KINDS.reduce((sum, kind) => sum + faults[kind], 0);
      const mutations = mutationsById.size;
      const photos = [...mutationsById.values()].filter((m) => m.op === 'photo.add').length;
      const signatures = [...mutationsById.values()].filter((m) => m.op === 'signature.add').length;
      const ms = Date.now() - started;
      ran.push(run.label);
      Object.assign(totals, {
        runs: totals.runs + 1,
        mutations: totals.mutations + mutations,
        rejected: totals.rejected + refused.length,
        photos: totals.photos + photos,
        signatures: totals.signatures + signatures,
        faults: totals.faults + faultTotal,
        kills: totals.kills + chaosKills,
        lost: totals.lost + lost,
        duplicated: totals.duplicated + duplicated,
        ms: totals.ms + ms,
      });
      console.log(
        `sync-faults ${run.label}: ${tablets.length} tablets, ${mutations} mutations (${refused.length} refused), ${photos} photos, ${signatures} signatures, ` +
          `${state.jobs.size} cards, ${state.storeBlobs.size} blobs; faults ${FAULT_KINDS.map((k) => `${k} ${faults[k]}`).join(', ')}, server-down ${faults['server-down']}, passed ${faults.pass}; ` +
          (servers.length > 1 ? `requests by server process ${proxy.routed().join('/')}; ` : '') +
          `server killed ${chaosKills} times mid-sync, down ${(kills.downMs() / 1000).toFixed(1)} s; drained in ${rounds} rounds; lost ${lost}, duplicated ${duplicated}; ${(ms / 1000).toFixed(1)} s`,
      );

      // Exactly once, and the log replays to the server's cards with every verdict re-derived.
      expect(once.problems, context).toEqual([]);
      expect(replayed.problems, context).toEqual([]);
      expect(replayed.jobs, context).toEqual(state.jobs);
      const createdJobs = [...mutationsById.values()].filter((m) => m.op === 'job.create').map((m) => m.jobId);
      expect(new Set(state.jobs.keys()), context).toEqual(new Set(createdJobs));

      // A refusal is never silent: each one is a signature on changed content of a shared
      // card, and the tablet that made it holds it for attention with the same reason.
      for (const row of refused) {
        const m = mutationsById.get(row.mutationId)!;
        expect({ op: m.op, reason: row.reason, privateCard: shop.privateJobs.has(m.jobId) }, context).toEqual({ op: 'signature.add', reason: 'content_mismatch', privateCard: false });
      }
      for (const tablet of tablets) {
        const { clientId, lastSeq } = await getDevice(tablet.db);
        expect(made.get(clientId)?.length, `${context}, tablet ${tablet.name}: mutations recorded vs made`).toBe(lastSeq);
        const expected = refused.filter((row) => row.clientId === clientId).map((row) => ({ mutationId: row.mutationId, reason: row.reason }));
        const attention = (await tablet.db.attention.toArray()).map((row) => ({ mutationId: row.mutationId, reason: row.reason }));
        expect(attention, `${context}, tablet ${tablet.name}`).toEqual(expected);
        expect(await tablet.db.outbox.count(), `${context}, tablet ${tablet.name}`).toBe(0);
        // Every tablet shows exactly the server's cards.
        expect(await tabletJobs(tablet), `${context}, tablet ${tablet.name}`).toEqual(state.jobs);
      }

      // Blobs: the server's re-hash to their names, every referenced one is there, and every
      // tablet holds (intact) every blob a card shows.
      const folder = peer ? await bucketProblems(peer.config) : blobFolderProblems(join(dir, 'blobs'));
      expect(folder.problems, context).toEqual([]);
      expect(referencedBlobProblems(state, mutationsById, folder.files), context).toEqual([]);
      const shown = blobsShown(state.jobs.values());
      for (const tablet of tablets) {
        const missing: string[] = [];
        for (const row of await tablet.db.blobs.toArray()) {
          if ((await sha256Hex(row.bytes)) !== row.sha256) missing.push(`${row.sha256} (damaged)`);
        }
        const held = new Set(await tablet.db.blobs.toCollection().primaryKeys());
        for (const sha256 of shown) if (!held.has(sha256)) missing.push(sha256);
        expect(missing, `${context}, tablet ${tablet.name}: blobs missing or damaged`).toEqual([]);
      }

      expect(chaosKills, `${context}: the server was never killed mid-sync`).toBeGreaterThan(0);
      for (const m of mutationsById.values()) {
        OPS_MADE[m.op] += 1;
        if (m.op === 'signature.add') signedKinds.set(m.payload.kind, (signedKinds.get(m.payload.kind) ?? 0) + 1);
      }
      deliveredCards += [...state.jobs.values()].filter((job) => job.status === 'delivered').length;
    } catch (error) {
      console.log(`sync-faults ${run.label} FAILED (rerun: ${run.rerun})\n${servers[0]?.output() ?? ''}`);
      throw error;
    } finally {
      await disposeTablets(tablets);
      await proxy?.close();
      // A failed run may leave the server down: the next one starts from a running server.
      await kills.disarm().catch(() => undefined);
      for (const server of servers) if (!server.running) await server.start();
    }
  }

  describe(`sync through a bad network and a crashing server, ${where}`, () => {
    it.each(seeds)('seed %i: every change arrives exactly once and every copy agrees', async (seed) => {
      const rng = seededRng(seed);
      await chaosRun({
        label: `seed ${seed}`,
        rerun: `FAULT_SEED=${seed}`,
        seed,
        store: stores.get(seed)!,
        tablets: 3 + Math.floor(rng() * 2),
        work: (tablets, shop) => Promise.all(tablets.map((tablet, i) => runWorkload(tablet, seededRng(seed * 100 + 50 + i), shop, STEPS_PER_TABLET))),
      });
    }, 60_000);

    it('brings a whole offline shift through: several push batches and pull pages', async () => {
      // One tablet works a shift offline: more cards than a pull page holds and more changes
      // than a push batch, sent (and pulled by the others) over the bad line at its end.
      await chaosRun({
        label: 'long offline shift',
        rerun: '-t "offline shift"',
        seed: 1_000,
        store: stores.get('shift')!,
        tablets: 3,
        work: async ([offline, ...others], shop) => {
          const rng = seededRng(1_000);
          const jobs: string[] = [];
          for (let i = 0; i <= MAX_PULL_PAGE; i++) jobs.push((await createJob(offline!.db, realisticCard(rng).card)).id);
          for (let i = jobs.length; i <= MAX_PUSH_BATCH; i++) await updateCard(offline!.db, jobs[i % jobs.length]!, { odometerKm: i });
          await Promise.all(others.map((tablet, i) => runWorkload(tablet, seededRng(1_050 + i), shop, STEPS_PER_TABLET / 2)));
        },
      });
    }, 90_000);
  });

  // What the workload covers and the replays do not depend on where the photos and records are: once is enough.
  if (photos === 's3' || records === 'postgres') return;

  describe('what the runs covered', () => {
    it('made every kind of change, signed every kind of document and handed cars over', () => {
      expect(ran.length, 'no run got as far as its checks').toBeGreaterThan(0);
      expect(Object.entries(OPS_MADE).filter(([, n]) => n === 0).map(([op]) => op)).toEqual([]);
      expect([...signedKinds.keys()].sort()).toEqual([...SIGNATURE_KINDS].sort());
      expect(deliveredCards).toBeGreaterThan(0);
    });
  });

  describe('faults the random runs found, replayed on purpose', () => {
    it('takes a refused signature off the card even when the server copy could not be fetched at once', async () => {
      const store = stores.get('replay')!;
      const tablets: Tablet[] = [];
      try {
        // T's line: a hook runs before a pull is sent, and reads of a single card can be made to fail.
        let beforePull: (() => Promise<unknown>) | undefined;
        let cardReadsFail = false;
        const line: typeof fetch = async (input, init) => {
          const url = String(input);
          if (url.includes('/api/v1/pull') && beforePull) await beforePull();
          beforePull = undefined;
          if (url.includes('/api/v1/jobs/') && cardReadsFail) throw new TypeError('fetch failed');
          return fetch(input, init);
        };
        const [server] = servers;
        const t = await createTablet('refusal-T', { baseUrl: server!.url, fetch: line }, store.enrollmentCode);
        const u = await createTablet('refusal-U', { baseUrl: server!.url }, store.enrollmentCode);
        tablets.push(t, u);
        const job = await createJob(t.db, { odometerKm: 1_000 });
        await t.engine.syncNow();
        await u.engine.syncNow();
        await updateCard(u.db, job.id, { odometerKm: 2_000 });
        await u.engine.syncNow();

        // The customer signs on T while a sync runs, after its push: the pull brings U's new
        // mileage and keeps the signature on top, unsent, with the old content's hash.
        beforePull = () => sign(t.db, job.id, 'checkin', 1);
        await t.engine.syncNow();
        // The server refuses it; the read of the server's copy fails this time, and then works.
        cardReadsFail = true;
        await t.engine.syncNow();
        cardReadsFail = false;
        expect(await t.engine.syncNow()).toEqual({ complete: false, outboxLeft: 0, needsAttention: 1 });

        const onT = withoutSearch((await t.db.jobs.get(job.id))!);
        expect(onT.signatures).toEqual({});
        expect(onT.card.odometerKm).toBe(2_000);
        expect((await t.db.attention.toArray()).map((row) => row.reason)).toEqual(['content_mismatch']);
      } finally {
        await disposeTablets(tablets);
      }
    }, 30_000);
  });
}

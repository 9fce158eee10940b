// Push throughput: many tablets of one store pushing at once to the real server (a child
// process on loopback, SQLite on disk). The tablets are light: no Dexie, only what the wire
// sees. Each is enrolled through the API, creates its own job cards, then loops for the
// measured window: one POST /api/v1/push at a time of N job.update and damage.add mutations,
// seq numbered from 1 without gaps, and checks that the answer's lastSeq is its last seq. The
// load generator is this process, on the same cores as the server. On PostgreSQL (a fresh
// database per run, dropped after) one or more server processes share it, tablet i talking to
// process i % n as a load balancer would spread them, and the database's own CPU time, commits
// and WAL over the window are read too, to price one push.
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import type { Mutation } from '../../src/shared/mutation.ts';
import { pushResponseSchema } from '../../src/shared/protocol.ts';
import { DAMAGE_TYPES, SEVERITIES, VEHICLE_VIEWS } from '../../src/shared/walkaround.ts';
import { realisticCard, seededRng, type Rng } from './cards.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.ts';
import { apiHeaders, cpuMsOf, enrollDevice, sampleRss, schedSince, startServerProcess, type Sched, type ServerProcess } from './server-process.ts';
import { percentile } from './stats.ts';

/** Where the records are: SQLite in the server's data folder, or one PostgreSQL database that `processes` server processes share. */
export type PushRecords = { kind: 'sqlite' } | { kind: 'postgres'; processes: number };

/** What the PostgreSQL server did over a run's window (pg_stat_database, pg_current_wal_lsn, /proc). */
export type PostgresCost = {
  /** CPU of the backends connected to the run's database, as a share of one core. */
  backendCores: number;
  /** CPU of PostgreSQL's background processes (WAL writer, checkpointer…), shared with any other database on the server. */
  backgroundCores: number;
  commits: number;
  rowsInserted: number;
  rowsUpdated: number;
  /** WAL written by the whole server over the window (other databases' too, if any were busy). */
  walBytes: number;
};

export type PushBenchOptions = {
  tablets: number;
  /**
   * Also run each batch size paced at this many mutations/s in all, spread evenly over the
   * tablets, and time each push from when it was due (so a late start counts as latency).
   */
  pacedRate?: number;
  jobsPerTablet: number;
  batchSizes: number[];
  /** Untimed pushing before the window, so neither side is measured cold. */
  warmupMs: number;
  durationMs: number;
  seed: number;
};

export type PushRun = {
  /** 'sqlite', or 'postgres' with the number of server processes. */
  records: PushRecords;
  batchSize: number;
  /** 'closed': each tablet pushes again as soon as it has its answer; 'paced': at `offeredPerSecond` in all. */
  mode: 'closed' | 'paced';
  offeredPerSecond: number | null;
  /** Paced: pushes that were due before the deadline but never sent (0 when the pace was held). */
  backlog: number;
  tablets: number;
  /** From the window's start to the last answer of a push started in it. */
  elapsedMs: number;
  requests: number;
  /** Mutations the server acknowledged (lastSeq advanced) in the window. */
  mutations: number;
  mutationsPerSecond: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Of the largest server process when there are several. */
  serverRss: { idleBytes: number; peakBytes: number; afterBytes: number; samples: number };
  /** CPU time over the window, as a share of one core: the server processes together and this load generator. */
  cpuCores: { server: number; loadGenerator: number };
  /** The servers' event loops over the window, summed: on a CPU, and runnable but waiting for a CPU. */
  serverMainThread: Sched;
  /** On PostgreSQL: the database server's share of the work. */
  postgres: PostgresCost | null;
  /** Damage marks per job card at the end (every other mutation adds one). */
  damagesPerJob: number;
  setupMs: number;
  /** 1-minute load average right after the window: the machine is shared. */
  loadAverage: number;
};

type SimTablet = { clientId: string; token: string; seq: number; jobIds: string[]; rng: Rng; ops: number; server: ServerProcess };

const now = () => performance.now();
const ENROLL_AT_ONCE = 5;

/** POSTs a JSON body over the keep-alive agent; the status and the text of the answer. */
function postJson(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function mutation(tablet: SimTablet, jobId: string, body: Pick<Mutation, 'op' | 'payload'>): Mutation {
  tablet.seq += 1;
  return { mutationId: uuidv7(), clientId: tablet.clientId, seq: tablet.seq, jobId, createdAt: new Date().toISOString(), ...body } as Mutation;
}

/** The next change of a tablet's day: alternately an autosaved card field and a damage mark. */
function nextChange(tablet: SimTablet): Mutation {
  const n = tablet.ops++;
  const jobId = tablet.jobIds[Math.floor(n / 2) % tablet.jobIds.length] ?? '';
  const rng = tablet.rng;
  if (n % 2 === 0) {
    const card = n % 4 === 0 ? { odometerKm: 1000 + Math.floor(rng() * 200_000) } : { customerRequest: `客户说明：刹车异响，第 ${n} 次修改` };
    return mutation(tablet, jobId, { op: 'job.update', payload: { card } });
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  return mutation(tablet, jobId, {
    op: 'damage.add',
    payload: { id: uuidv7(), view: pick(VEHICLE_VIEWS), x: rng(), y: rng(), type: pick(DAMAGE_TYPES), severity: pick(SEVERITIES), note: rng() < 0.3 ? '左前门划痕' : '' },
  });
}

async function push(agent: Agent, tablet: SimTablet, mutations: Mutation[]): Promise<void> {
  const { status, text } = await postJson(agent, new URL('/api/v1/push', tablet.server.url), apiHeaders(tablet.token), JSON.stringify({ mutations }));
  if (status !== 200) throw new Error(`push answered ${status}: ${text.slice(0, 300)}`);
  const answer = pushResponseSchema.parse(JSON.parse(text));
  if (answer.lastSeq !== tablet.seq || answer.rejected.length > 0 || answer.missingBlobs.length > 0) {
    throw new Error(`push not applied as sent: lastSeq ${answer.lastSeq}, expected ${tablet.seq}; ${answer.rejected.length} rejected`);
  }
}

type PostgresReading = { cpuByPid: Map<number, { ms: number; backend: boolean }>; commits: number; inserted: number; updated: number; lsn: string };

/** Reads the database server's counters; the CPU of its processes from /proc (it runs on this machine). */
async function readPostgres(db: TestDatabase, monitor: ReturnType<TestDatabase['pool']>): Promise<PostgresReading> {
  const activity = await monitor.query<{ pid: number; datname: string | null }>('SELECT pid, datname FROM pg_stat_activity');
  const stats = await monitor.query<{ commits: string; inserted: string; updated: string; lsn: string }>(
    'SELECT xact_commit AS commits, tup_inserted AS inserted, tup_updated AS updated, pg_current_wal_lsn()::text AS lsn FROM pg_stat_database WHERE datname = current_database()',
  );
  const cpuByPid = new Map<number, { ms: number; backend: boolean }>();
  for (const { pid, datname } of activity.rows) {
    // Other databases' backends (other tests on the same server) are not this run's.
    if (datname !== null && datname !== db.name) continue;
    try {
      cpuByPid.set(pid, { ms: cpuMsOf(pid), backend: datname !== null });
    } catch {
      // Gone between the query and the read.
    }
  }
  const row = stats.rows[0];
  if (!row) throw new Error(`no pg_stat_database row for ${db.name}`);
  return { cpuByPid, commits: Number(row.commits), inserted: Number(row.inserted), updated: Number(row.updated), lsn: row.lsn };
}

async function postgresCost(before: PostgresReading, after: PostgresReading, monitor: ReturnType<TestDatabase['pool']>, elapsedMs: number): Promise<PostgresCost> {
  let backendMs = 0;
  let backgroundMs = 0;
  for (const [pid, { ms, backend }] of after.cpuByPid) {
    // A backend opened during the window counts from its start.
    const used = ms - (before.cpuByPid.get(pid)?.ms ?? 0);
    if (backend) backendMs += used;
    else backgroundMs += used;
  }
  const wal = await monitor.query<{ bytes: string }>('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn) AS bytes', [after.lsn, before.lsn]);
  return {
    backendCores: backendMs / elapsedMs,
    backgroundCores: backgroundMs / elapsedMs,
    commits: after.commits - before.commits,
    rowsInserted: after.inserted - before.inserted,
    rowsUpdated: after.updated - before.updated,
    walBytes: Number(wal.rows[0]?.bytes ?? Number.NaN),
  };
}

/** The server processes of one run, and on PostgreSQL the database they share. */
async function startServers(label: string, records: PushRecords, tablets: number): Promise<{ servers: ServerProcess[]; db: TestDatabase | null; close(): Promise<void> }> {
  if (records.kind === 'sqlite') {
    const server = await startServerProcess(label, { storeCode: 'PB', tablets });
    return { servers: [server], db: null, close: () => server.close() };
  }
  const db = await createTestDatabase();
  const servers: ServerProcess[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.drop();
  };
  try {
    for (let i = 0; i < records.processes; i += 1) {
      const store = servers[0]?.store;
      servers.push(await startServerProcess(`${label} pg ${i + 1}/${records.processes}`, { storeCode: 'PB', tablets, databaseUrl: db.url, ...(store ? { store } : {}) }));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { servers, db, close };
}

async function oneBatchSize(batchSize: number, pacedRate: number | null, records: PushRecords, options: PushBenchOptions, log: (line: string) => void): Promise<PushRun> {
  const started = await startServers(`push ${batchSize}${pacedRate ? ' paced' : ''}`, records, options.tablets);
  const { servers, db } = started;
  const monitor = db?.pool({ max: 1 }) ?? null;
  // Tablet i talks to process i % n, as a load balancer would spread them.
  const serverOf = (i: number) => servers[i % servers.length] as ServerProcess;
  const agent = new Agent({ keepAlive: true, maxSockets: options.tablets });
  const cpuMs = () => servers.reduce((total, s) => total + s.cpuMs(), 0);
  const schedMs = (): Sched =>
    servers.map((s) => s.schedMs()).reduce((sum, s) => ({ onCpuMs: sum.onCpuMs + s.onCpuMs, waitingMs: sum.waitingMs + s.waitingMs }), { onCpuMs: 0, waitingMs: 0 });
  const largest = { rssBytes: () => Math.max(...servers.map((s) => s.rssBytes())) };
  try {
    const setupStart = now();
    const rng = seededRng(options.seed + batchSize);
    // A few at a time: the enrollment guard slows an address's requests once more than 10 are
    // in flight unjudged, and refuses beyond 3 waiting; on PostgreSQL 50 at once get there.
    const tablets: SimTablet[] = [];
    for (let first = 0; first < options.tablets; first += ENROLL_AT_ONCE) {
      const group = Array.from({ length: Math.min(ENROLL_AT_ONCE, options.tablets - first) }, async (_, k) => {
        const i = first + k;
        const server = serverOf(i);
        const device = await enrollDevice(server.url, server.store.enrollmentCode, `tablet ${i + 1}`);
        return { clientId: device.clientId, token: device.token, seq: 0, jobIds: [], rng: seededRng(options.seed + i), ops: 0, server };
      });
      tablets.push(...(await Promise.all(group)));
    }
    // Each tablet's job cards, created in one push (seq 1..jobsPerTablet).
    await Promise.all(
      tablets.map(async (tablet, t) => {
        const creates = Array.from({ length: options.jobsPerTablet }, (_, j) => {
          const jobId = uuidv7();
          tablet.jobIds.push(jobId);
          const number = `PB-20261127-T${t}-${String(j + 1).padStart(3, '0')}`;
          return mutation(tablet, jobId, { op: 'job.create', payload: { number, card: realisticCard(rng).card } });
        });
        await push(agent, tablet, creates);
      }),
    );
    const setupMs = now() - setupStart;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleBytes = largest.rssBytes();
    const rss = sampleRss(largest);

    // Every tablet has one push out at a time until the deadline. Closed loop, it pushes again
    // as soon as it has its answer, and pushes started in the window are counted. Paced, its
    // pushes are due every `interval` ms, staggered across tablets; one that comes due while
    // the previous push is still out waits for it; pushes answered in the window are counted,
    // each with its latency from when it was due, and any still unsent at the deadline are
    // the backlog: the pace was more than the server could take.
    const paced = pacedRate !== null;
    const interval = paced ? (options.tablets * batchSize * 1000) / pacedRate : 0;
    const latencies: number[] = [];
    let mutations = 0;
    let backlog = 0;
    let windowStart = Number.POSITIVE_INFINITY;
    let lastEnd = 0;
    let serverCpu = 0;
    let serverSched = schedMs();
    let ownCpu = process.cpuUsage();
    let pgBefore: Promise<PostgresReading> | null = null;
    const begin = now();
    const deadline = begin + options.warmupMs + options.durationMs;
    const loop = async (tablet: SimTablet, index: number) => {
      let due = begin + (interval * index) / options.tablets;
      while (now() < deadline && due < deadline) {
        const wait = due - now();
        if (paced && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const batch = Array.from({ length: batchSize }, () => nextChange(tablet));
        const start = paced ? due : now();
        due += interval;
        await push(agent, tablet, batch);
        const end = now();
        if (paced ? end >= windowStart && end <= deadline : start >= windowStart) {
          latencies.push(end - start);
          mutations += batch.length;
          lastEnd = Math.max(lastEnd, end);
        }
      }
      for (; paced && due < deadline; due += interval) backlog += 1;
    };
    const warmupOver = new Promise<void>((resolve) =>
      setTimeout(() => {
        windowStart = now();
        serverCpu = cpuMs();
        serverSched = schedMs();
        ownCpu = process.cpuUsage();
        if (db && monitor) pgBefore = readPostgres(db, monitor);
        resolve();
      }, options.warmupMs),
    );
    await Promise.all([warmupOver, ...tablets.map((tablet, i) => loop(tablet, i))]);
    if (paced) lastEnd = deadline;
    const elapsedMs = lastEnd - windowStart;
    const own = process.cpuUsage(ownCpu);
    const cpuCores = { server: (cpuMs() - serverCpu) / elapsedMs, loadGenerator: (own.user + own.system) / 1000 / elapsedMs };
    const serverMainThread = schedSince(serverSched, schedMs());
    const pgAfter = db && monitor ? await readPostgres(db, monitor) : null;
    const postgres = pgAfter && pgBefore && monitor ? await postgresCost(await pgBefore, pgAfter, monitor, elapsedMs) : null;
    const peak = rss.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const afterBytes = largest.rssBytes();
    const damages = tablets.reduce((total, t) => total + Math.floor(t.ops / 2), 0);

    const run: PushRun = {
      records,
      batchSize,
      mode: paced ? 'paced' : 'closed',
      offeredPerSecond: pacedRate,
      backlog,
      tablets: tablets.length,
      elapsedMs,
      requests: latencies.length,
      mutations,
      mutationsPerSecond: (mutations / elapsedMs) * 1000,
      requestsPerSecond: (latencies.length / elapsedMs) * 1000,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: Math.max(...latencies) },
      serverRss: { idleBytes, peakBytes: peak.peakBytes, afterBytes, samples: peak.samples },
      cpuCores,
      serverMainThread,
      postgres,
      damagesPerJob: damages / (tablets.length * options.jobsPerTablet),
      setupMs,
      loadAverage: loadavg()[0] ?? 0,
    };
    log(
      `  ${recordsLabel(records)}, ${batchSize} per push${pacedRate ? `, paced at ${pacedRate} mutations/s` : ''}: ${Math.round(run.mutationsPerSecond)} mutations/s, ${Math.round(run.requestsPerSecond)} pushes/s, ` +
        `p50/p95/p99 ${run.latencyMs.p50.toFixed(1)}/${run.latencyMs.p95.toFixed(1)}/${run.latencyMs.p99.toFixed(1)} ms`,
    );
    return run;
  } finally {
    agent.destroy();
    await started.close();
  }
}

/** 'SQLite', 'PostgreSQL, 1 process', 'PostgreSQL, 2 processes'. */
export function recordsLabel(records: PushRecords): string {
  return records.kind === 'sqlite' ? 'SQLite' : `PostgreSQL, ${records.processes} process${records.processes === 1 ? '' : 'es'}`;
}

export async function measurePush(options: PushBenchOptions, log: (line: string) => void = console.log, records: PushRecords = { kind: 'sqlite' }): Promise<PushRun[]> {
  const runs: PushRun[] = [];
  for (const batchSize of options.batchSizes) {
    runs.push(await oneBatchSize(batchSize, null, records, options, log));
    if (options.pacedRate) runs.push(await oneBatchSize(batchSize, options.pacedRate, records, options, log));
  }
  return runs;
}

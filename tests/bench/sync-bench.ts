// End of a shift: one tablet with a full outbox (40 job cards of 20 photos each) syncs to the
// real server, a child process on loopback. The tablet is simulated: the app's real database
// module and sync engine (src/db, src/sync) on fake-indexeddb in this Node process, as in the
// integration tests. The same run also PUTs the same bytes with plain fetch at the engine's
// upload concurrency to a second, fresh server: no IndexedDB, no HEAD, no push, no pull. The
// ratio of the two is the engine's overhead over the wire. Every request the engine makes
// and every IndexedDB read and write of blobs is traced, to say where the time goes.
// With the photos in S3 (part sync-s3), the engine's server keeps them in a bucket on s3rver,
// a process of its own on loopback, and the plain upload PUTs the same bytes straight into a
// fresh bucket on the same s3rver with the AWS SDK: no server of ours in that path at all.
//
// Import this module dynamically: it installs fake-indexeddb, and points Dexie at it in case
// another part loaded Dexie first (tti.ts does, through the browser tests' seed-jobs.ts).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import diagnostics from 'node:diagnostics_channel';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { addDamage } from '../../src/db/damage-repo.ts';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { createJob, updateCard } from '../../src/db/job-repo.ts';
import { addPhoto } from '../../src/db/photo-repo.ts';
import { blobKey, s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import { sha256Hex } from '../../src/shared/sha256.ts';
import { DAMAGE_TYPES, PHOTO_SLOTS, SEVERITIES, VEHICLE_VIEWS } from '../../src/shared/walkaround.ts';
import type { SyncPhase } from '../../src/sync/sync-status.ts';
import type { SyncResult } from '../../src/sync/sync-engine.ts';
import { bucketKeys, startS3Peer } from '../support/s3-peer.ts';
import { createTablet, fakeJpeg, type Tablet } from '../support/tablet.ts';
import { realisticCard, seededRng } from './cards.ts';
import { defer } from './cleanup.ts';
import {
  apiHeaders,
  cpuMsOf,
  enrollDevice,
  sampleRss,
  schedMsOf,
  schedSince,
  startServerProcess,
  type Sched,
  type ServerProcess,
} from './server-process.ts';

export type SyncBenchOptions = {
  /** Runs with the photos in the servers' data folders (part sync). */
  runs: number;
  /** Runs with the photos in S3: buckets on one s3rver per run (part sync-s3). */
  s3Runs: number;
  jobs: number;
  photosPerJob: number;
  /** Photos linked to damage marks, per job; the rest fill the general slots. */
  damagesPerJob: number;
  photosPerDamage: number;
  /** job.update mutations per job, as autosave makes them. */
  updatesPerJob: number;
  photoBytes: number;
  thumbBytes: number;
  /** src/sync/send.ts UPLOAD_CONCURRENCY (not exported): the plain upload uses the same. */
  concurrency: number;
  seed: number;
  /** Also price HEAD and the IndexedDB steps one by one, once (measureLadder). */
  ladder: boolean;
};

type BlobBytes = { sha256: string; bytes: ArrayBuffer; mime: 'image/jpeg' };
type PhotoFixture = { photo: BlobBytes; thumb: BlobBytes };

/** One HTTP request of the engine, from fetch() to the response headers. */
export type TracedRequest = { kind: 'head' | 'put' | 'push' | 'pull' | 'get' | 'other'; startMs: number; endMs: number; status: number };
/** One IndexedDB call on the blobs table, from call to settled. */
export type TracedIdb = { kind: 'get' | 'update' | 'bulkGet'; startMs: number; endMs: number };

export type SyncProfile = {
  /** From syncNow() to the first request: counting the outbox and the bytes to send. */
  beforeFirstRequestMs: number;
  requests: { kind: TracedRequest['kind']; count: number; totalMs: number; medianMs: number }[];
  idb: { kind: TracedIdb['kind']; count: number; totalMs: number }[];
  /** Upload windows: from the start of a batch's uploads (or a push's end) to the next push. */
  uploadWindowsMs: number;
  /** Of the lanes' time in the upload windows (concurrency x windows), the share in each activity. */
  laneShare: { put: number; head: number; idbGet: number; idbUpdate: number; other: number };
  /** Time in the upload windows when fewer than `concurrency` HEAD/PUTs were in flight. */
  underfilledMs: number;
  pushes: number;
  /** From the last push's end to syncNow() resolving: pull, its transaction, the download check. */
  afterLastPushMs: number;
  phases: { phase: SyncPhase; atMs: number }[];
};

export type SyncMeasurement = {
  ms: number;
  bytes: number;
  blobs: number;
  mutations: number;
  result: SyncResult;
  blobFilesOnServer: number;
  /** TCP connections the engine's fetch opened during the sync. */
  newConnections: number;
};
export type PlainMeasurement = {
  ms: number;
  bytes: number;
  blobs: number;
  blobFilesOnServer: number;
  putMedianMs: number;
  newConnections: number;
  /** CPU time used during the upload: the receiving process (our server, or s3rver) and this process. */
  cpu: { serverMs: number; tabletMs: number };
  /** The receiving process's main thread. */
  serverMainThread: Sched;
};

export type SyncRun = {
  order: 'engine first' | 'plain first';
  setupMs: number;
  sync: SyncMeasurement;
  plain: PlainMeasurement;
  ratio: number;
  profile: SyncProfile;
  /** The engine's server: RSS when idle before the sync and the peak during it. */
  serverRss: { idleBytes: number; peakBytes: number };
  /** CPU time used during the sync: the server process, this process (tablet + fake-indexeddb), and s3rver with the photos in S3. */
  cpu: { serverMs: number; tabletMs: number; peerMs?: number };
  /** The engine's server's event loop during the sync: on a CPU, and runnable but waiting for one. */
  serverMainThread: Sched;
  /** 1-minute load average at the end of the run: the machine is shared. */
  loadAverage: number;
};

/** One rung of the profile: the same uploads with some of the engine's steps added. */
export type LadderStep = LaneSteps & { label: string; ms: number; putMedianMs: number; newConnections: number; cpu: SyncRun['cpu']; serverMainThread: Sched };

export type SyncBenchResult = {
  fixtures: { photos: number; blobs: number; bytes: number; generateMs: number };
  mutationsPerRun: number;
  runs: SyncRun[];
  /** The same with the photos in S3. */
  s3Runs: SyncRun[];
  /** Once, after the runs: plain uploads with HEAD and/or the IndexedDB reads and writes added. */
  ladder: LadderStep[];
};

Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const now = () => performance.now();

/** The shift's photos: JPEG-looking bytes, unique per photo, hashed once for every run. */
async function makeFixtures(options: SyncBenchOptions): Promise<PhotoFixture[]> {
  const count = options.jobs * options.photosPerJob;
  const fixtures: PhotoFixture[] = [];
  for (let i = 0; i < count; i++) {
    const photo = fakeJpeg(options.seed + i, options.photoBytes);
    const thumb = fakeJpeg(options.seed + 1_000_000 + i, options.thumbBytes);
    fixtures.push({
      photo: { sha256: await sha256Hex(photo), bytes: photo, mime: 'image/jpeg' },
      thumb: { sha256: await sha256Hex(thumb), bytes: thumb, mime: 'image/jpeg' },
    });
  }
  return fixtures;
}

/** Fills the tablet's outbox as a shift of check-ins does, through the app's repos. */
async function fillShift(db: WalkaroundDb, fixtures: PhotoFixture[], options: SyncBenchOptions): Promise<number> {
  const rng = seededRng(options.seed);
  let mutations = 0;
  for (let j = 0; j < options.jobs; j++) {
    const { card } = realisticCard(rng);
    const job = await createJob(db, card);
    for (let u = 0; u < options.updatesPerJob; u++) {
      await updateCard(db, job.id, u % 2 === 0 ? { odometerKm: (card.odometerKm ?? 1000) + u + 1 } : { customerRequest: `客户说明 ${u}` });
    }
    const damageIds: string[] = [];
    for (let d = 0; d < options.damagesPerJob; d++) {
      damageIds.push(
        await addDamage(db, job.id, {
          view: VEHICLE_VIEWS[d % VEHICLE_VIEWS.length] ?? 'left',
          x: rng(),
          y: rng(),
          type: DAMAGE_TYPES[d % DAMAGE_TYPES.length] ?? 'scratch',
          severity: SEVERITIES[d % SEVERITIES.length] ?? 'minor',
          note: '',
        }),
      );
    }
    for (let p = 0; p < options.photosPerJob; p++) {
      const fixture = fixtures[j * options.photosPerJob + p];
      if (!fixture) throw new Error('not enough photo fixtures');
      const damageId = damageIds[Math.floor(p / options.photosPerDamage)] ?? null;
      await addPhoto(
        db,
        job.id,
        {
          photo: { ...fixture.photo, width: 1600, height: 1200 },
          thumb: { ...fixture.thumb, width: 240, height: 180 },
        },
        { damageId, slot: damageId ? null : (PHOTO_SLOTS[p % PHOTO_SLOTS.length] ?? null), annotatedFromId: null },
      );
    }
    mutations += 1 + options.updatesPerJob + options.damagesPerJob + options.photosPerJob;
  }
  return mutations;
}

function requestKind(method: string, url: string): TracedRequest['kind'] {
  if (url.includes('/api/v1/blobs/')) return method === 'HEAD' ? 'head' : method === 'PUT' ? 'put' : 'get';
  if (url.includes('/api/v1/push')) return 'push';
  if (url.includes('/api/v1/pull')) return 'pull';
  return 'other';
}

/** fetch for the engine that records every request it makes while `tracing` is on. */
function tracedFetch(trace: { on: boolean; requests: TracedRequest[] }): typeof fetch {
  return async (input, init) => {
    const startMs = now();
    const response = await fetch(input, init);
    if (trace.on) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      trace.requests.push({ kind: requestKind(init?.method ?? 'GET', url), startMs, endMs: now(), status: response.status });
    }
    return response;
  };
}

/**
 * Times the blobs table's get, update and bulkGet on this database object (the sync engine
 * calls them outside transactions). The original promise is returned untouched.
 */
function traceBlobTable(db: WalkaroundDb, calls: TracedIdb[]): void {
  const table = db.blobs as unknown as Record<TracedIdb['kind'], (...args: unknown[]) => PromiseLike<unknown>>;
  for (const kind of ['get', 'update', 'bulkGet'] as const) {
    const original = table[kind].bind(table);
    table[kind] = (...args: unknown[]) => {
      const startMs = now();
      const promise = original(...args);
      const done = () => {
        calls.push({ kind, startMs, endMs: now() });
      };
      promise.then(done, done);
      return promise;
    };
  }
}

function countBlobFiles(dataDir: string): number {
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== 'tmp') walk(join(dir, entry.name));
      } else if (/^[0-9a-f]{64}$/.test(entry.name)) count += 1;
    }
  };
  walk(join(dataDir, 'blobs'));
  return count;
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const medianOf = (values: number[]) => {
  const list = [...values].sort((a, b) => a - b);
  const mid = Math.floor(list.length / 2);
  return list.length === 0 ? 0 : list.length % 2 ? (list[mid] ?? 0) : ((list[mid - 1] ?? 0) + (list[mid] ?? 0)) / 2;
};

/** Time in [from, to] during which fewer than `lanes` of the intervals overlap. */
function underfilled(intervals: { startMs: number; endMs: number }[], from: number, to: number, lanes: number): number {
  const edges: [number, number][] = [];
  for (const i of intervals) {
    const startMs = Math.max(from, i.startMs);
    const endMs = Math.min(to, i.endMs);
    if (endMs > startMs) edges.push([startMs, 1], [endMs, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let last = from;
  let total = 0;
  for (const [at, delta] of edges) {
    if (inFlight < lanes) total += at - last;
    inFlight += delta;
    last = at;
  }
  if (inFlight < lanes) total += to - last;
  return total;
}

function profileOf(startMs: number, endMs: number, requests: TracedRequest[], idb: TracedIdb[], phases: SyncProfile['phases'], lanes: number): SyncProfile {
  const kinds = ['head', 'put', 'push', 'pull', 'get', 'other'] as const;
  const pushes = requests.filter((r) => r.kind === 'push').sort((a, b) => a.startMs - b.startMs);
  const transfers = requests.filter((r) => r.kind === 'head' || r.kind === 'put');
  const firstRequest = Math.min(...requests.map((r) => r.startMs));
  // Each batch uploads its blobs, then pushes: a window runs from the previous push's end
  // (or the first request) to the push's start.
  const windows = pushes.map((push, i) => ({ startMs: i === 0 ? firstRequest : (pushes[i - 1]?.endMs ?? firstRequest), endMs: push.startMs }));
  const uploadWindowsMs = sum(windows.map((w) => w.endMs - w.startMs));
  const inWindows = (list: { startMs: number; endMs: number }[]) => sum(windows.map((w) => sum(list.map((i) => Math.max(0, Math.min(w.endMs, i.endMs) - Math.max(w.startMs, i.startMs))))));
  const laneTime = uploadWindowsMs * lanes || 1;
  const share = {
    put: inWindows(requests.filter((r) => r.kind === 'put')) / laneTime,
    head: inWindows(requests.filter((r) => r.kind === 'head')) / laneTime,
    idbGet: inWindows(idb.filter((c) => c.kind === 'get')) / laneTime,
    idbUpdate: inWindows(idb.filter((c) => c.kind === 'update')) / laneTime,
    other: 0,
  };
  share.other = Math.max(0, 1 - share.put - share.head - share.idbGet - share.idbUpdate);
  return {
    beforeFirstRequestMs: firstRequest - startMs,
    requests: kinds
      .map((kind) => {
        const list = requests.filter((r) => r.kind === kind).map((r) => r.endMs - r.startMs);
        return { kind, count: list.length, totalMs: sum(list), medianMs: medianOf(list) };
      })
      .filter((r) => r.count > 0),
    idb: (['get', 'update', 'bulkGet'] as const).map((kind) => {
      const list = idb.filter((c) => c.kind === kind);
      return { kind, count: list.length, totalMs: sum(list.map((c) => c.endMs - c.startMs)) };
    }),
    uploadWindowsMs,
    laneShare: share,
    underfilledMs: sum(windows.map((w) => underfilled(transfers, w.startMs, w.endMs, lanes))),
    pushes: pushes.length,
    afterLastPushMs: endMs - (pushes.at(-1)?.endMs ?? endMs),
    phases: phases.map((p) => ({ phase: p.phase, atMs: p.atMs - startMs })),
  };
}

/** What a lane does besides the PUT, to price each of the engine's extra steps on its own. */
type LaneSteps = { head: boolean; get: boolean; update: boolean };
const PUT_ONLY: LaneSteps = { head: false, get: false, update: false };

/**
 * Uploads every blob, `lanes` at a time, in the order given: with no steps, plain fetch PUTs
 * of bytes already in memory. `get` reads the bytes from the tablet's blobs table first,
 * `head` asks the server first, `update` records the server's receipt after, as the engine does.
 */
async function laneUpload(
  server: ServerProcess,
  token: string,
  blobs: BlobBytes[],
  lanes: number,
  steps: LaneSteps = PUT_ONLY,
  db?: WalkaroundDb,
): Promise<LaneUpload> {
  if ((steps.get || steps.update) && !db) throw new Error('laneUpload: IndexedDB steps need a database');
  const headers = apiHeaders(token);
  return timedLanes(blobs, lanes, server, FETCH_CONNECTIONS, async (blob) => {
    const url = `${server.url}/api/v1/blobs/${blob.sha256}`;
    const row = steps.get ? await db?.blobs.get(blob.sha256) : blob;
    if (!row) throw new Error(`blob ${blob.sha256} is not on the tablet`);
    if (steps.head) {
      const head = await fetch(url, { method: 'HEAD', headers });
      if (head.status !== 404) throw new Error(`HEAD ${blob.sha256}: ${head.status}`);
    }
    const putStart = now();
    const response = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': row.mime }, body: row.bytes });
    const putMs = now() - putStart;
    if (response.status !== 201) throw new Error(`PUT ${blob.sha256}: ${response.status} ${await response.text()}`);
    await response.body?.cancel();
    if (steps.update) await db?.blobReceipts.put({ sha256: blob.sha256, onServerAt: new Date().toISOString() });
    return putMs;
  });
}

type LaneUpload = { ms: number; putMedianMs: number; newConnections: number; cpu: SyncRun['cpu']; serverMainThread: Sched };
/** The process a plain upload goes to: our server, or s3rver. */
type Receiver = Pick<ServerProcess, 'cpuMs' | 'schedMs'>;

/**
 * Runs `upload` on every blob, `lanes` at a time, in the order given, and times it all: wall
 * time, the median of the PUTs (`upload` returns its PUT's ms), connections opened, CPU of the
 * receiver and of this process.
 */
async function timedLanes(blobs: BlobBytes[], lanes: number, receiver: Receiver, connectionChannel: string, upload: (blob: BlobBytes) => Promise<number>): Promise<LaneUpload> {
  const putMs: number[] = [];
  let next = 0;
  const lane = async () => {
    for (let blob = blobs[next++]; blob !== undefined; blob = blobs[next++]) putMs.push(await upload(blob));
  };
  const connections = countConnections(connectionChannel);
  const receiverCpu = receiver.cpuMs();
  const receiverSched = receiver.schedMs();
  const ownCpu = process.cpuUsage();
  const startMs = now();
  await Promise.all(Array.from({ length: lanes }, lane));
  const ms = now() - startMs;
  const own = process.cpuUsage(ownCpu);
  return {
    ms,
    putMedianMs: medianOf(putMs),
    newConnections: connections.stop(),
    cpu: { serverMs: receiver.cpuMs() - receiverCpu, tabletMs: (own.user + own.system) / 1000 },
    serverMainThread: schedSince(receiverSched, receiver.schedMs()),
  };
}

/**
 * fetch (undici) reports each TCP connection it opens here. Node's fetch closes the connection
 * after every HEAD (undici resets it, nodejs/undici#262), so each HEAD costs a new connection
 * here; a browser keeps it alive.
 */
const FETCH_CONNECTIONS = 'undici:client:connected';
/** Every TCP connection node:net opens, which is how the AWS SDK's node:http handler connects. */
const NET_CONNECTIONS = 'net.client.socket';

/** Counts the connections reported on `channel` from now until stop(). */
function countConnections(channel: string): { stop(): number } {
  let count = 0;
  const onConnect = () => {
    count += 1;
  };
  diagnostics.subscribe(channel, onConnect);
  return {
    stop() {
      diagnostics.unsubscribe(channel, onConnect);
      return count;
    },
  };
}

/** Where the servers keep the photos: in their data folders, or in S3 (buckets on s3rver). */
type PhotoStorage = 'folder' | 's3';

/** One run's two ends: the engine's server, and where the plain upload of the same bytes goes. */
type RunTargets = {
  engineServer: ServerProcess;
  plainUpload(blobs: BlobBytes[], lanes: number): Promise<LaneUpload>;
  /** Blobs stored under their names: by the engine's server, by the plain upload. */
  engineStored(): Promise<number>;
  plainStored(): Promise<number>;
  /** s3rver's CPU ms so far, with the photos in S3. */
  peerCpuMs: (() => number) | null;
  close(): Promise<void>;
};

/** Two fresh servers with their photos in their data folders: the engine's, and the plain upload's. */
async function folderTargets(label: string): Promise<RunTargets> {
  const engineServer = await startServerProcess(`${label} engine`, { storeCode: 'E1', tablets: 2 });
  const plainServer = await startServerProcess(`${label} plain`, { storeCode: 'P1', tablets: 2 });
  const plainDevice = await enrollDevice(plainServer.url, plainServer.store.enrollmentCode, 'plain upload');
  return {
    engineServer,
    plainUpload: (blobs, lanes) => laneUpload(plainServer, plainDevice.token, blobs, lanes),
    engineStored: async () => countBlobFiles(engineServer.dataDir),
    plainStored: async () => countBlobFiles(plainServer.dataDir),
    peerCpuMs: null,
    async close() {
      await plainServer.close();
      await engineServer.close();
    },
  };
}

const ENGINE_BUCKET = 'walkaround-bench';
const PLAIN_BUCKET = 'walkaround-bench-plain';

/**
 * A fresh s3rver (a process of its own) with two buckets: one for a fresh server of ours,
 * started with the S3_ variables that select it; the other for the plain upload, PutObject
 * straight from this process with the SDK client the server itself uses (s3ClientFor), under
 * the same keys (blobs/<sha256>).
 */
async function s3Targets(label: string): Promise<RunTargets> {
  const peer = await startS3Peer(ENGINE_BUCKET);
  const closePeer = defer(`S3 peer ${label}`, () => peer.close());
  const plainConfig = { ...peer.config, bucket: PLAIN_BUCKET };
  const client = s3ClientFor(plainConfig);
  await client.send(new CreateBucketCommand({ Bucket: PLAIN_BUCKET }));
  const engineServer = await startServerProcess(`${label} engine`, { storeCode: 'E1', tablets: 2, env: peer.env });
  const s3rver: Receiver = { cpuMs: () => cpuMsOf(peer.pid), schedMs: () => schedMsOf(peer.pid) };
  const putObject = async (blob: BlobBytes) => {
    const putStart = now();
    await client.send(new PutObjectCommand({ Bucket: PLAIN_BUCKET, Key: blobKey(blob.sha256), Body: new Uint8Array(blob.bytes), ContentType: blob.mime }));
    return now() - putStart;
  };
  return {
    engineServer,
    plainUpload: (blobs, lanes) => timedLanes(blobs, lanes, s3rver, NET_CONNECTIONS, putObject),
    async engineStored() {
      const keys = await bucketKeys(peer.config);
      // Nothing but the blobs: every temporary upload object was removed.
      const others = keys.filter((key) => !key.startsWith('blobs/'));
      if (others.length > 0) throw new Error(`the engine's bucket holds ${others.length} objects outside blobs/, such as ${others[0]}`);
      return keys.length;
    },
    plainStored: async () => (await bucketKeys(plainConfig, client)).length,
    peerCpuMs: s3rver.cpuMs,
    async close() {
      client.destroy();
      await engineServer.close();
      await closePeer();
    },
  };
}

async function oneRun(index: number, storage: PhotoStorage, fixtures: PhotoFixture[], options: SyncBenchOptions, log: (line: string) => void): Promise<SyncRun> {
  const order: SyncRun['order'] = index % 2 === 0 ? 'engine first' : 'plain first';
  const label = `${storage === 's3' ? 'sync-s3' : 'sync'} ${index + 1}`;
  const targets = storage === 's3' ? await s3Targets(label) : await folderTargets(label);
  const { engineServer } = targets;
  // Stopped whatever happens: a tablet left running keeps retrying, and the benchmark never exits.
  let started: Tablet | undefined;
  try {
    const trace = { on: false, requests: [] as TracedRequest[] };
    const setupStart = now();
    const tablet = await createTablet(`shift-${index + 1}`, { baseUrl: engineServer.url, fetch: tracedFetch(trace) }, engineServer.store.enrollmentCode);
    started = tablet;
    const mutations = await fillShift(tablet.db, fixtures, options);
    const setupMs = now() - setupStart;
    const blobs = fixtures.flatMap((f) => [f.photo, f.thumb]);
    const bytes = sum(blobs.map((b) => b.bytes.byteLength));
    const outbox = await tablet.db.outbox.count();
    if (outbox !== mutations) throw new Error(`outbox has ${outbox} entries, expected ${mutations}`);

    const runEngine = async (): Promise<Pick<SyncRun, 'profile' | 'serverRss' | 'cpu' | 'serverMainThread'> & { measurement: SyncMeasurement }> => {
      const idb: TracedIdb[] = [];
      traceBlobTable(tablet.db, idb);
      const phases: SyncProfile['phases'] = [];
      const unsubscribe = tablet.engine.status.subscribe(() => {
        const { phase } = tablet.engine.status.get();
        if (phases.at(-1)?.phase !== phase) phases.push({ phase, atMs: now() });
      });
      const idleBytes = engineServer.rssBytes();
      const rss = sampleRss(engineServer);
      const peerCpu = targets.peerCpuMs?.();
      const serverCpu = engineServer.cpuMs();
      const serverSched = engineServer.schedMs();
      const tabletCpu = process.cpuUsage();
      const connections = countConnections(FETCH_CONNECTIONS);
      trace.on = true;
      const startMs = now();
      const result = await tablet.engine.syncNow();
      const endMs = now();
      trace.on = false;
      const newConnections = connections.stop();
      const tabletUsage = process.cpuUsage(tabletCpu);
      const cpu: SyncRun['cpu'] = { serverMs: engineServer.cpuMs() - serverCpu, tabletMs: (tabletUsage.user + tabletUsage.system) / 1000 };
      if (targets.peerCpuMs && peerCpu !== undefined) cpu.peerMs = targets.peerCpuMs() - peerCpu;
      const serverMainThread = schedSince(serverSched, engineServer.schedMs());
      const { peakBytes } = rss.stop();
      unsubscribe();
      if (!result.complete) throw new Error(`the sync did not complete: ${JSON.stringify(result)}; ${JSON.stringify(tablet.engine.status.get().problem)}`);
      const blobFilesOnServer = await targets.engineStored();
      return {
        measurement: { ms: endMs - startMs, bytes, blobs: blobs.length, mutations, result, blobFilesOnServer, newConnections },
        profile: profileOf(startMs, endMs, trace.requests, idb, phases, options.concurrency),
        serverRss: { idleBytes, peakBytes },
        cpu,
        serverMainThread,
      };
    };
    const runPlain = async (): Promise<PlainMeasurement> => {
      const upload = await targets.plainUpload(blobs, options.concurrency);
      return { ...upload, bytes, blobs: blobs.length, blobFilesOnServer: await targets.plainStored() };
    };

    let engine: Awaited<ReturnType<typeof runEngine>>;
    let plain: PlainMeasurement;
    if (order === 'engine first') {
      engine = await runEngine();
      plain = await runPlain();
    } else {
      plain = await runPlain();
      engine = await runEngine();
    }
    for (const [end, files] of [['engine', engine.measurement.blobFilesOnServer], ['plain', plain.blobFilesOnServer]] as const) {
      if (files !== blobs.length) throw new Error(`${label}: the ${end} upload stored ${files} blobs, expected ${blobs.length}`);
    }
    const run: SyncRun = {
      order,
      setupMs,
      sync: engine.measurement,
      plain,
      ratio: engine.measurement.ms / plain.ms,
      profile: engine.profile,
      serverRss: engine.serverRss,
      cpu: engine.cpu,
      serverMainThread: engine.serverMainThread,
      loadAverage: loadavg()[0] ?? 0,
    };
    log(
      `  ${storage === 's3' ? 'S3 ' : ''}run ${index + 1} (${order}): sync ${(run.sync.ms / 1000).toFixed(2)} s, plain upload ${(plain.ms / 1000).toFixed(2)} s, ` +
        `ratio ${run.ratio.toFixed(2)}x (set-up ${(setupMs / 1000).toFixed(1)} s)`,
    );
    return run;
  } finally {
    await started?.engine.stop();
    await started?.db.delete();
    await targets.close();
  }
}

/**
 * Prices the engine's per-blob steps one by one, each against a fresh server, one after the
 * other so that all rungs see the same machine: plain PUTs; a HEAD before each; the bytes
 * read from IndexedDB (a tablet database filled with the same rows) before; the row marked
 * uploaded after; all of them, which is the engine's upload lane without batches, push or pull.
 */
async function measureLadder(fixtures: PhotoFixture[], options: SyncBenchOptions, log: (line: string) => void): Promise<LadderStep[]> {
  const db = openDatabase(`bench-ladder-${Date.now()}`);
  const blobs = fixtures.flatMap((f) => [f.photo, f.thumb]);
  const createdAt = new Date().toISOString();
  await db.blobs.bulkPut(blobs.map((b) => ({ sha256: b.sha256, bytes: b.bytes, mime: b.mime, byteLength: b.bytes.byteLength, createdAt })));
  const rungs: (LaneSteps & { label: string })[] = [
    { label: 'PUT only (the plain upload)', ...PUT_ONLY },
    { label: 'HEAD + PUT', ...PUT_ONLY, head: true },
    { label: 'IndexedDB get + PUT', ...PUT_ONLY, get: true },
    { label: 'IndexedDB get + PUT + update', ...PUT_ONLY, get: true, update: true },
    { label: 'IndexedDB get + HEAD + PUT + update (the engine\'s lane)', head: true, get: true, update: true },
  ];
  const steps: LadderStep[] = [];
  try {
    for (const [i, rung] of rungs.entries()) {
      const server = await startServerProcess(`sync steps ${i + 1}`, { storeCode: 'L1', tablets: 2 });
      try {
        const device = await enrollDevice(server.url, server.store.enrollmentCode, 'steps');
        const upload = await laneUpload(server, device.token, blobs, options.concurrency, rung, db);
        const files = countBlobFiles(server.dataDir);
        if (files !== blobs.length) throw new Error(`steps server holds ${files} blob files, expected ${blobs.length}`);
        steps.push({ ...rung, ...upload });
        log(`  steps: ${rung.label}: ${(upload.ms / 1000).toFixed(2)} s`);
      } finally {
        await server.close();
      }
    }
  } finally {
    await db.delete();
  }
  return steps;
}

export async function measureSync(options: SyncBenchOptions, log: (line: string) => void = console.log): Promise<SyncBenchResult> {
  const generateStart = now();
  const fixtures = await makeFixtures(options);
  const generateMs = now() - generateStart;
  const blobs = fixtures.length * 2;
  const bytes = sum(fixtures.map((f) => f.photo.bytes.byteLength + f.thumb.bytes.byteLength));
  const runs: SyncRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await oneRun(i, 'folder', fixtures, options, log));
  const s3Runs: SyncRun[] = [];
  for (let i = 0; i < options.s3Runs; i++) s3Runs.push(await oneRun(i, 's3', fixtures, options, log));
  const ladder = options.ladder ? await measureLadder(fixtures, options, log) : [];
  return {
    fixtures: { photos: fixtures.length, blobs, bytes, generateMs },
    mutationsPerRun: (runs[0] ?? s3Runs[0])?.sync.mutations ?? 0,
    runs,
    s3Runs,
    ladder,
  };
}

// The real server as its own process for the sync parts of the benchmark: `node --import tsx
// src/server/main.ts` on a free loopback port with a fresh data folder, as `npm run serve`
// runs it, so the simulated tablets and the server never share one event loop. A test store
// with an enrollment code is seeded into the folder before the server opens it. The server's
// memory (VmRSS) and CPU time are read from /proc. With a DATABASE_URL the records are in that
// PostgreSQL database instead, and several processes can serve it (the first seeds the store);
// with the S3_ variables in `env`, the photos are in that bucket.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { openDataDir } from '../../src/server/data-dir.ts';
import { enrollResponseSchema, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol.ts';
import { seedTestStore, type TestStore } from '../support/store-fixture.ts';
import { defer } from './cleanup.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export type ServerProcess = {
  url: string;
  pid: number;
  store: TestStore;
  dataDir: string;
  /** Resident memory of the server process now, in bytes (VmRSS). */
  rssBytes(): number;
  /** User + system CPU time the server process has used so far, in ms. */
  cpuMs(): number;
  /** The server's main thread (its event loop) so far: ms on a CPU and ms runnable but waiting for one. */
  schedMs(): Sched;
  close(): Promise<void>;
};

export type ServerProcessOptions = {
  storeCode: string;
  tablets: number;
  /** Records in this PostgreSQL database (DATABASE_URL) rather than SQLite in the data folder. */
  databaseUrl?: string;
  /** The store another process already seeded into `databaseUrl`: this one only serves it. */
  store?: TestStore;
  /** More of the server's environment, e.g. the S3_ variables of a bucket for the photos. */
  env?: Record<string, string>;
};

/**
 * Starts the server on a fresh data folder with store `storeCode`, whose enrollment code
 * admits `tablets` tablets. Registered with cleanup.ts; `close()` stops it (SIGTERM, as a
 * service manager would) and removes the folder.
 */
export async function startServerProcess(label: string, options: ServerProcessOptions): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkaround-bench-server-'));
  const removeDir = defer(`server data ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  // Without a databaseUrl the records are SQLite's, whatever DATABASE_URL this process was given.
  const env: Record<string, string | undefined> = { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl };
  if (!options.databaseUrl) delete env.DATABASE_URL;
  let store = options.store;
  if (!store) {
    const seeding = await openDataDir(dataDir, env);
    try {
      store = await seedTestStore(seeding.storage, options.storeCode, options.tablets);
    } finally {
      await seeding.close();
    }
  }
  const seeded = store;

  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    // Warnings and errors the server logs while the benchmark runs are worth seeing.
    process.stderr.write(chunk.replace(/^/gm, `  [server ${label}] `));
  });
  const stopChild = defer(`server process ${label}`, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  });
  const close = async () => {
    await stopChild();
    await removeDir();
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`server ${label} did not start in ${START_TIMEOUT_MS / 1000} s:\n${stdout}${stderr}`)), START_TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = /Walkaround: open (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server ${label} exited (${code ?? signal}) before listening:\n${stdout}${stderr}`));
      });
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`server ${label} has no pid`);
    return { url, pid, store: seeded, dataDir, rssBytes: () => rssBytesOf(pid), cpuMs: () => cpuMsOf(pid), schedMs: () => schedMsOf(pid), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** VmRSS of a process in bytes, from /proc/<pid>/status (reported in kB). */
export function rssBytesOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
}

let clockTicks: number | undefined;

/** utime + stime of a process in ms, from /proc/<pid>/stat (in clock ticks). */
export function cpuMsOf(pid: number): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

export type Sched = { onCpuMs: number; waitingMs: number };

/**
 * From /proc/<pid>/schedstat (the process's main thread, in ns): time on a CPU and time
 * runnable but waiting for one. On a shared machine the second says how much other
 * processes held the server back; what remains of the wall time it was blocked (disk) or idle.
 */
export function schedMsOf(pid: number): Sched {
  const [onCpu = Number.NaN, waiting = Number.NaN] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
  return { onCpuMs: onCpu / 1e6, waitingMs: waiting / 1e6 };
}

/** The change between two readings. */
export const schedSince = (before: Sched, after: Sched): Sched => ({ onCpuMs: after.onCpuMs - before.onCpuMs, waitingMs: after.waitingMs - before.waitingMs });

/** Samples the server's RSS every `everyMs` until stopped; returns the peak seen. */
export function sampleRss(server: Pick<ServerProcess, 'rssBytes'>, everyMs = 200): { stop(): { peakBytes: number; samples: number } } {
  let peakBytes = server.rssBytes();
  let samples = 1;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, server.rssBytes());
    samples += 1;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, server.rssBytes());
      return { peakBytes, samples: samples + 1 };
    },
  };
}

/** The headers of every API request a tablet sends, with its device token if it has one. */
export function apiHeaders(token?: string): Record<string, string> {
  return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** Enrolls a device through the API, as a tablet does; its clientId and bearer token. */
export async function enrollDevice(url: string, code: string, deviceName: string): Promise<{ clientId: string; token: string; deviceCode: string }> {
  const clientId = uuidv7();
  const response = await fetch(`${url}/api/v1/auth/enroll`, {
    method: 'POST',
    headers: { ...apiHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName }),
  });
  if (!response.ok) throw new Error(`enrolling ${deviceName}: ${response.status} ${await response.text()}`);
  const body = enrollResponseSchema.parse(await response.json());
  return { clientId, token: body.deviceToken, deviceCode: body.device.code };
}

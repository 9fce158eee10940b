// The real server as a child process that a test can SIGKILL and start again on the same
// port and data folder, as a power cut and a service manager would. Each start runs the real
// src/server/main.ts; to keep restarts fast, the process is spawned ahead of need and waits
// with the server's modules loaded (server-warm-start.ts), so a start costs milliseconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./server-warm-start.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const OUTPUT_LINES = 40;

export type ServerProcess = {
  readonly url: string;
  readonly running: boolean;
  /** How often the server was started and how often killed, so far. */
  readonly starts: number;
  readonly kills: number;
  /** Starts the server; resolves once /api/v1/health answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, no flush; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as a service manager stops it; resolves once the process is gone. */
  stop(): Promise<void>;
  /** The last lines the server processes printed, for a failure message. */
  output(): string;
};

type Warm = { child: ChildProcess; exited: Promise<void> };

/** A server process waiting with its modules loaded; at most one, shared by all servers of the test file. */
let spare: Warm | undefined;
const recentOutput: string[] = [];

function spawnWarm(): Warm {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const keep = (chunk: string) => {
    recentOutput.push(...chunk.split('\n').filter(Boolean).map((line) => `[${child.pid}] ${line}`));
    recentOutput.splice(0, Math.max(0, recentOutput.length - OUTPUT_LINES));
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  return { child, exited };
}

function takeWarm(): Warm {
  const alive = spare && spare.child.exitCode === null && spare.child.signalCode === null;
  const warm = alive && spare ? spare : spawnWarm();
  spare = spawnWarm();
  return warm;
}

/** Ends the waiting spare process; call once after the last server of the file has stopped. */
export async function disposeSpareServer(): Promise<void> {
  const last = spare;
  spare = undefined;
  if (!last) return;
  last.child.stdin?.end();
  last.child.kill('SIGKILL');
  await last.exited;
}

/** A loopback port nothing listens on now, to keep for every restart of one server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `env`: more of the server's environment, e.g. the S3_ variables of a bucket for the photos. */
export function serverProcess(options: { dataDir: string; port: number; env?: Record<string, string> }): ServerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  const env = { ...options.env, PORT: String(options.port), HOST: '127.0.0.1', DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' };
  let current: Warm | undefined;
  let starts = 0;
  let kills = 0;

  async function waitHealthy(warm: Warm): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let gone = false;
    void warm.exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`The server exited during its start:\n${recentOutput.join('\n')}`);
      const healthy = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`The server did not answer /api/v1/health within ${START_TIMEOUT_MS / 1000} s:\n${recentOutput.join('\n')}`);
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    const warm = current;
    current = undefined;
    if (!warm) return;
    warm.child.kill(signal);
    await warm.exited;
  }

  return {
    url,
    get running() {
      return current !== undefined;
    },
    get starts() {
      return starts;
    },
    get kills() {
      return kills;
    },
    async start() {
      if (current) throw new Error('The server is running already');
      const warm = takeWarm();
      current = warm;
      starts += 1;
      warm.child.stdin?.write(`${JSON.stringify(env)}\n`);
      await waitHealthy(warm);
    },
    async kill() {
      if (current) kills += 1;
      await end('SIGKILL');
    },
    stop: () => end('SIGTERM'),
    output: () => recentOutput.join('\n'),
  };
}

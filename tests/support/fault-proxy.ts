// A bad network between the tablets and the server, for fault-injection tests: an HTTP proxy
// on loopback that, request by request and by a seeded random draw, passes the request, drops
// it, delays it (or holds it past the tablet's timeout), answers 502/503 itself, or forwards
// it and then loses, cuts short or replaces the answer, so the server may have committed what
// the tablet never hears about. In front of several server processes (one database behind
// them) it sends each request to one of them, drawn at random. Bodies are small here (JSON
// and test photos), so both directions are buffered whole before deciding.
import { request as httpRequest, createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULT_KINDS = [
  /** The connection is closed before anything reaches the server. */
  'drop-request',
  /** Part of the body reaches the server, then both connections close. */
  'cut-request',
  /** Held for a while, then forwarded normally. */
  'delay',
  /**
   * Held past the tablet's timeout (stallMs), then forwarded all the same: the server gets it
   * late, perhaps after the tablet's retry of it, and answers no one.
   */
  'stall',
  /** 502 or 503 from the proxy; the server never sees the request. */
  'unavailable',
  /** Forwarded and answered by the server, then the tablet's connection closes. */
  'drop-response',
  /** Forwarded; the tablet gets the status and half of the body, then the connection closes. */
  'truncate-response',
  /** Forwarded; the tablet gets a 500 instead of the server's answer. */
  'replace-500',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * What was drawn for a request (a fault, or 'pass'), and 'server-down': requests the server
 * could not answer because it was down or died on them, whatever was drawn.
 */
export type Outcome = FaultKind | 'pass' | 'server-down';

export type ProxiedRequest = { method: string; path: string };

export type FaultProxyOptions = {
  /**
   * The server's address (the same across restarts), or the addresses of several server
   * processes: each request then goes to one of them drawn with `random`, and one that is
   * down fails it as a lone server that is down would.
   */
  target: string | readonly string[];
  random: () => number;
  /** Chance that a request meets a fault while faults are on. */
  faultRate: number | ((request: ProxiedRequest) => number);
  /** Relative chance of each kind of fault (1 for a kind not named). */
  weights?: Partial<Record<FaultKind, number>>;
  /** Longest 'delay', in ms. */
  maxDelayMs?: number;
  /** How long a 'stall' holds a request at least: longer than the tablets wait for an answer. */
  stallMs?: number;
  /** Called once a request has been sent on to the server; `target` is its index among the targets. */
  onForwarded?: (request: ProxiedRequest, target: number) => void;
  /**
   * Called once the server has answered a forwarded request, before the tablet hears
   * anything; answering 'drop' closes the tablet's connection (the server was killed, say).
   */
  onAnswered?: (request: ProxiedRequest, target: number) => 'relay' | 'drop';
};

export type FaultProxy = {
  url: string;
  /** Faults on (the chaos phase) or off (healing: every request passes). */
  setFaulty(on: boolean): void;
  /** How many requests had each outcome so far. */
  counts(): Record<Outcome, number>;
  /** How many requests were sent on to each target so far, in the order given. */
  routed(): number[];
  close(): Promise<void>;
};

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length', 'upgrade', 'proxy-connection']);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const targets = (typeof options.target === 'string' ? [options.target] : options.target).map((address) => new URL(address));
  if (targets.length === 0) throw new Error('startFaultProxy: no target');
  const routed = targets.map(() => 0);
  // A lone server takes no draw, so the fault draws of a seed stay what they were before several could be given.
  const route = () => (targets.length === 1 ? 0 : Math.floor(options.random() * targets.length));
  const maxDelayMs = options.maxDelayMs ?? 150;
  let faulty = false;
  const counts = Object.fromEntries([...FAULT_KINDS, 'pass', 'server-down'].map((kind) => [kind, 0])) as Record<Outcome, number>;

  const weights = FAULT_KINDS.map((kind) => options.weights?.[kind] ?? 1);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const rateOf = typeof options.faultRate === 'number' ? () => options.faultRate as number : options.faultRate;
  const draw = (request: ProxiedRequest): FaultKind | 'pass' => {
    let fault: FaultKind | 'pass' = 'pass';
    if (faulty && options.random() < rateOf(request)) {
      let r = options.random() * totalWeight;
      fault = FAULT_KINDS.find((_, i) => (r -= weights[i] ?? 0) < 0) ?? 'pass';
    }
    counts[fault] += 1;
    return fault;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const proxied = { method: req.method ?? 'GET', path: req.url ?? '/' };
    const fault = draw(proxied);
    if (fault === 'drop-request') return void req.socket.destroy();
    if (fault === 'unavailable') {
      res.writeHead(options.random() < 0.5 ? 502 : 503, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      return;
    }
    if (fault === 'delay') await sleep(options.random() * maxDelayMs);
    if (fault === 'stall') await sleep((options.stallMs ?? 1_000) * (1 + options.random() / 2));

    const target = route();
    routed[target] = (routed[target] ?? 0) + 1;
    let answer: { status: number; headers: IncomingHttpHeaders; body: Buffer };
    try {
      answer = await forward(targets[target]!, req, proxied, body, fault === 'cut-request', () => options.onForwarded?.(proxied, target));
    } catch {
      if (fault === 'cut-request') return void req.socket.destroy();
      // The server is down or was killed mid-request: what a reverse proxy does then.
      counts['server-down'] += 1;
      if (options.random() < 0.5) return void req.socket.destroy();
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      return;
    }
    if (fault === 'cut-request' || options.onAnswered?.(proxied, target) === 'drop') return void req.socket.destroy();

    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    switch (fault) {
      case 'drop-response':
        return void req.socket.destroy();
      case 'truncate-response':
        res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
        res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        // Let the half go out before the connection closes mid-body.
        setTimeout(() => req.socket.destroy(), 5);
        return;
      case 'replace-500':
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal', message: 'Injected failure.' }));
        return;
      default:
        res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length }).end(answer.body);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFaulty(on) {
      faulty = on;
    },
    counts: () => ({ ...counts }),
    routed: () => [...routed],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends the request on (a fresh connection each time, so a killed server is noticed at once). */
function forward(
  target: URL,
  req: IncomingMessage,
  proxied: ProxiedRequest,
  body: Buffer,
  cut: boolean,
  onForwarded: () => void,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: proxied.method, path: proxied.path, headers: { ...headers, 'content-length': body.length }, agent: false },
      (response) => {
        readAll(response).then((bytes) => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: bytes }), reject);
      },
    );
    upstream.on('error', reject);
    if (!cut) {
      upstream.end(body, onForwarded);
      return;
    }
    // Half the body, then the line goes dead: the server sees an aborted upload.
    upstream.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => {
      upstream.destroy(new Error('cut'));
      req.socket.destroy();
    }, 5);
  });
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

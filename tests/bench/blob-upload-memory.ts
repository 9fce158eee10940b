// The server's memory while blob uploads arrive: 8 photos of 14 MB PUT at once (two tablets,
// four upload lanes each) to the real server as its own process. The bodies are generated
// chunk by chunk here, so only the server's buffering shows in its RSS. Prints the server's
// RSS before, its peak (VmHWM, the kernel's high-water mark) and the bytes sent.
// Run: `npx tsx tests/bench/blob-upload-memory.ts` (after `npm run build` or without: the API
// does not need the built app).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { releaseAll } from './cleanup.ts';
import { apiHeaders, enrollDevice, rssBytesOf, startServerProcess } from './server-process.ts';

const MB = 1024 * 1024;
const BLOB_BYTES = 14 * MB;
const TABLETS = 2;
const LANES = 4;
const CHUNK = 64 * 1024;

/** One shared megabyte of noise; each blob differs by its first chunk, which names its seed. */
const noise = new Uint8Array(MB).map((_, i) => (i * 2654435761) >>> 24);

function* blobChunks(seed: number): Generator<Uint8Array> {
  const head = new Uint8Array(CHUNK);
  head.set([0xff, 0xd8, 0xff, 0xe0]);
  new DataView(head.buffer).setUint32(4, seed);
  yield head;
  for (let sent = CHUNK; sent < BLOB_BYTES; sent += CHUNK) {
    const start = sent % MB;
    yield noise.subarray(start, start + Math.min(CHUNK, BLOB_BYTES - sent));
  }
}

function hashOf(seed: number): string {
  const hash = createHash('sha256');
  for (const chunk of blobChunks(seed)) hash.update(chunk);
  return hash.digest('hex');
}

/** Peak resident memory of the process since it started (VmHWM), in bytes. */
function peakRssBytesOf(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
}

/** Starts the peak over: writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function put(url: string, token: string, seed: number): Promise<number> {
  const target = new URL(`/api/v1/blobs/${hashOf(seed)}`, url);
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'PUT', headers: { ...apiHeaders(token), 'content-type': 'image/jpeg', 'content-length': String(BLOB_BYTES) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    void (async () => {
      for (const chunk of blobChunks(seed)) {
        if (!req.write(chunk)) await new Promise((done) => req.once('drain', done));
      }
      req.end();
    })();
  });
}

async function main(): Promise<void> {
  const server = await startServerProcess('blob-memory', { storeCode: 'BM', tablets: TABLETS });
  try {
    const tablets = await Promise.all(Array.from({ length: TABLETS }, (_, i) => enrollDevice(server.url, server.store.enrollmentCode, `Tablet ${i + 1}`)));
    // One upload first, so the route and the blob folder are warm before measuring.
    await put(server.url, tablets[0]!.token, 0);
    const before = rssBytesOf(server.pid);
    resetPeakRss(server.pid);
    const started = performance.now();
    const statuses = await Promise.all(tablets.flatMap((tablet, t) => Array.from({ length: LANES }, (_, lane) => put(server.url, tablet.token, 1 + t * LANES + lane))));
    const seconds = (performance.now() - started) / 1000;
    const peak = peakRssBytesOf(server.pid);
    const sent = TABLETS * LANES * BLOB_BYTES;
    console.log(`statuses: ${statuses.join(' ')}`);
    console.log(
      `server RSS before ${(before / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB) ` +
        `for ${TABLETS * LANES} parallel PUTs of ${BLOB_BYTES / MB} MB (${sent / MB} MB sent) in ${seconds.toFixed(1)} s`,
    );
  } finally {
    await server.close();
    await releaseAll();
  }
}

await main();

// The blob store contract (src/server/blobs/blob-store.ts), numbered, run against every
// adapter: the filesystem store on a temp folder and the S3 store on a real S3-compatible
// server on loopback (s3rver, tests/support/s3-peer.ts). A new adapter joins `ADAPTERS` and
// passes every rule; a rule is never weakened for one adapter.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { S3Client } from '@aws-sdk/client-s3';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlobHashMismatch, BlobTooLarge, InvalidBlobName, type BlobStore } from '../../src/server/blobs/blob-store.ts';
import { openFsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { openS3BlobStore, s3ClientFor } from '../../src/server/blobs/s3-blob-store.ts';
import type { S3Config } from '../../src/server/blobs/s3-config.ts';
import { startS3Peer, type S3Peer } from '../support/s3-peer.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (value: string) => new TextEncoder().encode(value);

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** A source that counts the chunks taken from it. */
function counting(bytes: Uint8Array, size: number) {
  const seen = { pulled: 0 };
  async function* generate(): AsyncGenerator<Uint8Array> {
    for (let start = 0; start < bytes.length; start += size) {
      seen.pulled += 1;
      yield bytes.subarray(start, start + size);
    }
  }
  return { seen, source: generate() };
}

async function hashOf(stream: AsyncIterable<unknown>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One adapter under test: a fresh, empty store per test, and everything it holds (temporaries included). */
type Adapter = {
  name: string;
  start(): Promise<void>;
  open(): Promise<BlobStore>;
  everything(): Promise<string[]>;
  reset(): Promise<void>;
  stop(): Promise<void>;
};

function fsAdapter(): Adapter {
  let dir = '';
  return {
    name: 'filesystem',
    async start() {},
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'walkaround-blobs-'));
      return openFsBlobStore(dir);
    },
    async everything() {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
    },
    async reset() {
      rmSync(dir, { recursive: true, force: true });
    },
    async stop() {},
  };
}

function s3Adapter(): Adapter {
  let peer: S3Peer;
  let store: (BlobStore & { close(): void }) | null = null;
  let client: S3Client;
  const list = async (config: S3Config) => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '');
  };
  return {
    name: 's3 (s3rver on loopback)',
    async start() {
      peer = await startS3Peer();
      client = s3ClientFor(peer.config);
    },
    async open() {
      store = openS3BlobStore(peer.config);
      return store;
    },
    everything: () => list(peer.config),
    async reset() {
      store?.close();
      for (const Key of await list(peer.config)) await client.send(new DeleteObjectCommand({ Bucket: peer.config.bucket, Key }));
    },
    async stop() {
      client.destroy();
      await peer.close();
    },
  };
}


const ADAPTERS = [fsAdapter(), s3Adapter()];

describe.each(ADAPTERS)('blob store contract: $name', (adapter) => {
  let blobs: BlobStore;

  beforeAll(() => adapter.start());
  afterAll(() => adapter.stop());
  beforeEach(async () => {
    blobs = await adapter.open();
  });
  afterEach(() => adapter.reset());

  it('1. stores bytes under their SHA-256 and gives them back; an absent blob is not there and reads as null', async () => {
    const bytes = bytesOf('{"strokes":[[1,2],[3,4]]}');
    const hash = sha256(bytes);
    expect(await blobs.has(hash)).toBe(false);
    expect(await blobs.read(hash)).toBeNull();

    expect(await blobs.put(hash, chunked(bytes, 5), 1024)).toEqual({ byteLength: bytes.length });
    expect(await blobs.has(hash)).toBe(true);
    expect(await text((await blobs.read(hash))!)).toBe('{"strokes":[[1,2],[3,4]]}');
    expect(await adapter.everything()).toHaveLength(1);
  });

  it('2. answers a second upload of the same bytes as the first, keeping one copy', async () => {
    const bytes = bytesOf('same bytes');
    expect(await blobs.put(sha256(bytes), chunked(bytes, 4), 1024)).toEqual({ byteLength: bytes.length });
    expect(await blobs.put(sha256(bytes), chunked(bytes, 4), 1024)).toEqual({ byteLength: bytes.length });
    expect(await adapter.everything()).toHaveLength(1);
    expect(await text((await blobs.read(sha256(bytes)))!)).toBe('same bytes');
  });

  it('3. lets concurrent uploads of one blob all succeed, leaving one intact copy', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const hash = sha256(bytes);
    const results = await Promise.all([1, 2, 3].map(() => blobs.put(hash, chunked(bytes, 4096), bytes.length)));
    expect(results.every((result) => result.byteLength === bytes.length)).toBe(true);
    expect(await adapter.everything()).toHaveLength(1);
    expect(await hashOf((await blobs.read(hash))!)).toBe(hash);
  });

  it('4. refuses bytes that do not hash to their name: nothing visible under it, nothing left behind', async () => {
    const claimed = sha256(bytesOf('what the tablet meant'));
    const error = await blobs.put(claimed, chunked(bytesOf('what arrived'), 3), 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobHashMismatch);
    expect(error).toMatchObject({ code: 'hash_mismatch', expected: claimed, actual: sha256(bytesOf('what arrived')) });
    expect(await blobs.has(claimed)).toBe(false);
    expect(await blobs.read(claimed)).toBeNull();
    expect(await adapter.everything()).toEqual([]);
  });

  it('5. refuses a blob past the size limit, leaving nothing behind, and takes one exactly at it', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => i % 7);
    await expect(blobs.put(sha256(bytes), chunked(bytes, 1000), 9_999)).rejects.toBeInstanceOf(BlobTooLarge);
    expect(await blobs.has(sha256(bytes))).toBe(false);
    expect(await adapter.everything()).toEqual([]);
    expect(await blobs.put(sha256(bytes), chunked(bytes, 1000), 10_000)).toEqual({ byteLength: 10_000 });
  });

  it('6. stops reading an upload soon after it passes the limit (an upload is streamed, never taken whole first)', async () => {
    const bytes = new Uint8Array(8 * 1024 * 1024);
    const { seen, source } = counting(bytes, 64 * 1024);
    await expect(blobs.put(sha256(bytes), source, 1024 * 1024)).rejects.toBeInstanceOf(BlobTooLarge);
    // 1 MB is 16 chunks of 64 KB: the 17th passes the limit. A stream's read-ahead may take a
    // few more (Node's default is 16 chunks), never the rest of the 128.
    expect(seen.pulled).toBeGreaterThanOrEqual(17);
    expect(seen.pulled).toBeLessThanOrEqual(17 + 16);
    expect(await adapter.everything()).toEqual([]);
  });

  it('7. keeps an upload larger than one transfer part intact (6 MB, in 64 KB chunks)', async () => {
    const bytes = new Uint8Array(6 * 1024 * 1024 + 17).map((_, i) => i % 253);
    const hash = sha256(bytes);
    expect(await blobs.put(hash, chunked(bytes, 64 * 1024), 15 * 1024 * 1024)).toEqual({ byteLength: bytes.length });
    expect(await hashOf((await blobs.read(hash))!)).toBe(hash);
    expect(await adapter.everything()).toHaveLength(1);
  });

  it.each([
    ['a path', '../../etc/passwd'],
    ['upper-case hex', 'AB'.repeat(32)],
    ['63 characters', 'a'.repeat(63)],
    ['65 characters', 'a'.repeat(65)],
    ['a trailing newline', `${'a'.repeat(64)}\n`],
    ['a separator inside', `${'a'.repeat(31)}/${'a'.repeat(32)}`],
  ])('8. refuses a name with %s before touching storage', async (_case, name) => {
    await expect(blobs.has(name)).rejects.toBeInstanceOf(InvalidBlobName);
    await expect(blobs.read(name)).rejects.toBeInstanceOf(InvalidBlobName);
    await expect(blobs.put(name, chunked(bytesOf('x'), 1), 10)).rejects.toMatchObject({ code: 'invalid_name' });
    expect(await adapter.everything()).toEqual([]);
  });

  it('9. says it can be reached', async () => {
    expect(await blobs.reachable()).toBe(true);
  });
});

describe('s3 blob store, beyond the contract', () => {
  let peer: S3Peer;
  beforeAll(async () => {
    peer = await startS3Peer('walkaround-extra');
  });
  afterAll(() => peer.close());

  it('says it cannot be reached when the bucket does not exist, and when nothing answers at the endpoint', async () => {
    const missingBucket = openS3BlobStore({ ...peer.config, bucket: 'no-such-bucket' });
    expect(await missingBucket.reachable()).toBe(false);
    missingBucket.close();
    const nobody = openS3BlobStore({ ...peer.config, endpoint: 'http://127.0.0.1:9' });
    expect(await nobody.reachable()).toBe(false);
    nobody.close();
  });

  it('removes temporary objects an interrupted upload left, once they are old enough, and nothing else', async () => {
    const client = s3ClientFor(peer.config);
    const Bucket = peer.config.bucket;
    await client.send(new PutObjectCommand({ Bucket, Key: 'tmp/left-by-a-crash', Body: 'partial' }));
    await client.send(new PutObjectCommand({ Bucket, Key: 'blobs/kept', Body: 'kept' }));
    const store = openS3BlobStore(peer.config);
    // At open, only uploads older than an hour go: this one is seconds old and may be running.
    expect(await store.sweepStaleUploads(60 * 60 * 1000)).toBe(0);
    expect(await store.sweepStaleUploads(0)).toBe(1);
    const listed = await client.send(new ListObjectsV2Command({ Bucket }));
    expect((listed.Contents ?? []).map((object) => object.Key)).toEqual(['blobs/kept']);
    store.close();
    client.destroy();
  });
});

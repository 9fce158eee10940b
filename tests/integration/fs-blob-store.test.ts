// What only the filesystem blob store promises, on a real temp folder (the contract every blob
// store keeps is blob-store-contract.test.ts); and the sniffing of an upload's type and the peek
// at its first bytes that the route takes before streaming it in.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/server/blobs/blob-store.ts';
import { openFsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { peekBytes } from '../../src/server/blobs/peek-bytes.ts';
import { blobMimeOf } from '../../src/shared/blob-kind.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (value: string) => new TextEncoder().encode(value);

let dir: string;
let blobs: BlobStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkaround-blobs-'));
  blobs = openFsBlobStore(dir);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under the store, tmp/ included, relative to it. */
function filesIn(root = dir): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

async function* chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

describe('fs blob store, beyond the contract (blob-store-contract.test.ts)', () => {
  it('fans blobs out into two levels of folders by their name', async () => {
    const bytes = bytesOf('{"strokes":[[1,2],[3,4]]}');
    const hash = sha256(bytes);
    await blobs.put(hash, chunked(bytes, 5), 1024);
    expect(filesIn()).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
  });

  it('leaves one file and no temporary ones after concurrent uploads of one blob', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const hash = sha256(bytes);
    await Promise.all([1, 2, 3].map(() => blobs.put(hash, chunked(bytes, 4096), bytes.length)));
    expect(filesIn()).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
  });

  it('clears uploads a restart cut short', () => {
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', 'half-written.part'), 'partial');
    openFsBlobStore(dir);
    expect(existsSync(join(dir, 'tmp', 'half-written.part'))).toBe(false);
    expect(existsSync(join(dir, 'tmp'))).toBe(true);
  });

  it('says it cannot be reached once its folder is gone', async () => {
    expect(await blobs.reachable()).toBe(true);
    rmSync(dir, { recursive: true, force: true });
    expect(await blobs.reachable()).toBe(false);
  });
});

describe('blobMimeOf', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const ascii = (value: string) => bytesOf(value);

  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46)],
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00)],
    ['image/webp', ascii('RIFF\x24\x00\x00\x00WEBPVP8 ')],
    ['application/json', ascii('{"strokes":[]}')],
    ['application/json', ascii('[1,2]')],
    ['application/json', ascii(' \r\n\t[]')],
    [null, ascii('RIFF\x24\x00\x00\x00WAVEfmt ')],
    [null, bytes(0xff, 0xd8)],
    [null, bytes(0x89, 0x50, 0x4e, 0x47)],
    [null, ascii('"a string"')],
    [null, ascii('<svg xmlns=')],
    [null, ascii('   ')],
    [null, bytes()],
  ])('%s for %o', (mime, first) => {
    expect(blobMimeOf(first)).toBe(mime);
  });
});

describe('peekBytes', () => {
  /** A source that records how far it was read and whether it was closed. */
  function source(chunks: number[][]) {
    const seen = { pulled: 0, closed: false };
    async function* generate(): AsyncGenerator<Uint8Array> {
      try {
        for (const chunk of chunks) {
          seen.pulled += 1;
          yield new Uint8Array(chunk);
        }
      } finally {
        seen.closed = true;
      }
    }
    return { seen, iterable: generate() };
  }
  const all = async (body: AsyncIterable<Uint8Array>) => {
    const parts: number[] = [];
    for await (const chunk of body) parts.push(...chunk);
    return parts;
  };

  it('gathers the first bytes across small chunks and gives every byte back, in order', async () => {
    const { seen, iterable } = source([[1], [2, 3], [4], [5, 6, 7], [8, 9]]);
    const peeked = await peekBytes(iterable, 5);
    expect([...peeked.head]).toEqual([1, 2, 3, 4, 5]);
    // Read only as far as the head needed: the rest is still on the line.
    expect(seen.pulled).toBe(4);
    expect(await all(peeked.body)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.closed).toBe(true);
  });

  it.each([
    ['shorter than asked', [[1, 2]], [1, 2]],
    ['empty', [], []],
  ])('gives a source %s whole as its head', async (_case, chunks, bytes) => {
    const peeked = await peekBytes(source(chunks).iterable, 16);
    expect([...peeked.head]).toEqual(bytes);
    expect(await all(peeked.body)).toEqual(bytes);
  });

  it('closes the source unread on close(), and when the reader of the body stops early', async () => {
    const refused = source([[1, 2], [3], [4]]);
    await (await peekBytes(refused.iterable, 2)).close();
    expect(refused.seen).toEqual({ pulled: 1, closed: true });

    const cut = source([[1, 2], [3], [4], [5]]);
    const peeked = await peekBytes(cut.iterable, 2);
    for await (const chunk of peeked.body) if (chunk[0] === 3) break;
    expect(cut.seen).toEqual({ pulled: 2, closed: true });
  });
});

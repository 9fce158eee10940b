// The default blob store: one file per blob at `dir/ab/cd/<sha256>` (two fan-out levels keep
// directories small), written to `dir/tmp/` first and linked into place only once its hash is
// checked, so a reader never sees a half-written or wrong blob. This process is the only
// writer of `dir` (one store, one server); several servers share object storage instead.
import { randomUUID, createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobName, BlobHashMismatch, BlobTooLarge, type BlobStore } from './blob-store.ts';

export function openFsBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  // Whatever is in tmp/ now is an upload that a crash or restart cut short.
  for (const name of readdirSync(tmpDir)) rmSync(join(tmpDir, name), { force: true, recursive: true });

  const pathOf = (sha256: string) => fsBlobPath(dir, sha256);

  return {
    kind: 'filesystem',

    async reachable() {
      const info = await stat(tmpDir).catch(() => undefined);
      return info?.isDirectory() ?? false;
    },

    async has(sha256) {
      const info = await stat(pathOf(sha256)).catch(ignoreMissing);
      return info?.isFile() ?? false;
    },

    async read(sha256) {
      const path = pathOf(sha256);
      const info = await stat(path).catch(ignoreMissing);
      return info?.isFile() ? createReadStream(path) : null;
    },

    async put(sha256, source, maxBytes) {
      const target = pathOf(sha256);
      const temp = join(tmpDir, `${randomUUID()}.part`);
      try {
        const byteLength = await writeChecked(temp, source, sha256, maxBytes);
        await mkdir(dirname(target), { recursive: true });
        if (await placeIfAbsent(temp, target)) await syncDirectory(dirname(target));
        return { byteLength };
      } finally {
        await rm(temp, { force: true });
      }
    },
  };
}

/** Where the blob's file is in a blob folder (read by `admin migrate` without opening the store, which would clear its tmp/). */
export function fsBlobPath(dir: string, sha256: string): string {
  assertBlobName(sha256);
  return join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Streams the bytes to `temp`, hashing and counting as they pass; flushed to disk on close. */
async function writeChecked(
  temp: string,
  source: AsyncIterable<Uint8Array>,
  expected: string,
  maxBytes: number,
): Promise<number> {
  const hash = createHash('sha256');
  let byteLength = 0;
  await pipeline(
    Readable.from(source),
    async function* (chunks: AsyncIterable<Uint8Array>) {
      for await (const chunk of chunks) {
        byteLength += chunk.byteLength;
        // Checked before writing: a huge upload is cut off, not first written out.
        if (byteLength > maxBytes) throw new BlobTooLarge(maxBytes);
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(temp, { flags: 'wx', flush: true }),
  );
  const actual = hash.digest('hex');
  if (actual !== expected) throw new BlobHashMismatch(expected, actual);
  return byteLength;
}

/**
 * Puts the checked file at `target` unless a blob is there already; true if this call did.
 * A hard link fails atomically when the name exists, so two uploads of one blob racing each
 * other both succeed and exactly one of them places the file.
 */
async function placeIfAbsent(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errorCode(error) ?? '')) throw error;
  }
  // A filesystem without hard links: rename replaces atomically; identical bytes either way.
  if (await stat(target).catch(ignoreMissing)) return false;
  await rename(temp, target);
  return true;
}

/** Makes the new directory entry itself durable; some platforms cannot, and need not. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

function ignoreMissing(error: unknown): undefined {
  if (errorCode(error) === 'ENOENT') return undefined;
  throw error;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

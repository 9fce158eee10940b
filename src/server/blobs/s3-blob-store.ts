// The blob store of a dealer group: objects in an S3-compatible bucket (Aliyun OSS, Tencent
// COS, Huawei OBS, AWS S3, MinIO, Ceph), shared by every server process. Same contract as the
// filesystem store (blob-store.ts): only bytes that hash to their name become visible under
// blobs/<sha256>, and never half-written. An upload is hashed and counted as it arrives; one
// that fits in a transfer part (every photo) is sent in one PutObject to its name once its
// hash is checked, and S3 shows an object only once all its bytes are in. No HEAD asks first
// whether it is there: the tablet asks before it sends again, and a blob sent twice (two
// tablets with the same bytes) is the same bytes written over themselves. A larger one is
// streamed part by part to a temporary object under tmp/ and copied to its name once its hash
// is checked; the temporary object is deleted whatever happens. Either way at most one part
// of an upload is in memory.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { errorText } from '../../shared/error-text.ts';
import { assertBlobName, BlobHashMismatch, BlobStoreUnavailable, BlobTooLarge, type BlobStore } from './blob-store.ts';
import type { S3Config } from './s3-config.ts';

/**
 * A temporary object this old is an upload a crash cut short (an upload is dropped after 30 s
 * idle). Several processes share the bucket, so a younger one may be another's upload running.
 */
export const STALE_UPLOAD_MS = 60 * 60 * 1000;

export const blobKey = (sha256: string): string => `blobs/${sha256}`;
const TMP_PREFIX = 'tmp/';
/** lib-storage's part size (and S3's smallest part): a blob up to this size goes in one request. */
const PART_BYTES = 5 * 1024 * 1024;

export type S3BlobStore = BlobStore & {
  /**
   * Deletes temporary objects older than this; how many went. The server runs it once it is up
   * (data-dir.ts); a bucket lifecycle rule on tmp/ does the same job.
   */
  sweepStaleUploads(olderThanMs: number): Promise<number>;
  close(): void;
};

/** A client for the bucket the settings name (also what the tests inspect the bucket with). */
export function s3ClientFor(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums only where S3 requires them: the SDK's default adds CRC32 trailers in
    // aws-chunked bodies, which several S3-compatible stores do not read. The bytes are
    // checked here anyway, against their SHA-256 name.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A bucket that never answers must not hold a tablet's upload (and its slot) for ever: a
    // request that takes longer fails, and the tablet hears 503 and tries again. Every request
    // carries at most one 5 MB part, already in memory, so a minute is far beyond a slow one.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000, throwOnRequestTimeout: true },
  });
}

export function openS3BlobStore(config: S3Config): S3BlobStore {
  const client = s3ClientFor(config);
  const Bucket = config.bucket;

  async function exists(Key: string): Promise<boolean> {
    try {
      await reaching(client.send(new HeadObjectCommand({ Bucket, Key })));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async function remove(Key: string): Promise<void> {
    await reaching(client.send(new DeleteObjectCommand({ Bucket, Key })));
  }

  async function sweepStaleUploads(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    let ContinuationToken: string | undefined;
    do {
      const listed = await reaching(client.send(new ListObjectsV2Command({ Bucket, Prefix: TMP_PREFIX, ContinuationToken })));
      for (const object of listed.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified.getTime() <= cutoff) {
          await remove(object.Key);
          removed += 1;
        }
      }
      ContinuationToken = listed.IsTruncated ? listed.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return removed;
  }

  return {
    sweepStaleUploads,

    kind: 's3',

    async reachable() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return true;
      } catch {
        return false;
      }
    },

    async has(sha256) {
      assertBlobName(sha256);
      return exists(blobKey(sha256));
    },

    async read(sha256) {
      assertBlobName(sha256);
      try {
        const object = await reaching(client.send(new GetObjectCommand({ Bucket, Key: blobKey(sha256) })));
        if (!object.Body) return null;
        if (object.Body instanceof Readable) return object.Body;
        throw new BlobStoreUnavailable('the object storage answered with a body this server cannot stream');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async put(sha256, source, maxBytes) {
      assertBlobName(sha256);
      const hash = createHash('sha256');
      let byteLength = 0;
      // The limit is checked as the bytes pass, so a huge upload is cut off, not stored first.
      let refusal: BlobTooLarge | null = null;
      async function* counted(): AsyncGenerator<Uint8Array> {
        for await (const chunk of source) {
          byteLength += chunk.byteLength;
          if (byteLength > maxBytes) {
            refusal = new BlobTooLarge(maxBytes);
            throw refusal;
          }
          hash.update(chunk);
          yield chunk;
        }
      }
      const failed = (error: unknown): never => {
        throw refusal ?? unavailable(error);
      };
      const target = blobKey(sha256);
      /** Once every byte is in: checks the hash, then makes the blob visible under its name with `write`. */
      const publish = async (write: () => Promise<unknown>) => {
        const actual = hash.digest('hex');
        if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
        await reaching(write());
        return { byteLength };
      };
      const bytes = counted();
      // Up to one part is read before anything is sent, as lib-storage's Upload would hold it.
      const first = await readUpTo(bytes, PART_BYTES).catch(failed);
      if (first.ended) {
        // The whole blob, hashed before a byte goes out: one request to its name, no temporary
        // object, no copy.
        return publish(() => client.send(new PutObjectCommand({ Bucket, Key: target, Body: Buffer.concat(first.chunks) })));
      }
      const temp = `${TMP_PREFIX}${randomUUID()}`;
      try {
        // Sent in parts of 5 MB as the bytes arrive: never the whole upload in memory.
        const body = Readable.from(
          (async function* () {
            yield* first.chunks;
            yield* bytes;
          })(),
        );
        await new Upload({ client, params: { Bucket, Key: temp, Body: body }, queueSize: 1 }).done().catch(failed);
        return await publish(() => client.send(new CopyObjectCommand({ Bucket, Key: target, CopySource: `${Bucket}/${temp}` })));
      } finally {
        await remove(temp).catch(() => undefined);
      }
    },

    close: () => client.destroy(),
  };
}

/**
 * Takes chunks from `source` until `limit` bytes or its end, whichever comes first, leaving
 * the rest unread (the iterator stays open for it).
 */
async function readUpTo(source: AsyncIterator<Uint8Array>, limit: number): Promise<{ chunks: Uint8Array[]; ended: boolean }> {
  const chunks: Uint8Array[] = [];
  for (let taken = 0; taken < limit; ) {
    const next = await source.next();
    if (next.done) return { chunks, ended: true };
    chunks.push(next.value);
    taken += next.value.byteLength;
  }
  return { chunks, ended: false };
}

/** A request to the bucket: its failures (down, refused, 5xx) are the store being unavailable; a 404 is an answer. */
async function reaching<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw isNotFound(error) ? error : unavailable(error);
  }
}

function unavailable(error: unknown): BlobStoreUnavailable {
  return error instanceof BlobStoreUnavailable ? error : new BlobStoreUnavailable(errorText(error));
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey';
}

// Where photo, thumbnail and signature bytes live, addressed by the SHA-256 of their content
// (DESIGN.md "Sync protocol" 2). The filesystem adapter is the default; the S3 one
// (s3-blob-store.ts) takes its place for a dealer group. Which store may read a blob is not
// this layer's business: storage.ts records that. Tablets upload only when online; an offline
// tablet keeps the bytes until the server has acknowledged them.
import type { Readable } from 'node:stream';

/**
 * What an upload stored. Whether the blob was there before is not told: the server answers a
 * tablet per store (storage.ts links blobs to stores), and an S3 store could only tell by asking
 * first, one request more per photo. A second upload of the same bytes succeeds, one copy kept.
 */
export type PutResult = {
  byteLength: number;
};

export interface BlobStore {
  /** Where the bytes live, for /api/v1/health: the data folder or an S3-compatible bucket. */
  readonly kind: 'filesystem' | 's3';
  /** Whether the store answers now (the folder is there, the bucket can be reached). */
  reachable(): Promise<boolean>;
  has(sha256: string): Promise<boolean>;
  /**
   * Stores the bytes if they hash to `sha256`, reading `source` as it arrives (an upload is
   * never held whole in memory; its length is not known in advance). Throws BlobTooLarge as
   * soon as it passes `maxBytes` and BlobHashMismatch when the content is not what its name
   * says; nothing is kept then, not even a temporary copy. When put throws, it has stopped
   * reading `source` (a request stream is closed).
   */
  put(sha256: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<PutResult>;
  /** The bytes as a stream, or null when absent. The caller must consume or destroy it. */
  read(sha256: string): Promise<Readable | null>;
}

/** Base of every error a blob store throws on purpose; `code` is stable for programs. */
export class BlobStoreError extends Error {
  constructor(
    readonly code: 'invalid_name' | 'too_large' | 'hash_mismatch' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The name is not a lower-case hex SHA-256, so it never reaches the filesystem. */
export class InvalidBlobName extends BlobStoreError {
  constructor(readonly sha256: string) {
    super('invalid_name', `Not a lower-case hex SHA-256: ${JSON.stringify(sha256.slice(0, 80))}`);
  }
}

export class BlobTooLarge extends BlobStoreError {
  constructor(readonly maxBytes: number) {
    super('too_large', `The blob is larger than ${maxBytes} bytes.`);
  }
}

export class BlobHashMismatch extends BlobStoreError {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super('hash_mismatch', `The bytes hash to ${actual}, not ${expected}.`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Checks a blob name before any path is built from it; throws InvalidBlobName. */
export function assertBlobName(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new InvalidBlobName(sha256);
}

/** The store could not be reached or failed (object storage down, refusing the key): try again later. */
export class BlobStoreUnavailable extends BlobStoreError {
  constructor(readonly reason: string) {
    super('unavailable', `The blob store cannot be reached: ${reason}`);
  }
}

// Where the server keeps its data: the SQLite database and the blob folder, under DATA_DIR
// (default ./data). Created on first start; back this one folder up and you have everything.
// For a dealer group the records go to PostgreSQL when DATABASE_URL names one
// (storage/database-url.ts), and the photos to S3-compatible object storage when the S3_
// variables name a bucket (blobs/s3-config.ts, README "A dealer group").
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openFsBlobStore } from './blobs/fs-blob-store.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { openS3BlobStore, STALE_UPLOAD_MS } from './blobs/s3-blob-store.ts';
import { s3ConfigFrom } from './blobs/s3-config.ts';
import { describePostgresUrl, postgresUrlFrom } from './storage/database-url.ts';
import { openPostgresStorage } from './storage/postgres/postgres-storage.ts';
import { openSqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';

export type DataDir = {
  dir: string;
  storage: Storage;
  /** Where the records are, in words for the start-up message. */
  recordsAt: string;
  blobs: BlobStore;
  /** Where the photos are, in words for the start-up message. */
  blobsAt: string;
  /**
   * Deletes what uploads cut short by a crash left in object storage (the data folder's are
   * cleared when it opens). The server runs it once it is up; a command line never does.
   */
  clearInterruptedUploads(): Promise<number>;
  close(): Promise<void>;
};

/**
 * Opens the data folder and the records; throws S3ConfigError or DatabaseUrlError (before
 * opening anything) when the S3_ variables are half set or DATABASE_URL is no PostgreSQL address.
 */
export async function openDataDir(dir = process.env.DATA_DIR || 'data', env: Record<string, string | undefined> = process.env): Promise<DataDir> {
  const s3 = s3ConfigFrom(env);
  const postgresUrl = postgresUrlFrom(env);
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const sqliteFile = resolve(root, 'walkaround.sqlite');
  const storage = postgresUrl ? await openPostgres(postgresUrl) : openSqliteStorage(sqliteFile);
  const recordsAt = postgresUrl ? describePostgresUrl(postgresUrl) : sqliteFile;
  if (s3) {
    const blobs = openS3BlobStore(s3);
    return {
      dir: root,
      storage,
      recordsAt,
      blobs,
      blobsAt: `bucket ${s3.bucket}${s3.endpoint ? ` at ${s3.endpoint}` : ''} (S3)`,
      clearInterruptedUploads: () => blobs.sweepStaleUploads(STALE_UPLOAD_MS),
      close: async () => {
        await storage.close();
        blobs.close();
      },
    };
  }
  const blobDir = resolve(root, 'blobs');
  return {
    dir: root,
    storage,
    recordsAt,
    blobs: openFsBlobStore(blobDir),
    blobsAt: blobDir,
    clearInterruptedUploads: async () => 0,
    close: () => storage.close(),
  };
}

/** Opens the PostgreSQL records, or says in one sentence which server could not be reached. */
async function openPostgres(url: string): Promise<Storage> {
  try {
    return await openPostgresStorage(url);
  } catch (error) {
    throw new Error(`${describePostgresUrl(url)} (DATABASE_URL) could not be opened: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

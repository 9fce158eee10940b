// Where the server keeps its data: the SQLite database and the blob folder, under DATA_DIR
// (default ./data). Created on first start; back this one folder up and you have everything.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openFsBlobStore } from './blobs/fs-blob-store.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { openSqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';

export type DataDir = { dir: string; storage: Storage; blobs: BlobStore };

export function openDataDir(dir = process.env.DATA_DIR || 'data'): DataDir {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  return {
    dir: root,
    storage: openSqliteStorage(resolve(root, 'walkaround.sqlite')),
    blobs: openFsBlobStore(resolve(root, 'blobs')),
  };
}

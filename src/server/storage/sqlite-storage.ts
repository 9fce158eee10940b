// The embedded storage: one SQLite file (better-sqlite3) holds a store's people, tablets,
// job cards, catalogue and mutation log. Writes are serialised by SQLite itself, so a push is
// simply one transaction. Tablets that are offline never reach it; they catch up by pushing
// their outbox and pulling from their cursor.
import Database from 'better-sqlite3';
import type { CatalogueItem } from '../../shared/catalogue.ts';
import { migrate } from './migrations.ts';
import { sqliteConsoleIndex } from './sqlite-console-index.ts';
import { sqliteConsoleSessions } from './sqlite-console-sessions.ts';
import { sqliteDevices } from './sqlite-devices.ts';
import { sqliteDirectory } from './sqlite-directory.ts';
import { sqliteHistory } from './sqlite-history.ts';
import { sqliteStoreProfile } from './sqlite-store-profile.ts';
import { sqliteJobs } from './sqlite-jobs.ts';
import { sqliteSyncRecords } from './sqlite-sync-records.ts';
import type { Storage } from './storage.ts';

/** Opens (creating if need be) and migrates the database; `':memory:'` for a throwaway one. */
export function openSqliteStorage(file: string): Storage {
  const db = new Database(file);
  try {
    // WAL: pulls read while a push writes. FULL, not NORMAL: the tablet deletes an outbox
    // entry once it is acknowledged, so an acknowledged push must survive a power cut too.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return {
      kind: 'sqlite',
      async reachable() {
        try {
          return db.prepare('SELECT 1').pluck().get() === 1;
        } catch {
          return false;
        }
      },
      ...sqliteDirectory(db),
      ...sqliteDevices(db),
      records: sqliteSyncRecords(db),
      ...sqliteJobs(db),
      ...sqliteHistory(db),
      ...sqliteStoreProfile(db),
      ...sqliteConsoleSessions(db),
      ...sqliteConsoleIndex(db),
      ...sqliteReferenceData(db),
      close: async () => {
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

type ReferenceMethods = 'replaceCatalogue' | 'catalogueSince' | 'storeHasBlob' | 'linkBlob';

/** The catalogue and the record of which store uploaded which blob. */
function sqliteReferenceData(db: Database.Database): Pick<Storage, ReferenceMethods> {
  const saveCatalogue = db
    .prepare<[string, string, string], number>(
      `INSERT INTO catalogues (store_id, version, items, updated_at) VALUES (?, 1, ?, ?)
       ON CONFLICT (store_id) DO UPDATE SET version = version + 1, items = excluded.items, updated_at = excluded.updated_at
       RETURNING version`,
    )
    .pluck();
  const catalogueAfter = db.prepare<[string, number], { version: number; items: string }>(
    'SELECT version, items FROM catalogues WHERE store_id = ? AND version > ?',
  );
  const blobLinked = db.prepare<[string, string], number>('SELECT 1 FROM store_blobs WHERE store_id = ? AND sha256 = ?').pluck();
  const insertBlobLink = db.prepare<[string, string, number, string]>(
    'INSERT INTO store_blobs (store_id, sha256, byte_length, linked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );

  return {
    replaceCatalogue: async (storeId, items) => saveCatalogue.get(storeId, JSON.stringify(items), new Date().toISOString()) as number,
    async catalogueSince(storeId, sinceVersion) {
      const row = catalogueAfter.get(storeId, sinceVersion);
      return row ? { version: row.version, items: JSON.parse(row.items) as CatalogueItem[] } : null;
    },
    storeHasBlob: async (storeId, sha256) => blobLinked.get(storeId, sha256) !== undefined,
    // Without a flush of its own: an upload's link is one commit per photo, and each flush held
    // the event loop (1-2 ms here) while the other uploads waited. See withoutOwnFlush.
    async linkBlob(storeId, sha256, byteLength, now) {
      withoutOwnFlush(db, () => insertBlobLink.run(storeId, sha256, byteLength, now));
    },
  };
}

/**
 * Commits `write` without flushing it to disk (synchronous NORMAL), then puts the connection's
 * setting back. Only for a row whose loss to a power cut is repaired and that nothing durable
 * depends on until a flushed commit: the WAL is one file, so the next FULL commit's flush
 * makes the row durable too. A blob's link is such a row: the push naming the blob reads the
 * link in its own flushed transaction, and a link lost before it makes that push answer
 * missingBlobs, so the tablet (which keeps the bytes until then) sends the blob again. A process
 * that crashes loses nothing: the row is in the operating system's hands once committed.
 */
export function withoutOwnFlush<T>(db: Database.Database, write: () => T): T {
  const setting = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${setting}`);
  }
}

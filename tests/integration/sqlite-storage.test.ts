// The SQLite storage on a real database file: its schema migrations, blob links, and the storage contract
// (storage-contract.ts). Push and pull: sync-records-sqlite.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { openSqliteStorage, withoutOwnFlush } from '../../src/server/storage/sqlite-storage.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { defineStorageContract } from './storage-contract.ts';

describe('the SQLite storage on a file', () => {
  let dir: string;
  let file: string;
  let storage: Storage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'walkaround-storage-'));
    file = join(dir, 'walkaround.sqlite');
    storage = openSqliteStorage(file);
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('migrations', () => {
    it('bring a fresh file to the latest version, and a reopen keeps the data without rerunning them', async () => {
      const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
      await storage.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();

      storage = openSqliteStorage(file);
      expect(await storage.findStoreByCode('SH01')).toEqual(store);
    });

    it('refuse a database written by a newer server', async () => {
      await storage.close();
      const db = new Database(file);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      db.close();
      expect(() => openSqliteStorage(file)).toThrow(/update the server/);
      storage = openSqliteStorage(':memory:');
    });
  });

  describe('blob links', () => {
    it('a link is committed when its call resolves, whether asked for alone or with others at once', async () => {
      const store = await storage.createStore({ code: 'SH01', name: 'Shanghai' });
      // Another connection sees only what is committed: what an upload's answer may promise.
      const reader = new Database(file, { readonly: true });
      const linked = () => reader.prepare('SELECT count(*) FROM store_blobs').pluck().get();
      try {
        const names = ['a', 'b', 'c', 'd'].map((c) => c.repeat(64));
        const now = new Date().toISOString();
        await storage.linkBlob(store.id, names[0]!, 10, now);
        expect(linked()).toBe(1);
        await Promise.all(names.slice(1).map((name) => storage.linkBlob(store.id, name, 10, now)));
        expect(linked()).toBe(4);
        expect(await Promise.all(names.map((name) => storage.storeHasBlob(store.id, name)))).toEqual([true, true, true, true]);
        // Linking again is no error and adds nothing.
        await storage.linkBlob(store.id, names[0]!, 10, now);
        expect(linked()).toBe(4);
      } finally {
        reader.close();
      }
    });

    it("a link's commit is not flushed on its own, and every other write still is, even after a write that threw", () => {
      const db = new Database(file);
      try {
        const synchronous = () => db.pragma('synchronous', { simple: true });
        db.pragma('synchronous = FULL');
        expect(withoutOwnFlush(db, synchronous)).toBe(1);
        expect(synchronous()).toBe(2);
        expect(() =>
          withoutOwnFlush(db, () => {
            throw new Error('the insert failed');
          }),
        ).toThrow(/insert failed/);
        expect(synchronous()).toBe(2);
      } finally {
        db.close();
      }
    });
  });
});

defineStorageContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'walkaround-storage-contract-'));
  const storage = openSqliteStorage(join(dir, 'walkaround.sqlite'));
  return {
    storage,
    async discard() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

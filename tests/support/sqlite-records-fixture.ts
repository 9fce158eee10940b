// A sync-records fixture on a real SQLite file: the stores and tablets the contract needs are
// made through the storage's own administration methods.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import type { SyncRecordsFixture } from '../integration/sync-records-contract.ts';

export async function openSqliteRecordsFixture(): Promise<SyncRecordsFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'walkaround-records-'));
  const file = join(dir, 'walkaround.sqlite');
  const storage = openSqliteStorage(file);
  const NOW = new Date().toISOString();
  return {
    records: storage.records,
    async addTablet(storeCode) {
      const store = await storage.findStoreByCode(storeCode) ?? await storage.createStore({ code: storeCode, name: storeCode });
      const code = `C${uuidv7().replaceAll('-', '').slice(-10).toUpperCase()}`;
      await storage.createEnrollmentCode(store.id, { code, expiresAt: '2099-01-01T00:00:00.000Z', uses: 1 });
      const outcome = await storage.enrollDevice({ code, clientId: uuidv7(), name: 'Tablet', tokenHash: uuidv7(), secretHash: null, now: NOW });
      if (!('device' in outcome)) throw new Error(`enrollment refused: ${outcome.refused}`);
      return outcome.device;
    },
    async linkBlob(storeId, sha256) {
      await storage.linkBlob(storeId, sha256, 3, NOW);
    },
    async loggedCount() {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM mutations').pluck().get() as number;
      } finally {
        db.close();
      }
    },
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

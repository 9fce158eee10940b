// The console's index warmed at start (console/warm-index.ts), on a real SQLite file: every
// store's index is caught up with all its cards, one store after another; a store whose
// catch-up fails is logged and the next one still goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/server/admin/store-admin.ts';
import { warmConsoleIndex } from '../../src/server/console/warm-index.ts';
import { openSqliteStorage } from '../../src/server/storage/sqlite-storage.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { consoleCards } from '../bench/console-cards.ts';

let dir: string;
let file: string;
let storage: Storage;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warm-index-'));
  file = join(dir, 'walkaround.sqlite');
  storage = openSqliteStorage(file);
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeWithCards(code: string, count: number): Promise<string> {
  const store = await createStore(storage, code, `Store ${code}`);
  const jobs = [...consoleCards({ storeCode: code, advisorIds: [crypto.randomUUID()], count, now: Date.now(), seed: count })];
  const [result] = await storage.records.writeEach([{ storeId: store.id, work: (tx) => tx.writePush({ clientId: crypto.randomUUID(), lastSeq: count, log: [], jobs }) }]);
  if (!result || 'error' in result) throw new Error('cards not written');
  return store.id;
}

/** How far each store's index is caught up, and its highest change number, read from the file itself. */
function indexState(): { storeId: string; indexed: number | null; newest: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { storeId: string; indexed: number | null; newest: number }>(
        `SELECT j.store_id AS storeId, c.indexed_seq AS indexed, max(j.change_seq) AS newest
         FROM jobs j LEFT JOIN console_index_cursors c ON c.store_id = j.store_id GROUP BY j.store_id ORDER BY j.store_id`,
      )
      .all();
  } finally {
    db.close();
  }
}

const quietLog = () => {
  const lines: string[] = [];
  return { lines, log: { info: (_d: object, m: string) => lines.push(`info ${m}`), warn: (_d: object, m: string) => lines.push(`warn ${m}`) } };
};

describe('warming the console index at start', () => {
  it("catches every store's index up with all its cards", async () => {
    await storeWithCards('AA01', 1200);
    await storeWithCards('BB01', 300);
    expect(indexState().every((row) => row.indexed === null)).toBe(true);
    const { lines, log } = quietLog();
    await warmConsoleIndex(storage, log);
    const state = indexState();
    expect(state).toHaveLength(2);
    for (const row of state) expect(row.indexed).toBe(row.newest);
    expect(lines).toEqual(['info console index caught up', 'info console index caught up']);
  });

  it('logs a store whose catch-up fails and goes on with the next', async () => {
    const failing = await storeWithCards('AA01', 50);
    await storeWithCards('BB01', 50);
    const { lines, log } = quietLog();
    await warmConsoleIndex(
      {
        listStores: () => storage.listStores(),
        consoleFacts: (storeId, query) => (storeId === failing ? Promise.reject(new Error('disk full')) : storage.consoleFacts(storeId, query)),
      },
      log,
    );
    expect(lines).toEqual(['warn console index: catch-up at start failed; the first console read will catch up', 'info console index caught up']);
    expect(indexState().map((row) => row.indexed !== null)).toEqual(indexState().map((row) => row.storeId !== failing));
  });
});

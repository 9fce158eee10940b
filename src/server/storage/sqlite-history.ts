// A job's history: every change the server received for it, applied or refused, in server
// order, with the tablet and advisor it came from. This is where a lost conflict stays
// visible (DESIGN.md "Conflicts") and what an administrator shows in a dispute.
import type Database from 'better-sqlite3';
import { historyEntry, type HistoryRow } from './record-rows.ts';
import type { Storage } from './storage.ts';

export function sqliteHistory(db: Database.Database): Pick<Storage, 'jobHistory'> {
  const select = db.prepare<[string, string], HistoryRow>(
    'SELECT * FROM mutations WHERE store_id = ? AND job_id = ? ORDER BY server_order',
  );
  return {
    jobHistory: async (storeId, jobId) => select.all(storeId, jobId).map(historyEntry),
  };
}

// A job's history: every change the server received for it, applied or refused, in server
// order, with the tablet and advisor it came from. This is where a lost conflict stays
// visible (DESIGN.md "Conflicts") and what an administrator shows in a dispute.
import type Database from 'better-sqlite3';
import type { HistoryEntry, Storage } from './storage.ts';

type Row = {
  server_order: number;
  mutation_id: string;
  client_id: string;
  seq: number;
  device_id: string;
  advisor_id: string | null;
  op: string;
  payload: string;
  created_at: string;
  received_at: string;
  status: 'applied' | 'rejected';
  reason: string | null;
};

export function sqliteHistory(db: Database.Database): Pick<Storage, 'jobHistory'> {
  const select = db.prepare<[string, string], Row>(
    'SELECT * FROM mutations WHERE store_id = ? AND job_id = ? ORDER BY server_order',
  );
  return {
    jobHistory: async (storeId, jobId) =>
      select.all(storeId, jobId).map(
        (row): HistoryEntry => ({
          serverOrder: row.server_order,
          mutationId: row.mutation_id,
          clientId: row.client_id,
          seq: row.seq,
          deviceId: row.device_id,
          advisorId: row.advisor_id,
          op: row.op,
          payload: JSON.parse(row.payload) as unknown,
          createdAt: row.created_at,
          receivedAt: row.received_at,
          status: row.status,
          reason: row.reason,
        }),
      ),
  };
}

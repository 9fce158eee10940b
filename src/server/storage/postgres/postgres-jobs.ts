// Reading job cards outside sync in PostgreSQL: one card by id, a vehicle's earlier visits and
// a card's history of changes (the same reads as sqlite-jobs.ts and sqlite-history.ts).
import type pg from 'pg';
import type { Job } from '../../../shared/job.ts';
import { historyEntry, type HistoryRow } from '../record-rows.ts';
import type { Storage } from '../storage.ts';
import { firstRow, pgText, rowsOf } from './postgres-query.ts';

export function postgresJobs(pool: pg.Pool): Pick<Storage, 'getJob' | 'jobsForVehicle' | 'jobHistory'> {
  return {
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    async getJob(storeId, jobId) {
      const row = await firstRow<{ body: string }>(pool, 'SELECT body FROM jobs WHERE store_id = $1 AND id = $2', [storeId, jobId]);
      return row && (JSON.parse(row.body) as Job);
    },
    async jobsForVehicle(storeId, { plate, vin }, limit) {
      if (!plate && !vin) return [];
      const rows = await rowsOf<{ body: string }>(
        pool,
        'SELECT body FROM jobs WHERE store_id = $1 AND (plate = $2 OR vin = $3) ORDER BY created_ms DESC LIMIT $4',
        [storeId, pgText(plate || null), pgText(vin || null), limit],
      );
      return rows.map((row) => JSON.parse(row.body) as Job);
    },
    jobHistory: async (storeId, jobId) =>
      (await rowsOf<HistoryRow>(pool, 'SELECT * FROM mutations WHERE store_id = $1 AND job_id = $2 ORDER BY server_order', [storeId, jobId])).map(historyEntry),
  };
}

// Reading job cards outside sync: one card by id, and a vehicle's earlier visits.
import type Database from 'better-sqlite3';
import type { Job } from '../../shared/job.ts';
import type { Storage } from './storage.ts';

export function sqliteJobs(db: Database.Database): Pick<Storage, 'getJob' | 'jobsForVehicle'> {
  const jobOfStore = db.prepare<[string, string], string>('SELECT body FROM jobs WHERE store_id = ? AND id = ?').pluck();
  const byVehicle = db
    .prepare<[{ storeId: string; plate: string | null; vin: string | null; limit: number }], string>(
      `SELECT body FROM jobs WHERE store_id = @storeId AND (plate = @plate OR vin = @vin)
       ORDER BY created_ms DESC LIMIT @limit`,
    )
    .pluck();
  return {
    // Bodies are parsed without re-validation: only the push rules write them, from the reducer.
    async getJob(storeId, jobId) {
      const body = jobOfStore.get(storeId, jobId);
      return body === undefined ? undefined : (JSON.parse(body) as Job);
    },
    async jobsForVehicle(storeId, { plate, vin }, limit) {
      if (!plate && !vin) return [];
      return byVehicle.all({ storeId, plate: plate || null, vin: vin || null, limit }).map((body) => JSON.parse(body) as Job);
    },
  };
}

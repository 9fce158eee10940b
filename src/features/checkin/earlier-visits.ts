// The rows of the "earlier visits" list: one per other card of the same vehicle, newest
// first, with what the advisor compares at the desk (date, number, mileage, damage count).
import type { Job } from '../../shared/job.ts';
import { live } from '../../shared/walkaround.ts';

export type VisitRow = { id: string; createdAt: string; number: string; odometerKm: number | null; damageCount: number };

/** Other cards than `jobId` (the server's list includes the card itself once it is synced). */
export function visitRows(jobs: readonly Job[], jobId: string): VisitRow[] {
  return jobs
    .filter((job) => job.id !== jobId)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1))
    .map((job) => ({
      id: job.id,
      createdAt: job.createdAt,
      number: job.number,
      odometerKm: job.card.odometerKm,
      damageCount: live(job.damages).length,
    }));
}

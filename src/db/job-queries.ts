// Reads of the job cards: search, one card, a vehicle's earlier visits. No zod and no
// writes, so the first screen can load these without the mutation machinery. All local:
// offline these are the only answers there are.
import type { Job, JobStatus } from '../shared/job.ts';
import { normalizePlate } from '../shared/plate.ts';
import type { JobRow, WalkaroundDb } from './database.ts';

/** Earlier cards of the same vehicle (same VIN, or same plate), newest first. */
export async function earlierVisits(db: WalkaroundDb, vehicle: { plate: string; vin: string }, excludeJobId?: string): Promise<Job[]> {
  const byVin = vehicle.vin ? await db.jobs.where('card.vehicle.vin').equals(vehicle.vin).toArray() : [];
  const byPlate = vehicle.plate ? await db.jobs.where('card.vehicle.plate').equals(vehicle.plate).toArray() : [];
  const seen = new Map<string, JobRow>();
  for (const row of [...byVin, ...byPlate]) if (row.id !== excludeJobId) seen.set(row.id, row);
  return [...seen.values()].sort(newestFirst).map(withoutSearch);
}

/** The highest mileage recorded for this vehicle on another card of this device. */
export async function lastOdometerFor(db: WalkaroundDb, job: Pick<Job, 'id' | 'card'>): Promise<number | null> {
  const visits = await earlierVisits(db, job.card.vehicle, job.id);
  const readings = visits.map((v) => v.card.odometerKm).filter((km): km is number => km !== null);
  return readings.length ? Math.max(...readings) : null;
}

/**
 * Cards matching what the advisor typed: plate prefix, VIN or its tail, customer name or
 * phone (or its last four digits). Empty query lists everything, newest first.
 */
export async function searchJobs(db: WalkaroundDb, query: string, limit = 200): Promise<Job[]> {
  const q = normalizePlate(query);
  // Keys first, rows after: a common prefix (粤B at a Shenzhen desk) matches thousands of
  // cards, and ids are UUIDv7, so the newest `limit` ids are found without reading any row.
  const keys = q
    ? await db.jobs.where('searchTerms').startsWith(q).primaryKeys()
    : await db.jobs.orderBy(':id').reverse().limit(limit).primaryKeys();
  const rows = await db.jobs.bulkGet(newestKeys(keys, limit));
  return cardsNewestFirst(rows);
}

/**
 * Cards in any of these statuses, newest first: the job list's status filter, the cards whose
 * promised time may run out, and the delivered ones the follow-up list looks through. By the
 * status index, so a card older than the newest few hundred is still found.
 */
export async function jobsWithStatus(db: WalkaroundDb, statuses: readonly JobStatus[], limit = 500): Promise<Job[]> {
  // Keys first, as in searchJobs: years of delivered cards are never all read.
  const keys = await db.jobs.where('status').anyOf([...statuses]).primaryKeys();
  const rows = await db.jobs.bulkGet(newestKeys(keys, limit));
  return cardsNewestFirst(rows);
}

// The list's rules as plain functions, shared with first-read.ts, which reads the first page
// with IndexedDB's own API before Dexie has opened: both show the same cards in the same order.

/** Cards whose promised time can still run out: the unfiltered list looks them up by status too. */
export const PROMISE_RUNS: readonly JobStatus[] = ['checked-in', 'in-repair', 'quality-check'];

/** The unfiltered list: the newest cards, then running ones older than those (never missing an overdue card). */
export function newestThenRunning(newest: Job[], running: Job[]): Job[] {
  const seen = new Set(newest.map((job) => job.id));
  return [...newest, ...running.filter((job) => !seen.has(job.id))];
}

/** The newest `limit` of these primary keys: ids are UUIDv7, so the highest are the newest. */
export function newestKeys<K>(keys: readonly K[], limit: number): K[] {
  return [...new Set(keys)].sort().reverse().slice(0, limit);
}

/** Rows as the list shows them: those found, without their search keys, newest first. */
export function cardsNewestFirst(rows: readonly (JobRow | undefined)[]): Job[] {
  return rows
    .filter((row): row is JobRow => row !== undefined)
    .map(withoutSearch)
    .sort(newestFirst);
}

export async function getJob(db: WalkaroundDb, id: string): Promise<Job | undefined> {
  const row = await db.jobs.get(id);
  return row && withoutSearch(row);
}

export function withoutSearch(row: JobRow): Job {
  const { searchTerms: _searchTerms, ...job } = row;
  return job;
}

// createdAt is ISO with the same device offset for local cards; tie-break on id (UUIDv7).
function newestFirst(a: Job, b: Job): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1);
}

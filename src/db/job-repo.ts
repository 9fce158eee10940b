// Every write to a job card goes through `commitMutation`: the job and its outbox entry are
// saved in one Dexie transaction, so the tablet never shows a change the server will not get.
// Works fully offline; the sync client later drains the outbox in `seq` order.
import { v7 as uuidv7 } from 'uuid';
import { applyMutation } from '../shared/apply-mutation.ts';
import { cardProblems, type CardProblem } from '../shared/check-in-rules.ts';
import type { CardPatch, Job } from '../shared/job.ts';
import { localDateKey, nowIso } from '../shared/local-time.ts';
import { mutationSchema, type Mutation, type MutationBody } from '../shared/mutation.ts';
import { normalizePlate } from '../shared/plate.ts';
import type { EnrollResponse } from '../shared/protocol.ts';
import type { DeviceRow, JobRow, WalkaroundDb } from './database.ts';
import { lastOdometerFor, withoutSearch } from './job-queries.ts';
import { currentAdvisorId, readMeta, updateSyncRow, writeMeta } from './meta-repo.ts';

const DEFAULT_STORE_CODE = 'WK';
const DEFAULT_DEVICE_CODE = 'A';

/** The device row, created on first use. Call inside a transaction that includes `meta`. */
async function device(db: WalkaroundDb): Promise<DeviceRow> {
  const existing = await readMeta(db, 'device');
  if (existing) return existing;
  const created: DeviceRow = {
    key: 'device',
    clientId: uuidv7(),
    storeCode: DEFAULT_STORE_CODE,
    deviceCode: DEFAULT_DEVICE_CODE,
    lastSeq: 0,
    deviceSecret: newDeviceSecret(),
  };
  await writeMeta(db, created);
  return created;
}

export function getDevice(db: WalkaroundDb): Promise<DeviceRow> {
  return db.transaction('rw', db.meta, () => device(db));
}

/**
 * This tablet's enrollment secret, made and stored first if the device row predates it. It is
 * saved before it is ever sent, so an enrollment whose answer is lost can be repeated with it.
 */
export function getDeviceSecret(db: WalkaroundDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const dev = await device(db);
    if (dev.deviceSecret) return dev.deviceSecret;
    const deviceSecret = newDeviceSecret();
    await writeMeta(db, { ...dev, deviceSecret });
    return deviceSecret;
  });
}

/** 32 random bytes, base64url: as hard to guess as a device token. */
function newDeviceSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Runs `work` in one transaction over the tables a change writes (the card, the outbox, the
 * device's sequence in meta): several changes made in it are saved all or none.
 */
export function inOneChange<T>(db: WalkaroundDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.jobs, db.outbox, db.meta, work);
}

/**
 * Applies one change locally and queues it for the server, atomically. The mutation is
 * validated first: a payload the server would refuse never reaches the outbox.
 */
export async function commitMutation(db: WalkaroundDb, jobId: string, body: MutationBody, now = new Date()): Promise<Job> {
  return inOneChange(db, async () => {
    const dev = await device(db);
    const seq = dev.lastSeq + 1;
    const advisorId = await currentAdvisorId(db);
    const mutation: Mutation = mutationSchema.parse({
      ...body,
      mutationId: uuidv7(),
      clientId: dev.clientId,
      seq,
      jobId,
      createdAt: nowIso(now),
      ...(advisorId ? { advisorId } : {}),
    });
    const before = await db.jobs.get(jobId);
    const after = applyMutation(before ? withoutSearch(before) : undefined, mutation);
    if (!after) throw new Error(`Job ${jobId} does not exist on this device`);
    await writeMeta(db, { ...dev, lastSeq: seq });
    await db.outbox.add(mutation);
    await db.jobs.put(toRow(after));
    return after;
  });
}

/**
 * Starts a new card with the next human number of the day, optionally pre-filled. The
 * sequence comes from the numbers already on this device, so a tablet clock set back past
 * midnight continues the day's numbering instead of repeating a number.
 */
export async function createJob(db: WalkaroundDb, card: CardPatch = {}, now = new Date()): Promise<Job> {
  return inOneChange(db, async () => {
    const dev = await device(db);
    const prefix = `${dev.storeCode}-${localDateKey(now)}-${dev.deviceCode}`;
    const taken = (await db.jobs.where('number').startsWith(prefix).keys()).map((key) => Number(String(key).slice(prefix.length)));
    const next = Math.max(0, ...taken.filter(Number.isInteger)) + 1;
    const number = `${prefix}${String(next).padStart(3, '0')}`;
    return commitMutation(db, uuidv7(), { op: 'job.create', payload: { number, card } }, now);
  });
}

export function updateCard(db: WalkaroundDb, jobId: string, card: CardPatch, now = new Date()): Promise<Job> {
  return commitMutation(db, jobId, { op: 'job.update', payload: { card } }, now);
}

export class CheckInRefused extends Error {
  constructor(readonly problems: CardProblem[]) {
    super(`Check-in refused: ${problems.map((p) => `${p.path} ${p.code}`).join(', ')}`);
  }
}

/** Marks the card checked in, refusing with the same rules the form shows. */
export async function checkIn(db: WalkaroundDb, jobId: string, now = new Date()): Promise<Job> {
  return inOneChange(db, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) throw new Error(`Job ${jobId} does not exist on this device`);
    const lastOdometerKm = await lastOdometerFor(db, job);
    const problems = cardProblems(job.card, { lastOdometerKm });
    if (problems.length > 0) throw new CheckInRefused(problems);
    return commitMutation(db, jobId, { op: 'job.checkIn', payload: {} }, now);
  });
}

/**
 * Stores the server's copy of a job with this tablet's changes after `acknowledgedSeq` (the
 * ones the server has not applied yet) re-applied on top by the shared reducer: the rebase of
 * DESIGN.md "Sync protocol" 4. Call inside a transaction that includes jobs and outbox.
 */
export async function rebaseJob(db: WalkaroundDb, server: Job, acknowledgedSeq: number): Promise<void> {
  const pending = await db.outbox
    .where('jobId')
    .equals(server.id)
    .filter((m) => m.seq > acknowledgedSeq)
    .sortBy('seq');
  const job = pending.reduce((current: Job | undefined, m) => applyMutation(current, m), server);
  if (job) await db.jobs.put(toRow(job));
}

/**
 * The tablet is enrolled in a store: its token, and the store's code and its own letter for
 * new job numbers (cards numbered before keep their numbers). A tablet moved to another store
 * must not resume the old store's pull cursor.
 */
export async function saveEnrollment(db: WalkaroundDb, response: EnrollResponse, now = new Date()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await device(db);
    await writeMeta(db, {
      ...current,
      storeCode: response.store.code,
      deviceCode: response.device.code,
      enrollment: {
        deviceToken: response.deviceToken,
        deviceId: response.device.id,
        deviceName: response.device.name,
        storeId: response.store.id,
        storeName: response.store.name,
        enrolledAt: now.toISOString(),
      },
    });
    if (current.enrollment?.storeId !== response.store.id) await updateSyncRow(db, { cursor: 0, catalogueVersion: 0 });
  });
}

/** A job as stored, with the keys the search box looks up. */
export function toRow(job: Job): JobRow {
  return { ...job, searchTerms: searchTermsOf(job) };
}

function searchTermsOf(job: Job): string[] {
  const { plate, vin } = job.card.vehicle;
  const { name, phone } = job.card.customer;
  const terms = [plate, vin, normalizePlate(name), phone, phone.slice(-4), normalizePlate(job.number)];
  // VIN tails: advisors read the last digits off the windscreen plate.
  for (let n = 4; n <= 8 && n < vin.length; n++) terms.push(vin.slice(-n));
  return [...new Set(terms.filter((t) => t.length > 0))];
}

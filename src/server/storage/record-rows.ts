// What every records adapter decides the same way about its rows: whether a tablet proved it
// is an enrolled tablet, what a device record shows, what a job's row holds besides the card,
// how a store's profile and a job's history read. Kept here so SQLite and PostgreSQL store and nothing more.
import { timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Job } from '../../shared/job.ts';
import { normalizePlate } from '../../shared/plate.ts';
import { storeDefaultsSchema, storeLogoSchema, type StoreProfileFields } from '../../shared/store-profile.ts';
import { normalizeVin } from '../../shared/vin.ts';
import { nextDeviceCode } from './device-code.ts';
import type { ConsoleSessionRecord, DeviceRecord, EnrollInput, EnrollmentCodeRecord, EnrollRefusal, HistoryEntry } from './storage.ts';

/** A device as stored, with the hashes that never leave the adapter. */
export type DeviceRow = DeviceRecord & { tokenHash: string; secretHash: string | null; reenrollmentAllowedUntil: string | null };

/**
 * Why this enrollment must be refused, if it must: the code is unknown, expired or used up;
 * the tablet belongs to another store (its outbox and job numbers are that store's); or it is
 * enrolled already and the request does not prove it is that tablet.
 */
export function enrollmentRefusal(code: EnrollmentCodeRecord | undefined, existing: DeviceRow | undefined, input: EnrollInput): EnrollRefusal | undefined {
  if (!code || code.usesLeft <= 0 || Date.parse(code.expiresAt) <= Date.parse(input.now)) return 'code';
  if (existing && existing.storeId !== code.storeId) return 'store';
  if (existing && !provesPossession(existing, input)) return 'proof';
  return undefined;
}

/** A tablet enrolled for the first time, with the first letter its store has not used. */
export function newDeviceRow(input: EnrollInput, storeId: string, takenCodes: Iterable<string>): DeviceRow {
  return {
    id: uuidv7(),
    storeId,
    clientId: input.clientId,
    code: nextDeviceCode(new Set(takenCodes)),
    name: input.name,
    tokenHash: input.tokenHash,
    enrolledAt: input.now,
    revokedAt: null,
    lastSeenAt: null,
    secretHash: input.secretHash,
    reenrollmentAllowedUntil: null,
  };
}

/**
 * Is the request to enroll an existing device from that device? It is when it brings the
 * secret the device enrolled with, or when an administrator approved a re-enrollment that has
 * not expired (a device enrolled before secrets existed, or one that lost its secret).
 */
function provesPossession(existing: DeviceRow, input: EnrollInput): boolean {
  if (existing.secretHash !== null && input.secretHash !== null && sameText(existing.secretHash, input.secretHash)) return true;
  const allowedUntil = existing.reenrollmentAllowedUntil;
  return allowedUntil !== null && Date.parse(input.now) < Date.parse(allowedUntil);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The record without its token and secret hashes. */
export function deviceRecord(row: DeviceRow | undefined): DeviceRecord {
  if (!row) throw new Error('device row vanished inside its own transaction');
  const { tokenHash: _tokenHash, secretHash: _secretHash, reenrollmentAllowedUntil: _until, ...record } = row;
  return record;
}

/** Recording every request's time would make each read a write; once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Whether a request now should record the device as seen. */
export function isSeenAgain(lastSeenAt: string | null, now: string): boolean {
  return lastSeenAt === null || Date.parse(now) - Date.parse(lastSeenAt) >= LAST_SEEN_RESOLUTION_MS;
}

export type ProfileRow = {
  storeName: string;
  storeCode: string;
  name: string | null;
  address: string | null;
  phone: string | null;
  defaults: string | null;
  /** JSON of the logo ({ sha256, mime }), or null. */
  logo: string | null;
  updatedAt: string | null;
};

/**
 * The store's profile from its row (joined to the store, so null columns before an
 * administrator first set one). A stored row that no longer passes the shared schema is read
 * as far as it goes, never thrown at a tablet.
 */
export function profileFromRow(row: ProfileRow): { profile: StoreProfileFields; updatedAt: string | null } {
  // create-store names a store by its code when given no name: that is no name to print.
  const storeName = row.storeName === row.storeCode ? '' : row.storeName;
  const defaults = storeDefaultsSchema.partial().safeParse(row.defaults === null ? {} : JSON.parse(row.defaults));
  const logo = storeLogoSchema.safeParse(row.logo === null ? null : JSON.parse(row.logo));
  return {
    profile: { name: row.name || storeName, address: row.address ?? '', phone: row.phone ?? '', defaults: defaults.success ? defaults.data : {}, ...(logo.success ? { logo: logo.data } : {}) },
    updatedAt: row.updatedAt,
  };
}

export type HistoryRow = {
  server_order: number | string;
  mutation_id: string;
  client_id: string;
  seq: number | string;
  device_id: string;
  advisor_id: string | null;
  op: string;
  payload: string;
  created_at: string;
  received_at: string;
  status: 'applied' | 'rejected';
  reason: string | null;
};

/** One logged mutation as the history shows it (PostgreSQL gives bigints as strings). */
export function historyEntry(row: HistoryRow): HistoryEntry {
  return {
    serverOrder: Number(row.server_order),
    mutationId: row.mutation_id,
    clientId: row.client_id,
    seq: Number(row.seq),
    deviceId: row.device_id,
    advisorId: row.advisor_id,
    op: row.op,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    status: row.status,
    reason: row.reason,
  };
}

/** A job as both adapters store it (its store and change number aside): copies for look-ups beside the whole card as JSON. */
export type JobRow = { id: string; number: string; plate: string | null; vin: string | null; createdMs: number; updatedAt: string; body: string };

export function jobRow(job: Job): JobRow {
  return {
    id: job.id,
    number: job.number,
    // Look-up keys, normalised as the visits query is: the same vehicle matches however typed.
    plate: normalizePlate(job.card.vehicle.plate) || null,
    vin: normalizeVin(job.card.vehicle.vin) || null,
    createdMs: Date.parse(job.createdAt),
    updatedAt: job.updatedAt,
    body: JSON.stringify(job),
  };
}

/** A console sign-in as both adapters read it, joined to its advisor. */
export type ConsoleSessionRow = ConsoleSessionRecord & { disabledAt: string | null };

/** The sign-in, if it still counts at `now`: not expired, and its advisor not disabled. */
export function liveConsoleSession(row: ConsoleSessionRow | undefined, now: string): ConsoleSessionRecord | undefined {
  if (!row || row.disabledAt !== null || Date.parse(row.expiresAt) <= Date.parse(now)) return undefined;
  const { disabledAt: _disabledAt, ...session } = row;
  return session;
}

/** The logo as the profile row's column holds it: JSON text, or null for none. */
export function logoColumn(profile: StoreProfileFields): string | null {
  return profile.logo ? JSON.stringify({ sha256: profile.logo.sha256, mime: profile.logo.mime }) : null;
}

// What the server keeps, behind one interface: stores, their advisors and tablets, the job
// cards and the log of every mutation. The routes only ever talk to this interface, so the
// embedded SQLite adapter (sqlite-storage.ts) can be joined by PostgreSQL for a dealer group
// without touching them. Every read and write takes the store it is scoped to: no method can
// reach another store's records, whatever id it is given. Every method is asynchronous, so a
// networked database can implement it; a check and the write that depends on it are one
// method (one transaction), never two calls with an await between them.
import type { CatalogueItem } from '../../shared/catalogue.ts';
import type { Job } from '../../shared/job.ts';
import type { Advisor, AdvisorRole, StoreSummary } from '../../shared/protocol.ts';
import type { StoreProfileFields } from '../../shared/store-profile.ts';
import type { JobFacts } from '../console/job-facts.ts';
import type { SyncRecords } from '../sync-rules/sync-records.ts';

/**
 * Which cards the console's reports read (their facts, console/job-facts.ts): those created, or
 * delivered, within [from, to) (ISO instants), or those checked in and not yet delivered.
 */
export type FactsQuery =
  | { kind: 'created'; from: string; to: string }
  | { kind: 'delivered'; from: string; to: string }
  /** Cards booked (预约) for a time within [from, to), earliest first. */
  | { kind: 'appointments'; from: string; to: string }
  | { kind: 'open' };

/** A store console's sign-in (an advisor or admin on the desk PC), as the cookie's token finds it. */
export type ConsoleSessionRecord = {
  storeId: string;
  advisorId: string;
  username: string;
  name: string;
  role: AdvisorRole;
  /** Sent back by the console in a header on every change (CSRF): a cross-site form cannot know it. */
  csrfToken: string;
  expiresAt: string;
};

export type DeviceRecord = {
  id: string;
  storeId: string;
  clientId: string;
  code: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
};

export type EnrollInput = {
  code: string;
  clientId: string;
  name: string;
  tokenHash: string;
  /** SHA-256 of the secret the tablet made for itself; null from an app that has none. */
  secretHash: string | null;
  now: string;
};

/**
 * Why an enrollment was refused: the code (unknown, expired, used up), the store (the tablet
 * belongs to another one), or the proof (this clientId is enrolled and the request proves
 * neither its secret nor an approval: someone who read the clientId, or a reset tablet).
 */
export type EnrollRefusal = 'code' | 'store' | 'proof';
export type EnrollOutcome = { device: DeviceRecord } | { refused: EnrollRefusal };

export type AdvisorRecord = Advisor & {
  storeId: string;
  /** scrypt hash in the PHC-like form of passwords.ts. */
  passwordHash: string;
  disabledAt: string | null;
};

/** An advisor as the administrator's list shows them: disabledAt null while they may sign in. */
export type AdvisorListing = Advisor & { disabledAt: string | null };

export type AdvisorDisableOutcome = 'changed' | 'notFound' | 'lastAdmin';

export type EnrollmentCodeRecord = {
  code: string;
  storeId: string;
  expiresAt: string;
  usesLeft: number;
};

/** One change the server received for a job, applied or refused. */
export type HistoryEntry = {
  serverOrder: number;
  mutationId: string;
  clientId: string;
  seq: number;
  deviceId: string;
  /** Null when the change named no advisor, or one who never signed in on that tablet. */
  advisorId: string | null;
  op: string;
  payload: unknown;
  createdAt: string;
  receivedAt: string;
  status: 'applied' | 'rejected';
  reason: string | null;
};

/** The methods of stores, advisors and sign-ins (sqlite-directory.ts and its PostgreSQL twin). */
export type DirectoryMethods =
  | 'createStore'
  | 'findStoreByCode'
  | 'getStore'
  | 'listStores'
  | 'createAdvisor'
  | 'findAdvisorByUsername'
  | 'listAdvisors'
  | 'setAdvisorPassword'
  | 'listAllAdvisors'
  | 'setAdvisorDisabled'
  | 'recordSignIn'
  | 'hasSignedInOn';

/** The methods of the console's index of cards (sqlite-console-index.ts and its PostgreSQL twin). */
export type ConsoleIndexMethods = 'consoleFacts' | 'searchCards' | 'cardsOfCustomer' | 'jobsCheckedIn';

/** The methods of enrollment codes, tablets and tokens. */
export type DeviceMethods =
  | 'allowReenrollment'
  | 'createEnrollmentCode'
  | 'enrollDevice'
  | 'findDeviceByTokenHash'
  | 'isRevokedTokenHash'
  | 'listDevices'
  | 'revokeDevice';

export interface Storage {
  /** Where the records live, for /api/v1/health. */
  readonly kind: 'sqlite' | 'postgres';
  /** Whether the database answers now. */
  reachable(): Promise<boolean>;

  // ---- stores, advisors, devices (administration) ----
  createStore(input: { code: string; name: string }): Promise<StoreSummary>;
  findStoreByCode(code: string): Promise<StoreSummary | undefined>;
  getStore(storeId: string): Promise<StoreSummary | undefined>;
  /** Every store, by code (the server's start-up work that is per store). */
  listStores(): Promise<StoreSummary[]>;
  createAdvisor(storeId: string, input: { username: string; name: string; role: AdvisorRole; passwordHash: string }): Promise<Advisor>;
  findAdvisorByUsername(storeId: string, username: string): Promise<AdvisorRecord | undefined>;
  listAdvisors(storeId: string): Promise<Advisor[]>;
  setAdvisorPassword(storeId: string, advisorId: string, passwordHash: string): Promise<boolean>;
  /** Every advisor of the store, disabled ones too (the administrator's list), in the order of listAdvisors. */
  listAllAdvisors(storeId: string): Promise<AdvisorListing[]>;
  /**
   * Disables an advisor from `disabledAt` on (no more sign-ins on the tablets or the console;
   * disabling one already disabled keeps the first time), or enables them again with null.
   * Never leaves the store without an active admin: disabling its last one is refused
   * ('lastAdmin'), checked and written in one transaction.
   */
  setAdvisorDisabled(storeId: string, advisorId: string, disabledAt: string | null): Promise<AdvisorDisableOutcome>;
  createEnrollmentCode(storeId: string, input: { code: string; expiresAt: string; uses: number }): Promise<EnrollmentCodeRecord>;
  /**
   * Spends one use of the code and enrolls the device with a token hash, atomically. Enrolling
   * the same clientId again (a tablet re-enrolled after losing its token) keeps its device
   * letter, but only with proof that it is that tablet: the secret it enrolled with, or an
   * administrator's approval (`allowReenrollment`). Nothing is spent or changed when refused.
   */
  enrollDevice(input: EnrollInput): Promise<EnrollOutcome>;
  /** Lets this device enroll once more without its secret, until `until` (an admin's approval). */
  allowReenrollment(storeId: string, deviceId: string, until: string): Promise<boolean>;
  /** The active (not revoked) device holding this token, if any. Records when it was seen, in the same call. */
  findDeviceByTokenHash(tokenHash: string): Promise<DeviceRecord | undefined>;
  /** Was this token ever issued? (To tell "revoked" from "never valid".) */
  isRevokedTokenHash(tokenHash: string): Promise<boolean>;
  listDevices(storeId: string): Promise<DeviceRecord[]>;
  revokeDevice(storeId: string, deviceId: string, now: string): Promise<boolean>;
  /** Remembers that this advisor signed in on this device with their password. */
  recordSignIn(deviceId: string, advisorId: string, now: string): Promise<void>;
  hasSignedInOn(deviceId: string, advisorId: string): Promise<boolean>;

  // ---- the store's profile (what the customer's copy prints; sqlite-store-profile.ts) ----
  /**
   * The store's profile; before an administrator sets one, the store's own name (unless it is
   * only its code) and nothing else, with updatedAt null. Undefined for an unknown store.
   */
  storeProfile(storeId: string): Promise<{ profile: StoreProfileFields; updatedAt: string | null } | undefined>;
  /** Replaces the store's profile as a whole. */
  setStoreProfile(storeId: string, profile: StoreProfileFields, now: string): Promise<void>;

  // ---- catalogue ----
  /** Replaces the store's catalogue and bumps its version. */
  replaceCatalogue(storeId: string, items: CatalogueItem[]): Promise<number>;
  /** The catalogue, if newer than `sinceVersion`. */
  catalogueSince(storeId: string, sinceVersion: number): Promise<{ version: number; items: CatalogueItem[] } | null>;

  // ---- sync ----
  /** What push and pull read and write (../sync-rules/sync-records.ts); the rules are in ../sync-rules. */
  readonly records: SyncRecords;
  getJob(storeId: string, jobId: string): Promise<Job | undefined>;
  /** Every change received for the job, in server order (for audit and disputes). */
  jobHistory(storeId: string, jobId: string): Promise<HistoryEntry[]>;
  /** Earlier visits of a vehicle (by normalised plate or VIN) in this store, newest first. */
  jobsForVehicle(storeId: string, key: { plate?: string; vin?: string }, limit: number): Promise<Job[]>;

  // ---- blobs (the bytes live in the blob store; this records which store may read them) ----
  storeHasBlob(storeId: string, sha256: string): Promise<boolean>;
  /**
   * Records that the store uploaded the blob, visible at once. It may reach the disk with the
   * next flushed write rather than its own (SQLite does so): a link lost to a power cut makes
   * the push that names the blob answer missingBlobs, and the tablet sends it again.
   */
  linkBlob(storeId: string, sha256: string, byteLength: number, now: string): Promise<void>;

  // ---- the store console (console/ and routes/console-*) ----
  /** Records a console sign-in under the SHA-256 of its cookie's token. */
  createConsoleSession(input: { tokenHash: string; storeId: string; advisorId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** The sign-in this token hash holds, unless it expired before `now`, was ended, or its advisor is disabled. */
  findConsoleSession(tokenHash: string, now: string): Promise<ConsoleSessionRecord | undefined>;
  /** Ends a sign-in (sign out); ending one that is gone already is no error. */
  endConsoleSession(tokenHash: string): Promise<void>;
  /** The facts of the store's cards a report reads, caught up with every change the store has received. */
  consoleFacts(storeId: string, query: FactsQuery): Promise<JobFacts[]>;
  /**
   * The archive's search (客户档案), caught up like consoleFacts: cards whose plate (whole, without
   * its province, or its end), VIN (start or end), customer phone (start or last digits), name
   * (start) or job number (whole or end) matches the text, newest first.
   */
  searchCards(storeId: string, text: string, limit: number): Promise<JobFacts[]>;
  /** A customer's cards, newest first: by phone (digits compared) when given, else by exact name. */
  cardsOfCustomer(storeId: string, customer: { phone: string; name: string }, limit: number): Promise<JobFacts[]>;
  /** The cards checked in within [from, to) (ISO instants), as stored, oldest first (the DMS export). */
  jobsCheckedIn(storeId: string, range: { from: string; to: string }, limit: number): Promise<Job[]>;

  /** Closes the database (a pool closes asynchronously); nothing may be called after it. */
  close(): Promise<void>;
}

/**
 * The records cannot be reached or did not answer in time (the database down, restarting, out
 * of connections, a statement past its time limit): nothing was stored by the failed call, and
 * the same request may succeed in a moment. The API answers 503 with Retry-After.
 */
export class RecordsUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`The records cannot be reached: ${reason}`);
    this.name = 'RecordsUnavailable';
  }
}

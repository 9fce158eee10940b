// The tablet's own database: every job card, the outbox of mutations waiting for the server,
// and this device's identity. It is the source of truth while offline. Versions are only ever
// added, never edited once published; each upgrade gets a fixture test.
import { Dexie, type EntityTable } from 'dexie';
import type { CatalogueItem } from '../shared/catalogue.ts';
import type { Job } from '../shared/job.ts';
import type { Mutation } from '../shared/mutation.ts';
import type { Advisor, RejectReason } from '../shared/protocol.ts';
import type { StoreProfileFields } from '../shared/store-profile.ts';

/** A job card as stored: the job plus the keys the search box looks up. */
export type JobRow = Job & {
  /** Plate, VIN and its tails, name, phone: the multi-entry search index. */
  searchTerms: string[];
};

/** A mutation waiting for the server, in the order it was made. */
export type OutboxRow = Mutation;

/** This device: who it is for sync, and the seq counter of its outbox. */
export type DeviceRow = {
  key: 'device';
  clientId: string;
  storeCode: string;
  /** One letter per tablet of a store, so human job numbers never collide offline. */
  deviceCode: string;
  /** Last outbox seq handed out; seq starts at 1 and has no gaps. */
  lastSeq: number;
  /** Set once the tablet is enrolled in a store (storeCode and deviceCode then come from the server). */
  enrollment?: Enrollment;
  /**
   * Made on this tablet and never synced: the proof, when it enrolls again, that it is the
   * tablet this clientId belongs to. Missing on rows made before it existed (see getDeviceSecret).
   */
  deviceSecret?: string;
};

export type Enrollment = {
  deviceToken: string;
  deviceId: string;
  deviceName: string;
  storeId: string;
  storeName: string;
  enrolledAt: string;
};

/** Where sync got to: the pull cursor and what the tablet last heard from the server. */
export type SyncRow = {
  key: 'sync';
  cursor: number;
  catalogueVersion: number;
  /** When a sync last finished with nothing left to send. */
  lastCompleteAt: string | null;
  /**
   * Blobs that pulled jobs show and this tablet lacks, to fetch: kept here so a download cut
   * off by the network resumes at the next sync even though those jobs will not be pulled again.
   */
  wantedBlobs?: string[];
};

/** The advisor working on the tablet now: their changes carry their id. */
export type SessionRow = {
  key: 'session';
  advisorId: string;
  since: string;
};

/** The device PIN of a tablet not connected to a store (pin-repo.ts): a PBKDF2 hash. */
export type PinRow = { key: 'pin'; saltB64: string; hashB64: string; iterations: number };

/**
 * The `meta` table holds one row of each of these shapes, told apart by `key`. Read and write
 * them through meta-repo's readMeta / writeMeta, which keep each key to its shape.
 */
export type MetaRow = DeviceRow | SyncRow | SessionRow | PinRow | ServerStoreProfileRow | TabletStoreProfileRow;

/**
 * The store's profile for the customer's copy (store-profile.ts): the server's last answer and
 * the one set in the tablet's settings, kept apart so the server's wins without erasing the other.
 */
export type ServerStoreProfileRow = StoreProfileFields & { key: 'storeProfile.server'; fetchedAt: string };
export type TabletStoreProfileRow = StoreProfileFields & { key: 'storeProfile.tablet'; updatedAt: string };

/**
 * An advisor of the store, as the server lists them, plus the PIN hash they set on this
 * tablet after signing in online (none until then).
 */
export type AdvisorRow = Advisor & {
  pin?: { saltB64: string; hashB64: string; iterations: number };
  signedInAt?: string;
};

/**
 * A change the server refused (DESIGN.md: a conflict never drops a write silently). Kept on
 * the tablet with the reason, so the card shows what needs attention.
 */
export type AttentionRow = {
  mutationId: string;
  jobId: string;
  mutation: Mutation;
  reason: RejectReason | 'blob_missing';
  at: string;
};

/**
 * The bytes of a photo, thumbnail or signature image, addressed by their SHA-256. Kept as an
 * ArrayBuffer, never a Blob: several Safari versions fail to store Blobs in IndexedDB.
 */
export type BlobRow = {
  sha256: string;
  bytes: ArrayBuffer;
  mime: string;
  byteLength: number;
  createdAt: string;
};

/**
 * The server confirmed it has this blob (uploaded from here, or downloaded from it). A row of
 * its own, not a field of the blob: marking a 400 KB photo row would rewrite all its bytes.
 */
export type BlobReceiptRow = { sha256: string; onServerAt: string };

export type WalkaroundDb = Dexie & {
  jobs: EntityTable<JobRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  blobs: EntityTable<BlobRow, 'sha256'>;
  blobReceipts: EntityTable<BlobReceiptRow, 'sha256'>;
  catalogue: EntityTable<CatalogueItem, 'code'>;
  advisors: EntityTable<AdvisorRow, 'id'>;
  attention: EntityTable<AttentionRow, 'mutationId'>;
};

export const DB_NAME = 'walkaround';

export function openDatabase(name = DB_NAME): WalkaroundDb {
  const db = new Dexie(name) as WalkaroundDb;
  db.version(1).stores({
    jobs: 'id, &number, createdAt, card.vehicle.plate, card.vehicle.vin, *searchTerms',
    outbox: 'seq, &mutationId, jobId',
    meta: 'key',
  });
  // v2: the walk-around. Photo bytes get their own table; every job gains its keyed sets
  // and the body style its diagram is drawn in.
  db.version(2)
    .stores({ blobs: 'sha256' })
    .upgrade((tx) =>
      tx
        .table('jobs')
        .toCollection()
        .modify((job: Partial<JobRow>) => {
          job.damages ??= {};
          job.photos ??= {};
          if (job.card) job.card.vehicle.bodyStyle ??= 'sedan';
        }),
    );
  // v3: estimate and signatures on every job; the labour and parts catalogue.
  db.version(3)
    .stores({ catalogue: 'code, kind' })
    .upgrade((tx) =>
      tx
        .table('jobs')
        .toCollection()
        .modify((job: Partial<JobRow>) => {
          // Written out rather than imported: the database module stays free of zod, which
          // keeps the first screen's bundle small. Equal to emptyEstimate() (fixture test).
          job.estimate ??= { promisedAt: null, oldParts: null, payment: null, carWash: null, lines: {} };
          job.signatures ??= {};
        }),
    );
  // v4: sync. Job numbers are no longer unique in the index: cards of the whole store arrive,
  // and a card numbered before the tablet was enrolled may share its number with another
  // tablet's (rare, harmless to show, fatal to a unique index during a pull). Advisors of the
  // store, the changes the server refused, and which blobs the server has. Blobs gain a key
  // with their size, so the bytes still to send are summed without reading any bytes.
  db.version(4).stores({
    jobs: 'id, number, createdAt, card.vehicle.plate, card.vehicle.vin, *searchTerms',
    blobs: 'sha256, [sha256+byteLength]',
    blobReceipts: 'sha256',
    advisors: 'id, username',
    attention: 'mutationId, jobId',
  });
  // v5: the card's life after check-in (status moves, additional work and its approvals, the
  // quality check, the handover, the follow-up call), empty on every card made before. Written
  // out for the same reason as v3; equal to the empty values of src/shared (fixture test).
  db.version(5)
    .stores({ jobs: 'id, number, createdAt, status, card.vehicle.plate, card.vehicle.vin, *searchTerms' })
    .upgrade((tx) =>
      tx
        .table('jobs')
        .toCollection()
        .modify((job: Partial<JobRow>) => {
          job.moves ??= [];
          job.additions ??= {};
          job.approvals ??= {};
          job.qualityCheck ??= { items: {}, override: null };
          job.handover ??= {
            damageChecks: {},
            odometerKm: null,
            fuel: null,
            coversRemoved: {},
            belongingsReturned: {},
            oldPartsDone: null,
            discountFen: 0,
            discountReason: '',
            paidFen: null,
            payment: null,
            nextServiceDate: null,
            nextServiceKm: null,
          };
          job.followUp ??= { calls: {}, resolution: null };
        }),
    );
  return db;
}

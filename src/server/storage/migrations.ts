// The SQLite schema, as an ordered list of migrations. `PRAGMA user_version` records how
// many have run; each runs in its own transaction together with the bump, so a crash leaves
// the database at the previous version, never half-way.
//
// Never edit a published migration: a server already past it would not run it again and the
// two databases would differ for good. Append a new one instead.
import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: stores, people, tablets, job cards and the mutation log.
  `
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE advisors (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('advisor', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    UNIQUE (store_id, username)
  ) STRICT;

  CREATE TABLE enrollment_codes (
    code TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    expires_at TEXT NOT NULL,
    uses_left INTEGER NOT NULL CHECK (uses_left >= 0)
  ) STRICT;

  -- A tablet keeps its row (and its letter) for good once enrolled: job numbers already
  -- carry the letter, so a new tablet must never get it again.
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    client_id TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    last_seen_at TEXT,
    UNIQUE (store_id, code)
  ) STRICT;

  -- Every token that stopped working (revoked, or replaced by a re-enrollment), so a tablet
  -- holding one is told "revoked" rather than "never valid".
  CREATE TABLE retired_tokens (
    token_hash TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices (id),
    retired_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE device_advisors (
    device_id TEXT NOT NULL REFERENCES devices (id),
    advisor_id TEXT NOT NULL REFERENCES advisors (id),
    signed_in_at TEXT NOT NULL,
    PRIMARY KEY (device_id, advisor_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE client_seqs (
    client_id TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- body is the whole Job as JSON; the other columns are copies for lookups. change_seq
  -- orders changes for pull and comes from change_counter, so it never goes back.
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    number TEXT NOT NULL,
    plate TEXT,
    vin TEXT,
    created_ms INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL UNIQUE,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX jobs_store_change ON jobs (store_id, change_seq);
  CREATE INDEX jobs_store_plate ON jobs (store_id, plate) WHERE plate IS NOT NULL;
  CREATE INDEX jobs_store_vin ON jobs (store_id, vin) WHERE vin IS NOT NULL;

  CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  ) STRICT;
  INSERT INTO change_counter (id, value) VALUES (1, 0);

  -- Every mutation a tablet pushed, applied or refused, in server order: the job's history,
  -- where a write that lost a conflict is still to be found.
  CREATE TABLE mutations (
    server_order INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    job_id TEXT NOT NULL,
    store_id TEXT NOT NULL REFERENCES stores (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    advisor_id TEXT,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
    reason TEXT,
    UNIQUE (client_id, seq)
  ) STRICT;
  CREATE INDEX mutations_job ON mutations (job_id, server_order);

  CREATE TABLE catalogues (
    store_id TEXT PRIMARY KEY REFERENCES stores (id),
    version INTEGER NOT NULL,
    items TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE store_blobs (
    store_id TEXT NOT NULL REFERENCES stores (id),
    sha256 TEXT NOT NULL,
    byte_length INTEGER NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (store_id, sha256)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: proof that a re-enrolling tablet is the tablet (issue 9). A tablet's clientId is not a
  // secret (it travels in signatures), so enrolling with it must not hand over its identity:
  // the tablet makes a secret at its first enrollment and never syncs it; the server keeps
  // its SHA-256. A device enrolled before this (no secret) or one that lost its secret comes
  // back only with an administrator's approval, which lasts until the time recorded here.
  `
  ALTER TABLE devices ADD COLUMN secret_hash TEXT;
  ALTER TABLE devices ADD COLUMN reenrollment_allowed_until TEXT;
  `,
  // 3: the card's life after check-in (issue 10). Every stored card gains the empty parts the
  // reducer reads (status moves, additional work and approvals, quality check, handover,
  // follow-up), equal to the empty values of src/shared (tests/integration/sqlite-storage).
  // The bodies change but not their change_seq: a tablet's copy gains the same parts in its
  // own upgrade, so nothing needs pulling again.
  `
  UPDATE jobs SET body = json_set(body,
    '$.moves', json('[]'),
    '$.additions', json('{}'),
    '$.approvals', json('{}'),
    '$.qualityCheck', json('{"items":{},"override":null}'),
    '$.handover', json('{"damageChecks":{},"odometerKm":null,"fuel":null,"coversRemoved":{},"belongingsReturned":{},"oldPartsDone":null,"discountFen":0,"discountReason":"","paidFen":null,"payment":null,"nextServiceDate":null,"nextServiceKm":null}'),
    '$.followUp', json('{"calls":{},"resolution":null}')
  ) WHERE json_type(body, '$.moves') IS NULL;
  `,
  // 4: the store's profile (issue 11): the name, address and phone the customer's copy
  // prints, and the estimate terms the desk offers first. One row per store, made when an
  // administrator first sets it; until then the store's own name stands in for the name.
  // defaults is JSON: only the terms the store chose (src/shared/store-profile.ts).
  `
  CREATE TABLE store_profiles (
    store_id TEXT PRIMARY KEY REFERENCES stores (id),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    defaults TEXT NOT NULL CHECK (json_valid(defaults)),
    updated_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
  // 5: sign-ins to the store console (issue 14), one row per cookie: only the SHA-256 of its
  // token is kept, so a copy of the database signs nobody in. Ended by signing out or by
  // expiry; a disabled advisor's rows stop counting at once (the look-up joins advisors).
  `
  CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    advisor_id TEXT NOT NULL REFERENCES advisors (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
  `,
  // 6: the store console's index of cards (issue 14, storage/console-index-rows.ts): a card's
  // facts (console/job-facts.ts) in columns for the reports and the archive's search, caught up
  // from jobs.change_seq before each answer, never written by push; and how far each store's
  // index is caught up. *_rev columns hold a key reversed, so its end is searched as a prefix; each
  // searched key's index also holds created_ms, so matches are ranked newest first from it alone.
  `
  CREATE TABLE console_cards (
    job_id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL REFERENCES stores (id),
    change_seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    number_key TEXT NOT NULL,
    number_rev TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    checked_in_at TEXT,
    checked_in_ms INTEGER,
    advisor_id TEXT,
    service_types TEXT NOT NULL,
    plate TEXT NOT NULL,
    plate_rev TEXT NOT NULL,
    plate_local TEXT NOT NULL,
    vin TEXT NOT NULL,
    vin_rev TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    phone_rev TEXT NOT NULL,
    photo_count INTEGER NOT NULL,
    estimate_fen INTEGER NOT NULL,
    final_fen INTEGER,
    additions_offered INTEGER NOT NULL,
    additions_offered_fen INTEGER NOT NULL,
    additions_approved INTEGER NOT NULL,
    additions_approved_fen INTEGER NOT NULL,
    promised_at TEXT,
    promised_ms INTEGER,
    delivered_at TEXT,
    delivered_ms INTEGER,
    follow_up_outcome TEXT,
    follow_up_called_at TEXT,
    follow_up_no_answer INTEGER NOT NULL,
    -- 1 when a dissatisfied call is not closed yet (the follow-up list's 'open'), else 0.
    follow_up_open INTEGER NOT NULL,
    marks TEXT NOT NULL,
    appointment_at TEXT,
    appointment_ms INTEGER,
    appointment_no_show INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX console_cards_appointment ON console_cards (store_id, appointment_ms) WHERE appointment_ms IS NOT NULL;
  CREATE INDEX console_cards_created ON console_cards (store_id, created_ms);
  CREATE INDEX console_cards_checked_in ON console_cards (store_id, checked_in_ms) WHERE checked_in_ms IS NOT NULL;
  CREATE INDEX console_cards_delivered ON console_cards (store_id, delivered_ms) WHERE delivered_ms IS NOT NULL;
  CREATE INDEX console_cards_open ON console_cards (store_id, created_ms) WHERE checked_in_ms IS NOT NULL AND delivered_ms IS NULL;
  CREATE INDEX console_cards_plate ON console_cards (store_id, plate, created_ms);
  CREATE INDEX console_cards_plate_rev ON console_cards (store_id, plate_rev, created_ms);
  CREATE INDEX console_cards_plate_local ON console_cards (store_id, plate_local, created_ms);
  CREATE INDEX console_cards_vin ON console_cards (store_id, vin, created_ms);
  CREATE INDEX console_cards_vin_rev ON console_cards (store_id, vin_rev, created_ms);
  CREATE INDEX console_cards_phone ON console_cards (store_id, customer_phone, created_ms);
  CREATE INDEX console_cards_phone_rev ON console_cards (store_id, phone_rev, created_ms);
  CREATE INDEX console_cards_name ON console_cards (store_id, customer_name, created_ms);
  CREATE INDEX console_cards_number ON console_cards (store_id, number_key, created_ms);
  CREATE INDEX console_cards_number_rev ON console_cards (store_id, number_rev, created_ms);

  CREATE TABLE console_index_cursors (
    store_id TEXT PRIMARY KEY REFERENCES stores (id),
    indexed_seq INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
  // 7: the store's logo (issue 14), printed at the head of the customer's copy: JSON
  // { sha256, mime } of a blob the store uploaded at the console, or null for none.
  `
  ALTER TABLE store_profiles ADD COLUMN logo TEXT CHECK (logo IS NULL OR json_valid(logo));
  `,
];

/** Runs the migrations this database has not had yet; returns its version afterwards. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server (${MIGRATIONS.length}): update the server.`,
    );
  }
  MIGRATIONS.slice(current).forEach((sql, index) => {
    const version = current + index + 1;
    db.transaction(() => {
      db.exec(sql);
      // PRAGMA takes no bound parameters; version is an integer we computed.
      db.pragma(`user_version = ${version}`);
    }).immediate();
  });
  return MIGRATIONS.length;
}

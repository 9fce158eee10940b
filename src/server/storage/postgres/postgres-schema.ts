// The PostgreSQL schema, as an ordered list of migrations recorded in schema_migrations. Several
// server processes may start against one database at once: each migrates under one
// transaction-scoped advisory lock, so one applies what is missing and the others then find it
// applied. PostgreSQL's DDL is transactional: a crash midway leaves the previous version whole.
//
// Never edit a published migration: a database already past it would not run it again and the
// two would differ for good. Append a new one instead.
import type pg from 'pg';
import { inTransaction } from './postgres-transaction.ts';

// Why the columns are what they are, where SQLite's would not tell:
// - Timestamps stay ISO text, as the tablets wrote them: a timestamptz would drop the store's
//   UTC offset ("+08:00") that the printed card and the history show.
// - jobs.body, mutations.payload, catalogues.items and store_profiles.defaults are JSON kept
//   as text, not jsonb: the payload is "exactly as logged" (jsonb reorders keys and refuses
//   "\u0000", which JSON text and the tablets allow), the bodies come back byte for byte as
//   the reducer wrote them, and nothing queries inside them (the look-up keys are columns).
// - Change numbers are per store (store_change_counters), not one global counter: a write
//   unit takes the next number under its store's row lock, held to commit, so each store's
//   numbers commit in order (postgres-sync-records.ts) while stores never wait on each other.
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: the SQLite schema of migrations 1 to 4 (src/server/storage/migrations.ts) as it stands.
  // SQLite's migration 3 only filled in card parts on bodies written before issue 10; no
  // PostgreSQL database ever held such a body, so it has nothing to port.
  `
  CREATE TABLE stores (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at text NOT NULL
  );

  CREATE TABLE advisors (
    id text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    username text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('advisor', 'admin')),
    password_hash text NOT NULL,
    created_at text NOT NULL,
    disabled_at text,
    UNIQUE (store_id, username)
  );

  CREATE TABLE enrollment_codes (
    code text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    expires_at text NOT NULL,
    uses_left integer NOT NULL CHECK (uses_left >= 0)
  );

  -- A tablet keeps its row (and its letter) for good once enrolled: job numbers already
  -- carry the letter, so a new tablet must never get it again. secret_hash and
  -- reenrollment_allowed_until: proof that a re-enrolling tablet is the tablet (issue 9).
  CREATE TABLE devices (
    id text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    client_id text NOT NULL UNIQUE,
    code text NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    enrolled_at text NOT NULL,
    revoked_at text,
    last_seen_at text,
    secret_hash text,
    reenrollment_allowed_until text,
    UNIQUE (store_id, code)
  );

  -- Every token that stopped working, so a tablet holding one is told "revoked" rather than
  -- "never valid".
  CREATE TABLE retired_tokens (
    token_hash text PRIMARY KEY,
    device_id text NOT NULL REFERENCES devices (id),
    retired_at text NOT NULL
  );

  CREATE TABLE device_advisors (
    device_id text NOT NULL REFERENCES devices (id),
    advisor_id text NOT NULL REFERENCES advisors (id),
    signed_in_at text NOT NULL,
    PRIMARY KEY (device_id, advisor_id)
  );

  CREATE TABLE client_seqs (
    client_id text PRIMARY KEY,
    last_seq bigint NOT NULL
  );

  -- The row a write unit locks first (an upsert, which locks the row it finds) and holds to commit: writes of
  -- one store run one at a time in every server process, and value is its last change number.
  CREATE TABLE store_change_counters (
    store_id text PRIMARY KEY REFERENCES stores (id),
    value bigint NOT NULL DEFAULT 0
  );

  -- body is the whole Job as JSON; the other columns are copies for look-ups. change_seq
  -- orders a store's changes for pull and comes from its store_change_counters row.
  CREATE TABLE jobs (
    id text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    number text NOT NULL,
    plate text,
    vin text,
    created_ms bigint NOT NULL,
    updated_at text NOT NULL,
    change_seq bigint NOT NULL,
    body text NOT NULL,
    UNIQUE (store_id, change_seq)
  );
  CREATE INDEX jobs_store_plate ON jobs (store_id, plate) WHERE plate IS NOT NULL;
  CREATE INDEX jobs_store_vin ON jobs (store_id, vin) WHERE vin IS NOT NULL;

  -- Every mutation a tablet pushed, applied or refused, in server order: the job's history,
  -- where a write that lost a conflict is still to be found. The two unique keys are the last
  -- guard of exactly-once: a duplicate that got past the store lock fails its unit instead.
  CREATE TABLE mutations (
    server_order bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mutation_id text NOT NULL UNIQUE,
    client_id text NOT NULL,
    seq bigint NOT NULL,
    job_id text NOT NULL,
    store_id text NOT NULL REFERENCES stores (id),
    device_id text NOT NULL REFERENCES devices (id),
    advisor_id text,
    op text NOT NULL,
    payload text NOT NULL,
    created_at text NOT NULL,
    received_at text NOT NULL,
    status text NOT NULL CHECK (status IN ('applied', 'rejected')),
    reason text,
    UNIQUE (client_id, seq)
  );
  CREATE INDEX mutations_job ON mutations (job_id, server_order);

  CREATE TABLE catalogues (
    store_id text PRIMARY KEY REFERENCES stores (id),
    version integer NOT NULL,
    items text NOT NULL,
    updated_at text NOT NULL
  );

  CREATE TABLE store_blobs (
    store_id text NOT NULL REFERENCES stores (id),
    sha256 text NOT NULL,
    byte_length bigint NOT NULL,
    linked_at text NOT NULL,
    PRIMARY KEY (store_id, sha256)
  );

  -- The store's profile (issue 11). defaults is JSON text: the cast in the check refuses
  -- anything that is not JSON, as SQLite's json_valid does.
  CREATE TABLE store_profiles (
    store_id text PRIMARY KEY REFERENCES stores (id),
    name text NOT NULL,
    address text NOT NULL,
    phone text NOT NULL,
    defaults text NOT NULL CHECK (defaults::jsonb IS NOT NULL),
    updated_at text NOT NULL
  );
  `,
  // 2: sign-ins to the store console (SQLite's migration 5).
  `
  CREATE TABLE console_sessions (
    token_hash text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    advisor_id text NOT NULL REFERENCES advisors (id),
    csrf_token text NOT NULL,
    created_at text NOT NULL,
    expires_at text NOT NULL
  );
  CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);
  `,
  // 3: the store console's index of cards (SQLite's migration 6; storage/console-index-rows.ts):
  // a card's facts in columns, caught up from jobs.change_seq before each answer, never written
  // by push, and how far each store's index is caught up. The searched keys are COLLATE "C", so
  // a prefix is a byte-order range of their index whatever the database's locale; *_rev columns
  // hold a key reversed, so its end is searched as a prefix.
  `
  CREATE TABLE console_cards (
    job_id text PRIMARY KEY,
    store_id text NOT NULL REFERENCES stores (id),
    change_seq bigint NOT NULL,
    number text NOT NULL,
    number_key text COLLATE "C" NOT NULL,
    number_rev text COLLATE "C" NOT NULL,
    status text NOT NULL,
    created_at text NOT NULL,
    created_ms bigint NOT NULL,
    checked_in_at text,
    checked_in_ms bigint,
    advisor_id text,
    service_types text NOT NULL,
    plate text COLLATE "C" NOT NULL,
    plate_rev text COLLATE "C" NOT NULL,
    plate_local text COLLATE "C" NOT NULL,
    vin text COLLATE "C" NOT NULL,
    vin_rev text COLLATE "C" NOT NULL,
    customer_name text COLLATE "C" NOT NULL,
    customer_phone text COLLATE "C" NOT NULL,
    phone_rev text COLLATE "C" NOT NULL,
    photo_count bigint NOT NULL,
    estimate_fen bigint NOT NULL,
    final_fen bigint,
    additions_offered bigint NOT NULL,
    additions_offered_fen bigint NOT NULL,
    additions_approved bigint NOT NULL,
    additions_approved_fen bigint NOT NULL,
    promised_at text,
    promised_ms bigint,
    delivered_at text,
    delivered_ms bigint,
    follow_up_outcome text,
    follow_up_called_at text,
    follow_up_no_answer bigint NOT NULL,
    -- 1 when a dissatisfied call is not closed yet (the follow-up list's 'open'), else 0.
    follow_up_open bigint NOT NULL,
    marks text NOT NULL,
    appointment_at text,
    appointment_ms bigint,
    appointment_no_show bigint NOT NULL
  );
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
    store_id text PRIMARY KEY REFERENCES stores (id),
    indexed_seq bigint NOT NULL
  );
  `,
  // 4: the store's logo (SQLite's migration 7).
  `
  ALTER TABLE store_profiles ADD COLUMN logo text CHECK (logo IS NULL OR logo::jsonb IS NOT NULL);
  `,
];

// The advisory lock's key: any constant nothing else in the database locks; a literal reads
// plainly in pg_locks.
const MIGRATION_LOCK = 7_215_300_001;

/**
 * Brings the database up to this server's schema; returns its version afterwards. Safe to call
 * from several processes at once: they take turns under an advisory lock, and the migrations a
 * turn applies commit together with their records, or none of them does.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  await inTransaction(pool, 'BEGIN', async (client) => {
    // Released at COMMIT or ROLLBACK, so a process that crashes midway never leaves it taken.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ current: number }>('SELECT coalesce(max(version), 0)::integer AS current FROM schema_migrations');
    const current = rows[0]?.current ?? 0;
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(`The database is at schema version ${current}, newer than this server (${POSTGRES_MIGRATIONS.length}): update the server.`);
    }
    for (const [index, sql] of POSTGRES_MIGRATIONS.slice(current).entries()) {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [current + index + 1]);
    }
  });
  return POSTGRES_MIGRATIONS.length;
}

// Stores, their advisors, and which advisor has signed in on which tablet, in SQLite. The
// tablet unlocks offline with a PIN only for advisors recorded here as having signed in on it
// with their password while online.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Advisor, StoreSummary } from '../../shared/protocol.ts';
import type { AdvisorListing, AdvisorRecord, DirectoryMethods, Storage } from './storage.ts';


const ADVISOR_COLUMNS = 'id, username, name, role';

export function sqliteDirectory(db: Database.Database): Pick<Storage, DirectoryMethods> {
  const insertStore = db.prepare<[string, string, string, string]>(
    'INSERT INTO stores (id, code, name, created_at) VALUES (?, ?, ?, ?)',
  );
  const storeByCode = db.prepare<[string], StoreSummary>('SELECT id, code, name FROM stores WHERE code = ?');
  const storeById = db.prepare<[string], StoreSummary>('SELECT id, code, name FROM stores WHERE id = ?');
  const allStores = db.prepare<[], StoreSummary>('SELECT id, code, name FROM stores ORDER BY code');
  const insertAdvisor = db.prepare<[Advisor & { storeId: string; passwordHash: string; createdAt: string }]>(
    `INSERT INTO advisors (id, store_id, username, name, role, password_hash, created_at)
     VALUES (@id, @storeId, @username, @name, @role, @passwordHash, @createdAt)`,
  );
  const advisorByUsername = db.prepare<[string, string], AdvisorRecord>(
    `SELECT ${ADVISOR_COLUMNS}, store_id AS storeId, password_hash AS passwordHash, disabled_at AS disabledAt
     FROM advisors WHERE store_id = ? AND username = ?`,
  );
  // Disabled advisors are left out: the list is who may sign in on the store's tablets.
  const activeAdvisors = db.prepare<[string], Advisor>(
    `SELECT ${ADVISOR_COLUMNS} FROM advisors WHERE store_id = ? AND disabled_at IS NULL ORDER BY name, username`,
  );
  const allAdvisors = db.prepare<[string], AdvisorListing>(
    `SELECT ${ADVISOR_COLUMNS}, disabled_at AS disabledAt FROM advisors WHERE store_id = ? ORDER BY name, username`,
  );
  // Enabling always may; disabling an admin only while another active admin remains. One
  // statement: SQLite's single writer makes the check and the write one step.
  const updateDisabled = db.prepare<{ storeId: string; advisorId: string; disabledAt: string | null }>(
    `UPDATE advisors SET disabled_at = CASE WHEN @disabledAt IS NULL THEN NULL ELSE COALESCE(disabled_at, @disabledAt) END
     WHERE store_id = @storeId AND id = @advisorId
       AND (@disabledAt IS NULL OR role <> 'admin' OR EXISTS (
         SELECT 1 FROM advisors other
         WHERE other.store_id = @storeId AND other.role = 'admin' AND other.disabled_at IS NULL AND other.id <> @advisorId))`,
  );
  const advisorExists = db.prepare<[string, string], number>('SELECT 1 FROM advisors WHERE store_id = ? AND id = ?').pluck();
  const setDisabled = db.transaction((storeId: string, advisorId: string, disabledAt: string | null) => {
    if (updateDisabled.run({ storeId, advisorId, disabledAt }).changes > 0) return 'changed' as const;
    return advisorExists.get(storeId, advisorId) === undefined ? ('notFound' as const) : ('lastAdmin' as const);
  });
  const updatePassword = db.prepare<[string, string, string]>(
    'UPDATE advisors SET password_hash = ? WHERE store_id = ? AND id = ?',
  );
  const upsertSignIn = db.prepare<[string, string, string]>(
    `INSERT INTO device_advisors (device_id, advisor_id, signed_in_at) VALUES (?, ?, ?)
     ON CONFLICT (device_id, advisor_id) DO UPDATE SET signed_in_at = excluded.signed_in_at`,
  );
  const signInExists = db
    .prepare<[string, string], number>('SELECT 1 FROM device_advisors WHERE device_id = ? AND advisor_id = ?')
    .pluck();

  return {
    async createStore({ code, name }) {
      const store = { id: uuidv7(), code, name };
      insertStore.run(store.id, code, name, new Date().toISOString());
      return store;
    },
    findStoreByCode: async (code) => storeByCode.get(code),
    getStore: async (storeId) => storeById.get(storeId),
    listStores: async () => allStores.all(),
    async createAdvisor(storeId, { username, name, role, passwordHash }) {
      const advisor: Advisor = { id: uuidv7(), username, name, role };
      insertAdvisor.run({ ...advisor, storeId, passwordHash, createdAt: new Date().toISOString() });
      return advisor;
    },
    findAdvisorByUsername: async (storeId, username) => advisorByUsername.get(storeId, username),
    listAdvisors: async (storeId) => activeAdvisors.all(storeId),
    setAdvisorPassword: async (storeId, advisorId, passwordHash) =>
      updatePassword.run(passwordHash, storeId, advisorId).changes > 0,
    listAllAdvisors: async (storeId) => allAdvisors.all(storeId),
    setAdvisorDisabled: async (storeId, advisorId, disabledAt) => setDisabled(storeId, advisorId, disabledAt),
    async recordSignIn(deviceId, advisorId, now) {
      upsertSignIn.run(deviceId, advisorId, now);
    },
    hasSignedInOn: async (deviceId, advisorId) => signInExists.get(deviceId, advisorId) !== undefined,
  };
}

// Stores, their advisors, and which advisor has signed in on which tablet, in PostgreSQL
// (the same records as sqlite-directory.ts).
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Advisor, StoreSummary } from '../../../shared/protocol.ts';
import type { AdvisorListing, AdvisorRecord, DirectoryMethods, Storage } from '../storage.ts';
import { changed, firstRow, pgText, rowsOf } from './postgres-query.ts';
import { inTransaction } from './postgres-transaction.ts';


const ADVISOR_COLUMNS = 'id, username, name, role';

export function postgresDirectory(pool: pg.Pool): Pick<Storage, DirectoryMethods> {
  return {
    async createStore({ code, name }) {
      const store = { id: uuidv7(), code, name };
      await pool.query('INSERT INTO stores (id, code, name, created_at) VALUES ($1, $2, $3, $4)', [store.id, code, name, new Date().toISOString()]);
      return store;
    },
    findStoreByCode: (code) => firstRow<StoreSummary>(pool, 'SELECT id, code, name FROM stores WHERE code = $1', [pgText(code)]),
    getStore: (storeId) => firstRow<StoreSummary>(pool, 'SELECT id, code, name FROM stores WHERE id = $1', [storeId]),
    // COLLATE "C": the same order as SQLite's, whatever the database's locale.
    listStores: () => rowsOf<StoreSummary>(pool, 'SELECT id, code, name FROM stores ORDER BY code COLLATE "C"'),
    async createAdvisor(storeId, { username, name, role, passwordHash }) {
      const advisor: Advisor = { id: uuidv7(), username, name, role };
      await pool.query(
        `INSERT INTO advisors (id, store_id, username, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [advisor.id, storeId, username, name, role, passwordHash, new Date().toISOString()],
      );
      return advisor;
    },
    findAdvisorByUsername: (storeId, username) =>
      firstRow<AdvisorRecord>(
        pool,
        `SELECT ${ADVISOR_COLUMNS}, store_id AS "storeId", password_hash AS "passwordHash", disabled_at AS "disabledAt"
         FROM advisors WHERE store_id = $1 AND username = $2`,
        [storeId, pgText(username)],
      ),
    // Disabled advisors are left out: the list is who may sign in on the store's tablets. COLLATE
    // "C": the same order as SQLite's, whatever the database's locale.
    listAdvisors: (storeId) =>
      rowsOf<Advisor>(
        pool,
        `SELECT ${ADVISOR_COLUMNS} FROM advisors WHERE store_id = $1 AND disabled_at IS NULL ORDER BY name COLLATE "C", username COLLATE "C"`,
        [storeId],
      ),
    setAdvisorPassword: async (storeId, advisorId, passwordHash) =>
      (await changed(pool, 'UPDATE advisors SET password_hash = $1 WHERE store_id = $2 AND id = $3', [passwordHash, storeId, advisorId])) > 0,
    listAllAdvisors: (storeId) =>
      rowsOf<AdvisorListing>(
        pool,
        `SELECT ${ADVISOR_COLUMNS}, disabled_at AS "disabledAt" FROM advisors WHERE store_id = $1 ORDER BY name COLLATE "C", username COLLATE "C"`,
        [storeId],
      ),
    // Two admins disabling each other at once must not both see the other still active: the
    // store's row is locked first (as enrollment does), so such changes of one store take turns.
    setAdvisorDisabled: (storeId, advisorId, disabledAt) =>
      inTransaction(pool, 'BEGIN', async (client) => {
        await client.query('SELECT 1 FROM stores WHERE id = $1 FOR UPDATE', [storeId]);
        const advisor = await firstRow<{ role: string }>(client, 'SELECT role FROM advisors WHERE store_id = $1 AND id = $2', [storeId, advisorId]);
        if (!advisor) return 'notFound' as const;
        if (disabledAt !== null && advisor.role === 'admin') {
          const other = await firstRow(
            client,
            `SELECT 1 FROM advisors WHERE store_id = $1 AND role = 'admin' AND disabled_at IS NULL AND id <> $2 LIMIT 1`,
            [storeId, advisorId],
          );
          if (!other) return 'lastAdmin' as const;
        }
        await client.query('UPDATE advisors SET disabled_at = CASE WHEN $3::text IS NULL THEN NULL ELSE COALESCE(disabled_at, $3) END WHERE store_id = $1 AND id = $2', [
          storeId,
          advisorId,
          disabledAt,
        ]);
        return 'changed' as const;
      }),
    async recordSignIn(deviceId, advisorId, now) {
      await pool.query(
        `INSERT INTO device_advisors (device_id, advisor_id, signed_in_at) VALUES ($1, $2, $3)
         ON CONFLICT (device_id, advisor_id) DO UPDATE SET signed_in_at = excluded.signed_in_at`,
        [deviceId, advisorId, now],
      );
    },
    hasSignedInOn: async (deviceId, advisorId) =>
      (await firstRow(pool, 'SELECT 1 FROM device_advisors WHERE device_id = $1 AND advisor_id = $2', [deviceId, advisorId])) !== undefined,
  };
}

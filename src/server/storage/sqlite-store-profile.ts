// The store's profile in SQLite (migration 4): one row per store, written whole by the admin
// command line and read by the tablets' GET /api/v1/store/profile. A stored row that no
// longer passes the shared schema is read as far as it goes, never thrown at a tablet.
import type Database from 'better-sqlite3';
import { logoColumn, profileFromRow, type ProfileRow } from './record-rows.ts';
import type { Storage } from './storage.ts';


export function sqliteStoreProfile(db: Database.Database): Pick<Storage, 'storeProfile' | 'setStoreProfile'> {
  const select = db.prepare<[string], ProfileRow>(
    `SELECT s.name AS storeName, s.code AS storeCode, p.name, p.address, p.phone, p.defaults, p.logo, p.updated_at AS updatedAt
     FROM stores s LEFT JOIN store_profiles p ON p.store_id = s.id WHERE s.id = ?`,
  );
  const upsert = db.prepare<[string, string, string, string, string, string | null, string]>(
    `INSERT INTO store_profiles (store_id, name, address, phone, defaults, logo, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (store_id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
       defaults = excluded.defaults, logo = excluded.logo, updated_at = excluded.updated_at`,
  );

  return {
    async storeProfile(storeId) {
      const row = select.get(storeId);
      return row && profileFromRow(row);
    },
    async setStoreProfile(storeId, profile, now) {
      upsert.run(storeId, profile.name, profile.address, profile.phone, JSON.stringify(profile.defaults), logoColumn(profile), now);
    },
  };
}

// The catalogue, the store's profile and which store uploaded which blob, in PostgreSQL (the
// same records as sqlite-storage.ts's reference data and sqlite-store-profile.ts).
import type pg from 'pg';
import type { CatalogueItem } from '../../../shared/catalogue.ts';
import { logoColumn, profileFromRow, type ProfileRow } from '../record-rows.ts';
import type { Storage } from '../storage.ts';
import { firstRow } from './postgres-query.ts';

type ReferenceMethods = 'replaceCatalogue' | 'catalogueSince' | 'storeProfile' | 'setStoreProfile' | 'storeHasBlob' | 'linkBlob';

export function postgresReference(pool: pg.Pool): Pick<Storage, ReferenceMethods> {
  return {
    async replaceCatalogue(storeId, items) {
      const row = await firstRow<{ version: number }>(
        pool,
        `INSERT INTO catalogues (store_id, version, items, updated_at) VALUES ($1, 1, $2, $3)
         ON CONFLICT (store_id) DO UPDATE SET version = catalogues.version + 1, items = excluded.items, updated_at = excluded.updated_at
         RETURNING version`,
        [storeId, JSON.stringify(items), new Date().toISOString()],
      );
      return row?.version ?? 1;
    },
    async catalogueSince(storeId, sinceVersion) {
      const row = await firstRow<{ version: number; items: string }>(
        pool,
        // bigint: a tablet may send any safe integer, beyond the column's own range.
        'SELECT version, items FROM catalogues WHERE store_id = $1 AND version > $2::bigint',
        [storeId, sinceVersion],
      );
      return row ? { version: row.version, items: JSON.parse(row.items) as CatalogueItem[] } : null;
    },
    async storeProfile(storeId) {
      const row = await firstRow<ProfileRow>(
        pool,
        `SELECT s.name AS "storeName", s.code AS "storeCode", p.name, p.address, p.phone, p.defaults, p.logo, p.updated_at AS "updatedAt"
         FROM stores s LEFT JOIN store_profiles p ON p.store_id = s.id WHERE s.id = $1`,
        [storeId],
      );
      return row && profileFromRow(row);
    },
    async setStoreProfile(storeId, profile, now) {
      await pool.query(
        `INSERT INTO store_profiles (store_id, name, address, phone, defaults, logo, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (store_id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
           defaults = excluded.defaults, logo = excluded.logo, updated_at = excluded.updated_at`,
        [storeId, profile.name, profile.address, profile.phone, JSON.stringify(profile.defaults), logoColumn(profile), now],
      );
    },
    storeHasBlob: async (storeId, sha256) =>
      (await firstRow(pool, 'SELECT 1 FROM store_blobs WHERE store_id = $1 AND sha256 = $2', [storeId, sha256])) !== undefined,
    async linkBlob(storeId, sha256, byteLength, now) {
      await pool.query(
        'INSERT INTO store_blobs (store_id, sha256, byte_length, linked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [storeId, sha256, byteLength, now],
      );
    },
  };
}

// Enrollment codes, the store's tablets and their tokens, in PostgreSQL (the same records as
// sqlite-devices.ts). Where SQLite has one writer, here several server processes enroll at
// once: an enrollment locks the code's row (two tablets racing for its last use must not both
// read "1 left") and the store's row (two tablets of one store must not both get the next letter).
import type pg from 'pg';
import { deviceRecord, enrollmentRefusal, isSeenAgain, newDeviceRow, type DeviceRow } from '../record-rows.ts';
import type { DeviceMethods, EnrollmentCodeRecord, Storage } from '../storage.ts';
import { changed, firstRow, rowsOf } from './postgres-query.ts';
import { inTransaction } from './postgres-transaction.ts';


const DEVICE_COLUMNS = `id, store_id AS "storeId", client_id AS "clientId", code, name, token_hash AS "tokenHash",
  enrolled_at AS "enrolledAt", revoked_at AS "revokedAt", last_seen_at AS "lastSeenAt", secret_hash AS "secretHash",
  reenrollment_allowed_until AS "reenrollmentAllowedUntil"`;

export function postgresDevices(pool: pg.Pool): Pick<Storage, DeviceMethods> {
  return {
    allowReenrollment: async (storeId, deviceId, until) =>
      (await changed(pool, 'UPDATE devices SET reenrollment_allowed_until = $1 WHERE id = $2 AND store_id = $3', [until, deviceId, storeId])) > 0,
    async createEnrollmentCode(storeId, { code, expiresAt, uses }) {
      await pool.query('INSERT INTO enrollment_codes (code, store_id, expires_at, uses_left) VALUES ($1, $2, $3, $4)', [code, storeId, expiresAt, uses]);
      return { code, storeId, expiresAt, usesLeft: uses };
    },
    enrollDevice: (input) =>
      inTransaction(pool, 'BEGIN', async (client) => {
        const code = await firstRow<EnrollmentCodeRecord>(
          client,
          `SELECT code, store_id AS "storeId", expires_at AS "expiresAt", uses_left AS "usesLeft" FROM enrollment_codes WHERE code = $1 FOR UPDATE`,
          [input.code],
        );
        if (!code || enrollmentRefusal(code, undefined, input)) return { refused: 'code' as const };
        // Two tablets of one store enrolling at once must not both take the next letter.
        await client.query('SELECT 1 FROM stores WHERE id = $1 FOR UPDATE', [code.storeId]);
        const existing = await firstRow<DeviceRow>(client, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE client_id = $1 FOR UPDATE`, [input.clientId]);
        const refused = enrollmentRefusal(code, existing, input);
        if (refused) return { refused };
        await client.query('UPDATE enrollment_codes SET uses_left = uses_left - 1 WHERE code = $1', [code.code]);
        if (existing) {
          // Re-enrolled (token lost, or revoked and let back in): same row, same letter, and
          // its seq numbering goes on. The old token stops working.
          await client.query('INSERT INTO retired_tokens (token_hash, device_id, retired_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
            existing.tokenHash,
            existing.id,
            input.now,
          ]);
          const reissued = await firstRow<DeviceRow>(
            client,
            `UPDATE devices SET name = $2, token_hash = $3, secret_hash = $4, enrolled_at = $5, revoked_at = NULL,
               reenrollment_allowed_until = NULL WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`,
            [existing.id, input.name, input.tokenHash, input.secretHash, input.now],
          );
          return { device: deviceRecord(reissued) };
        }
        const taken = await rowsOf<{ code: string }>(client, 'SELECT code FROM devices WHERE store_id = $1', [code.storeId]);
        const device = newDeviceRow(input, code.storeId, taken.map((row) => row.code));
        await client.query(
          `INSERT INTO devices (id, store_id, client_id, code, name, token_hash, enrolled_at, secret_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [device.id, device.storeId, device.clientId, device.code, device.name, device.tokenHash, device.enrolledAt, device.secretHash],
        );
        return { device: deviceRecord(device) };
      }),
    async findDeviceByTokenHash(tokenHash) {
      const device = await firstRow<DeviceRow>(pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
      if (!device) return undefined;
      const now = new Date().toISOString();
      if (isSeenAgain(device.lastSeenAt, now)) {
        await pool.query('UPDATE devices SET last_seen_at = $1 WHERE id = $2', [now, device.id]);
        device.lastSeenAt = now;
      }
      return deviceRecord(device);
    },
    isRevokedTokenHash: async (tokenHash) => (await firstRow(pool, 'SELECT 1 FROM retired_tokens WHERE token_hash = $1', [tokenHash])) !== undefined,
    listDevices: async (storeId) =>
      (await rowsOf<DeviceRow>(pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE store_id = $1 ORDER BY enrolled_at COLLATE "C", id COLLATE "C"`, [storeId])).map(deviceRecord),
    // Revoking twice is not an error; the first revocation time stays.
    revokeDevice: (storeId, deviceId, now) =>
      inTransaction(pool, 'BEGIN', async (client) => {
        const device = await firstRow<DeviceRow>(client, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
        if (!device || device.storeId !== storeId) return false;
        await client.query('UPDATE devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, deviceId]);
        await client.query('INSERT INTO retired_tokens (token_hash, device_id, retired_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          device.tokenHash,
          deviceId,
          now,
        ]);
        return true;
      }),
  };
}

// Enrollment codes, the store's tablets and their tokens, in SQLite. Only token hashes are
// kept. A tablet that is offline keeps working with the token it has; it learns it was
// revoked at its next request, from the retired-token record.
import type Database from 'better-sqlite3';
import { deviceRecord, enrollmentRefusal, isSeenAgain, newDeviceRow, type DeviceRow } from './record-rows.ts';
import type { DeviceMethods, EnrollInput, EnrollmentCodeRecord, EnrollOutcome, Storage } from './storage.ts';


const DEVICE_COLUMNS = `id, store_id AS storeId, client_id AS clientId, code, name, token_hash AS tokenHash,
  enrolled_at AS enrolledAt, revoked_at AS revokedAt, last_seen_at AS lastSeenAt, secret_hash AS secretHash,
  reenrollment_allowed_until AS reenrollmentAllowedUntil`;

export function sqliteDevices(db: Database.Database): Pick<Storage, DeviceMethods> {
  const insertCode = db.prepare<[EnrollmentCodeRecord]>(
    'INSERT INTO enrollment_codes (code, store_id, expires_at, uses_left) VALUES (@code, @storeId, @expiresAt, @usesLeft)',
  );
  const codeByValue = db.prepare<[string], EnrollmentCodeRecord>(
    'SELECT code, store_id AS storeId, expires_at AS expiresAt, uses_left AS usesLeft FROM enrollment_codes WHERE code = ?',
  );
  const spendCode = db.prepare<[string]>('UPDATE enrollment_codes SET uses_left = uses_left - 1 WHERE code = ?');
  const deviceByClientId = db.prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE client_id = ?`);
  const deviceById = db.prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`);
  const activeByToken = db.prepare<[string], DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = ? AND revoked_at IS NULL`,
  );
  const storeDevices = db.prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE store_id = ? ORDER BY enrolled_at, id`);
  const storeCodes = db.prepare<[string], string>('SELECT code FROM devices WHERE store_id = ?').pluck();
  const insertDevice = db.prepare<[DeviceRow]>(
    `INSERT INTO devices (id, store_id, client_id, code, name, token_hash, enrolled_at, secret_hash)
     VALUES (@id, @storeId, @clientId, @code, @name, @tokenHash, @enrolledAt, @secretHash)`,
  );
  const reissueToken = db.prepare<[{ id: string; name: string; tokenHash: string; secretHash: string | null; now: string }]>(
    `UPDATE devices SET name = @name, token_hash = @tokenHash, secret_hash = @secretHash, enrolled_at = @now,
       revoked_at = NULL, reenrollment_allowed_until = NULL WHERE id = @id`,
  );
  const approveReenrollment = db.prepare<[string, string, string]>(
    'UPDATE devices SET reenrollment_allowed_until = ? WHERE id = ? AND store_id = ?',
  );
  const markRevoked = db.prepare<[string, string]>('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const retireToken = db.prepare<[string, string, string]>(
    'INSERT INTO retired_tokens (token_hash, device_id, retired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const tokenRetired = db.prepare<[string], number>('SELECT 1 FROM retired_tokens WHERE token_hash = ?').pluck();
  const touch = db.prepare<[string, string]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');

  const enroll = db.transaction(
    (input: EnrollInput): EnrollOutcome => {
      const code = codeByValue.get(input.code);
      const existing = deviceByClientId.get(input.clientId);
      const refused = enrollmentRefusal(code, existing, input);
      if (refused || !code) return { refused: refused ?? 'code' };
      spendCode.run(code.code);
      if (existing) {
        // Re-enrolled (token lost, or revoked and let back in): same row, same letter, and
        // its seq numbering goes on. The old token stops working.
        retireToken.run(existing.tokenHash, existing.id, input.now);
        reissueToken.run({ id: existing.id, name: input.name, tokenHash: input.tokenHash, secretHash: input.secretHash, now: input.now });
        return { device: deviceRecord(deviceById.get(existing.id)) };
      }
      const device = newDeviceRow(input, code.storeId, storeCodes.all(code.storeId));
      insertDevice.run(device);
      return { device: deviceRecord(device) };
    },
  );

  const revoke = db.transaction((storeId: string, deviceId: string, now: string): boolean => {
    const device = deviceById.get(deviceId);
    if (!device || device.storeId !== storeId) return false;
    markRevoked.run(now, deviceId);
    retireToken.run(device.tokenHash, deviceId, now);
    return true;
  });

  return {
    allowReenrollment: async (storeId, deviceId, until) => approveReenrollment.run(until, deviceId, storeId).changes > 0,
    async createEnrollmentCode(storeId, { code, expiresAt, uses }) {
      const record = { code, storeId, expiresAt, usesLeft: uses };
      insertCode.run(record);
      return record;
    },
    // Immediate: two tablets racing for a code's last use must not both read "1 left".
    enrollDevice: async (input) => enroll.immediate(input),
    async findDeviceByTokenHash(tokenHash) {
      const device = activeByToken.get(tokenHash);
      if (!device) return undefined;
      const now = new Date().toISOString();
      if (isSeenAgain(device.lastSeenAt, now)) {
        touch.run(now, device.id);
        device.lastSeenAt = now;
      }
      return deviceRecord(device);
    },
    isRevokedTokenHash: async (tokenHash) => tokenRetired.get(tokenHash) !== undefined,
    listDevices: async (storeId) => storeDevices.all(storeId).map(deviceRecord),
    // Revoking twice is not an error; the first revocation time stays.
    revokeDevice: async (storeId, deviceId, now) => revoke.immediate(storeId, deviceId, now),
  };
}

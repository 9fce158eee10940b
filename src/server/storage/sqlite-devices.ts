// Enrollment codes, the store's tablets and their tokens, in SQLite. Only token hashes are
// kept. A tablet that is offline keeps working with the token it has; it learns it was
// revoked at its next request, from the retired-token record.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { nextDeviceCode } from './device-code.ts';
import type { DeviceRecord, EnrollmentCodeRecord, Storage } from './storage.ts';

type DeviceMethods =
  | 'createEnrollmentCode'
  | 'enrollDevice'
  | 'findDeviceByTokenHash'
  | 'isRevokedTokenHash'
  | 'listDevices'
  | 'revokeDevice';

type DeviceRow = DeviceRecord & { tokenHash: string };

const DEVICE_COLUMNS = `id, store_id AS storeId, client_id AS clientId, code, name, token_hash AS tokenHash,
  enrolled_at AS enrolledAt, revoked_at AS revokedAt, last_seen_at AS lastSeenAt`;

/** Recording every request's time would make each read a write; once a minute is enough. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

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
    `INSERT INTO devices (id, store_id, client_id, code, name, token_hash, enrolled_at)
     VALUES (@id, @storeId, @clientId, @code, @name, @tokenHash, @enrolledAt)`,
  );
  const reissueToken = db.prepare<[{ id: string; name: string; tokenHash: string; now: string }]>(
    'UPDATE devices SET name = @name, token_hash = @tokenHash, enrolled_at = @now, revoked_at = NULL WHERE id = @id',
  );
  const markRevoked = db.prepare<[string, string]>('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const retireToken = db.prepare<[string, string, string]>(
    'INSERT INTO retired_tokens (token_hash, device_id, retired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const tokenRetired = db.prepare<[string], number>('SELECT 1 FROM retired_tokens WHERE token_hash = ?').pluck();
  const touch = db.prepare<[string, string]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');

  const enroll = db.transaction(
    (input: { code: string; clientId: string; name: string; tokenHash: string; now: string }): DeviceRecord | undefined => {
      const code = codeByValue.get(input.code);
      if (!code || code.usesLeft <= 0 || Date.parse(code.expiresAt) <= Date.parse(input.now)) return undefined;
      const existing = deviceByClientId.get(input.clientId);
      // A tablet belongs to one store: its outbox and job numbers are that store's.
      if (existing && existing.storeId !== code.storeId) return undefined;
      spendCode.run(code.code);
      if (existing) {
        // Re-enrolled (token lost, or revoked and let back in): same row, same letter.
        retireToken.run(existing.tokenHash, existing.id, input.now);
        reissueToken.run({ id: existing.id, name: input.name, tokenHash: input.tokenHash, now: input.now });
        return toRecord(deviceById.get(existing.id));
      }
      const device: DeviceRow = {
        id: uuidv7(),
        storeId: code.storeId,
        clientId: input.clientId,
        code: nextDeviceCode(new Set(storeCodes.all(code.storeId))),
        name: input.name,
        tokenHash: input.tokenHash,
        enrolledAt: input.now,
        revokedAt: null,
        lastSeenAt: null,
      };
      insertDevice.run(device);
      return toRecord(device);
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
    createEnrollmentCode(storeId, { code, expiresAt, uses }) {
      const record = { code, storeId, expiresAt, usesLeft: uses };
      insertCode.run(record);
      return record;
    },
    // Immediate: two tablets racing for a code's last use must not both read "1 left".
    enrollDevice: (input) => enroll.immediate(input),
    findDeviceByTokenHash(tokenHash) {
      const device = activeByToken.get(tokenHash);
      if (!device) return undefined;
      const now = new Date().toISOString();
      if (device.lastSeenAt === null || Date.parse(now) - Date.parse(device.lastSeenAt) >= LAST_SEEN_RESOLUTION_MS) {
        touch.run(now, device.id);
        device.lastSeenAt = now;
      }
      return toRecord(device);
    },
    isRevokedTokenHash: (tokenHash) => tokenRetired.get(tokenHash) !== undefined,
    listDevices: (storeId) => storeDevices.all(storeId).map(toRecord),
    // Revoking twice is not an error; the first revocation time stays.
    revokeDevice: (storeId, deviceId, now) => revoke.immediate(storeId, deviceId, now),
  };
}

/** The record without its token hash, which never leaves this module. */
function toRecord(row: DeviceRow | undefined): DeviceRecord {
  if (!row) throw new Error('device row vanished inside its own transaction');
  const { tokenHash: _tokenHash, ...record } = row;
  return record;
}

// The device behind a request: every /api/v1 route except health, OpenAPI and enrollment
// needs a bearer device token, and everything it reads or writes is scoped to that device's
// store. A revoked token is told so (the tablet says "ask your administrator"), an unknown
// one just "not signed in".
import type { FastifyRequest } from 'fastify';
import { API_ERRORS } from '../../shared/protocol.ts';
import { HttpError } from '../api/http-error.ts';
import type { DeviceRecord, Storage } from '../storage/storage.ts';
import { tokenHash } from './tokens.ts';

export function authenticateDevice(storage: Storage, request: FastifyRequest): DeviceRecord {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) {
    throw new HttpError(401, API_ERRORS.unauthenticated, 'This tablet is not enrolled: enroll it with a code from the store administrator.');
  }
  const hash = tokenHash(match[1]);
  const device = storage.findDeviceByTokenHash(hash);
  if (device) return device;
  if (storage.isRevokedTokenHash(hash)) {
    throw new HttpError(
      401,
      API_ERRORS.deviceRevoked,
      'This tablet was removed from the store. Its work stays on it; ask the store administrator to enroll it again.',
    );
  }
  throw new HttpError(401, API_ERRORS.unauthenticated, 'The device token is not valid: enroll this tablet again.');
}

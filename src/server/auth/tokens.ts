// Device tokens and enrollment codes. A token is 32 random bytes; the server keeps only its
// SHA-256, so a copy of the database cannot be used to impersonate a tablet.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** No 0/O, 1/I: read off a screen and typed on a tablet without confusion. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

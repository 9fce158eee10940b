// PINs: an advisor's PIN unlocks the tablet (and customer mode) offline. Only a salted
// PBKDF2 hash is kept, never the PIN itself. On an enrolled tablet each advisor sets their
// own after signing in online (advisor-repo.ts); a tablet not connected to a store yet has
// one device PIN, in the `meta` table under key 'pin'.
import type { PinRow, WalkaroundDb } from './database.ts';
import { readMeta, writeMeta } from './meta-repo.ts';

/** The stored PIN: PBKDF2-SHA-256 of the PIN with a random salt, both in base64. */
export type PinHash = Omit<PinRow, 'key'>;
export type { PinRow };

/**
 * Work factor for a new PIN. A verify is one derivation: about 60-110 ms in Node 20 on a shared Xeon
 * server core (not yet measured on a tablet, expect a few times that). Slow enough to make
 * guessing from a copied database cost something, quick enough not to be felt at the desk.
 * A 4-digit PIN is still only 10,000 guesses: the hash protects against a glance at the
 * database, not against a determined attacker holding the tablet. The count is stored with
 * each hash, so raising it later keeps old PINs working.
 */
export const PIN_ITERATIONS = 150_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export type PinRefusal = 'format' | 'weak';

export class PinRefused extends Error {
  constructor(readonly reason: PinRefusal) {
    super(`PIN refused: ${reason}`);
    this.name = 'PinRefused';
  }
}

/**
 * Why a PIN may not be set: not 4 to 8 digits ('format'), or one a bystander would guess
 * first ('weak'): all one digit (0000), or a straight run up or down, wrapping past 9 (1234,
 * 4321, 012345, 7890).
 */
export function pinProblem(pin: string): PinRefusal | null {
  if (!/^[0-9]{4,8}$/.test(pin)) return 'format';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10));
  // One step size throughout: 0 is a repeated digit, 1 a run up, 9 (= -1) a run down.
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0] ?? -1)) return 'weak';
  return null;
}

/** A salted PBKDF2 hash of a PIN, refusing a malformed or guessable one with PinRefused. */
export async function hashPin(pin: string): Promise<PinHash> {
  const problem = pinProblem(pin);
  if (problem) throw new PinRefused(problem);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(pin, salt, PIN_ITERATIONS);
  return { saltB64: toBase64(salt), hashB64: toBase64(hash), iterations: PIN_ITERATIONS };
}

/** True when `pin` hashes to `stored`; false for any other. */
export async function pinMatches(stored: PinHash, pin: string): Promise<boolean> {
  if (!/^[0-9]{4,8}$/.test(pin)) return false;
  const actual = await derive(pin, fromBase64(stored.saltB64), stored.iterations);
  return constantTimeEqual(actual, fromBase64(stored.hashB64));
}

/** Sets (or replaces) the device PIN, refusing a malformed or guessable one with PinRefused. */
export async function setPin(db: WalkaroundDb, pin: string): Promise<void> {
  await writeMeta(db, { key: 'pin', ...(await hashPin(pin)) });
}

export async function hasPin(db: WalkaroundDb): Promise<boolean> {
  return (await readMeta(db, 'pin')) !== undefined;
}

/** True when `pin` is the PIN set on this device; false for any other, or when none is set. */
export async function verifyPin(db: WalkaroundDb, pin: string): Promise<boolean> {
  const row = await readMeta(db, 'pin');
  return row !== undefined && pinMatches(row, pin);
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

// Every byte is compared whatever the first difference, so the time taken says nothing
// about how much of the hash matched.
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The advisor PIN that unlocks customer mode: guessable PINs are refused, only a salted
// PBKDF2 hash is stored (in meta, next to the device row), and verify accepts exactly the PIN.
import 'fake-indexeddb/auto';
import { pbkdf2Sync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type WalkaroundDb } from '../../src/db/database.ts';
import { createJob, getDevice } from '../../src/db/job-repo.ts';
import { PIN_ITERATIONS, PinRefused, hasPin, pinProblem, setPin, verifyPin, type PinRefusal, type PinRow } from '../../src/db/pin-repo.ts';

let db: WalkaroundDb;

beforeEach(() => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

const pinRow = () => db.table<PinRow, string>('meta').get('pin');

describe('pinProblem', () => {
  it.each<[string, PinRefusal | null]>([
    ['2580', null],
    ['1357', null],
    ['2468', null],
    ['1122', null],
    ['90210', null],
    ['73918264', null],
    ['123', 'format'],
    ['123456789', 'format'],
    ['', 'format'],
    ['12a4', 'format'],
    [' 2580', 'format'],
    ['2580\n', 'format'],
    ['２５８０', 'format'], // full-width digits from a Chinese IME
    ['0000', 'weak'],
    ['99999999', 'weak'],
    ['1234', 'weak'],
    ['4321', 'weak'],
    ['012345', 'weak'],
    ['87654321', 'weak'],
    ['7890', 'weak'], // a run up past 9
    ['0987', 'weak'], // a run down past 0
  ])('%j → %s', (pin, expected) => {
    expect(pinProblem(pin)).toBe(expected);
  });
});

describe('setPin and verifyPin', () => {
  it('has no PIN until one is set, and then verifies exactly that PIN', async () => {
    expect(await hasPin(db)).toBe(false);
    expect(await verifyPin(db, '2580')).toBe(false);

    await setPin(db, '2580');
    expect(await hasPin(db)).toBe(true);
    expect(await verifyPin(db, '2580')).toBe(true);
  });

  it.each([
    ['another PIN', '2581'],
    ['the PIN and one more digit', '25800'],
    ['a prefix of the PIN', '258'],
    ['the PIN with a space', '2580 '],
    ['empty', ''],
  ])('refuses %s', async (_label, attempt) => {
    await setPin(db, '2580');
    expect(await verifyPin(db, attempt)).toBe(false);
  });

  it('stores a salted PBKDF2-SHA-256 hash with its iteration count, never the PIN', async () => {
    await setPin(db, '731946');
    const row = await pinRow();
    if (!row) throw new Error('no pin row');
    expect(Object.keys(row).sort()).toEqual(['hashB64', 'iterations', 'key', 'saltB64']);
    expect(row.iterations).toBe(PIN_ITERATIONS);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    const salt = Buffer.from(row.saltB64, 'base64');
    expect(salt).toHaveLength(16);
    // Reproduced by an independent PBKDF2: the hash is what the row says it is.
    expect(row.hashB64).toBe(pbkdf2Sync('731946', salt, row.iterations, 32, 'sha256').toString('base64'));
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('731946');
  });

  it('salts every PIN afresh, so the same PIN never gives the same hash twice', async () => {
    await setPin(db, '2580');
    const first = await pinRow();
    await setPin(db, '2580');
    const second = await pinRow();
    expect(second?.saltB64).not.toBe(first?.saltB64);
    expect(second?.hashB64).not.toBe(first?.hashB64);
  });

  it('replaces the PIN: the old one no longer unlocks', async () => {
    await setPin(db, '2580');
    await setPin(db, '1397');
    expect(await verifyPin(db, '2580')).toBe(false);
    expect(await verifyPin(db, '1397')).toBe(true);
  });

  it('verifies with the iteration count stored in the row, so a later raise keeps old PINs', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const iterations = 100_000;
    await db.table<PinRow, string>('meta').put({
      key: 'pin',
      saltB64: salt.toString('base64'),
      hashB64: pbkdf2Sync('4826', salt, iterations, 32, 'sha256').toString('base64'),
      iterations,
    });
    expect(await verifyPin(db, '4826')).toBe(true);
    expect(await verifyPin(db, '4827')).toBe(false);
  });

  it.each<[string, PinRefusal]>([
    ['1234', 'weak'],
    ['1111', 'weak'],
    ['12', 'format'],
    ['abcd', 'format'],
  ])('refuses to set %j (%s) and keeps the PIN there was', async (pin, reason) => {
    await setPin(db, '2580');
    const before = await pinRow();
    const error = await setPin(db, pin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinRefused);
    expect((error as PinRefused).reason).toBe(reason);
    expect(await pinRow()).toEqual(before);
    expect(await verifyPin(db, '2580')).toBe(true);
  });

  it('lives next to the device row without disturbing it', async () => {
    await createJob(db, {}, new Date('2026-11-27T09:00:00+08:00'));
    const device = await getDevice(db);
    await setPin(db, '2580');
    expect(await getDevice(db)).toEqual(device);
    expect((await db.meta.toArray()).map((row) => row.key).sort()).toEqual(['device', 'pin']);
    await createJob(db, {}, new Date('2026-11-27T09:05:00+08:00'));
    expect((await getDevice(db)).lastSeq).toBe(device.lastSeq + 1);
  });
});

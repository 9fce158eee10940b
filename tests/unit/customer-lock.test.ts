// The advisor's PIN typed under the customer's thanks is tried digit by digit, and every guess
// counts: a miss while typing is pending in the lock (localStorage), counted when the entry
// ends or when the page starts again with it pending (a reload mid-entry), and gone with the
// lock when the right PIN unlocks. Each case loads customer-lock.ts afresh, as a page load does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WRONG_PINS, WRONG_PIN_WAIT_MS } from '../../src/ui/pin/pin-tries.ts';

const KEY = 'walkaround.customerLock';
const LOCK = { jobId: '0192f3a0-0000-7000-8000-000000000001', kind: 'additional', since: '2026-11-27T09:00:00.000+08:00' };

let stored: Map<string, string>;

/** A page load: the module reads the lock from storage as it starts. */
async function loadPage() {
  vi.resetModules();
  return import('../../src/features/signing/customer-lock.ts');
}

function savedLock(): Record<string, unknown> | null {
  const value = stored.get(KEY);
  return value === undefined ? null : (JSON.parse(value) as Record<string, unknown>);
}

beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('wrong PINs typed in customer mode', () => {
  it('keeps a miss while typing pending in the lock and counts it once when the entry ends', async () => {
    stored.set(KEY, JSON.stringify({ ...LOCK, wrongPins: 0, retryAt: 0 }));
    const { customerPinTries } = await loadPage();
    customerPinTries.missWhileTyping();
    customerPinTries.missWhileTyping();
    expect(savedLock()).toMatchObject({ wrongPins: 0, pendingWrong: true });
    expect(customerPinTries.entryEnded()).toBe(true);
    expect(savedLock()).toMatchObject({ wrongPins: 1, pendingWrong: false });
    expect(customerPinTries.entryEnded()).toBe(false);
    expect(savedLock()).toMatchObject({ wrongPins: 1 });
  });

  it('counts a miss left pending by a reload mid-entry when the page starts again', async () => {
    stored.set(KEY, JSON.stringify({ ...LOCK, wrongPins: 2, retryAt: 0, pendingWrong: true }));
    const { customerPinTries } = await loadPage();
    expect(savedLock()).toMatchObject({ ...LOCK, wrongPins: 3, pendingWrong: false });
    // A second reload counts nothing more.
    await loadPage();
    expect(savedLock()).toMatchObject({ wrongPins: 3 });
    expect(customerPinTries.waitMs()).toBe(0);
  });

  it('starts the pause when the miss left pending by a reload is the fifth', async () => {
    stored.set(KEY, JSON.stringify({ ...LOCK, wrongPins: MAX_WRONG_PINS - 1, retryAt: 0, pendingWrong: true }));
    const { customerPinTries } = await loadPage();
    expect(savedLock()).toMatchObject({ wrongPins: 0, pendingWrong: false });
    expect(customerPinTries.waitMs()).toBeGreaterThan(0);
    expect(customerPinTries.waitMs()).toBeLessThanOrEqual(WRONG_PIN_WAIT_MS);
  });

  it('drops a pending miss with the lock when a longer entry turns out right', async () => {
    stored.set(KEY, JSON.stringify({ ...LOCK, wrongPins: 1, retryAt: 0 }));
    const { customerPinTries, unlock, isCustomerLocked } = await loadPage();
    customerPinTries.missWhileTyping();
    unlock();
    expect(isCustomerLocked()).toBe(false);
    expect(savedLock()).toBeNull();
    expect(customerPinTries.entryEnded()).toBe(false);
  });
});

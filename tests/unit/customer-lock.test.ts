// The advisor's PIN typed under the customer's thanks is tried digit by digit, and every guess
// counts: a miss while typing is pending in the lock (localStorage), counted when the entry
// ends or when the page starts again with it pending (a reload mid-entry), and gone with the
// lock when the right PIN unlocks. Each case loads customer-lock.ts afresh, as a page load does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WRONG_PINS, WRONG_PIN_WAIT_MS } from '../../src/ui/pin/pin-tries.ts';

const KEY = 'walkaround.customerLock';
const LOCK = {
  jobId: '0192f3a0-0000-7000-8000-000000000001',
  kind: 'additional',
  documents: ['additional'],
  done: [],
  since: '2026-11-27T09:00:00.000+08:00',
};

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

describe('the documents of one hand-over', () => {
  beforeEach(() => {
    vi.stubGlobal('history', { pushState: () => undefined, replaceState: () => undefined });
  });

  it('holds every document in order, none signed, and survives a reload', async () => {
    const { lockForCustomer, customerLock, currentDocument } = await loadPage();
    lockForCustomer(LOCK.jobId, 'checkin', ['checkin', 'estimate']);
    expect(savedLock()).toMatchObject({ jobId: LOCK.jobId, kind: 'checkin', documents: ['checkin', 'estimate'], done: [] });
    const reloaded = await loadPage();
    const lock = reloaded.customerLock.getSnapshot();
    expect(lock).toMatchObject({ documents: ['checkin', 'estimate'], done: [] });
    expect(lock && currentDocument(lock)).toBe('checkin');
    expect(customerLock.getSnapshot()).toMatchObject({ documents: ['checkin', 'estimate'] });
  });

  it('moves on to the next document once one is signed, and resumes there after a reload', async () => {
    const { lockForCustomer, markDocumentSigned } = await loadPage();
    lockForCustomer(LOCK.jobId, 'checkin', ['checkin', 'estimate']);
    markDocumentSigned('checkin');
    markDocumentSigned('checkin'); // a second notice of the same signature changes nothing
    expect(savedLock()).toMatchObject({ done: ['checkin'] });
    const page = await loadPage();
    const lock = page.customerLock.getSnapshot();
    expect(lock && page.currentDocument(lock)).toBe('estimate');
    page.markDocumentSigned('estimate');
    const after = page.customerLock.getSnapshot();
    expect(after && page.currentDocument(after)).toBeNull();
    // Every document signed still leaves the tablet locked: only the advisor's PIN ends it.
    expect(page.isCustomerLocked()).toBe(true);
    expect(savedLock()).toMatchObject({ done: ['checkin', 'estimate'] });
  });

  it('ignores a signature of a kind the hand-over does not hold', async () => {
    const { lockForCustomer, markDocumentSigned } = await loadPage();
    lockForCustomer(LOCK.jobId, 'additional', ['additional', 'delivery']);
    markDocumentSigned('estimate');
    expect(savedLock()).toMatchObject({ documents: ['additional', 'delivery'], done: [] });
  });

  it('always lists the document asked for, once', async () => {
    const { lockForCustomer } = await loadPage();
    lockForCustomer(LOCK.jobId, 'delivery', ['additional', 'additional']);
    expect(savedLock()).toMatchObject({ documents: ['additional', 'delivery'] });
  });

  it('reads a lock written before hand-overs held several documents as a list of its one kind', async () => {
    stored.set(KEY, JSON.stringify({ jobId: LOCK.jobId, kind: 'estimate', since: LOCK.since, wrongPins: 2, retryAt: 0 }));
    const { customerLock } = await loadPage();
    expect(customerLock.getSnapshot()).toMatchObject({ kind: 'estimate', documents: ['estimate'], done: [], wrongPins: 2 });
  });

  it('drops what is not a document from a stored list, and a done that is not listed', async () => {
    stored.set(KEY, JSON.stringify({ ...LOCK, kind: 'checkin', documents: ['checkin', 'bogus', 7, 'estimate'], done: ['estimate', 'delivery'] }));
    const { customerLock } = await loadPage();
    expect(customerLock.getSnapshot()).toMatchObject({ documents: ['checkin', 'estimate'], done: ['estimate'] });
  });

  it('keeps the wrong-PIN count across documents and reloads', async () => {
    const { lockForCustomer, markDocumentSigned, customerPinTries } = await loadPage();
    lockForCustomer(LOCK.jobId, 'checkin', ['checkin', 'estimate']);
    customerPinTries.recordWrong();
    markDocumentSigned('checkin');
    await loadPage();
    expect(savedLock()).toMatchObject({ wrongPins: 1, done: ['checkin'] });
  });
});

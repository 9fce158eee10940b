// Customer mode (DESIGN.md "Security"): while the tablet is in the customer's hands the app
// shows the documents handed over and nothing else until an advisor PIN unlocks it. The lock
// lives in localStorage, not in React state or the URL, so a reload, a URL typed by hand, a new
// tab or a pull-to-refresh all come back locked, on the document the customer was at. It is
// this device's state only and never synced.
import { nowIso } from '../../shared/local-time.ts';
import type { SignatureKind } from '../../shared/signature.ts';
import { afterEntryEnded, afterMissWhileTyping, afterWrongPin, pinWaitLeftMs, type TypedPinTries, type TypedPinTriesStore } from '../../ui/pin/pin-tries.ts';

export const LOCK_STORAGE_KEY = 'walkaround.customerLock';
/** The only URL shown while locked: it names no job card, so there is nothing to edit. */
export const CUSTOMER_PATH = '/customer';

/**
 * Wrong PINs (pin-tries.ts) are kept with the lock, so reloading does not reset the count; so
 * is a wrong try pending on a PIN being typed, so reloading mid-entry counts it.
 */
export type CustomerLock = TypedPinTries & {
  jobId: string;
  /** The document the advisor handed over for: the PIN brings them back where it is asked for. */
  kind: SignatureKind;
  /** Every document of this hand-over, in the order the customer goes through them. */
  documents: SignatureKind[];
  /** Those the customer has signed, so a reload resumes at the next one. */
  done: SignatureKind[];
  /** When the tablet was handed over: a signature of a listed kind since then is the customer's. */
  since: string;
};

// The kinds as a typed record rather than SIGNATURE_KINDS: the app loads this module on its
// first screen, and signature.ts would bring zod along. The type keeps the two lists equal.
const KINDS: Record<SignatureKind, true> = { checkin: true, estimate: true, additional: true, delivery: true };
const isKind = (value: unknown): value is SignatureKind => typeof value === 'string' && Object.hasOwn(KINDS, value);

type Listener = () => void;
const listeners = new Set<Listener>();
let current: CustomerLock | null = read();
// A page that starts with a wrong try pending was reloaded (or closed) mid-entry: that entry
// ended there, so it counts, as clearing it would have.
if (current?.pendingWrong) save(afterEntryEnded(current, Date.now()));

function read(): CustomerLock | null {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(LOCK_STORAGE_KEY) ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const { jobId, kind, documents, done, since, wrongPins, retryAt, pendingWrong } = value as Record<string, unknown>;
    if (typeof jobId !== 'string' || typeof since !== 'string' || !isKind(kind)) return null;
    // A lock written before hand-overs held several documents names only its kind.
    const listed = kindsIn(documents);
    if (!listed.includes(kind)) listed.push(kind);
    return {
      jobId,
      kind,
      documents: listed,
      done: kindsIn(done).filter((k) => listed.includes(k)),
      since,
      wrongPins: typeof wrongPins === 'number' ? wrongPins : 0,
      retryAt: typeof retryAt === 'number' ? retryAt : 0,
      pendingWrong: pendingWrong === true,
    };
  } catch {
    return null;
  }
}

/** The kinds in a stored list, each once; anything else in it is dropped. */
function kindsIn(value: unknown): SignatureKind[] {
  return Array.isArray(value) ? [...new Set(value.filter(isKind))] : [];
}

function save(next: CustomerLock | null): void {
  current = next;
  try {
    if (next) localStorage.setItem(LOCK_STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(LOCK_STORAGE_KEY);
  } catch {
    // Storage refused (private mode, full): the lock still holds in this page, only a reload
    // would lose it. Refusing to hand over the tablet for that would help nobody.
  }
  for (const listener of listeners) listener();
}

/** The lock, shaped for React's useSyncExternalStore (see hooks/use-customer-lock.ts). */
export const customerLock = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  getSnapshot(): CustomerLock | null {
    return current;
  },
};

export function isCustomerLocked(): boolean {
  return current !== null;
}

/**
 * Hands the tablet to the customer for every document listed (in that order), asked for
 * `kind`; it is listed too, whatever the list says, so the hand-over always has it.
 */
export function lockForCustomer(jobId: string, kind: SignatureKind, documents: readonly SignatureKind[] = [kind], now = new Date()): void {
  const listed = documents.includes(kind) ? [...new Set(documents)] : [...new Set(documents), kind];
  save({ jobId, kind, documents: listed, done: [], since: nowIso(now), wrongPins: 0, retryAt: 0, pendingWrong: false });
  history.pushState(null, '', CUSTOMER_PATH);
}

/** The customer signed this document of the hand-over: a reload resumes after it. */
export function markDocumentSigned(kind: SignatureKind): void {
  if (!current || !current.documents.includes(kind) || current.done.includes(kind)) return;
  save({ ...current, done: [...current.done, kind] });
}

/** The document the customer is at, or null once every one is signed (the hand-back). */
export function currentDocument(lock: Pick<CustomerLock, 'documents' | 'done'>): SignatureKind | null {
  return lock.documents.find((kind) => !lock.done.includes(kind)) ?? null;
}

/** Only after the advisor PIN has been verified. The count, and a wrong try pending, end with it. */
export function unlock(): void {
  save(null);
}

/** The wrong-PIN count of the hand-over, for the advisor's PIN (dialog, or typed under the thanks). */
export const customerPinTries: TypedPinTriesStore = {
  waitMs: (now = Date.now()) => (current ? pinWaitLeftMs(current, now) : 0),
  recordWrong(now = Date.now()) {
    if (current) save({ ...current, ...afterWrongPin(current, now) });
  },
  // A right PIN ends the lock, and its count with it.
  reset: () => undefined,
  missWhileTyping() {
    if (current && !current.pendingWrong) save(afterMissWhileTyping(current));
  },
  entryEnded(now = Date.now()) {
    if (!current?.pendingWrong) return false;
    save(afterEntryEnded(current, now));
    return true;
  },
};

// Installed at import, before React renders anything, so no frame of another screen shows.
if (typeof window !== 'undefined') {
  // Back (and forward) land on an entry of the app; while locked, a new /customer entry goes
  // on top at once, so the button does nothing visible and the screen never changes.
  window.addEventListener('popstate', () => {
    if (current) history.pushState(null, '', CUSTOMER_PATH);
  });
  // Another tab of the app on this tablet locked or unlocked: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key !== LOCK_STORAGE_KEY && event.key !== null) return;
    current = read();
    for (const listener of listeners) listener();
  });
  // A reload or a typed URL while locked: whatever was asked for, the address says /customer.
  if (current && location.pathname !== CUSTOMER_PATH) history.replaceState(null, '', CUSTOMER_PATH);
}

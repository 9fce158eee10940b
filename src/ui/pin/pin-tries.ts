// Wrong PINs are slowed down the same way wherever a PIN unlocks something (customer mode,
// the tablet's lock screen): five wrong in a row, then a 30 s pause, so a customer or a
// passer-by cannot try them all. The count survives a reload: it is kept in localStorage by
// whoever owns it (the customer lock keeps it with the lock; the lock screen per tablet).

export const MAX_WRONG_PINS = 5;
export const WRONG_PIN_WAIT_MS = 30_000;

/** Wrong PINs since the last pause, and when the next try is allowed (ms since the epoch). */
export type PinTries = { wrongPins: number; retryAt: number };

export const NO_WRONG_PINS: PinTries = { wrongPins: 0, retryAt: 0 };

/** How long until the next PIN may be tried; 0 when it may be tried now. */
export function pinWaitLeftMs(tries: PinTries, now: number): number {
  return Math.max(0, tries.retryAt - now);
}

/** The count after one more wrong PIN: the fifth starts the pause and the count again. */
export function afterWrongPin(tries: PinTries, now: number): PinTries {
  const wrongPins = tries.wrongPins + 1;
  return wrongPins >= MAX_WRONG_PINS ? { wrongPins: 0, retryAt: now + WRONG_PIN_WAIT_MS } : { ...tries, wrongPins };
}

/**
 * A PIN tried as it is typed (no unlock tap) is a guess too, but a 4-digit prefix of a longer
 * PIN is not a wrong PIN: a check that fails while typing leaves a wrong try pending, counted
 * once when the entry ends (cleared, shortened, submitted, the page reloaded or left), and
 * dropped only with the lock when a longer entry turns out right. One entry counts once
 * however many of its prefixes were checked: it tries one PIN of each length, and the PIN has
 * one length, so guessing it is still bounded by the count.
 */
export type TypedPinTries = PinTries & { pendingWrong: boolean };

/** A check of the entry being typed failed: a wrong try is pending until the entry ends. */
export function afterMissWhileTyping<T extends TypedPinTries>(tries: T): T {
  return { ...tries, pendingWrong: true };
}

/** The entry ended without the right PIN: a pending wrong try is counted, once. */
export function afterEntryEnded<T extends TypedPinTries>(tries: T, now: number): T {
  return tries.pendingWrong ? { ...tries, ...afterWrongPin(tries, now), pendingWrong: false } : tries;
}

/** What a PIN screen needs from the count's owner. */
export type PinTriesStore = {
  waitMs(now?: number): number;
  recordWrong(now?: number): void;
  reset(): void;
};

/** What a PIN screen that tries the PIN as it is typed needs besides (TypedPinTries). */
export type TypedPinTriesStore = PinTriesStore & {
  missWhileTyping(): void;
  /** Counts the pending wrong try, if any; true when it did. */
  entryEnded(now?: number): boolean;
};

/** A count of its own in localStorage under `key` (the lock screen's, one per tablet). */
export function storedPinTries(key: string): PinTriesStore {
  // Kept in memory too, so the pause still holds in this page when storage is refused.
  let memory = NO_WRONG_PINS;
  const read = (): PinTries => {
    try {
      const value: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null');
      if (!value || typeof value !== 'object') return memory;
      const { wrongPins, retryAt } = value as Record<string, unknown>;
      return { wrongPins: typeof wrongPins === 'number' ? wrongPins : 0, retryAt: typeof retryAt === 'number' ? retryAt : 0 };
    } catch {
      return memory;
    }
  };
  const write = (tries: PinTries) => {
    memory = tries;
    try {
      localStorage.setItem(key, JSON.stringify(tries));
    } catch {
      // Storage refused (private mode, full): the pause then holds only until a reload.
    }
  };
  return {
    waitMs: (now = Date.now()) => pinWaitLeftMs(read(), now),
    recordWrong: (now = Date.now()) => write(afterWrongPin(read(), now)),
    reset: () => write(NO_WRONG_PINS),
  };
}

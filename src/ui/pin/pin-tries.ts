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

/** What a PIN screen needs from the count's owner. */
export type PinTriesStore = {
  waitMs(now?: number): number;
  recordWrong(now?: number): void;
  reset(): void;
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

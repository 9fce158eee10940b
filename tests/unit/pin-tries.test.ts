// Wrong PINs slow down alike on the lock screen and in customer mode: the fifth wrong PIN in a
// row starts a 30 s pause and the count again; a right PIN clears it.
import { describe, expect, it } from 'vitest';
import {
  afterEntryEnded,
  afterMissWhileTyping,
  afterWrongPin,
  MAX_WRONG_PINS,
  NO_WRONG_PINS,
  pinWaitLeftMs,
  storedPinTries,
  WRONG_PIN_WAIT_MS,
  type TypedPinTries,
} from '../../src/ui/pin/pin-tries.ts';

describe('wrong PINs', () => {
  it('pauses after five in a row, for 30 s, and counts again after the pause', () => {
    let tries = NO_WRONG_PINS;
    for (let i = 1; i < MAX_WRONG_PINS; i++) {
      tries = afterWrongPin(tries, 1_000);
      expect(tries).toEqual({ wrongPins: i, retryAt: 0 });
      expect(pinWaitLeftMs(tries, 1_000)).toBe(0);
    }
    tries = afterWrongPin(tries, 1_000);
    expect(tries).toEqual({ wrongPins: 0, retryAt: 1_000 + WRONG_PIN_WAIT_MS });
    expect(pinWaitLeftMs(tries, 1_000)).toBe(30_000);
    expect(pinWaitLeftMs(tries, 21_500)).toBe(9_500);
    expect(pinWaitLeftMs(tries, 31_000)).toBe(0);
    expect(afterWrongPin(tries, 31_000)).toEqual({ wrongPins: 1, retryAt: 1_000 + WRONG_PIN_WAIT_MS });
  });

  it('keeps a count of its own per key, even where storage is unavailable, and a right PIN resets it', () => {
    // Node has no localStorage: the count lives in memory, as in a browser that refuses storage.
    const lockScreen = storedPinTries('test.lock');
    for (let i = 0; i < MAX_WRONG_PINS; i++) lockScreen.recordWrong(5_000);
    expect(lockScreen.waitMs(5_000)).toBe(WRONG_PIN_WAIT_MS);
    expect(storedPinTries('test.other').waitMs(5_000)).toBe(0);
    lockScreen.reset();
    expect(lockScreen.waitMs(5_000)).toBe(0);
  });

  it('counts a PIN tried as it is typed once its entry ends, once however many of its prefixes missed', () => {
    const fresh: TypedPinTries = { ...NO_WRONG_PINS, pendingWrong: false };
    // 1234 missed, 12345 missed, then cleared: one wrong try.
    const typed = afterMissWhileTyping(afterMissWhileTyping(fresh));
    expect(typed).toEqual({ wrongPins: 0, retryAt: 0, pendingWrong: true });
    const ended = afterEntryEnded(typed, 1_000);
    expect(ended).toEqual({ wrongPins: 1, retryAt: 0, pendingWrong: false });
    // Ending it again (a reload after the clear) counts nothing more; nor does an entry with no miss.
    expect(afterEntryEnded(ended, 2_000)).toEqual(ended);
    expect(afterEntryEnded(fresh, 2_000)).toEqual(fresh);
  });

  it('pauses on the fifth guess typed, as on the fifth submitted', () => {
    let tries: TypedPinTries = { wrongPins: MAX_WRONG_PINS - 1, retryAt: 0, pendingWrong: false };
    tries = afterEntryEnded(afterMissWhileTyping(tries), 1_000);
    expect(tries).toEqual({ wrongPins: 0, retryAt: 1_000 + WRONG_PIN_WAIT_MS, pendingWrong: false });
  });
});

import { useEffect, useRef, useState } from 'react';
import { db } from '../../../db/instance.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinPad } from '../../../ui/pin/PinPad.tsx';
import { usePinWait } from '../../../ui/pin/use-pin-wait.ts';
import { customerPinTries } from '../customer-lock.ts';
import { leaveCustomerMode } from '../leave-customer-mode.ts';
import { verifyUnlockPin } from '../unlock-pin.ts';

/** PINs are 4 to 8 digits (pin-repo.ts): a shorter entry is never tried. */
const SHORTEST_PIN = 4;

/**
 * The advisor's PIN, right on the screen the customer hands back once every document is signed (no button to open it), and
 * tried as it is typed: the right PIN ends customer mode on its last digit, so a 4-digit PIN
 * is 4 taps. Every guess still counts (pin-tries.ts TypedPinTries): a check that fails while
 * typing leaves a wrong try pending in the lock, counted once when the entry is cleared,
 * shortened, submitted or left, or the page reloads; only the right PIN on a longer entry
 * drops it, with the lock. So the pause after five still bounds guessing, as in the dialog.
 */
export function ReturnTabletPin({ jobId, kind }: { jobId: string; kind: SignatureKind }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const wait = usePinWait(customerPinTries);
  const done = useRef(false);
  // The entry being typed, by number; a check answers for the entry it was made in.
  const entry = useRef(0);
  // Entries that ended and were counted already: a late answer for one counts nothing more.
  const counted = useRef(new Set<number>());

  function open() {
    if (done.current) return;
    done.current = true;
    customerPinTries.reset();
    // Back to where the tablet was handed over for this document.
    leaveCustomerMode(jobId, kind);
  }

  function showWrong() {
    wait.refresh();
    setError(t('pin.wrong'));
  }

  /** The entry typed so far is given up: its pending wrong try, if any, is counted now. */
  function endEntry() {
    const ended = entry.current;
    entry.current += 1;
    if (customerPinTries.entryEnded()) {
      counted.current.add(ended);
      showWrong();
    }
  }

  function check(tried: string, submitted: boolean) {
    const of = entry.current;
    void verifyUnlockPin(db, tried)
      .catch(() => false)
      .then((ok) => {
        if (ok) return open();
        if (done.current) return;
        if (of === entry.current) customerPinTries.missWhileTyping();
        else if (!counted.current.has(of)) {
          // The entry ended before its check answered: it was not pending then, so count it now.
          counted.current.add(of);
          customerPinTries.recordWrong();
        }
        if (submitted) showWrong();
      });
  }

  // Leaving this screen without the right PIN ends the entry too.
  useEffect(
    () => () => {
      if (!done.current) customerPinTries.entryEnded();
    },
    [],
  );

  function type(next: string) {
    setError(null);
    if (next.length < pin.length) endEntry();
    setPin(next);
    if (next.length >= SHORTEST_PIN) check(next, false);
  }

  function submit() {
    if (pin.length < SHORTEST_PIN) return;
    setPin('');
    // Checked as the entry it was, then ended: a wrong PIN counts once, pending or not.
    check(pin, true);
    endEntry();
  }

  const message = wait.message ?? error;
  return (
    <section className="return-pin" aria-label={t('pin.label')}>
      <h2>{t('customer.returnTablet')}</h2>
      <p className="return-pin-dots" aria-live="polite" aria-label={t('pin.label')}>
        {'●'.repeat(pin.length) || ' '}
      </p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <PinPad value={pin} disabled={wait.waiting} onChange={type} />
      <button type="button" className="btn btn-primary btn-large" disabled={wait.waiting || pin.length < SHORTEST_PIN} onClick={submit}>
        {t('pin.unlock')}
      </button>
    </section>
  );
}

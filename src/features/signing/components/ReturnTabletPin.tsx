import { useEffect, useRef, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinPad } from '../../../ui/pin/PinPad.tsx';
import { customerPinTries } from '../customer-lock.ts';
import { leaveCustomerMode } from '../leave-customer-mode.ts';
import { verifyUnlockPin } from '../unlock-pin.ts';

/** PINs are 4 to 8 digits (pin-repo.ts): a shorter entry is never tried. */
const SHORTEST_PIN = 4;

/**
 * The advisor's PIN, right on the screen the customer hands back (no button to open it), and
 * tried as it is typed: the right PIN ends customer mode on its last digit, so a 4-digit PIN
 * is 4 taps. A prefix of a longer PIN is not a wrong PIN, so a miss while typing is not
 * counted; an entry given up (cleared, shortened) or submitted wrong is, as one wrong try,
 * so the pause after five (pin-tries.ts) still bounds guessing.
 */
export function ReturnTabletPin({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now);
  const done = useRef(false);
  const waitMs = customerPinTries.waitMs(now);
  const waiting = waitMs > 0;

  // A countdown the advisor can see; it stops by itself when the wait is over.
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  function open() {
    if (done.current) return;
    done.current = true;
    customerPinTries.reset();
    // Shown only for 追加项目 (its thanks, or a round with nothing left to decide).
    leaveCustomerMode(jobId, 'additional');
  }

  function wrong() {
    customerPinTries.recordWrong();
    setNow(Date.now());
    setError(t('pin.wrong'));
  }

  function type(next: string) {
    if (next.length < pin.length && pin.length >= SHORTEST_PIN) wrong();
    else setError(null);
    setPin(next);
    if (next.length >= SHORTEST_PIN) void verifyUnlockPin(db, next).then((ok) => ok && open(), () => undefined);
  }

  async function submit() {
    if (pin.length < SHORTEST_PIN) return;
    const tried = pin;
    setPin('');
    if (await verifyUnlockPin(db, tried).catch(() => false)) open();
    else wrong();
  }

  const message = waiting ? t('pin.wait', { seconds: Math.ceil(waitMs / 1000) }) : error;
  return (
    <section className="return-pin" aria-label={t('pin.label')}>
      <h2>{t('addition.customer.returnTablet')}</h2>
      <p className="return-pin-dots" aria-live="polite" aria-label={t('pin.label')}>
        {'●'.repeat(pin.length) || ' '}
      </p>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <PinPad value={pin} disabled={waiting} onChange={type} />
      <button type="button" className="btn btn-primary btn-large" disabled={waiting || pin.length < SHORTEST_PIN} onClick={() => void submit()}>
        {t('pin.unlock')}
      </button>
    </section>
  );
}

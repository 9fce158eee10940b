import { useEffect, useState, type FormEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { verifyPin } from '../../../db/pin-repo.ts';
import { Field } from '../../../ui/Field.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { pinWaitMs, recordWrongPin, unlock } from '../customer-lock.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type PinUnlockDialogProps = { jobId: string; onCancel: () => void };

/**
 * The advisor's way back: the PIN ends customer mode and opens the card's signatures. After
 * five wrong PINs it waits 30 s (customer-lock.ts), so a customer cannot try them all.
 */
export function PinUnlockDialog({ jobId, onCancel }: PinUnlockDialogProps) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [now, setNow] = useState(Date.now);
  const waitMs = pinWaitMs(now);
  const waiting = waitMs > 0;

  // A countdown the advisor can see; it stops by itself when the wait is over.
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (checking || pinWaitMs() > 0) return;
    setChecking(true);
    const ok = await verifyPin(db, pin).catch(() => false);
    if (ok) {
      // The address first, then the lock: the first unlocked frame is already the card.
      navigate(`/jobs/${jobId}/signing`, { replace: true });
      unlock();
      return;
    }
    recordWrongPin();
    setNow(Date.now());
    setPin('');
    setError(t('pin.wrong'));
    setChecking(false);
  }

  const message = waiting ? t('pin.wait', { seconds: Math.ceil(waitMs / 1000) }) : error;
  return (
    <div className="signing-backdrop">
      <form className="signing-dialog" role="dialog" aria-modal="true" aria-label={t('customer.unlock')} noValidate onSubmit={(e) => void submit(e)}>
        {/* The dialog is named 顾问解锁, not by this heading, so "顾问 PIN" labels only the field. */}
        <h2>{t('pin.enter')}</h2>
        <Field label={t('pin.label')} error={message ?? undefined}>
          {(props) => (
            <input
              {...props}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              autoFocus
              disabled={waiting}
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && onCancel()}
            />
          )}
        </Field>
        <div className="signing-dialog-actions">
          <button type="button" className="btn btn-large" onClick={onCancel}>
            {t('pin.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-large" disabled={waiting || checking || pin === ''}>
            {t('pin.unlock')}
          </button>
        </div>
      </form>
    </div>
  );
}

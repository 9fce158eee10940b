import { db } from '../../../db/instance.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { PinEntry } from '../../../ui/pin/PinEntry.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { customerPinTries, unlock } from '../customer-lock.ts';
import { verifyUnlockPin } from '../unlock-pin.ts';

type PinUnlockDialogProps = { jobId: string; onCancel: () => void };

/**
 * The advisor's way back: the PIN ends customer mode and opens the card's signatures. After
 * five wrong PINs it waits 30 s (pin-tries.ts), so a customer cannot try them all.
 */
export function PinUnlockDialog({ jobId, onCancel }: PinUnlockDialogProps) {
  const { t } = useI18n();
  return (
    <div className="signing-backdrop">
      <div className="signing-dialog" role="dialog" aria-modal="true" aria-label={t('customer.unlock')}>
        {/* The dialog is named 顾问解锁, not by this heading, so "顾问 PIN" labels only the field. */}
        <PinHeading>{t('pin.enter')}</PinHeading>
        <PinEntry
          label={t('pin.label')}
          verify={(pin) => verifyUnlockPin(db, pin)}
          tries={customerPinTries}
          onUnlocked={() => {
            // The address first, then the lock: the first unlocked frame is already the card.
            navigate(`/jobs/${jobId}/signing`, { replace: true });
            unlock();
          }}
          onEscape={onCancel}
          actions={<PinBackButton label={t('pin.cancel')} onClick={onCancel} />}
        />
      </div>
    </div>
  );
}

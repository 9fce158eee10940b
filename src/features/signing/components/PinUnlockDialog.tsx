import { db } from '../../../db/instance.ts';
import type { SignatureKind } from '../../../shared/signature.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinEntry } from '../../../ui/pin/PinEntry.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { customerPinTries } from '../customer-lock.ts';
import { leaveCustomerMode } from '../leave-customer-mode.ts';
import { verifyUnlockPin } from '../unlock-pin.ts';

type PinUnlockDialogProps = { jobId: string; kind: SignatureKind; onCancel: () => void };

/**
 * The advisor's way back: the PIN ends customer mode and opens the card where the document was
 * handed over from (leave-customer-mode.ts). After five wrong PINs it waits 30 s
 * (pin-tries.ts), so a customer cannot try them all.
 */
export function PinUnlockDialog({ jobId, kind, onCancel }: PinUnlockDialogProps) {
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
          onUnlocked={() => leaveCustomerMode(jobId, kind)}
          onEscape={onCancel}
          actions={<PinBackButton label={t('pin.cancel')} onClick={onCancel} />}
        />
      </div>
    </div>
  );
}

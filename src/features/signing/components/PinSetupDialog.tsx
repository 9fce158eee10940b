import { useId } from 'react';
import { db } from '../../../db/instance.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { PinSetupFields } from '../../../ui/pin/PinSetupFields.tsx';
import { setUnlockPin } from '../unlock-pin.ts';

type PinSetupDialogProps = { onDone: () => void; onCancel: () => void };

/**
 * The first hand-over without a PIN asks for the one that will end customer mode, typed
 * twice: on a tablet not connected to a store the device PIN; on a connected one the signed-in
 * advisor's own (which the lock screen has them set at sign-in, so it is rarely asked here).
 */
export function PinSetupDialog({ onDone, onCancel }: PinSetupDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <div className="signing-backdrop">
      <div className="signing-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <PinHeading level={3} id={titleId} hint={t('pin.setHint')}>
          {t('pin.set')}
        </PinHeading>
        <PinSetupFields
          save={(pin) => setUnlockPin(db, pin)}
          onDone={onDone}
          onCancel={onCancel}
          submitLabel={t('pin.save')}
          actions={<PinBackButton label={t('pin.cancel')} onClick={onCancel} />}
        />
      </div>
    </div>
  );
}

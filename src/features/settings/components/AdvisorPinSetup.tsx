import { setAdvisorPin, signOut } from '../../../db/advisor-repo.ts';
import type { AdvisorRow } from '../../../db/database.ts';
import { db } from '../../../db/instance.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { PinSetupFields } from '../../../ui/pin/PinSetupFields.tsx';

type AdvisorPinSetupProps = { advisor: AdvisorRow; onDone: () => void };

/**
 * After a password sign-in: the PIN this advisor unlocks the tablet with, offline too, and
 * ends customer mode with. One who already has a PIN here may keep it.
 */
export function AdvisorPinSetup({ advisor, onDone }: AdvisorPinSetupProps) {
  const { t } = useI18n();
  const cancel = () => void signOut(db).then(onDone);
  return (
    <section className="advisor-pin" aria-label={t('advisorPin.title', { name: advisor.name })}>
      <PinHeading hint={t('advisorPin.hint')}>{t('advisorPin.title', { name: advisor.name })}</PinHeading>
      <PinSetupFields
        save={(pin) => setAdvisorPin(db, advisor.id, pin)}
        onDone={onDone}
        onCancel={cancel}
        submitLabel={t('advisorPin.save')}
        actions={
          advisor.pin ? (
            <PinBackButton label={t('advisorPin.keep')} onClick={onDone} />
          ) : (
            <PinBackButton label={t('pin.cancel')} onClick={cancel} />
          )
        }
      />
    </section>
  );
}

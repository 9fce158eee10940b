import { unlockWithPin } from '../../../db/advisor-repo.ts';
import type { AdvisorRow } from '../../../db/database.ts';
import { db } from '../../../db/instance.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PinEntry } from '../../../ui/pin/PinEntry.tsx';
import { PinBackButton, PinHeading } from '../../../ui/pin/PinPanelParts.tsx';
import { storedPinTries } from '../../../ui/pin/pin-tries.ts';

/** Wrong PINs on the lock screen count per tablet, whichever advisor's tile was tapped. */
const lockScreenTries = storedPinTries('walkaround.lockScreenPinTries');

type AdvisorTilesProps = { advisors: AdvisorRow[]; onChoose: (advisor: AdvisorRow) => void };

/** One large tile per advisor who can unlock this tablet: their initial and name. */
export function AdvisorTiles({ advisors, onChoose }: AdvisorTilesProps) {
  return (
    <ul className="advisor-tiles" role="list">
      {advisors.map((advisor) => (
        <li key={advisor.id}>
          <button type="button" className="advisor-tile" onClick={() => onChoose(advisor)}>
            <span className="advisor-avatar" aria-hidden="true">
              {[...advisor.name][0] ?? '?'}
            </span>
            <span className="advisor-name">{advisor.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

type AdvisorUnlockProps = { advisor: AdvisorRow; onBack: () => void };

/** The chosen advisor's PIN on the pad; right, and the tablet is theirs (unlockWithPin). */
export function AdvisorUnlock({ advisor, onBack }: AdvisorUnlockProps) {
  const { t } = useI18n();
  return (
    <section className="lock-unlock" aria-label={t('lock.pinFor', { name: advisor.name })}>
      <PinHeading>
        <span className="advisor-avatar" aria-hidden="true">
          {[...advisor.name][0] ?? '?'}
        </span>{' '}
        {t('lock.pinFor', { name: advisor.name })}
      </PinHeading>
      <PinEntry
        label={t('lock.pinLabel')}
        verify={(pin) => unlockWithPin(db, advisor.id, pin)}
        tries={lockScreenTries}
        // The session changes with the unlock, and the app opens by itself.
        onUnlocked={() => undefined}
        onEscape={onBack}
        actions={<PinBackButton label={t('lock.otherAdvisor')} onClick={onBack} />}
      />
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { unlockableAdvisors } from '../../../db/advisor-repo.ts';
import type { AdvisorRow } from '../../../db/database.ts';
import { db } from '../../../db/instance.ts';
import type { TabletSession } from '../../../db/tablet-session.ts';
import { LanguageButton, NetStatus } from '../../../ui/AppBarParts.tsx';
import { Icon } from '../../../ui/Icon.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { AdvisorPinSetup } from './AdvisorPinSetup.tsx';
import { AdvisorTiles, AdvisorUnlock } from './AdvisorUnlock.tsx';
import { PasswordSignIn } from './PasswordSignIn.tsx';

type LockScreenProps = {
  session: TabletSession;
  /** Keeps the lock on after a password sign-in until the advisor has set (or kept) a PIN. */
  hold: (on: boolean) => void;
  holding: boolean;
};

type Mode = { kind: 'choose' } | { kind: 'pin'; advisor: AdvisorRow } | { kind: 'password' };

/**
 * A connected tablet with nobody signed in: the advisors who can unlock it offline as large
 * tiles, each with their PIN; or the password sign-in (online) for one new to this tablet, who
 * then sets a PIN. The job cards stay out of sight until one of them has.
 */
export function LockScreen({ session, hold, holding }: LockScreenProps) {
  const { t } = useI18n();
  const advisors = useLiveQuery(() => unlockableAdvisors(db), []);
  const [mode, setMode] = useState<Mode>({ kind: 'choose' });
  const { enrollment, advisor } = session;
  const where = t('lock.where', { store: enrollment?.storeName ?? '', letter: session.deviceCode ?? '' });

  let body;
  if (advisor && (!advisor.pin || holding)) body = <AdvisorPinSetup advisor={advisor} onDone={() => hold(false)} />;
  else if (advisors === undefined) body = null;
  else if (mode.kind === 'password' || advisors.length === 0)
    body = (
      <>
        {advisors.length === 0 && (
          <p className="banner banner-ok" role="status">
            ✓ {t('lock.welcome', { store: enrollment?.storeName ?? '', letter: session.deviceCode ?? '' })}
          </p>
        )}
        <PasswordSignIn hold={hold} onBack={advisors.length > 0 ? () => setMode({ kind: 'choose' }) : undefined} />
      </>
    );
  else if (mode.kind === 'pin') body = <AdvisorUnlock advisor={mode.advisor} onBack={() => setMode({ kind: 'choose' })} />;
  else
    body = (
      <>
        <h2>{t('lock.choose')}</h2>
        <AdvisorTiles advisors={advisors} onChoose={(chosen) => setMode({ kind: 'pin', advisor: chosen })} />
        <button type="button" className="btn btn-large lock-password" onClick={() => setMode({ kind: 'password' })}>
          <Icon name="key" /> {t('lock.passwordSignIn')}
        </button>
      </>
    );

  return (
    <div className="lock-screen">
      <header className="app-bar">
        <span className="app-title">
          <Icon name="lock" /> {t('lock.title')}
        </span>
        <span className="lock-where">{where}</span>
        <NetStatus />
        <LanguageButton />
      </header>
      <main className="page lock-page">{body}</main>
    </div>
  );
}

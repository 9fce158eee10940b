import { signOut } from '../db/advisor-repo.ts';
import type { TabletSession } from '../db/tablet-session.ts';
import { LanguageButton, NetStatus } from '../ui/AppBarParts.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useI18n } from '../ui/i18n.tsx';
import { navigate } from '../ui/navigation.ts';
import { loadDb } from '../ui/sync/deferred-db.ts';

/** The advisor hands the tablet on: it locks, and the next one starts from the job list. */
export async function handOver(): Promise<void> {
  navigate('/', { replace: true });
  const { db } = await loadDb();
  await signOut(db);
}

/** The top bar: home, the network, the language, the store connection and who is working. */
export function AppHeader({ session }: { session: TabletSession | undefined }) {
  const { t } = useI18n();
  const advisor = session?.advisor;
  return (
    <header className="app-bar">
      <a
        className="app-title"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('app.title')}
      </a>
      <NetStatus />
      <LanguageButton />
      <button type="button" className="btn btn-quiet" onClick={() => navigate('/settings')}>
        ⚙ {t('settings.open')}
      </button>
      {session?.enrollment && advisor && (
        <span className="app-advisor">
          <span className="advisor-chip">
            <Icon name="person" /> {t('session.advisor', { name: advisor.name })}
          </span>
          <button type="button" className="btn btn-quiet" onClick={() => void handOver()}>
            {t('session.signOut')}
          </button>
        </span>
      )}
    </header>
  );
}

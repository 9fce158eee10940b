import { useState } from 'react';
import type { TabletSession } from '../../../db/tablet-session.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { useTabletSession } from '../../../ui/sync/use-sync-state.ts';
import { ConnectForm } from './ConnectForm.tsx';
import { StoreProfileSection } from './StoreProfileSection.tsx';

/** 门店连接: connect a tablet to its store, or see which store and tablet this is; and the store's details for the customer's copy. */
export function SettingsPage() {
  const { t } = useI18n();
  const session = useTabletSession();
  return (
    <main className="page settings">
      <button type="button" className="btn" onClick={() => navigate('/')}>
        {t('connection.back')}
      </button>
      {session === undefined ? null : session.enrollment ? (
        <ConnectionDetails session={session} />
      ) : (
        <>
          <h2>{t('connect.title')}</h2>
          <p>{t('connect.intro')}</p>
          <ConnectForm />
        </>
      )}
      <StoreProfileSection />
    </main>
  );
}

function ConnectionDetails({ session }: { session: TabletSession }) {
  const { t } = useI18n();
  const [reconnecting, setReconnecting] = useState(false);
  const { enrollment, advisor } = session;
  if (!enrollment) return null;
  return (
    <>
      <h2>{t('connection.title')}</h2>
      <p className="banner banner-ok">{t('connection.connected')}</p>
      <dl className="facts">
        <dt>{t('connection.store')}</dt>
        <dd>
          {enrollment.storeName} ({session.storeCode})
        </dd>
        <dt>{t('connection.tablet')}</dt>
        <dd>{t('connection.tabletValue', { letter: session.deviceCode ?? '', name: enrollment.deviceName })}</dd>
        <dt>{t('connection.since')}</dt>
        <dd>{formatLocalDateTime(enrollment.enrolledAt)}</dd>
        {advisor && (
          <>
            <dt>{t('connection.advisor')}</dt>
            <dd>{advisor.name}</dd>
          </>
        )}
      </dl>
      {reconnecting ? (
        <>
          <h3>{t('connection.reconnect')}</h3>
          <p className="field-hint">{t('connection.reconnectHint')}</p>
          <ConnectForm />
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setReconnecting(true)}>
          {t('connection.reconnect')}
        </button>
      )}
    </>
  );
}

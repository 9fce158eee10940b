import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { JobList } from '../features/jobs/components/JobList.tsx';
import type { CustomerModeScreen as CustomerModeScreenComponent } from './CustomerModeScreen.tsx';
import { isCustomerLocked } from '../features/signing/customer-lock.ts';
import { useCustomerLock } from '../features/signing/hooks/use-customer-lock.ts';
import { I18nProvider, useI18n } from '../ui/i18n.tsx';
import { withScreenMessages } from '../ui/messages.ts';
import { navigate, usePath } from '../ui/navigation.ts';
import { useTabletSession } from '../ui/sync/use-sync-state.ts';
import { hasUnsavedInput } from '../ui/unsaved-input.ts';
import { AppHeader } from './AppHeader.tsx';
import { UpdatePrompt } from './pwa/UpdatePrompt.tsx';
import { withScreenStyles } from './screen-styles.ts';
import { SyncBar } from './sync/SyncBar.tsx';

// The list is the first screen; the others load on demand, with their styles (screen-styles.ts)
// and the strings of the message areas the first screen does not show (withScreenMessages),
// to keep the first route small. The lock screen's strings are the first screen's own.
const JobPage = lazy(withScreenMessages(withScreenStyles(() => import('./JobPage.tsx').then((m) => ({ default: m.JobPage })))));
const PrintPage = lazy(withScreenMessages(withScreenStyles(() => import('./print/PrintPage.tsx').then((m) => ({ default: m.PrintPage })))));
const SettingsPage = lazy(
  withScreenMessages(withScreenStyles(() => import('../features/settings/components/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })))),
);
const LockScreen = lazy(withScreenStyles(() => import('../features/settings/components/LockScreen.tsx').then((m) => ({ default: m.LockScreen }))));
// Customer mode is fetched while a card is open, so handing the tablet over renders it at
// once: a lazy component would show its fallback for React's minimum of 300 ms.
let customerMode: { CustomerModeScreen: typeof CustomerModeScreenComponent } | null = null;
// Kept once its strings are in too: a screen kept earlier could render before them.
const loadCustomerMode = () =>
  withScreenMessages(withScreenStyles(() => import('./CustomerModeScreen.tsx')))().then((m) => {
    customerMode = m;
    return { default: m.CustomerModeScreen };
  });
const LazyCustomerMode = lazy(loadCustomerMode);

// A new version reloads the page: never while the customer holds the tablet (the lock would
// hold, but the customer would watch the screen go blank), nor over unsaved typing.
const updateRefused = () => isCustomerLocked() || hasUnsavedInput();

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const path = usePath();
  const [, section, jobId, step] = path.split('/');
  const lock = useCustomerLock();
  const session = useTabletSession();
  // After a password sign-in the lock stays until the advisor has set (or kept) a PIN.
  const [holdLock, setHoldLock] = useState(false);

  useEffect(() => {
    if (section === 'jobs' && !customerMode) void loadCustomerMode().catch(() => undefined);
  }, [section]);

  // Customer mode: the documents handed over and nothing else, until the advisor's PIN.
  // Chosen once per hand-over: switching component types mid-lock would remount the screen
  // and drop what the customer or advisor has open on it (the PIN dialog, a drawn signature).
  const lockSince = lock?.since;
  const CustomerModeScreen = useMemo(() => (lockSince ? (customerMode?.CustomerModeScreen ?? LazyCustomerMode) : null), [lockSince]);

  if (lock && CustomerModeScreen)
    return (
      <Suspense fallback={<main className="customer-mode" aria-busy="true" />}>
        <CustomerModeScreen lock={lock} />
      </Suspense>
    );

  // A tablet connected to a store opens only for a signed-in advisor with a PIN here. One
  // that is not connected works as it always has, for whoever holds it.
  const advisor = session?.advisor;
  if (session?.enrollment && (!advisor || !advisor.pin || holdLock))
    return (
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        <LockScreen session={session} hold={setHoldLock} holding={holdLock} />
      </Suspense>
    );

  return (
    <>
      <AppHeader session={session} />
      {session?.enrollment ? <SyncBar updateRefused={updateRefused} /> : session && !section && <ConnectInvite />}
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        {session === undefined ? (
          // Not yet known whether the tablet is locked: show no card until it is.
          <main className="page" aria-busy="true" />
        ) : section === 'jobs' && jobId ? (
          <JobPage jobId={jobId} step={step} />
        ) : section === 'print' && jobId ? (
          <PrintPage jobId={jobId} />
        ) : section === 'settings' ? (
          <SettingsPage />
        ) : (
          <JobList />
        )}
      </Suspense>
      <UpdatePrompt
        hasUnsavedInput={updateRefused}
        labels={{ available: t('update.available'), update: t('update.update'), later: t('update.later'), blocked: t('update.blocked') }}
      />
    </>
  );
}

/** On a tablet not connected to a store: says so, quietly, with the way to connect it. */
function ConnectInvite() {
  const { t } = useI18n();
  return (
    <p className="connect-invite">
      <span>{t('connect.notConnected')}</span>
      <button type="button" className="btn-link" onClick={() => navigate('/settings')}>
        {t('connect.invite')} ›
      </button>
    </p>
  );
}

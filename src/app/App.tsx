import { lazy, Suspense, useEffect, useMemo } from 'react';
import { JobList } from '../features/jobs/components/JobList.tsx';
import type { CustomerMode as CustomerModeComponent } from '../features/signing/components/CustomerMode.tsx';
import { isCustomerLocked } from '../features/signing/customer-lock.ts';
import { useCustomerLock } from '../features/signing/hooks/use-customer-lock.ts';
import { I18nProvider, useI18n } from '../ui/i18n.tsx';
import { navigate, usePath } from '../ui/navigation.ts';
import { useOnline } from '../ui/online.ts';
import { hasUnsavedInput } from '../ui/unsaved-input.ts';
import { UpdatePrompt } from './pwa/UpdatePrompt.tsx';

// The list is the first screen; the card loads on demand to keep the first route small.
const JobPage = lazy(() => import('./JobPage.tsx').then((m) => ({ default: m.JobPage })));
const PrintPage = lazy(() => import('./print/PrintPage.tsx').then((m) => ({ default: m.PrintPage })));
// Customer mode is fetched while a card is open, so handing the tablet over renders it at
// once: a lazy component would show its fallback for React's minimum of 300 ms.
let customerMode: { CustomerMode: typeof CustomerModeComponent } | null = null;
const loadCustomerMode = () =>
  import('../features/signing/components/CustomerMode.tsx').then((m) => {
    customerMode = m;
    return { default: m.CustomerMode };
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
  const { t, language, setLanguage } = useI18n();
  const online = useOnline();
  const path = usePath();
  const [, section, jobId, step] = path.split('/');
  const lock = useCustomerLock();

  useEffect(() => {
    if (section === 'jobs' && !customerMode) void loadCustomerMode().catch(() => undefined);
  }, [section]);

  // Customer mode: that one document and nothing else, until the advisor's PIN.
  // Chosen once per hand-over: switching component types mid-lock would remount the screen
  // and drop what the customer or advisor has open on it (the PIN dialog, a drawn signature).
  const lockSince = lock?.since;
  const CustomerModeScreen = useMemo(() => (lockSince ? (customerMode?.CustomerMode ?? LazyCustomerMode) : null), [lockSince]);

  if (lock && CustomerModeScreen)
    return (
      <Suspense fallback={<main className="customer-mode" aria-busy="true" />}>
        <CustomerModeScreen jobId={lock.jobId} kind={lock.kind} since={lock.since} />
      </Suspense>
    );

  return (
    <>
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
        <span className={`net net-${online ? 'online' : 'offline'}`} role="status">
          {online ? t('app.online') : t('app.offline')}
        </span>
        <button type="button" className="btn btn-quiet" lang={language === 'en' ? 'zh-CN' : 'en'} onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </button>
      </header>
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        {section === 'jobs' && jobId ? (
          <JobPage jobId={jobId} step={step} />
        ) : section === 'print' && jobId ? (
          <PrintPage jobId={jobId} />
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

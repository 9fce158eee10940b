import { lazy, Suspense } from 'react';
import { JobList } from '../features/jobs/components/JobList.tsx';
import { I18nProvider, useI18n } from '../ui/i18n.tsx';
import { navigate, usePath } from '../ui/navigation.ts';
import { useOnline } from '../ui/online.ts';
import { hasUnsavedInput } from '../ui/unsaved-input.ts';
import { UpdatePrompt } from './pwa/UpdatePrompt.tsx';

// The list is the first screen; the card loads on demand to keep the first route small.
const JobPage = lazy(() => import('./JobPage.tsx').then((m) => ({ default: m.JobPage })));

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
        {section === 'jobs' && jobId ? <JobPage jobId={jobId} step={step} /> : <JobList />}
      </Suspense>
      <UpdatePrompt
        hasUnsavedInput={hasUnsavedInput}
        labels={{ available: t('update.available'), update: t('update.update'), later: t('update.later'), blocked: t('update.blocked') }}
      />
    </>
  );
}

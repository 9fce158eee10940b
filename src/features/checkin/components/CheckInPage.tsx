import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { db } from '../../../db/instance.ts';
import { getJob } from '../../../db/job-queries.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import type { Job } from '../../../shared/job.ts';
import { stepOf, type Step } from '../steps.ts';
import { CheckInForm } from './CheckInForm.tsx';

/** Steps another feature renders, given the live job (e.g. the walk-around). */
export type ExternalSteps = Partial<Record<Step, (job: Job) => ReactNode>>;

type CheckInPageProps = { jobId: string; step: string | undefined; externalSteps?: ExternalSteps };

/** Loads the card from IndexedDB once, then hands it to the form, which owns editing. */
export function CheckInPage({ jobId, step, externalSteps = {} }: CheckInPageProps) {
  const { t } = useI18n();
  // null = looked and not found; undefined = still loading.
  const job = useLiveQuery(async () => (await getJob(db, jobId)) ?? null, [jobId]);
  if (job === undefined) return <main className="page" aria-busy="true" />;
  if (job === null)
    return (
      <main className="page">
        <p className="banner banner-error" role="alert">
          {t('jobs.noMatch')}
        </p>
        <button type="button" className="btn" onClick={() => navigate('/')}>
          {t('app.back')}
        </button>
      </main>
    );
  return <CheckInForm key={job.id} job={job} step={stepOf(step)} externalSteps={externalSteps} />;
}

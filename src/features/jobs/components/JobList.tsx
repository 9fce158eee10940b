import { useEffect, useState } from 'react';
import { db } from '../../../db/instance.ts';
import { errorText } from '../../../shared/error-text.ts';
import { formatLocalDateTime, localDateKey } from '../../../shared/local-time.ts';
import type { Job } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { SyncBadge } from '../../../ui/sync/SyncBadge.tsx';
import { useSyncStates } from '../../../ui/sync/use-sync-state.ts';
import type { JobSyncState } from '../../../sync/job-sync-state.ts';
import { useJobSearch } from '../hooks/use-job-search.ts';

export const INTERACTIVE_MARK = 'walkaround:interactive';

/** The start screen: this tablet's job cards, today first, and the way to a new one. */
export function JobList() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const jobs = useJobSearch(query);
  const syncStateOf = useSyncStates();
  const [error, setError] = useState<string | null>(null);
  const loaded = jobs !== undefined;

  // The benchmark's "time to interactive": the first screen is usable once the list is in.
  useEffect(() => {
    if (loaded && performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, [loaded]);

  async function startNew() {
    try {
      // Writes (zod validation, the outbox) load on first use: the list comes up sooner.
      const { createJob } = await import('../../../db/job-repo.ts');
      const job = await createJob(db);
      navigate(`/jobs/${job.id}/customer`);
    } catch (e) {
      setError(t('save.failed', { reason: errorText(e) }));
    }
  }

  const today = localDateKey(new Date());
  const todays = jobs?.filter((j) => localDateKey(new Date(j.createdAt)) === today) ?? [];
  const earlier = jobs?.filter((j) => localDateKey(new Date(j.createdAt)) !== today) ?? [];

  return (
    <main className="page job-list">
      <div className="toolbar">
        <button type="button" className="btn btn-primary btn-large" onClick={startNew}>
          ＋ {t('jobs.new')}
        </button>
      </div>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
      <div className="field search-field">
        <label htmlFor="job-search">{t('jobs.search')}</label>
        <input
          id="job-search"
          type="search"
          value={query}
          placeholder={t('jobs.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      {jobs && jobs.length === 0 && <p className="empty">{query ? t('jobs.noMatch') : t('jobs.empty')}</p>}
      <JobGroup title={t('jobs.today')} jobs={todays} syncStateOf={syncStateOf} />
      <JobGroup title={t('jobs.earlier')} jobs={earlier} syncStateOf={syncStateOf} />
    </main>
  );
}

type JobGroupProps = { title: string; jobs: Job[]; syncStateOf: ((jobId: string) => JobSyncState) | undefined };

function JobGroup({ title, jobs, syncStateOf }: JobGroupProps) {
  const { t } = useI18n();
  if (jobs.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2 className="group-title">{title}</h2>
      <ul className="cards" role="list">
        {jobs.map((job) => (
          <li key={job.id}>
            <a
              className="job-row"
              href={`/jobs/${job.id}/customer`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/jobs/${job.id}/customer`);
              }}
            >
              <span className="job-plate">{job.card.vehicle.plate || t('jobs.noPlate')}</span>
              <span className="job-badges">
                <span className={`badge badge-${job.status}`}>{t(`status.${job.status}`)}</span>
                {syncStateOf && <SyncBadge state={syncStateOf(job.id)} />}
              </span>
              <span className="job-meta">
                {job.card.customer.name || t('jobs.noName')} · {job.card.vehicle.model}
                {job.card.vehicle.vin && ` · …${job.card.vehicle.vin.slice(-6)}`}
              </span>
              <span className="job-number">
                {job.number} · {formatLocalDateTime(job.createdAt)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

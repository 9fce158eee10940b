import { useEffect, useState, type ReactNode } from 'react';
import { promisedAt } from '../../../shared/addition-rounds.ts';
import { splitExpectedToday } from '../../../shared/appointment-list.ts';
import { errorText } from '../../../shared/error-text.ts';
import { followUpList, type FollowUpEntry } from '../../../shared/follow-up-list.ts';
import { formatLocalDateTime, localDateKey } from '../../../shared/local-time.ts';
import type { Job } from '../../../shared/job.ts';
import { groupByUrgency, type Urgency } from '../../../shared/job-urgency.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { navigate } from '../../../ui/navigation.ts';
import { loadDb } from '../../../ui/sync/deferred-db.ts';
import { SyncBadge } from '../../../ui/sync/SyncBadge.tsx';
import { useSyncStates } from '../../../ui/sync/use-sync-state.ts';
import { useNow } from '../../../ui/use-now.ts';
import type { JobSyncState } from '../../../sync/job-sync-state.ts';
import { useJobSearch } from '../hooks/use-job-search.ts';
import { JOB_FILTERS, jobPath, storedJobFilter, storeJobFilter, type JobFilter } from '../job-filter.ts';
import '../jobs.css';

export const INTERACTIVE_MARK = 'walkaround:interactive';

type SyncStateOf = ((jobId: string) => JobSyncState) | undefined;

/**
 * The start screen: this tablet's job cards, those past or near their promised time first,
 * then today's and earlier ones; filtered by status or to the 72-hour follow-up calls.
 */
export function JobList() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<JobFilter>(storedJobFilter);
  const jobs = useJobSearch(query, filter);
  const syncStateOf = useSyncStates();
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const loaded = jobs !== undefined;

  // The benchmark's "time to interactive": the first screen is usable once the list is in.
  useEffect(() => {
    if (loaded && performance.getEntriesByName(INTERACTIVE_MARK).length === 0) performance.mark(INTERACTIVE_MARK);
  }, [loaded]);

  async function startNew() {
    try {
      // Writes (zod validation, the outbox) load on first use: the list comes up sooner.
      const [{ createJob }, { db }] = await Promise.all([import('../../../db/job-repo.ts'), loadDb()]);
      const job = await createJob(db);
      navigate(`/jobs/${job.id}/customer`);
    } catch (e) {
      setError(t('save.failed', { reason: errorText(e) }));
    }
  }

  function choose(next: JobFilter) {
    storeJobFilter(next);
    setFilter(next);
  }

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
      <div className="filter-chips" role="group" aria-label={t('jobs.filter')}>
        {JOB_FILTERS.map((f) => (
          <button key={f} type="button" className="btn" aria-pressed={f === filter} onClick={() => choose(f)}>
            {f === 'all' ? t('jobs.filter.all') : f === 'followUp' ? t('jobs.filter.followUp') : t(`status.${f}`)}
          </button>
        ))}
      </div>
      {jobs &&
        (filter === 'followUp' ? (
          <FollowUpGroup entries={followUpList(jobs, now)} syncStateOf={syncStateOf} />
        ) : (
          <CardGroups jobs={jobs} now={now} empty={query ? t('jobs.noMatch') : filter === 'all' ? t('jobs.empty') : t('jobs.filterEmpty')} syncStateOf={syncStateOf} />
        ))}
    </main>
  );
}

function CardGroups({ jobs, now, empty, syncStateOf }: { jobs: Job[]; now: Date; empty: string; syncStateOf: SyncStateOf }) {
  const { t } = useI18n();
  if (jobs.length === 0) return <p className="empty">{empty}</p>;
  // Cars booked for today (预约) come first, in the order they are expected.
  const { expected, rest: walkIns } = splitExpectedToday(jobs, now);
  const { overdue, dueSoon, rest } = groupByUrgency(walkIns, now);
  const today = localDateKey(now);
  const todays = rest.filter((j) => localDateKey(new Date(j.createdAt)) === today);
  const earlier = rest.filter((j) => localDateKey(new Date(j.createdAt)) !== today);
  return (
    <>
      <AppointmentGroup jobs={expected} syncStateOf={syncStateOf} />
      <JobGroup title={t('jobs.overdue')} tone="overdue" jobs={overdue} urgency="overdue" syncStateOf={syncStateOf} />
      <JobGroup title={t('jobs.dueSoon')} tone="dueSoon" jobs={dueSoon} urgency="dueSoon" syncStateOf={syncStateOf} />
      <JobGroup title={t('jobs.today')} jobs={todays} urgency="none" syncStateOf={syncStateOf} />
      <JobGroup title={t('jobs.earlier')} jobs={earlier} urgency="none" syncStateOf={syncStateOf} />
    </>
  );
}

type JobGroupProps = { title: string; tone?: 'overdue' | 'dueSoon'; jobs: Job[]; urgency: Urgency; syncStateOf: SyncStateOf };

function JobGroup({ title, tone, jobs, urgency, syncStateOf }: JobGroupProps) {
  const { t } = useI18n();
  if (jobs.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2 className={`group-title${tone ? ` group-${tone}` : ''}`}>{title}</h2>
      <ul className="cards" role="list">
        {jobs.map((job) => {
          const promised = promisedAt(job);
          return (
            <li key={job.id}>
              <JobRow job={job} syncStateOf={syncStateOf} tone={tone}>
                {urgency !== 'none' && <span className={`badge badge-${urgency}`}>{t(`urgency.${urgency}`)}</span>}
                {urgency !== 'none' && promised && (
                  <span className="job-due">{t('jobs.promisedAt', { time: formatLocalDateTime(promised) })}</span>
                )}
              </JobRow>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AppointmentGroup({ jobs, syncStateOf }: { jobs: Job[]; syncStateOf: SyncStateOf }) {
  const { t } = useI18n();
  if (jobs.length === 0) return null;
  return (
    <section aria-label={t('jobs.appointments')}>
      <h2 className="group-title group-appointments">{t('jobs.appointments')}</h2>
      <ul className="cards" role="list">
        {jobs.map((job) => (
          <li key={job.id}>
            <JobRow job={job} syncStateOf={syncStateOf}>
              <span className="badge badge-appointment">{t('jobs.bookedAt', { time: formatLocalDateTime(job.appointment!.at).slice(-5) })}</span>
              {job.appointment!.note && <span className="job-due">{job.appointment!.note}</span>}
            </JobRow>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FollowUpGroup({ entries, syncStateOf }: { entries: FollowUpEntry<Job>[]; syncStateOf: SyncStateOf }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="empty">{t('jobs.followUpEmpty')}</p>;
  return (
    <section aria-label={t('jobs.followUpTitle')}>
      <h2 className="group-title">{t('jobs.followUpTitle')}</h2>
      <ul className="cards" role="list">
        {entries.map(({ job, state, deliveredAt }) => (
          <li key={job.id}>
            <JobRow job={job} syncStateOf={syncStateOf} tone={state === 'due' ? undefined : 'overdue'} followUpPath>
              <span className={`badge badge-followup-${state}`}>{t(`followUp.state.${state}`)}</span>
              <span className="job-due">{t('jobs.deliveredAt', { time: formatLocalDateTime(deliveredAt) })}</span>
            </JobRow>
          </li>
        ))}
      </ul>
    </section>
  );
}

type JobRowProps = { job: Job; syncStateOf: SyncStateOf; tone?: 'overdue' | 'dueSoon'; followUpPath?: boolean; children?: ReactNode };

function JobRow({ job, syncStateOf, tone, followUpPath, children }: JobRowProps) {
  const { t } = useI18n();
  // From the follow-up list a card opens on its call; otherwise where its work stands.
  const path = followUpPath ? `/jobs/${job.id}/followup` : jobPath(job);
  return (
    <a
      className={`job-row${tone ? ` job-row-${tone}` : ''}`}
      href={path}
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      <span className="job-plate">{job.card.vehicle.plate || t('jobs.noPlate')}</span>
      <span className="job-badges">
        {children}
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
  );
}

import { useCallback } from 'react';
import type { WalkaroundDb } from '../../../db/database.ts';
import { jobsWithStatus, newestThenRunning, PROMISE_RUNS, searchJobs } from '../../../db/job-queries.ts';
import type { FirstScreen } from '../../../db/first-read.ts';
import type { Job } from '../../../shared/job.ts';
import { useDeferredLiveQuery } from '../../../ui/sync/use-deferred-live-query.ts';
import { useFirstRead, useLiveOrEarly } from '../../../ui/sync/use-sync-state.ts';
import { statusesOf, type JobFilter } from '../job-filter.ts';

/** The start's raw read holds this list's page: no search typed, the filter it was read for. */
function firstPageOf(first: FirstScreen | null | undefined, query: string, filter: JobFilter): Job[] | undefined {
  if (!first || query) return undefined;
  const statuses = statusesOf(filter);
  const same = statuses === null ? first.statuses === null : first.statuses !== null && first.statuses.join() === statuses.join();
  return same ? first.jobs : undefined;
}

/**
 * Live search results: re-runs whenever a card changes, so the list never goes stale. At start
 * the first page comes from first-read.ts, and Dexie (loaded then) reads once that read is done.
 */
export function useJobSearch(query: string, filter: JobFilter = 'all'): Job[] | undefined {
  const first = useFirstRead();
  const search = useCallback(async (db: WalkaroundDb) => {
    const statuses = statusesOf(filter);
    if (query) {
      const found = await searchJobs(db, query);
      return statuses ? found.filter((job) => statuses.includes(job.status)) : found;
    }
    if (statuses) return jobsWithStatus(db, statuses);
    const [newest, running] = await Promise.all([searchJobs(db, ''), jobsWithStatus(db, PROMISE_RUNS)]);
    return newestThenRunning(newest, running);
  }, [query, filter]);
  const live = useDeferredLiveQuery(first === undefined ? null : search);
  return useLiveOrEarly(live, firstPageOf(first, query, filter));
}

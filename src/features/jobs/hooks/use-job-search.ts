import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../../db/instance.ts';
import { jobsWithStatus, searchJobs } from '../../../db/job-queries.ts';
import type { Job } from '../../../shared/job.ts';
import type { JobStatus } from '../../../shared/job-status.ts';
import { statusesOf, type JobFilter } from '../job-filter.ts';

// Cards whose promised time can still run out: looked up by status as well, so an overdue
// card older than the newest few hundred is never missing from the top of the list.
const PROMISE_RUNS: readonly JobStatus[] = ['checked-in', 'in-repair', 'quality-check'];

/** Live search results: re-runs whenever a card changes, so the list never goes stale. */
export function useJobSearch(query: string, filter: JobFilter = 'all'): Job[] | undefined {
  return useLiveQuery(async () => {
    const statuses = statusesOf(filter);
    if (query) {
      const found = await searchJobs(db, query);
      return statuses ? found.filter((job) => statuses.includes(job.status)) : found;
    }
    if (statuses) return jobsWithStatus(db, statuses);
    const [newest, running] = await Promise.all([searchJobs(db, ''), jobsWithStatus(db, PROMISE_RUNS)]);
    const seen = new Set(newest.map((job) => job.id));
    return [...newest, ...running.filter((job) => !seen.has(job.id))];
  }, [query, filter]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../../db/instance.ts';
import { searchJobs } from '../../../db/job-queries.ts';
import type { Job } from '../../../shared/job.ts';

/** Live search results: re-runs whenever a card changes, so the list never goes stale. */
export function useJobSearch(query: string): Job[] | undefined {
  return useLiveQuery(() => searchJobs(db, query), [query]);
}

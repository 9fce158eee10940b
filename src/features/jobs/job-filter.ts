// The job list's filter chips: every card, one status, or the 72-hour follow-up list. Kept for
// the browser tab (sessionStorage), so an advisor working through the 回访 list comes back to
// it after each card.
import { JOB_STATUSES, type JobStatus } from '../../shared/status-moves.ts';

export const JOB_FILTERS = ['all', ...JOB_STATUSES, 'followUp'] as const;
export type JobFilter = (typeof JOB_FILTERS)[number];

const STORAGE_KEY = 'walkaround.jobFilter';

export function isJobFilter(value: unknown): value is JobFilter {
  return JOB_FILTERS.includes(value as JobFilter);
}

export function storedJobFilter(): JobFilter {
  const stored = globalThis.sessionStorage?.getItem(STORAGE_KEY);
  return isJobFilter(stored) ? stored : 'all';
}

export function storeJobFilter(filter: JobFilter): void {
  globalThis.sessionStorage?.setItem(STORAGE_KEY, filter);
}

/** The statuses a filter reads from the status index; null for all cards. */
export function statusesOf(filter: JobFilter): readonly JobStatus[] | null {
  if (filter === 'all') return null;
  return filter === 'followUp' ? ['delivered'] : [filter];
}

/** Where a card opens: a draft on its check-in form, any other on where the work stands. */
export function jobPath(job: { id: string; status: JobStatus }): string {
  return job.status === 'draft' ? `/jobs/${job.id}/customer` : `/jobs/${job.id}`;
}

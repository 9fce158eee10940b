// The returning car's last estimate for 按上次项目: the last visit found as the walk-around
// finds it (previous-visit.ts lastVisit over this tablet's and, online, the server's cards),
// with its live lines. Offline on a tablet that never saw the car: nothing, no error.
import type { EstimateLine } from '../../../shared/estimate.ts';
import type { Job } from '../../../shared/job.ts';
import type { PreviousSource } from '../../../shared/previous-visit.ts';
import { live } from '../../../shared/walkaround.ts';
import { useLastVisit } from '../../../ui/sync/use-last-visit.ts';

export type LastEstimate = { visit: Job; lines: EstimateLine[]; source: PreviousSource };

export function useLastEstimate(job: Job): LastEstimate | null {
  const last = useLastVisit(job);
  if (!last) return null;
  const { visit, source } = last;
  const lines = live(visit.estimate.lines).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (lines.length === 0) return null;
  return { visit, lines, source };
}

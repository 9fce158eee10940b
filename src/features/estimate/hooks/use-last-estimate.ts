// The returning car's last estimate for 按上次项目: the last visit found as the walk-around
// finds it (previous-visit.ts lastVisit over this tablet's and, online, the server's cards),
// with its live lines. Offline on a tablet that never saw the car: nothing, no error.
import type { EstimateLine } from '../../../shared/estimate.ts';
import type { Job } from '../../../shared/job.ts';
import { lastVisit, type PreviousSource } from '../../../shared/previous-visit.ts';
import { live } from '../../../shared/walkaround.ts';
import { useVehicleVisits } from '../../../ui/sync/use-vehicle-visits.ts';

export type LastEstimate = { visit: Job; lines: EstimateLine[]; source: PreviousSource };

export function useLastEstimate(job: Job): LastEstimate | null {
  const { plate, vin } = job.card.vehicle;
  const visits = useVehicleVisits(job.id, plate, vin);
  const visit = visits ? lastVisit(visits.jobs, job) : null;
  if (!visits || !visit) return null;
  const lines = live(visit.estimate.lines).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (lines.length === 0) return null;
  return { visit, lines, source: visits.onTablet.has(visit.id) ? 'tablet' : 'server' };
}

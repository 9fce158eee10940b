// The vehicle's last visit (previous-visit.ts lastVisit: the newest earlier checked-in card of
// the same plate or VIN) and where it was read: this tablet, or the store's server when only
// the server has it. Null when there is none to be had (offline on a tablet that never saw the
// car: nothing, and no error). The walk-around, the estimate and the check-in steps all start
// from it.
import type { Job } from '../../shared/job.ts';
import { lastVisit, type PreviousSource } from '../../shared/previous-visit.ts';
import { useVehicleVisits } from './use-vehicle-visits.ts';

export type LastVisit = { visit: Job; source: PreviousSource };

export function useLastVisit(job: Pick<Job, 'id' | 'createdAt' | 'card'>): LastVisit | null {
  const visits = useVehicleVisits(job.id, job.card.vehicle.plate, job.card.vehicle.vin);
  const visit = visits ? lastVisit(visits.jobs, job) : null;
  if (!visits || !visit) return null;
  return { visit, source: visits.onTablet.has(visit.id) ? 'tablet' : 'server' };
}

// The vehicle's last visit (the newest earlier checked-in card of the same plate or VIN), from
// this tablet or, when only the server has it, from the server; null when there is none to be
// had (offline on a tablet that never saw the car: nothing, and no error).
import type { Job } from '../../../shared/job.ts';
import { lastVisit } from '../../../shared/previous-visit.ts';
import { useVehicleVisits } from '../../../ui/sync/use-vehicle-visits.ts';

export function useLastVisit(job: Pick<Job, 'id' | 'createdAt' | 'card'>): Job | null {
  const visits = useVehicleVisits(job.id, job.card.vehicle.plate, job.card.vehicle.vin);
  return visits ? lastVisit(visits.jobs, job) : null;
}

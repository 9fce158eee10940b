// Earlier visits of the vehicle on the card, as rows for the list: from the store's server when
// the tablet is connected and online, otherwise this tablet's own cards, saying which
// (useVehicleVisits).
import { useVehicleVisits, type VisitsSource } from '../../../ui/sync/use-vehicle-visits.ts';
import { visitRows, type VisitRow } from '../earlier-visits.ts';

export type EarlierVisits = { rows: VisitRow[]; source: VisitsSource; asking: boolean };

export function useEarlierVisits(jobId: string, plate: string, vin: string): EarlierVisits | undefined {
  const visits = useVehicleVisits(jobId, plate, vin);
  if (!visits) return undefined;
  return { rows: visitRows(visits.jobs, jobId), source: visits.source, asking: visits.asking };
}

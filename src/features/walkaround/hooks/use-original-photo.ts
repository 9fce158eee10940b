import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../../db/instance.ts';
import { getJob } from '../../../db/job-queries.ts';
import type { Photo } from '../../../shared/walkaround.ts';

/**
 * The photo an annotated copy was drawn on. Usually it is in the list being viewed; when it
 * is not (it was deleted since, or the list is filtered), the job still holds it, tombstone
 * or not, and the original is the evidence the advisor wants to see.
 */
export function useOriginalPhoto(jobId: string, photo: Photo | undefined, photos: Photo[]): Photo | undefined {
  const originalId = photo?.annotatedFromId ?? null;
  const inList = originalId === null ? undefined : photos.find((p) => p.id === originalId);
  const needsLookup = originalId !== null && inList === undefined;
  const fromJob = useLiveQuery(
    async () => (needsLookup && originalId !== null ? (await getJob(db, jobId))?.photos[originalId] : undefined),
    [jobId, originalId, needsLookup],
  );
  return inList ?? fromJob;
}

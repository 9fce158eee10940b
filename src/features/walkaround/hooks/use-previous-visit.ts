// The returning car's last visit for the walk-around: the newest checked-in card of the same
// plate or VIN, from this tablet, or from the store's server when only the server has it
// (online and connected). Offline on a tablet that never saw the car: nothing, no error.
import { useEffect } from 'react';
import { wantPreviousBlobs } from '../../../db/previous-marks-repo.ts';
import { db } from '../../../db/instance.ts';
import type { Job } from '../../../shared/job.ts';
import { openPreviousMarks, previousMarks, type PreviousMark, type PreviousSource } from '../../../shared/previous-visit.ts';
import { loadSyncEngine } from '../../../ui/sync/engine.ts';
import { useLastVisit } from '../../../ui/sync/use-last-visit.ts';

export type PreviousVisit = { visit: Job; source: PreviousSource; open: PreviousMark[] };

export function usePreviousVisit(job: Job): PreviousVisit | null {
  const last = useLastVisit(job);
  const visit = last?.visit ?? null;
  const thumbs = visit ? previousMarks(visit).flatMap((mark) => mark.photos.map((photo) => photo.thumbSha256)) : [];
  const thumbKey = thumbs.join(',');

  useEffect(() => {
    if (!thumbKey) return;
    // Thumbnails of a card this tablet has not got the bytes of: the next sync brings them.
    // Showing them is a help, not a step: if this fails, the marks show without their pictures.
    void wantPreviousBlobs(db, thumbKey.split(','))
      .then(async (wanted) => {
        if (wanted) (await loadSyncEngine()).trigger();
      })
      .catch(() => undefined);
  }, [thumbKey]);

  if (!last) return null;
  return { visit: last.visit, source: last.source, open: openPreviousMarks(job, last.visit) };
}

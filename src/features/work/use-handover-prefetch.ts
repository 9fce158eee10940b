// The 交车 screen shows every check-in mark with its photos. Their thumbnails are read and
// decoded while the advisor still looks at the card's progress, so 交车 opens with them painted
// instead of reading IndexedDB, making object URLs and decoding after the tap.
import { useEffect } from 'react';
import type { Job } from '../../shared/job.ts';
import { checkinDamages } from '../../shared/signed-content.ts';
import { live } from '../../shared/walkaround.ts';
import { prefetchBlobUrls } from '../../ui/use-blob-url.ts';

/** The thumbnails the 交车 screen shows: the photos of the live check-in marks, in card order. */
export function checkinMarkThumbnails(job: Pick<Job, 'damages' | 'photos'>): string[] {
  const marks = new Set(checkinDamages(job).map((damage) => damage.id));
  return live(job.photos)
    .filter((photo) => photo.damageId !== null && marks.has(photo.damageId))
    .map((photo) => photo.thumbSha256);
}

/** Idle time when the browser tells it (requestIdleCallback), a short pause where it does not. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 100);
  return () => clearTimeout(id);
}

/** Prefetches the card's 交车 thumbnails once the screen showing the card is idle. */
export function useHandoverPrefetch(job: Pick<Job, 'damages' | 'photos'>): void {
  // A string, so a live update of the card that leaves the thumbnails alone does not re-run it.
  const thumbnails = checkinMarkThumbnails(job).join(' ');
  useEffect(() => {
    if (thumbnails === '') return;
    // A thumbnail that cannot be read is shown (or not) by its screen as before: nothing to report here.
    return whenIdle(() => void prefetchBlobUrls(thumbnails.split(' ')).catch(() => undefined));
  }, [thumbnails]);
}

// 交车 opens with its thumbnails painted because the card reads and decodes them beforehand:
// which thumbnails (the photos of the live check-in marks, nothing else), and that after the
// prefetch a thumbnail has its object URL in its very first render, all read in one bulkGet.
// On fake-indexeddb, through the app's own database and blob cache.
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { addDamage, removeDamage } from '../../src/db/damage-repo.ts';
import { db } from '../../src/db/instance.ts';
import { getJob } from '../../src/db/job-queries.ts';
import { createJob } from '../../src/db/job-repo.ts';
import { removePhoto } from '../../src/db/photo-repo.ts';
import { putBlob } from '../../src/db/blob-store.ts';
import { checkinMarkThumbnails } from '../../src/features/work/use-handover-prefetch.ts';
import type { Job } from '../../src/shared/job.ts';
import { prefetchBlobUrls, useBlobUrl } from '../../src/ui/use-blob-url.ts';
import { addFakePhoto } from '../support/tablet.ts';
import { COMPLETE_CARD } from './support/complete-card.ts';

const T0 = new Date('2026-11-27T09:00:00+08:00');
const SPOT = { view: 'left', x: 0.5, y: 0.5, type: 'scratch', severity: 'minor', note: '' } as const;

async function cardWithPhotos() {
  const { id: jobId } = await createJob(db, COMPLETE_CARD, T0);
  const markA = await addDamage(db, jobId, SPOT);
  const markB = await addDamage(db, jobId, { ...SPOT, view: 'front' });
  const gone = await addDamage(db, jobId, { ...SPOT, view: 'rear' });
  const found = await addDamage(db, jobId, { ...SPOT, view: 'top', stage: 'handover' });
  const photo = (seed: number, damageId: string | null) => addFakePhoto(db, jobId, seed, 2000, { damageId, slot: null });
  const a1 = await photo(1, markA);
  const b1 = await photo(2, markB);
  const a2 = await photo(3, markA);
  const removed = await photo(4, markA);
  await photo(5, gone);
  await photo(6, found);
  await addFakePhoto(db, jobId, 7);
  await removePhoto(db, jobId, removed);
  await removeDamage(db, jobId, gone);
  const job = (await getJob(db, jobId)) as Job;
  const thumb = (photoId: string) => job.photos[photoId]?.thumbSha256 ?? '';
  return { job, expected: [thumb(a1), thumb(b1), thumb(a2)] };
}

/** What a thumbnail shows in its first render: the URL, or nothing while its bytes load. */
const firstRender = (sha256: string) =>
  renderToStaticMarkup(createElement(() => createElement('i', { 'data-url': useBlobUrl(sha256) ?? 'none' })));

describe('the 交车 thumbnails read ahead', () => {
  it('are the photos of the live check-in marks, in card order, and no other', async () => {
    const { job, expected } = await cardWithPhotos();
    expect(Object.keys(job.photos)).toHaveLength(7);
    expect(checkinMarkThumbnails(job)).toEqual(expected);
  });

  it('are in a thumbnail first render once prefetched, read in one bulkGet', async () => {
    const { job } = await cardWithPhotos();
    const thumbnails = checkinMarkThumbnails(job);
    const large = { sha256: 'f'.repeat(64), bytes: new ArrayBuffer(100 * 1024), mime: 'image/jpeg', byteLength: 100 * 1024, createdAt: T0.toISOString() };
    await putBlob(db, large);
    const notHere = 'e'.repeat(64);
    for (const sha256 of thumbnails) expect(firstRender(sha256)).toBe('<i data-url="none"></i>');

    const reads = vi.spyOn(db.blobs, 'bulkGet');
    await prefetchBlobUrls([...thumbnails, large.sha256, notHere]);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    for (const sha256 of thumbnails) expect(firstRender(sha256)).toMatch(/^<i data-url="blob:[^"]+"><\/i>$/u);
    // A photo's bytes get a URL per screen (revoked with it), and missing bytes are watched there.
    expect(firstRender(large.sha256)).toBe('<i data-url="none"></i>');
    expect(firstRender(notHere)).toBe('<i data-url="none"></i>');
  });
});

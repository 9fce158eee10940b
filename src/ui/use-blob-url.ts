import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '../db/instance.ts';
import { getBlob } from '../db/blob-store.ts';
import type { BlobRow } from '../db/database.ts';

type Shown = { sha256: string; url: string };

/** Thumbnails and signatures are this small; full photos are not cached. */
const SMALL_BLOB_BYTES = 64 * 1024;
/** About 10 MB of thumbnails at most: several busy cards' worth. */
const SMALL_CACHE_ENTRIES = 600;

// Blobs are content-addressed, so the bytes behind a hash never change: one object URL per
// small blob can serve every thumbnail of that hash for the page's life. Oldest first.
const smallUrls = new Map<string, string>();

/** One card's thumbnails on its busiest screen, at most, kept decoded (about 170 KB each). */
const DECODED_IMAGES = 40;
// Images decoded ahead of a screen, held so the browser keeps their pixels: an <img> of the
// same URL on that screen then paints at once, without waiting for a decode. Oldest first.
const decoded = new Map<string, HTMLImageElement>();

// Thumbnails mount in dozens at once; their reads are gathered into one bulkGet per tick.
let batch: Map<string, ((row: BlobRow | undefined) => void)[]> | null = null;

// A read asked for again while it runs (a screen mounting while its prefetch reads) is shared.
const reading = new Map<string, Promise<BlobRow | undefined>>();

function readBatched(sha256: string): Promise<BlobRow | undefined> {
  const running = reading.get(sha256);
  if (running) return running;
  const read = readInBatch(sha256);
  reading.set(sha256, read);
  void read.then(() => reading.delete(sha256));
  return read;
}

function readInBatch(sha256: string): Promise<BlobRow | undefined> {
  return new Promise((resolve) => {
    if (!batch) {
      const current = new Map<string, ((row: BlobRow | undefined) => void)[]>();
      batch = current;
      queueMicrotask(() => {
        batch = null;
        const keys = [...current.keys()];
        db.blobs.bulkGet(keys).then(
          (rows) => keys.forEach((key, i) => current.get(key)?.forEach((done) => done(rows[i]))),
          () => keys.forEach((key) => current.get(key)?.forEach((done) => done(undefined))),
        );
      });
    }
    const waiting = batch.get(sha256) ?? [];
    waiting.push(resolve);
    batch.set(sha256, waiting);
  });
}

function rememberSmall(row: BlobRow): string {
  const known = smallUrls.get(row.sha256);
  if (known) return known;
  const url = URL.createObjectURL(new Blob([row.bytes], { type: row.mime }));
  smallUrls.set(row.sha256, url);
  if (smallUrls.size > SMALL_CACHE_ENTRIES) {
    const [oldest, oldUrl] = smallUrls.entries().next().value as [string, string];
    smallUrls.delete(oldest);
    decoded.delete(oldest);
    URL.revokeObjectURL(oldUrl);
  }
  return url;
}

function decodeAhead(sha256: string, url: string): Promise<void> {
  if (decoded.has(sha256) || typeof Image === 'undefined') return Promise.resolve();
  const image = new Image();
  image.src = url;
  decoded.set(sha256, image);
  if (decoded.size > DECODED_IMAGES) decoded.delete(decoded.keys().next().value as string);
  // A blob that does not decode shows as it would anyway: its own <img> says so, not this.
  return typeof image.decode === 'function' ? image.decode().catch(() => undefined) : Promise.resolve();
}

/**
 * Makes the object URLs of small blobs (thumbnails) before the screen that shows them opens,
 * in one read, and has the browser decode them, so that screen has them in its first frame.
 * Large blobs and bytes not on this device are left to useBlobUrl, which reads them as always.
 */
export async function prefetchBlobUrls(sha256s: readonly string[]): Promise<void> {
  const unique = [...new Set(sha256s)];
  const wanted = unique.filter((sha256) => !smallUrls.has(sha256));
  if (wanted.length > 0) {
    const rows = await Promise.all(wanted.map(readBatched));
    for (const row of rows) if (row && row.byteLength <= SMALL_BLOB_BYTES) rememberSmall(row);
  }
  await Promise.all(
    unique.map((sha256) => {
      const url = smallUrls.get(sha256);
      return url ? decodeAhead(sha256, url) : undefined;
    }),
  );
}

/**
 * An object URL for a stored blob (photo, thumbnail, signature), undefined while it loads or
 * when this device does not hold the bytes yet. Small blobs come from a page-wide cache,
 * read in batches; a large one gets its own URL, revoked when the component lets go of it.
 */
export function useBlobUrl(sha256: string | null | undefined): string | undefined {
  const cached = sha256 ? smallUrls.get(sha256) : undefined;
  const [found, setFound] = useState<BlobRow | 'missing' | null>(null);

  useEffect(() => {
    if (!sha256 || smallUrls.has(sha256)) return;
    let current = true;
    void readBatched(sha256).then((row) => {
      if (current) setFound(row ?? 'missing');
    });
    return () => {
      current = false;
    };
  }, [sha256]);

  // Bytes that are not here yet (e.g. arriving by sync) are watched until they are.
  const live = useLiveQuery(() => (sha256 && found === 'missing' ? getBlob(db, sha256) : undefined), [sha256, found]);
  const row = live ?? (found !== 'missing' && found?.sha256 === sha256 ? found : undefined);
  const large = useLargeUrl(row && row.byteLength > SMALL_BLOB_BYTES ? row : undefined);

  if (cached) return cached;
  if (!row) return undefined;
  return row.byteLength > SMALL_BLOB_BYTES ? large : rememberSmall(row);
}

/** A URL per mount for a large blob, revoked by the effect that made it. */
function useLargeUrl(row: BlobRow | undefined): string | undefined {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    if (!row) return;
    const url = URL.createObjectURL(new Blob([row.bytes], { type: row.mime }));
    setShown({ sha256: row.sha256, url });
    return () => URL.revokeObjectURL(url);
  }, [row]);
  // While a new hash loads, the old URL (already revoked) is not returned.
  return shown && row && shown.sha256 === row.sha256 ? shown.url : undefined;
}

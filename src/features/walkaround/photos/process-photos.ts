// Photos picked or taken, turned into what the card stores. The main thread only does the
// cheap checks (size, then the first 16 bytes for an image signature); decoding, resizing,
// encoding and hashing happen in one long-lived Worker (photo-worker.ts), two photos at a
// time at most, so the page stays responsive and a tablet never holds more than two
// decoded camera images in memory.
import { blobMimeOf, type BlobMime } from '../../../shared/blob-kind.ts';
import type { PhotoWorkerRequest, PhotoWorkerResponse, ProcessedImage } from './photo-worker.ts';

export type { ProcessedImage };

export type PhotoRefusal = 'notImage' | 'corrupt' | 'tooLarge';

export type PhotoResult =
  | { ok: true; name: string; photo: ProcessedImage; thumb: ProcessedImage }
  | { ok: false; name: string; reason: PhotoRefusal; sizeMb?: number; maxMb?: number };

/** Larger than any phone or tablet camera JPEG (a 200 MP shot is about 30 MB). */
export const MAX_FILE_MB = 40;
// Decimal megabytes, as formatBytes and the tablet's own file manager count them.
const MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000;
const IN_FLIGHT = 2;

/** Image formats recognised by their first bytes, whatever the file is called. */
export type ImageKind = 'jpeg' | 'png' | 'webp' | 'heif';

// ISO-BMFF brands of HEIF images (iPhone and many Android cameras) and of AVIF. Whether they
// decode depends on the browser, so they are tried, and reported as unreadable if they fail.
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'avif', 'avis']);

const KIND_OF_MIME: Partial<Record<BlobMime, ImageKind>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

export function sniffImage(head: Uint8Array): ImageKind | null {
  // JPEG, PNG and WebP by the same test the server applies to stored blobs; HEIF only here,
  // as a camera may hand it over but the app never stores it (it is re-encoded as JPEG).
  const mime = blobMimeOf(head);
  const kind = mime ? KIND_OF_MIME[mime] : undefined;
  if (kind) return kind;
  const ascii = (start: number, end: number) => String.fromCharCode(...head.subarray(start, end));
  if (ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'heif';
  return null;
}

/**
 * Checks and processes the files in order; one result per file, at the same index. Refused
 * files do not stop the others. Rejects only if the worker itself cannot run.
 */
export async function processPhotos(files: File[], onProgress?: (done: number, total: number) => void): Promise<PhotoResult[]> {
  const results: PhotoResult[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  onProgress?.(0, files.length);
  const lane = async () => {
    for (let i = next++; i < files.length && !failed; i = next++) {
      const file = files[i];
      if (!file) continue;
      try {
        results[i] = await processOne(file);
      } catch (error) {
        failed = true;
        throw error;
      }
      done += 1;
      onProgress?.(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
  return results;
}

async function processOne(file: File): Promise<PhotoResult> {
  const { name } = file;
  // Refused on its size alone: a huge file is never read into memory.
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, name, reason: 'tooLarge', sizeMb: Math.ceil(file.size / 100_000) / 10, maxMb: MAX_FILE_MB };
  }
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  } catch {
    // The file went away or cannot be read (a revoked gallery permission, a removed card).
    return { ok: false, name, reason: 'corrupt' };
  }
  if (!sniffImage(head)) return { ok: false, name, reason: 'notImage' };
  const response = await inWorker(file);
  return response.ok ? { ok: true, name, photo: response.photo, thumb: response.thumb } : { ok: false, name, reason: response.reason };
}

type Pending = { resolve: (response: PhotoWorkerResponse) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function inWorker(file: Blob): Promise<PhotoWorkerResponse> {
  const target = photoWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // A File is posted as a handle: its bytes are read in the worker, not here.
    target.postMessage({ id, file } satisfies PhotoWorkerRequest);
  });
}

function photoWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<PhotoWorkerResponse>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data);
  });
  created.addEventListener('error', (event) => {
    event.preventDefault();
    failWorker(`photo worker failed: ${event.message || 'could not start'}`);
  });
  created.addEventListener('messageerror', () => failWorker('photo worker sent an unreadable message'));
  worker = created;
  return created;
}

// The next batch starts a fresh worker; this one's photos are reported as failed, not lost
// silently.
function failWorker(reason: string): void {
  worker?.terminate();
  worker = null;
  const error = new Error(reason);
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

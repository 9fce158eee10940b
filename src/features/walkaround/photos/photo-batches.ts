// Photo batches: files picked or taken, checked against storage, processed off the main thread
// and saved one by one on the card, offline like every other change. A batch's progress and
// messages are kept here by target (a mark, a slot, a line), not in the component that started it:
// the camera opened by the damage choice returns its files to a choice panel that is gone by then,
// and the mark's editor shows them.
import { db } from '../../../db/instance.ts';
import { addPhoto, isQuotaError, type PhotoMeta } from '../../../db/photo-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import { BYTES_PER_PHOTO, formatBytes, PHOTO_FLOOR_BYTES, storageVerdict } from '../../../shared/storage-floor.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import type { MessageKey } from '../../../ui/messages.ts';
import { refreshStorage } from '../hooks/use-storage.ts';
import { processPhotos, type PhotoResult } from './process-photos.ts';

/** A message to show, translated at render time so a language switch updates it. */
export type Notice = { key: MessageKey; params?: Record<string, string | number> };
export type Progress = { done: number; total: number };
export type BatchState = { progress: Progress | null; notices: Notice[] };

const NO_BATCH: BatchState = { progress: null, notices: [] };
const batches = new Map<string, BatchState>();
const listeners = new Set<() => void>();

/** Where a batch's photos go, as one key: the same mark, slot or line is the same batch. */
export function batchKey(jobId: string, meta: PhotoMeta): string {
  return [jobId, meta.damageId ?? '', meta.slot ?? '', meta.additionId ?? ''].join('/');
}

function publish(key: string, state: BatchState | null): void {
  if (state) batches.set(key, state);
  else batches.delete(key);
  for (const listener of listeners) listener();
}

/**
 * Saves `files` as photos of `meta`'s target, publishing progress and each refusal under its key.
 * Returns the photos saved (those saved before a full disk stopped the batch are kept). Never rejects.
 */
export async function runPhotoBatch(jobId: string, files: File[], meta: PhotoMeta): Promise<Photo[]> {
  if (files.length === 0) return [];
  const key = batchKey(jobId, meta);
  publish(key, { progress: { done: 0, total: files.length }, notices: [] });
  let batch: { added: Photo[]; notices: Notice[] } = { added: [], notices: [] };
  try {
    batch = await savePhotoBatch(jobId, files, meta, (done, total) => publish(key, { progress: { done, total }, notices: [] }));
  } finally {
    publish(key, batch.notices.length > 0 ? { progress: null, notices: batch.notices } : null);
    void refreshStorage();
  }
  return batch.added;
}

/** The batch of one target as it runs (progress), or its messages once it is over. */
export function batchState(key: string): BatchState {
  return batches.get(key) ?? NO_BATCH;
}

/** Drops the messages of a finished batch; a running one keeps its progress for the next view of it. */
export function forgetBatch(key: string): void {
  if (batches.get(key)?.progress === null) publish(key, null);
}

export function subscribeBatches(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Checks storage, processes the files off the main thread, and saves the good ones in order. */
async function savePhotoBatch(
  jobId: string,
  files: File[],
  meta: PhotoMeta,
  onProgress: (done: number, total: number) => void,
): Promise<{ added: Photo[]; notices: Notice[] }> {
  const { estimate } = await refreshStorage();
  const verdict = storageVerdict(estimate, PHOTO_FLOOR_BYTES, files.length * BYTES_PER_PHOTO);
  if (!verdict.ok) return { added: [], notices: [{ key: 'photos.lowStorage', params: { free: formatBytes(verdict.freeBytes) } }] };

  let results: PhotoResult[];
  try {
    results = await processPhotos(files, onProgress);
  } catch (e) {
    return { added: [], notices: [{ key: 'photos.failed', params: { reason: errorText(e) } }] };
  }
  const notices = results.flatMap((r) => (r.ok ? [] : [refusal(r)]));
  const added: Photo[] = [];
  for (const result of results) {
    if (!result.ok) continue;
    try {
      added.push(await addPhoto(db, jobId, result, meta));
    } catch (e) {
      // Each photo is its own transaction: those saved before this one stay.
      notices.push(isQuotaError(e) ? { key: 'photos.quota' } : { key: 'photos.failed', params: { reason: errorText(e) } });
      break;
    }
  }
  return { added, notices };
}

function refusal(result: Extract<PhotoResult, { ok: false }>): Notice {
  const { name, reason } = result;
  if (reason === 'tooLarge') return { key: 'photos.tooLarge', params: { name, size: result.sizeMb ?? '?', max: result.maxMb ?? '?' } };
  return { key: reason === 'notImage' ? 'photos.notImage' : 'photos.corrupt', params: { name } };
}

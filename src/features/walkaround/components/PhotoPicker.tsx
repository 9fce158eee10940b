import { useState, type ChangeEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { addPhoto, isQuotaError, type PhotoMeta } from '../../../db/photo-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import { BYTES_PER_PHOTO, formatBytes, PHOTO_FLOOR_BYTES, storageVerdict } from '../../../shared/storage-floor.ts';
import type { Photo, PhotoSlot } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { MessageKey } from '../../../ui/messages.ts';
import { refreshStorage, useStorage } from '../hooks/use-storage.ts';
import { processPhotos, type PhotoResult } from '../photos/process-photos.ts';

type PhotoPickerProps = {
  jobId: string;
  damageId?: string | null;
  slot?: PhotoSlot | null;
  /** What the photos are of ("里程表", a damage), appended to the buttons' accessible names. */
  label?: string;
  /** The additional line (追加项目) the photos show, e.g. the worn part. */
  additionId?: string;
  onAdded?: (photos: Photo[]) => void;
};

/** A message to show, translated at render time so a language switch updates it. */
type Notice = { key: MessageKey; params?: Record<string, string | number> };
type Progress = { done: number; total: number };

/**
 * 拍照 and 从相册选择, several photos at once. Storage is checked before anything is processed
 * (the standing low-storage warning is the StorageMeter's, once per screen);
 * each refused file gets its own message; a full disk stops the batch with the photos saved
 * so far kept. Only photos are added: nothing else on the card is touched.
 */
export function PhotoPicker({ jobId, damageId = null, slot = null, label, additionId, onAdded }: PhotoPickerProps) {
  const { t } = useI18n();
  const storage = useStorage();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const named = (text: string) => (label ? `${text} · ${label}` : text);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared at once, so picking the same file again fires a change.
    input.value = '';
    if (files.length === 0) return;
    setNotices([]);
    setProgress({ done: 0, total: files.length });
    try {
      const batch = await savePhotoBatch(jobId, files, { damageId, slot, annotatedFromId: null, ...(additionId && { additionId }) }, (done, total) => setProgress({ done, total }));
      setNotices(batch.notices);
      if (batch.added.length > 0) onAdded?.(batch.added);
    } finally {
      setProgress(null);
      void storage.refresh();
    }
  }

  const processing = progress && t('photos.processing', { done: progress.done, total: progress.total });
  return (
    <div className="photo-picker">
      <div className="photo-picker-buttons">
        <PickButton text={t('photos.take')} name={named(t('photos.take'))} capture busy={progress !== null} onPick={pick} />
        <PickButton text={t('photos.gallery')} name={named(t('photos.gallery'))} busy={progress !== null} onPick={pick} />
      </div>
      {progress && (
        <div className="photo-progress">
          <progress max={progress.total} value={progress.done} aria-label={processing || undefined} />
          <span role="status">{processing}</span>
        </div>
      )}
      {notices.length > 0 && (
        <ul className="photo-notices" role="alert">
          {notices.map((notice, i) => (
            <li key={i} className="field-error">
              {t(notice.key, notice.params)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type PickButtonProps = { text: string; name: string; capture?: boolean; busy: boolean; onPick: (event: ChangeEvent<HTMLInputElement>) => void };

/** A large button that is the label of a visually hidden file input (still focusable). */
function PickButton({ text, name, capture = false, busy, onPick }: PickButtonProps) {
  return (
    <label className={`btn btn-large photo-button${capture ? ' btn-primary' : ''}`}>
      {text}
      <input
        className="photo-input"
        type="file"
        accept="image/*"
        multiple
        capture={capture ? 'environment' : undefined}
        aria-label={name}
        disabled={busy}
        onChange={onPick}
      />
    </label>
  );
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

import type { ChangeEvent } from 'react';
import type { Photo, PhotoSlot } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { usePhotoBatch } from '../hooks/use-photo-batch.ts';
import { batchKey, runPhotoBatch } from '../photos/photo-batches.ts';

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

/**
 * 拍照 and 从相册选择, several photos at once. Storage is checked before anything is processed
 * (the standing low-storage warning is the StorageMeter's, once per screen);
 * each refused file gets its own message; a full disk stops the batch with the photos saved
 * so far kept. Only photos are added: nothing else on the card is touched.
 */
export function PhotoPicker({ jobId, damageId = null, slot = null, label, additionId, onAdded }: PhotoPickerProps) {
  const { t } = useI18n();
  const meta = { damageId, slot, annotatedFromId: null, ...(additionId && { additionId }) };
  // Kept by target, not here: the damage choice's camera hands its files to this mark's batch too.
  const { progress, notices } = usePhotoBatch(batchKey(jobId, meta));
  const named = (text: string) => (label ? `${text} · ${label}` : text);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared at once, so picking the same file again fires a change.
    input.value = '';
    const added = await runPhotoBatch(jobId, files, meta);
    if (added.length > 0) onAdded?.(added);
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

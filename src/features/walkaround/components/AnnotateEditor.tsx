import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { addPhoto, isQuotaError } from '../../../db/photo-repo.ts';
import { errorText } from '../../../shared/error-text.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { ANNOTATION_TOOLS, type AnnotationTool, type Stroke } from '../annotate-geometry.ts';
import { useImageBitmap } from '../hooks/use-image-bitmap.ts';
import { processPhotos } from '../photos/process-photos.ts';
import { AnnotateCanvas } from './AnnotateCanvas.tsx';
import { encodeAnnotated } from './annotate-render.ts';

type AnnotateEditorProps = {
  jobId: string;
  photo: Photo;
  /** The id of the new annotated photo, or null when the advisor cancelled. */
  onDone: (newPhotoId: string | null) => void;
};

/**
 * Draws circles, arrows and freehand lines on a photo and saves the result as a new photo
 * (annotatedFromId = the original, same damage mark or slot). The original is never touched,
 * so the unmarked evidence is always there. A failed save keeps the strokes for a retry.
 */
export function AnnotateEditor({ jobId, photo, onDone }: AnnotateEditorProps) {
  const { t } = useI18n();
  const image = useImageBitmap(photo.sha256);
  const [tool, setTool] = useState<AnnotationTool>('circle');
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(bitmap: ImageBitmap) {
    setSaving(true);
    setError(null);
    try {
      const blob = await encodeAnnotated(bitmap, strokes);
      const file = new File([blob], 'annotated.jpg', { type: 'image/jpeg' });
      // The same path as a camera photo: thumbnail and hash are made off the main thread.
      const [result] = await processPhotos([file]);
      if (!result) throw new Error('no result');
      if (!result.ok) {
        throw new Error(t(`photos.${result.reason}`, { name: result.name, size: result.sizeMb ?? '', max: result.maxMb ?? '' }));
      }
      const added = await addPhoto(db, jobId, result, {
        damageId: photo.damageId,
        slot: photo.slot,
        annotatedFromId: photo.id,
      });
      onDone(added.id);
    } catch (e) {
      setError(isQuotaError(e) ? t('photos.quota') : t('photos.failed', { reason: errorText(e) }));
      setSaving(false);
    }
  }

  const ready = image !== null && image !== 'failed';
  return (
    <div className="annotate" aria-busy={saving}>
      <div className="annotate-bar">
        <ChoiceRow
          label={t('photos.annotate')}
          options={ANNOTATION_TOOLS}
          value={tool}
          onChoose={setTool}
          optionLabel={(name) => t(`annotate.${name}`)}
          optionClass={() => 'btn btn-large'}
          disabled={saving}
        />
        <button
          type="button"
          className="btn btn-large"
          disabled={saving || strokes.length === 0}
          onClick={() => setStrokes((s) => s.slice(0, -1))}
        >
          {t('annotate.undo')}
        </button>
        <span className="annotate-spacer" />
        <button type="button" className="btn btn-large" disabled={saving} onClick={() => onDone(null)}>
          {t('annotate.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-large btn-primary"
          disabled={!ready || saving || strokes.length === 0}
          onClick={() => ready && void save(image)}
        >
          {t('annotate.save')}
        </button>
      </div>
      {saving && (
        <p className="banner banner-info annotate-message" role="status">
          {t('photos.processing', { done: 0, total: 1 })}
        </p>
      )}
      {(error !== null || image === 'failed') && (
        <p className="banner banner-error annotate-message" role="alert">
          {error ?? t('annotate.loadFailed')}
        </p>
      )}
      {ready ? (
        <AnnotateCanvas
          image={image}
          strokes={strokes}
          tool={tool}
          onStroke={(stroke) => setStrokes((s) => [...s, stroke])}
          label={t('photos.annotate')}
          disabled={saving}
        />
      ) : (
        <div className="annotate-stage" aria-busy={image === null} />
      )}
    </div>
  );
}

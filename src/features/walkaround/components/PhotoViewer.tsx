import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useOriginalPhoto } from '../hooks/use-original-photo.ts';
import { useUndoDelete } from '../hooks/use-undo-delete.ts';
import { AnnotateEditor } from './AnnotateEditor.tsx';
import { ZoomableImage } from './ZoomableImage.tsx';

type PhotoViewerProps = {
  jobId: string;
  photos: Photo[];
  startId: string;
  onClose: () => void;
  /** Look only: no annotate or delete (check-in photos seen again at handover are evidence). */
  readOnly?: boolean;
};

/**
 * A photo full-screen on black, with pinch-zoom, paging, annotate and delete. `photos` is
 * the live list: after a delete the viewer stays open on the photo that took its place (or
 * on an empty stage if none is left) while the undo is offered; when an undo expires on an
 * empty list, the viewer closes itself.
 */
export function PhotoViewer({ jobId, photos, startId, onClose, readOnly = false }: PhotoViewerProps) {
  const { t } = useI18n();
  // The id we want to show, and where it was: when it leaves the live list (deleted), the
  // photo now at that place is shown; when it comes back (undo), it is shown again.
  const [position, setPosition] = useState(() => ({ id: startId, index: Math.max(0, photos.findIndex((p) => p.id === startId)) }));
  const [showOriginal, setShowOriginal] = useState(false);
  const [editing, setEditing] = useState<Photo | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const deletion = useUndoDelete(jobId, () => {
    if (photos.length === 0) onClose();
  });

  const found = photos.findIndex((p) => p.id === position.id);
  const index = found >= 0 ? found : Math.min(position.index, photos.length - 1);
  const current = photos[index];
  const original = useOriginalPhoto(jobId, current, photos);
  const shown = showOriginal && original ? original : current;

  const go = (step: 1 | -1) => {
    const next = photos[index + step];
    if (!next) return;
    setPosition({ id: next.id, index: index + step });
    setShowOriginal(false);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (editing) return; // strokes are only dropped by the editor's own 取消
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Focus moves into the dialog and back to what opened it, for keyboards and screen readers.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, []);

  const remove = () => {
    if (!current) return;
    setPosition({ id: current.id, index });
    void deletion.remove(current.id);
  };
  const undo = async () => {
    const restored = await deletion.undo();
    if (restored) setPosition((p) => ({ ...p, id: restored }));
  };
  const annotated = (newPhotoId: string | null) => {
    setEditing(null);
    setShowOriginal(false);
    if (newPhotoId) setPosition({ id: newPhotoId, index });
  };

  return createPortal(
    <div className="viewer" role="dialog" aria-modal="true" aria-label={t('photos.viewer', { n: index + 1, total: photos.length })}>
      {editing ? (
        <AnnotateEditor jobId={jobId} photo={editing} onDone={annotated} />
      ) : (
        <>
          <div className="viewer-bar">
            {photos.length > 0 && <span className="viewer-count">{`${index + 1} / ${photos.length}`}</span>}
            {shown?.annotatedFromId && <span className="viewer-badge">{t('photos.annotated')}</span>}
            {current?.annotatedFromId && original && (
              <button type="button" className="btn btn-large" aria-pressed={showOriginal} onClick={() => setShowOriginal((v) => !v)}>
                {t('photos.original')}
              </button>
            )}
            {shown && !readOnly && (
              <button type="button" className="btn btn-large" onClick={() => setEditing(shown)}>
                {t('photos.annotate')}
              </button>
            )}
            {current && !showOriginal && !readOnly && (
              <button type="button" className="btn btn-large viewer-delete" onClick={remove}>
                {t('photos.delete')}
              </button>
            )}
            <button ref={closeRef} type="button" className="btn btn-large btn-primary" onClick={onClose}>
              {t('photos.close')}
            </button>
          </div>
          {shown ? (
            <ZoomableImage key={shown.id} photo={shown} alt={t('photos.viewer', { n: index + 1, total: photos.length })} onSwipe={go} />
          ) : (
            <div className="viewer-stage" />
          )}
          {photos.length > 1 && (
            <>
              <button type="button" className="viewer-nav viewer-prev" aria-label={t('photos.previous')} disabled={index === 0} onClick={() => go(-1)}>
                ‹
              </button>
              <button type="button" className="viewer-nav viewer-next" aria-label={t('photos.next')} disabled={index === photos.length - 1} onClick={() => go(1)}>
                ›
              </button>
            </>
          )}
        </>
      )}
      {/* Outside the editor switch, so an undo offered before annotating is still reachable. */}
      {deletion.deletedId !== null && (
        <div className="viewer-snackbar" role="status">
          <span>{t('photos.deleted')}</span>
          <button type="button" className="btn btn-large" onClick={() => void undo()}>
            {t('photos.undo')}
          </button>
        </div>
      )}
      {deletion.error !== null && (
        <p className="banner banner-error viewer-error" role="alert">
          {t('photos.actionFailed', { reason: deletion.error })}
        </p>
      )}
    </div>,
    document.body,
  );
}

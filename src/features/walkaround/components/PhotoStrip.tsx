import { useId } from 'react';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';

type PhotoStripProps = { photos: Photo[]; onOpen: (photoId: string) => void };

/** The thumbnails of a card or a damage mark, in the order given; nothing when there are none. */
export function PhotoStrip({ photos, onOpen }: PhotoStripProps) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-strip">
      {photos.map((photo, i) => (
        <li key={photo.id}>
          <Thumbnail photo={photo} n={i + 1} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

type ThumbnailProps = { photo: Photo; n: number; onOpen: (photoId: string) => void };

function Thumbnail({ photo, n, onOpen }: ThumbnailProps) {
  const { t } = useI18n();
  const url = useBlobUrl(photo.thumbSha256);
  const badgeId = useId();
  const annotated = photo.annotatedFromId !== null;
  return (
    <button
      type="button"
      className="photo-thumb"
      aria-label={t('photos.open', { n })}
      aria-describedby={annotated ? badgeId : undefined}
      onClick={() => onOpen(photo.id)}
    >
      {/* The tile keeps its size while the bytes load, so the strip does not jump. */}
      {url && <img src={url} alt="" draggable={false} />}
      {annotated && (
        <span id={badgeId} className="photo-badge">
          {t('photos.annotated')}
        </span>
      )}
    </button>
  );
}

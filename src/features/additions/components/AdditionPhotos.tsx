import { db } from '../../../db/instance.ts';
import { removePhoto } from '../../../db/photo-repo.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type AdditionPhotosProps = { jobId: string; photos: Photo[]; editable: boolean; onFailure: (e: unknown) => void };

/** The photos of one additional line (the worn part), as thumbnails; removable while undecided. */
export function AdditionPhotos({ jobId, photos, editable, onFailure }: AdditionPhotosProps) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <ul className="addition-photos" aria-label={t('addition.photos')}>
      {photos.map((photo, i) => (
        <li key={photo.id}>
          <Thumb sha256={photo.thumbSha256} label={t('addition.photo', { n: i + 1 })} />
          {editable && (
            <button
              type="button"
              className="btn addition-photo-remove"
              aria-label={t('addition.photoRemove', { n: i + 1 })}
              onClick={() => void removePhoto(db, jobId, photo.id).catch(onFailure)}
            >
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function Thumb({ sha256, label }: { sha256: string; label: string }) {
  const url = useBlobUrl(sha256);
  return url ? <img src={url} alt={label} draggable={false} /> : <span className="addition-photo-missing">{label}</span>;
}

import { useState } from 'react';
import type { Photo } from '../../../shared/walkaround.ts';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';
import { useI18n } from '../../../ui/i18n.tsx';

type ReviewPhotosProps = {
  /** SHA-256 of each photo, as in the signed content. */
  hashes: readonly string[];
  /** The job's photos by SHA-256, for their thumbnails. */
  byHash: ReadonlyMap<string, Photo>;
};

/** The photos the customer signs for, as thumbnails; a tap shows one full screen. */
export function ReviewPhotos({ hashes, byHash }: ReviewPhotosProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (hashes.length === 0) return null;
  return (
    <>
      <ul className="review-photos">
        {hashes.map((sha256, i) => (
          <li key={sha256}>
            <button type="button" className="review-thumb" aria-label={t('review.photo', { n: i + 1 })} onClick={() => setOpen(sha256)}>
              {/* The thumbnail if this tablet has it, else the photo itself. */}
              <BlobImage sha256={byHash.get(sha256)?.thumbSha256 ?? sha256} />
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <div className="review-viewer" role="dialog" aria-modal="true" aria-label={t('review.photo', { n: hashes.indexOf(open) + 1 })}>
          <BlobImage sha256={open} />
          <button type="button" className="btn btn-large" autoFocus onClick={() => setOpen(null)}>
            {t('review.photoClose')}
          </button>
        </div>
      )}
    </>
  );
}

function BlobImage({ sha256 }: { sha256: string }) {
  const url = useBlobUrl(sha256);
  return url ? <img src={url} alt="" draggable={false} /> : null;
}

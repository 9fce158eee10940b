import { useId } from 'react';
import { PHOTO_SLOTS, type Photo, type PhotoSlot } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';

type GeneralPhotosProps = {
  jobId: string;
  /** Live photos of the job; each row shows those of its slot. */
  photos: Photo[];
  onOpen: (slot: PhotoSlot, photoId: string) => void;
};

/** 常规照片: one row per photo every check-in should have (odometer, corners, VIN plate, ...). */
export function GeneralPhotos({ jobId, photos, onOpen }: GeneralPhotosProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="group general-photos" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('photos.general')}</h3>
      <ul className="slot-rows">
        {PHOTO_SLOTS.map((slot) => (
          <li key={slot} className="slot-row">
            <span className="slot-name">{t(`slot.${slot}`)}</span>
            <PhotoStrip photos={photos.filter((photo) => photo.slot === slot)} onOpen={(photoId) => onOpen(slot, photoId)} />
            <PhotoPicker jobId={jobId} slot={slot} label={t(`slot.${slot}`)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import type { Handover } from '../../../shared/handover.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { Damage, Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { confirmedAt, uncheckedMarks } from '../handover-checks.ts';
import { DamageDot, markerLabel } from './DamageDot.tsx';
import { PhotoStrip } from './PhotoStrip.tsx';

type CheckinDamageChecksProps = {
  marks: Damage[];
  checks: Handover['damageChecks'];
  photosOf: (damageId: string) => Photo[];
  /** The mark tapped on the diagram: its row is brought into view. */
  selectedId: string | null;
  onUnchanged: (damageId: string) => void;
  /** Takes a confirmation back (tapped by mistake). */
  onUndo: (damageId: string) => void;
  onAllUnchanged: () => void;
  onOpenPhoto: (damageId: string, photoId: string) => void;
};

/**
 * Every check-in mark with its photos from then, one tap to say the car shows it unchanged,
 * and one to take that back.
 */
export function CheckinDamageChecks({ marks, checks, photosOf, selectedId, onUnchanged, onUndo, onAllUnchanged, onOpenPhoto }: CheckinDamageChecksProps) {
  const { t } = useI18n();
  const open = uncheckedMarks(marks, checks).length;
  return (
    <section className="checkin-checks-list" aria-labelledby="checkin-checks-title">
      <h3 id="checkin-checks-title">{t('handover.damages.title', { count: marks.length })}</h3>
      {marks.length === 0 ? (
        <p className="empty">{t('handover.damages.none')}</p>
      ) : (
        <>
          <ol className="checkin-checks">
            {marks.map((mark) => (
              <CheckinDamageRow
                key={mark.id}
                mark={mark}
                checkedAt={confirmedAt(checks, mark.id)}
                photos={photosOf(mark.id)}
                selected={mark.id === selectedId}
                onUnchanged={() => onUnchanged(mark.id)}
                onUndo={() => onUndo(mark.id)}
                onOpenPhoto={(photoId) => onOpenPhoto(mark.id, photoId)}
              />
            ))}
          </ol>
          {open > 0 ? (
            <button type="button" className="btn btn-large btn-primary" onClick={onAllUnchanged}>
              {t('handover.damages.allUnchanged', { count: open })}
            </button>
          ) : (
            <p className="banner banner-ok" role="status">
              {t('handover.damages.allConfirmed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

type CheckinDamageRowProps = {
  mark: Damage;
  checkedAt: string | null;
  photos: Photo[];
  selected: boolean;
  onUnchanged: () => void;
  onUndo: () => void;
  onOpenPhoto: (photoId: string) => void;
};

function CheckinDamageRow({ mark, checkedAt, photos, selected, onUnchanged, onUndo, onOpenPhoto }: CheckinDamageRowProps) {
  const { t } = useI18n();
  const row = useRef<HTMLLIElement>(null);
  const label = markerLabel(t, mark);
  useEffect(() => {
    if (selected) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <li ref={row} className="checkin-check" aria-label={label} data-selected={selected} data-confirmed={checkedAt !== null}>
      <DamageDot damage={mark} />
      <div className="checkin-check-body">
        <strong>{label}</strong>
        {mark.note && <span className="damage-row-note">{mark.note}</span>}
        {photos.length > 0 ? <PhotoStrip photos={photos} onOpen={onOpenPhoto} /> : <span className="field-hint">{t('handover.damages.noPhotos')}</span>}
      </div>
      <div className="checkin-check-action">
        {checkedAt ? (
          <>
            <span className="checkin-check-done">{t('handover.damages.unchangedAt', { time: formatLocalDateTime(checkedAt).slice(11) })}</span>
            <button type="button" className="btn" aria-label={`${t('handover.damages.undo')} · ${label}`} onClick={onUndo}>
              {t('handover.damages.undo')}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-large" aria-label={`${t('handover.damages.unchanged')} · ${label}`} onClick={onUnchanged}>
            {t('handover.damages.unchanged')}
          </button>
        )}
      </div>
    </li>
  );
}

import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { PreviousMark } from '../../../shared/previous-visit.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useBlobUrl } from '../../../ui/use-blob-url.ts';
import type { PreviousVisit } from '../hooks/use-previous-visit.ts';
import { markerLabel } from './DamageDot.tsx';
import '../previous-marks.css';

type PreviousMarksProps = {
  previous: PreviousVisit;
  selectedId: string | null;
  busy: boolean;
  onConfirm: (damageId: string) => void;
  onClear: (damageId: string) => void;
  onConfirmAll: () => void;
};

/**
 * The last visit's marks still to confirm (上次记录), each with its photos: "仍在" makes it a
 * mark of this visit, "已不在" clears it, "全部无变化" confirms all that are left at once.
 */
export function PreviousMarks({ previous, selectedId, busy, onConfirm, onClear, onConfirmAll }: PreviousMarksProps) {
  const { t } = useI18n();
  const { visit, source, open } = previous;
  if (open.length === 0) return null;
  return (
    <section className="previous-marks" aria-label={t('previous.list')}>
      <h4>{t('previous.title')}</h4>
      <p className="previous-marks-source">
        {t('previous.visit', { date: formatLocalDateTime(visit.createdAt).slice(0, 10), number: visit.number })} ·{' '}
        {t(source === 'server' ? 'previous.fromServer' : 'previous.fromTablet')}
      </p>
      <p className="previous-marks-source">{t('previous.lead')}</p>
      <button type="button" className="btn btn-primary btn-large" disabled={busy} onClick={onConfirmAll}>
        {t('previous.allUnchanged', { count: open.length })}
      </button>
      <ul className="previous-marks-list">
        {open.map((mark) => (
          <PreviousMarkRow
            key={mark.damage.id}
            mark={mark}
            selected={mark.damage.id === selectedId}
            busy={busy}
            onConfirm={onConfirm}
            onClear={onClear}
          />
        ))}
      </ul>
    </section>
  );
}

type RowProps = Pick<PreviousMarksProps, 'busy' | 'onConfirm' | 'onClear'> & { mark: PreviousMark; selected: boolean };

function PreviousMarkRow({ mark, selected, busy, onConfirm, onClear }: RowProps) {
  const { t } = useI18n();
  const { damage, photos } = mark;
  const label = markerLabel(t, { ...damage, stage: undefined });
  return (
    <li className="previous-mark" data-selected={selected} aria-label={t('previous.marker', { mark: label })}>
      <div className="previous-mark-body">
        <strong>{label}</strong>
        {damage.note && <span>{damage.note}</span>}
        {photos.length > 0 && (
          <ul className="previous-thumbs" aria-label={t('previous.photos', { count: photos.length })}>
            {photos.map((photo) => (
              <PreviousThumb key={photo.id} sha256={photo.thumbSha256} />
            ))}
          </ul>
        )}
      </div>
      <div className="previous-mark-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onConfirm(damage.id)}>
          {t('previous.confirm')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => onClear(damage.id)}>
          {t('previous.clear')}
        </button>
      </div>
    </li>
  );
}

/** A thumbnail of the last visit; the bytes of a visit read from the server arrive by sync. */
function PreviousThumb({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const url = useBlobUrl(sha256);
  return <li>{url ? <img src={url} alt="" draggable={false} /> : t('previous.photoLoading')}</li>;
}

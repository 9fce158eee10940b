import type { ReactNode } from 'react';
import type { DecidedAddition } from '../../../shared/additions.ts';
import { lineAmounts } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import type { Photo } from '../../../shared/walkaround.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { lineState, quantityText } from '../addition-input.ts';
import { AdditionPhotos } from './AdditionPhotos.tsx';

type AdditionRowProps = {
  jobId: string;
  line: DecidedAddition;
  photos: Photo[];
  /** The photo buttons for this line (the walk-around's picker, passed in by the app). */
  photoPicker: ReactNode;
  onEdit: () => void;
  onRemove: () => void;
  onFailure: (e: unknown) => void;
};

/** One additional line: what, price, why, its photos, and where the customer's decision stands. */
export function AdditionRow({ jobId, line, photos, photoPicker, onEdit, onRemove, onFailure }: AdditionRowProps) {
  const { t, language } = useI18n();
  const { state, how } = lineState(line);
  const undecided = state === 'pending';
  return (
    <li className={`addition-row addition-${state}`}>
      <div className="addition-head">
        <span className="addition-kind">{t(`addition.kind.${line.kind}`)}</span>
        <strong className="addition-name">{line.description}</strong>
        {line.code && <span className="addition-code">{line.code}</span>}
        <span className="addition-money">
          {quantityText(line.quantityMilli)} × {formatFen(line.unitPriceFen, language)} = <strong>{formatFen(lineAmounts(line).netFen, language)}</strong>
        </span>
      </div>
      <p className="addition-reason">{line.reason}</p>
      <p className="addition-state">
        <span className={`addition-badge addition-badge-${state}`}>{t(`addition.state.${state}`)}</span>
        {how && <span className="addition-how">{t(how.key, how.params)}</span>}
      </p>
      <AdditionPhotos jobId={jobId} photos={photos} editable={undecided} onFailure={onFailure} />
      {undecided && (
        <div className="addition-actions">
          {photoPicker}
          <button type="button" className="btn btn-large" onClick={onEdit}>
            {t('addition.edit')}
          </button>
          <button type="button" className="btn btn-large" onClick={onRemove}>
            {t('addition.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

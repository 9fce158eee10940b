import { useId, useState } from 'react';
import { lineAmounts, type EstimateLine, type LineFields } from '../../../shared/estimate.ts';
import { formatFen } from '../../../shared/money.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { discountText } from '../discount-text.ts';
import { formatPriceInput, formatQuantity, parseQuantity, parseUnitPrice } from '../line-input.ts';
import { DiscountPicker } from './DiscountPicker.tsx';
import { NumberField } from './NumberField.tsx';

type LineRowProps = {
  line: EstimateLine;
  /** The unit of sale from the catalogue (升, 个, 工时), when the line came from it. */
  unit: string | undefined;
  onChange: (fields: Partial<LineFields>) => void;
  onRemove: () => void;
};

/** One 维修项目: what it is, the figures the advisor may change, and what it costs. */
export function LineRow({ line, unit, onChange, onRemove }: LineRowProps) {
  const { t, language } = useI18n();
  const descriptionId = useId();
  const discountId = useId();
  // Most lines carry no discount, so its chips stay folded away until asked for.
  const [discountOpen, setDiscountOpen] = useState(false);
  const amounts = lineAmounts(line);
  return (
    <li className="line" aria-labelledby={descriptionId}>
      <div className="line-head">
        <div className="line-name">
          {line.code && (
            <span>
              <span className="line-label">{t('line.code')}</span> <span className="line-code">{line.code}</span>
            </span>
          )}
          <strong id={descriptionId} className="line-description">
            {line.description}
          </strong>
        </div>
        <div className="line-amount">
          <span className="line-label">{t('line.amount')}</span>
          {amounts.discountFen > 0 && <s className="line-gross">{formatFen(amounts.grossFen, language)}</s>}
          <strong>{formatFen(amounts.netFen, language)}</strong>
        </div>
        <button
          type="button"
          className="btn line-delete"
          aria-label={t('line.deleteNamed', { description: line.description })}
          onClick={onRemove}
        >
          ✕ {t('line.delete')}
        </button>
      </div>
      <div className="line-figures">
        <NumberField
          className="line-quantity"
          label={t('line.quantity')}
          value={line.quantityMilli}
          format={formatQuantity}
          parse={parseQuantity}
          onCommit={(quantityMilli) => onChange({ quantityMilli })}
          journalKey={`line:${line.id}:quantity`}
          suffix={unit ?? ''}
        />
        <NumberField
          className="line-price"
          label={t('line.unitPrice')}
          value={line.unitPriceFen}
          format={formatPriceInput}
          parse={parseUnitPrice}
          onCommit={(unitPriceFen) => onChange({ unitPriceFen })}
          journalKey={`line:${line.id}:price`}
          prefix="¥"
        />
        <div className="field line-discount">
          <span className="line-discount-label" id={discountId}>
            {t('line.discount')}
          </span>
          <button
            type="button"
            className="btn line-discount-toggle"
            aria-expanded={discountOpen}
            aria-describedby={discountId}
            onClick={() => setDiscountOpen(!discountOpen)}
          >
            {discountText(line.discountBp, t)} {discountOpen ? '▴' : '▾'}
          </button>
        </div>
      </div>
      {discountOpen && <DiscountPicker value={line.discountBp} onChange={(discountBp) => onChange({ discountBp })} />}
    </li>
  );
}

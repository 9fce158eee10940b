import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { discountText } from '../discount-text.ts';
import { PRESET_DISCOUNTS_BP, formatPercent, parsePercentOff } from '../line-input.ts';
import { NumberField } from './NumberField.tsx';

type DiscountPickerProps = { value: number; onChange: (discountBp: number) => void };

/** The quick 折 chips and, for anything else, a percent-off box. */
export function DiscountPicker({ value, onChange }: DiscountPickerProps) {
  const { t } = useI18n();
  return (
    <div className="discount-picker">
      <div className="chips-compact" role="group" aria-label={t('line.discount')}>
        {PRESET_DISCOUNTS_BP.map((bp) => (
          <Chip key={bp} pressed={value === bp} onToggle={() => onChange(bp)}>
            {discountText(bp, t)}
          </Chip>
        ))}
      </div>
      <NumberField
        className="discount-custom"
        label={t('line.discountPercent')}
        value={value}
        format={formatPercent}
        parse={parsePercentOff}
        onCommit={onChange}
        suffix="%"
        hint={value > 0 ? t('line.discountEquals', { discount: discountText(value, t), pays: formatPercent(10_000 - value) }) : undefined}
      />
    </div>
  );
}

import { useState } from 'react';
import { PROVINCES } from '../../../shared/plate.ts';
import { useI18n } from '../../../ui/i18n.tsx';

// Letters I and O never appear on plates, so the keyboard does not offer them.
const KEYS = [...'1234567890', ...'QWERTYUPASDFGHJKLZXCVBNM', '挂', '学'];

type PlateKeyboardProps = {
  value: string;
  onChange: (next: string) => void;
  onDone: () => void;
};

/**
 * The plate keyboard Chinese car apps offer: first the province abbreviations (typing 粤 on
 * a system keyboard takes several taps), then letters and digits.
 */
export function PlateKeyboard({ value, onChange, onDone }: PlateKeyboardProps) {
  const { t } = useI18n();
  const [page, setPage] = useState<'province' | 'chars'>(value ? 'chars' : 'province');

  function pickProvince(province: string) {
    const rest = value && PROVINCES.includes(value[0] ?? '') ? value.slice(1) : value;
    onChange(province + rest);
    setPage('chars');
  }

  return (
    <div className="plate-keyboard" role="group" aria-label={t('vehicle.plateKeyboard')}>
      <div className="plate-keyboard-tabs">
        <button type="button" className="btn" aria-pressed={page === 'province'} onClick={() => setPage('province')}>
          {t('vehicle.province')}
        </button>
        <button type="button" className="btn" aria-pressed={page === 'chars'} onClick={() => setPage('chars')}>
          A–Z 0–9
        </button>
      </div>
      <div className={`plate-keys plate-keys-${page}`}>
        {(page === 'province' ? PROVINCES : KEYS).map((key) => (
          <button
            key={key}
            type="button"
            className="key"
            onClick={() => (page === 'province' ? pickProvince(key) : onChange(value + key))}
          >
            {key}
          </button>
        ))}
        <button type="button" className="key key-wide" aria-label={t('vehicle.backspace')} onClick={() => onChange(value.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="key key-wide key-done" onClick={onDone}>
          {t('vehicle.done')}
        </button>
      </div>
    </div>
  );
}

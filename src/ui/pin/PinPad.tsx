import { useI18n } from '../i18n.tsx';

type PinPadProps = { value: string; onChange: (value: string) => void; disabled?: boolean; maxLength?: number };

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Large digit keys, as on a phone's lock screen: typed with a thumb while the other hand holds
 * the tablet, and without the system keyboard covering half the screen.
 */
export function PinPad({ value, onChange, disabled = false, maxLength = 8 }: PinPadProps) {
  const { t } = useI18n();
  const press = (digit: string) => value.length < maxLength && onChange(value + digit);
  const key = (digit: string) => (
    <button key={digit} type="button" className="pin-key" disabled={disabled} onClick={() => press(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="pin-pad" role="group" aria-label={t('pin.pad')}>
      {DIGITS.map(key)}
      <button type="button" className="pin-key pin-key-quiet" disabled={disabled || value === ''} onClick={() => onChange('')}>
        {t('pin.clear')}
      </button>
      {key('0')}
      <button type="button" className="pin-key pin-key-quiet" aria-label={t('pin.backspace')} disabled={disabled || value === ''} onClick={() => onChange(value.slice(0, -1))}>
        ⌫
      </button>
    </div>
  );
}

import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import { PROVINCES } from '../../../shared/plate.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import type { KnownVehicle } from '../plate-suggestions.ts';
import '../check-in-desk.css';

// Letters I and O never appear on plates, so the keyboard does not offer them. The last
// characters of trailer, learner, police, Hong Kong, Macau, consulate and rescue plates follow.
const KEYS = [...'1234567890', ...'QWERTYUPASDFGHJKLZXCVBNM', '挂', '学', '警', '港', '澳', '领'];
// 应急 is two characters on one key; 使 (embassy plates) stands where the province would.
const WIDE_KEYS = ['应急'];
const FIRST_CHARS = [...PROVINCES, '使'];

type PlateKeyboardProps = {
  value: string;
  onChange: (next: string) => void;
  onDone: () => void;
  /** Known vehicles whose plate begins with what is typed: one tap picks one. */
  suggestions?: KnownVehicle[];
  onPick?: (vehicle: KnownVehicle) => void;
  /** The prefix entered for the advisor when the keyboard opened, to say so while it stands. */
  prefix?: string;
  /** The keyboard opened by itself (an empty plate on arrival): the note says so, and why. */
  openedItself?: boolean;
};

/**
 * The plate keyboard Chinese car apps offer: first the province abbreviations (typing 粤 on
 * a system keyboard takes several taps), then letters and digits. Above the keys, the known
 * vehicles matching what is typed, as large buttons.
 */
export function PlateKeyboard({ value, onChange, onDone, suggestions = [], onPick, prefix = '', openedItself = false }: PlateKeyboardProps) {
  const { t } = useI18n();
  const [page, setPage] = useState<'province' | 'chars'>(value ? 'chars' : 'province');
  const ref = useRef<HTMLDivElement>(null);
  useKeepInView(ref);

  function pickProvince(province: string) {
    const rest = value && FIRST_CHARS.includes(value[0] ?? '') ? value.slice(1) : value;
    onChange(province + rest);
    setPage('chars');
  }

  return (
    <div ref={ref} className="plate-keyboard" role="group" aria-label={t('vehicle.plateKeyboard')}>
      <div className="plate-keyboard-tabs">
        <button type="button" className="btn" aria-pressed={page === 'province'} onClick={() => setPage('province')}>
          {t('vehicle.province')}
        </button>
        <button type="button" className="btn" aria-pressed={page === 'chars'} onClick={() => setPage('chars')}>
          A–Z 0–9
        </button>
      </div>
      {prefix && value === prefix && (
        <p className="plate-prefix-note">{t(openedItself ? 'plate.openedNote' : 'plate.prefixNote', { prefix })}</p>
      )}
      {suggestions.length > 0 && onPick && (
        <div className="plate-suggestions" role="group" aria-label={t('plate.known')}>
          {suggestions.map((vehicle) => (
            <button key={vehicle.plate} type="button" className="btn plate-suggestion" onClick={() => onPick(vehicle)}>
              {t('plate.knownVehicle', { plate: vehicle.plate, name: vehicle.customerName || '—', date: formatLocalDateTime(vehicle.lastVisitAt).slice(0, 10) })}
            </button>
          ))}
        </div>
      )}
      <div className={`plate-keys plate-keys-${page}`}>
        {(page === 'province' ? FIRST_CHARS : KEYS).map((key) => (
          <button
            key={key}
            type="button"
            className="key"
            onClick={() => (page === 'province' ? pickProvince(key) : onChange(value + key))}
          >
            {key}
          </button>
        ))}
        {page === 'chars' &&
          WIDE_KEYS.map((key) => (
            <button key={key} type="button" className="key key-wide" onClick={() => onChange(value + key)}>
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

/**
 * Keeps the keyboard, down to its bottom row (⌫, 完成), on screen while it is open: when it
 * opens, and when a message appearing above it (an error under the plate, a banner) pushes it
 * down. The step bar leaves its sticky place while the keyboard is open (styles.css), so
 * nothing covers the keys once they are in view.
 */
function useKeepInView(ref: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const keyboard = ref.current;
    if (!keyboard) return;
    const reveal = () => {
      const box = keyboard.getBoundingClientRect();
      if (box.bottom > window.innerHeight || box.top < 0) keyboard.scrollIntoView({ block: 'nearest' });
    };
    reveal();
    // The page above the keyboard changes height when a message comes or goes; the keyboard
    // itself when it turns from provinces to letters (a row more).
    const observer = new ResizeObserver(reveal);
    observer.observe(keyboard.closest('main') ?? document.body);
    observer.observe(keyboard);
    return () => observer.disconnect();
  }, [ref]);
}

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Card, Fuel } from '../../../shared/job.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { useFieldError } from '../hooks/use-field-error.ts';

const EIGHTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const BATTERY_STEPS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

// The marks a dashboard fuel gauge shows, from empty to full.
const GAUGE_LABELS = ['E', '1/8', '1/4', '3/8', '1/2', '5/8', '3/4', '7/8', 'F'] as const;

/** A gauge to tap, like the one on the dashboard: E … F in eighths, or battery % for an EV. */
export function FuelGauge() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const fuel = useWatch<Card, 'fuel'>({ name: 'fuel' });
  const error = useFieldError('fuel');
  // Switching between gauge and battery stores nothing until a level is tapped: no made-up value.
  const [kind, setKind] = useState<Fuel['kind']>(fuel?.kind ?? 'gauge');
  const set = (next: Fuel) => setValue('fuel', next, { shouldValidate: true, shouldTouch: true });

  return (
    <fieldset className={`group${error ? ' field-invalid' : ''}`}>
      <legend>{t('fuel')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('fuel')}>
        <button type="button" role="radio" aria-checked={kind === 'gauge'} className="btn" onClick={() => setKind('gauge')}>
          {t('fuel.gauge')}
        </button>
        <button type="button" role="radio" aria-checked={kind === 'battery'} className="btn" onClick={() => setKind('battery')}>
          {t('fuel.ev')}
        </button>
      </div>
      {kind === 'gauge' ? (
        <div className="gauge" role="radiogroup" aria-label={t('fuel.gauge')}>
          {EIGHTHS.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={fuel?.kind === 'gauge' && fuel.eighths === n}
              className={`gauge-step${fuel?.kind === 'gauge' && n <= fuel.eighths ? ' gauge-filled' : ''}`}
              onClick={() => set({ kind: 'gauge', eighths: n })}
            >
              {GAUGE_LABELS[n]}
            </button>
          ))}
        </div>
      ) : (
        <div className="gauge" role="radiogroup" aria-label={t('fuel.battery')}>
          {BATTERY_STEPS.map((percent) => (
            <button
              key={percent}
              type="button"
              role="radio"
              aria-checked={fuel?.kind === 'battery' && fuel.percent === percent}
              className={`gauge-step${fuel?.kind === 'battery' && percent <= fuel.percent ? ' gauge-filled' : ''}`}
              onClick={() => set({ kind: 'battery', percent })}
            >
              {percent}%
            </button>
          ))}
        </div>
      )}
      {error && <div className="field-error" role="alert">{error}</div>}
    </fieldset>
  );
}

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Card, Fuel } from '../../../shared/job.ts';
import { GAUGE_LABELS } from '../../../shared/vehicle-condition.ts';
import { ChoiceRow } from '../../../ui/ChoiceRow.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { useFieldError } from '../hooks/use-field-error.ts';

const FUEL_KINDS = ['gauge', 'battery'] as const satisfies readonly Fuel['kind'][];
const KIND_LABELS = { gauge: 'fuel.gauge', battery: 'fuel.ev' } as const;


/** Each scale from empty to full: its steps, the text on each, and the value a step stores. */
const SCALES = {
  gauge: {
    label: 'fuel.gauge',
    steps: [0, 1, 2, 3, 4, 5, 6, 7, 8],
    text: (eighths: number) => GAUGE_LABELS[eighths] ?? '',
    fuel: (eighths: number): Fuel => ({ kind: 'gauge', eighths }),
  },
  battery: {
    label: 'fuel.battery',
    steps: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    text: (percent: number) => `${percent}%`,
    fuel: (percent: number): Fuel => ({ kind: 'battery', percent }),
  },
} as const;

const levelOf = (fuel: Fuel) => (fuel.kind === 'gauge' ? fuel.eighths : fuel.percent);

/** A gauge to tap, like the one on the dashboard: E … F in eighths, or battery % for an EV. */
export function FuelGauge() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const fuel = useWatch<Card, 'fuel'>({ name: 'fuel' });
  const error = useFieldError('fuel');
  // Switching between gauge and battery stores nothing until a level is tapped: no made-up value.
  const [kind, setKind] = useState<Fuel['kind']>(fuel?.kind ?? 'gauge');
  const scale = SCALES[kind];
  const level = fuel?.kind === kind ? levelOf(fuel) : null;

  return (
    <fieldset className={`group${error ? ' field-invalid' : ''}`}>
      <legend>{t('fuel')}</legend>
      <ChoiceRow label={t('fuel')} options={FUEL_KINDS} value={kind} onChoose={setKind} optionLabel={(k) => t(KIND_LABELS[k])} />
      <ChoiceRow
        label={t(scale.label)}
        className="gauge"
        options={scale.steps}
        value={level}
        onChoose={(step) => setValue('fuel', scale.fuel(step), { shouldValidate: true, shouldTouch: true })}
        optionLabel={scale.text}
        // Filled up to the level tapped, as on the dashboard.
        optionClass={(step) => `gauge-step${level !== null && step <= level ? ' gauge-filled' : ''}`}
      />
      {error && <div className="field-error" role="alert">{error}</div>}
    </fieldset>
  );
}

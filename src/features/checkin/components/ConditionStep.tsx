import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { MAX_ODOMETER_KM, WARNING_LIGHTS, type Card } from '../../../shared/job.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { useFieldError } from '../hooks/use-field-error.ts';
import '../check-in-desk.css';
import { FuelGauge } from './FuelGauge.tsx';
import { TextField } from './TextField.tsx';

export function ConditionStep({ lastOdometerKm }: { lastOdometerKm: number | null }) {
  return (
    // Side by side on a landscape tablet: the warning lights stay above the fold whatever the
    // mileage field says (its last reading, a lower-reading warning) or a banner above adds.
    <div className="step-columns">
      <div>
        <OdometerField lastOdometerKm={lastOdometerKm} />
        <FuelGauge />
      </div>
      <WarningLights />
    </div>
  );
}

/**
 * Mileage as typed text: only a whole number within reason is stored; anything else stays on
 * screen with a message and the stored value is left alone (never garbage in the card).
 */
function OdometerField({ lastOdometerKm }: { lastOdometerKm: number | null }) {
  const { t } = useI18n();
  const { getValues, setValue, trigger } = useFormContext<Card>();
  const [text, setText] = useState(() => String(getValues('odometerKm') ?? ''));
  const [refused, setRefused] = useState<'odometer.notNumber' | 'odometer.tooHigh' | null>(null);
  const accepted = useWatch<Card, 'odometerLowerAccepted'>({ name: 'odometerLowerAccepted' });
  const ruleError = useFieldError('odometerKm');
  const km = useWatch<Card, 'odometerKm'>({ name: 'odometerKm' });
  const isLower = km !== null && lastOdometerKm !== null && km < lastOdometerKm;

  function onChange(next: string) {
    setText(next);
    const digits = next.replace(/[\s,]/g, '');
    if (digits === '') return store(null);
    if (!/^\d+$/.test(digits)) return setRefused('odometer.notNumber');
    const value = Number(digits);
    if (value > MAX_ODOMETER_KM) return setRefused('odometer.tooHigh');
    store(value);
  }

  function store(value: number | null) {
    setRefused(null);
    setValue('odometerKm', value, { shouldValidate: true, shouldTouch: true });
    if (accepted) setValue('odometerLowerAccepted', false);
  }

  return (
    <div>
      <Field
        label={t('odometer')}
        error={refused ? t(refused) : ruleError}
        hint={lastOdometerKm !== null ? t('odometer.last', { km: lastOdometerKm.toLocaleString('en') }) : undefined}
      >
        {(a11y) => (
          <input {...a11y} value={text} onChange={(e) => onChange(e.target.value)} inputMode="numeric" autoComplete="off" />
        )}
      </Field>
      {isLower && !accepted && !refused && (
        <button
          type="button"
          className="btn btn-warning"
          onClick={() => {
            setValue('odometerLowerAccepted', true);
            // The message sits on the mileage, so the mileage is what must be validated again.
            void trigger('odometerKm');
          }}
        >
          {t('odometer.accept')}
        </button>
      )}
    </div>
  );
}

function WarningLights() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const lights = useWatch<Card, 'warningLights'>({ name: 'warningLights' }) ?? {};
  return (
    <fieldset className="group">
      <legend>{t('warningLights')}</legend>
      <div className="chips">
        {WARNING_LIGHTS.map((light) => (
          <Chip
            key={light}
            tone="warning"
            pressed={Boolean(lights[light])}
            onToggle={() => setValue(`warningLights.${light}`, !lights[light])}
          >
            {t(`light.${light}`)}
          </Chip>
        ))}
      </div>
      {lights.other && <TextField path="warningLightsNote" label="warningLightsNote" />}
    </fieldset>
  );
}

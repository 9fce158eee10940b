import { useFormContext, useWatch } from 'react-hook-form';
import { BELONGINGS, type Card } from '../../../shared/job.ts';
import { formatLocalDateTime, nowIso } from '../../../shared/local-time.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { useFieldError } from '../hooks/use-field-error.ts';
import { TextField } from './TextField.tsx';

export function BelongingsStep() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const belongings = useWatch<Card, 'belongings'>({ name: 'belongings' }) ?? {};
  return (
    <>
      <fieldset className="group">
        <legend>{t('belongings')}</legend>
        <div className="chips">
          {BELONGINGS.map((item) => (
            <Chip key={item} pressed={Boolean(belongings[item])} onToggle={() => setValue(`belongings.${item}`, !belongings[item])}>
              {t(`belonging.${item}`)}
            </Chip>
          ))}
        </div>
        <TextField path="belongingsNote" label="belongingsNote" />
      </fieldset>
      <ValuablesReminder />
    </>
  );
}

/** The 贵重物品 reminder, which the customer confirms; the time is kept. */
function ValuablesReminder() {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const confirmedAt = useWatch<Card, 'valuablesConfirmedAt'>({ name: 'valuablesConfirmedAt' });
  const error = useFieldError('valuablesConfirmedAt');
  return (
    <section className={`group valuables${error ? ' field-invalid' : ''}`} aria-labelledby="valuables-title">
      <h3 id="valuables-title">⚠ {t('valuables')}</h3>
      <p>{t('valuables.text')}</p>
      {confirmedAt ? (
        <p className="confirmed">
          ✓ {t('valuables.confirmedAt', { time: formatLocalDateTime(confirmedAt) })}{' '}
          <button type="button" className="btn btn-link" onClick={() => setValue('valuablesConfirmedAt', null)}>
            {t('valuables.undo')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setValue('valuablesConfirmedAt', nowIso(), { shouldValidate: true, shouldTouch: true })}
        >
          {t('valuables.confirm')}
        </button>
      )}
      {error && <div className="field-error" role="alert">{error}</div>}
    </section>
  );
}

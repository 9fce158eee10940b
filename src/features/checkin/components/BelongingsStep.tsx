import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { BELONGINGS, type Belonging, type Card, type Job } from '../../../shared/job.ts';
import { formatLocalDateTime, nowIso } from '../../../shared/local-time.ts';
import { Chip } from '../../../ui/Chip.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { belongingsDefaults } from '../../../shared/previous-visit.ts';
import { useFieldError } from '../hooks/use-field-error.ts';
import { useLastVisit } from '../../../ui/sync/use-last-visit.ts';
import { TextField } from './TextField.tsx';

export function BelongingsStep({ job }: { job: Job }) {
  const { t } = useI18n();
  const { setValue } = useFormContext<Card>();
  const belongings = useWatch<Card, 'belongings'>({ name: 'belongings' }) ?? {};
  const carried = useLastTimeBelongings(job);
  return (
    <>
      <fieldset className="group">
        <legend>{t('belongings')}</legend>
        {carried.length > 0 && (
          <p className="banner banner-info" role="status">
            {t('previous.belongingsFromLast', { items: carried.map((item) => t(`belonging.${item}`)).join('、') })}
          </p>
        )}
        <div className="chips">
          {BELONGINGS.map((item) => (
            <Chip key={item} pressed={Boolean(belongings[item])} onToggle={() => setValue(`belongings.${item}`, !belongings[item])}>
              {t(`belonging.${item}`)}
            </Chip>
          ))}
        </div>
        <TextField path="belongingsNote" label="belongingsNote" />
      </fieldset>
    </>
  );
}

/**
 * Last visit's belongings ticked where this visit has not set them either way yet (the advisor
 * unticks what is not in the car this time); returns what it ticked, to say so.
 */
function useLastTimeBelongings(job: Job): Belonging[] {
  const { getValues, setValue } = useFormContext<Card>();
  const last = useLastVisit(job);
  const [carried, setCarried] = useState<Belonging[]>([]);
  const lastBelongings = last?.visit.card.belongings;
  useEffect(() => {
    if (!lastBelongings) return;
    const defaults = Object.keys(belongingsDefaults(getValues('belongings') ?? {}, lastBelongings)) as Belonging[];
    for (const item of defaults) setValue(`belongings.${item}`, true, { shouldDirty: true });
    if (defaults.length > 0) setCarried(defaults);
  }, [getValues, lastBelongings, setValue]);
  return carried;
}

/** The 贵重物品 reminder, which the customer confirms; the time is kept. */
export function ValuablesReminder() {
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

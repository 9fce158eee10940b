import { useEffect, useRef } from 'react';
import type { HandoverPatch } from '../../../shared/handover.ts';
import type { Job } from '../../../shared/job.ts';
import { serviceInterval } from '../../../shared/next-service.ts';
import { useI18n } from '../../../ui/i18n.tsx';
import { NumberField } from '../../../ui/NumberField.tsx';
import { formatKmText, parseKm } from '../bill-input.ts';
import { firstViewPatch, nextServiceDefault, nextServiceDefaultPatch, writesNextServiceDefault } from '../next-service-default.ts';

type NextServiceSectionProps = { job: Job; save: (fields: HandoverPatch) => void };

/**
 * 下次保养: date and mileage, whichever comes first. The service type's default is written the
 * first time this is seen with the car ready (待交车) or handed back, so it is never left blank;
 * before that it is only suggested. The advisor may change either, or take the default with one tap.
 */
export function NextServiceSection({ job, save }: NextServiceSectionProps) {
  const { t } = useI18n();
  const written = useRef<string | null>(null);
  const { nextServiceDate, nextServiceKm } = job.handover;

  useEffect(() => {
    // Once per card per mount: a re-render before the write comes back must not write again.
    // Before 待交车 nothing is written, so the card moving to 待交车 while this is open writes then.
    if (written.current === job.id || !writesNextServiceDefault(job.status)) return;
    written.current = job.id;
    const patch = firstViewPatch(job, new Date());
    if (patch) save(patch);
  }, [job, save]);

  const fallback = nextServiceDefault(job, new Date());
  const interval = serviceInterval(job.card.serviceTypes);
  const isDefault = nextServiceDate === fallback.date && nextServiceKm === fallback.km;
  const suggested = nextServiceDate === null && nextServiceKm === null && !writesNextServiceDefault(job.status);
  const defaultKm = formatKmText(fallback.km, t('bill.next.kmUnknown'));
  return (
    <section className="bill-section" aria-labelledby="bill-next-heading">
      <h2 id="bill-next-heading">{t('bill.next.title')}</h2>
      <p className="field-hint">{t('bill.next.rule', { months: interval.months, km: interval.km.toLocaleString('en-US') })}</p>
      {suggested && <p className="field-hint">{t('bill.next.suggested', { date: fallback.date, km: defaultKm })}</p>}
      <div className="bill-entry-row">
        <div className="field">
          <label htmlFor="bill-next-date">{t('bill.next.date')}</label>
          <input
            id="bill-next-date"
            type="date"
            value={nextServiceDate ?? ''}
            onChange={(event) => {
              // A date input gives a whole YYYY-MM-DD or nothing: nothing means "not told".
              const value = event.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/u.test(value) || value === '') save({ nextServiceDate: value || null });
            }}
          />
        </div>
        <NumberField
          label={t('bill.next.km')}
          value={nextServiceKm}
          format={(km) => (km === null ? '' : String(km))}
          parse={parseKm}
          onCommit={(km) => save({ nextServiceKm: km })}
        />
      </div>
      {!isDefault && (
        <button type="button" className="btn btn-large" onClick={() => save(nextServiceDefaultPatch(job, new Date()))}>
          {t('bill.next.useDefault', { date: fallback.date, km: defaultKm })}
        </button>
      )}
    </section>
  );
}

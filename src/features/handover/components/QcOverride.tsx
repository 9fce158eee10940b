import { useState } from 'react';
import { db } from '../../../db/instance.ts';
import { overrideQualityCheck } from '../../../db/work-repo.ts';
import { formatLocalDateTime } from '../../../shared/local-time.ts';
import type { QualityCheck } from '../../../shared/quality-check.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

type QcOverrideProps = {
  jobId: string;
  override: QualityCheck['override'];
  who: (advisorId: string | null) => string;
  save: (work: Promise<unknown>) => void;
};

/** Lets the car go to 待交车 despite the check: only with a reason, which is kept and shown. */
export function QcOverride({ jobId, override, who, save }: QcOverrideProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState(false);

  if (override && override.reason.trim()) {
    return (
      <p className="banner banner-warning-soft" role="status">
        {t('qc.override.done', { reason: override.reason, who: who(override.advisorId), time: formatLocalDateTime(override.at) })}
      </p>
    );
  }

  const submit = () => {
    const text = reason.trim();
    setRefused(text === '');
    if (text) save(overrideQualityCheck(db, jobId, text));
  };

  return (
    <section className="group qc-override" aria-label={t('qc.override.title')}>
      <h3>{t('qc.override.title')}</h3>
      <Field label={t('qc.override.reason')} error={refused ? t('qc.override.required') : undefined}>
        {(a11y) => <textarea {...a11y} rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="button" className="btn btn-large btn-warning-solid" onClick={submit}>
        {t('qc.override.submit')}
      </button>
    </section>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { recordPhoneApproval } from '../../../db/addition-repo.ts';
import { db } from '../../../db/instance.ts';
import type { DecidedAddition, Decision } from '../../../shared/additions.ts';
import { lineAmounts } from '../../../shared/estimate.ts';
import type { Job } from '../../../shared/job.ts';
import { formatFen } from '../../../shared/money.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';
import { clockInputOf, isoOfClockInput } from '../addition-input.ts';
import { FormActions } from './FormActions.tsx';

type PhoneApprovalFormProps = {
  job: Job;
  pending: DecidedAddition[];
  /** The new promised time proposed with the additions, and its field (the estimate's, from the app). */
  promisedAt: string | null;
  promisedAtField: ReactNode;
  onDone: () => void;
  onCancel: () => void;
  onFailure: (e: unknown) => void;
};

/**
 * 电话确认: the advisor called the customer and records, for each waiting line, what they
 * said, with the time of the call, the number called and who agreed. Saved as a phone
 * confirmation, never as a signature.
 */
export function PhoneApprovalForm({ job, pending, promisedAt, promisedAtField, onDone, onCancel, onFailure }: PhoneApprovalFormProps) {
  const { t, language } = useI18n();
  const [choices, setChoices] = useState<Record<string, Decision>>({});
  const [calledAt, setCalledAt] = useState(() => clockInputOf(new Date().toISOString()));
  const [phone, setPhone] = useState(job.card.customer.phone);
  const [agreedBy, setAgreedBy] = useState(job.card.customer.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const required = (value: string) => (value.trim() === '' ? t('addition.phoneRequired') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const calledIso = isoOfClockInput(calledAt);
    const decided = pending.every((line) => choices[line.id] !== undefined);
    if (!decided) return setProblem(t('addition.phoneChooseAll'));
    if (calledIso === null) return setProblem(t('addition.phoneTimeInvalid'));
    if (phone.trim() === '' || agreedBy.trim() === '') return setProblem(t('addition.phoneRequired'));
    setProblem(null);
    setSaving(true);
    try {
      await recordPhoneApproval(db, job.id, { decisions: choices, promisedAt, calledAt: calledIso, phone: phone.trim(), agreedBy: agreedBy.trim() });
      onDone();
    } catch (error) {
      onFailure(error);
      setSaving(false);
    }
  }

  return (
    <form className="group addition-phone" noValidate aria-label={t('addition.phoneTitle')} onSubmit={(e) => void submit(e)}>
      <h3>{t('addition.phoneTitle')}</h3>
      <p className="addition-lead">{t('addition.phoneLead')}</p>
      <ul className="addition-decide-list">
        {pending.map((line) => (
          <li key={line.id} className="addition-decide-row">
            <span>
              <strong>{line.description}</strong> {formatFen(lineAmounts(line).netFen, language)}
            </span>
            <DecisionButtons name={line.description} value={choices[line.id] ?? null} onChoose={(d) => setChoices({ ...choices, [line.id]: d })} />
          </li>
        ))}
      </ul>
      <div className="addition-form-numbers">
        <Field label={t('addition.phoneCalledAt')}>
          {(a11y) => <input {...a11y} type="datetime-local" value={calledAt} onChange={(e) => setCalledAt(e.target.value)} />}
        </Field>
        <Field label={t('addition.phoneNumber')} error={required(phone)}>
          {(a11y) => <input {...a11y} type="tel" value={phone} maxLength={30} autoComplete="off" onChange={(e) => setPhone(e.target.value)} />}
        </Field>
        <Field label={t('addition.phoneAgreedBy')} error={required(agreedBy)}>
          {(a11y) => <input {...a11y} value={agreedBy} maxLength={50} autoComplete="off" onChange={(e) => setAgreedBy(e.target.value)} />}
        </Field>
      </div>
      {promisedAtField}
      {problem && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
      <FormActions submitLabel={t('addition.phoneSave')} saving={saving} onCancel={onCancel} />
    </form>
  );
}

type DecisionButtonsProps = { name: string; value: Decision | null; onChoose: (decision: Decision) => void };

/** 同意 / 不需要 for one line, as two large toggle buttons. */
export function DecisionButtons({ name, value, onChoose }: DecisionButtonsProps) {
  const { t } = useI18n();
  return (
    <span className="addition-decision" role="group" aria-label={name}>
      <button type="button" className="btn btn-large addition-approve" aria-pressed={value === 'approved'} onClick={() => onChoose('approved')}>
        {t('addition.approve')}
      </button>
      <button type="button" className="btn btn-large addition-decline" aria-pressed={value === 'declined'} onClick={() => onChoose('declined')}>
        {t('addition.decline')}
      </button>
    </span>
  );
}

import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { pinProblem, PinRefused } from '../../db/pin-repo.ts';
import { errorText } from '../../shared/error-text.ts';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';

type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

type PinSetupFieldsProps = {
  /** Stores the PIN; rejects with PinRefused (pin-repo.ts) for a malformed or guessable one. */
  save: (pin: string) => Promise<void>;
  onDone: () => void;
  onCancel?: () => void;
  submitLabel: string;
  /** Buttons before the save button (cancel, keep the old PIN). */
  actions?: ReactNode;
};

/**
 * A new PIN typed twice, with the reason a PIN is refused (4–8 digits, nothing a bystander
 * guesses first: 1234, 0000). No <form>: this may render inside the check-in form, and Enter
 * must not submit that.
 */
export function PinSetupFields({ save, onDone, onCancel, submitLabel, actions }: PinSetupFieldsProps) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (saving) return;
    const problem = pinProblem(pin);
    if (problem) return setError(t(`pin.${problem}`));
    if (pin !== repeat) return setError(t('pin.mismatch'));
    setSaving(true);
    try {
      await save(pin);
      onDone();
    } catch (e) {
      setError(e instanceof PinRefused ? t(`pin.${e.reason}`) : t('pin.failed', { reason: errorText(e) }));
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') onCancel?.();
  }

  const pinInput = (value: string, set: (v: string) => void, autoFocus: boolean) => (props: FieldProps) => (
    <input
      {...props}
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => {
        set(e.target.value);
        setError(null);
      }}
      onKeyDown={onKeyDown}
    />
  );

  return (
    <>
      <Field label={t('pin.new')} hint={t('pin.format')}>
        {pinInput(pin, setPin, true)}
      </Field>
      <Field label={t('pin.repeat')} error={error ?? undefined}>
        {pinInput(repeat, setRepeat, false)}
      </Field>
      <div className="pin-actions">
        {actions}
        <button type="button" className="btn btn-primary btn-large" disabled={saving} onClick={() => void submit()}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

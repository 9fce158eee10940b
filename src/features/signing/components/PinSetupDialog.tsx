import { useId, useState, type KeyboardEvent } from 'react';
import { db } from '../../../db/instance.ts';
import { PinRefused, setPin } from '../../../db/pin-repo.ts';
import { Field } from '../../../ui/Field.tsx';
import { useI18n } from '../../../ui/i18n.tsx';

type PinSetupDialogProps = { onDone: () => void; onCancel: () => void };

/**
 * The first hand-over on this tablet asks for the advisor PIN that will end customer mode,
 * typed twice. No <form>: this renders inside the check-in form, and Enter must not submit it.
 */
export function PinSetupDialog({ onDone, onCancel }: PinSetupDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [pin, setPinText] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    if (saving) return;
    if (pin !== repeat) {
      setError(t('pin.mismatch'));
      return;
    }
    setSaving(true);
    try {
      await setPin(db, pin);
      onDone();
    } catch (e) {
      setError(e instanceof PinRefused ? t(`pin.${e.reason}`) : t('pin.failed', { reason: e instanceof Error ? e.message : String(e) }));
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') onCancel();
  }

  const pinInput = (value: string, set: (v: string) => void, autoFocus: boolean) => (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => (
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
    <div className="signing-backdrop">
      <div className="signing-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h3 id={titleId}>{t('pin.set')}</h3>
        <p className="field-hint">{t('pin.setHint')}</p>
        <Field label={t('pin.new')} hint={t('pin.format')}>
          {pinInput(pin, setPinText, true)}
        </Field>
        <Field label={t('pin.repeat')} error={error ?? undefined}>
          {pinInput(repeat, setRepeat, false)}
        </Field>
        <div className="signing-dialog-actions">
          <button type="button" className="btn btn-large" onClick={onCancel}>
            {t('pin.cancel')}
          </button>
          <button type="button" className="btn btn-primary btn-large" disabled={saving} onClick={() => void save()}>
            {t('pin.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
